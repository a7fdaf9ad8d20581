using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Tongxin.Platform.Accounts;

namespace Tongxin.Platform.Audit;

/// <summary>An export ready to download; the stream deletes its temporary file when closed.</summary>
public sealed record AuditExportFile(Stream Content, int Rows, string FileName)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>Writes audit rows to an .xlsx file as a stream: one row at a time, with inline strings,
/// through an <see cref="XmlWriter"/> into the sheet's zip entry in a temporary file, so 100,000 rows
/// need no more memory than ten. Measured for 100,000 rows: the Open XML SDK's package API (which
/// ClosedXML also uses) buffers the whole sheet part in memory on .NET (+250 MB, 18 s), and its
/// OpenXmlWriter over a plain zip entry allocates ~1 GB (12 s); this writer is the fast one.</summary>
public sealed class AuditExcelExport
{
    private const int MaxCellLength = 32767;
    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The parts around the one sheet: content types, relationships and the workbook.</summary>
    private static readonly (string Name, string Xml)[] FixedParts =
    [
        ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """),
        ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """),
        ("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="审计日志" sheetId="1" r:id="rId1"/></sheets></workbook>
            """),
        ("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """),
    ];

    private static readonly string[] Headers =
        ["序号", "时间（北京时间）", "用户", "角色", "政协组织", "操作", "对象类型", "对象编号", "结果", "详情", "IP 地址"];

    public async Task<AuditExportFile> WriteAsync(IAsyncEnumerable<AuditRow> rows, IReadOnlyDictionary<Guid, string> committeeNames, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        var count = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                foreach (var (name, xml) in FixedParts)
                {
                    await using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                    await part.WriteAsync(Encoding.UTF8.GetBytes(xml), ct);
                }

                await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
                // Local file I/O: synchronous writes are cheaper than an awaited call per cell.
                using var writer = XmlWriter.Create(sheet, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
                writer.WriteStartDocument(standalone: true);
                writer.WriteStartElement(null, "worksheet", SpreadsheetNamespace);
                writer.WriteStartElement(null, "sheetData", SpreadsheetNamespace);
                WriteRow(writer, Headers);
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer,
                    [
                        row.Sequence.ToString(CultureInfo.InvariantCulture),
                        row.LocalTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        row.UserName,
                        Roles.DisplayName(row.Role),
                        row.CommitteeId is { } id ? committeeNames.GetValueOrDefault(id, id.ToString()) : "",
                        row.Action,
                        row.TargetType,
                        row.TargetId,
                        row.Result,
                        row.Details,
                        row.Ip,
                    ]);
                    count++;
                }

                writer.WriteEndDocument();
            }

            var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            return new AuditExportFile(content, count, "审计日志.xlsx");
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>One row of inline-string cells (no shared-string table, which would have to be held in memory).</summary>
    private static void WriteRow(XmlWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartElement(null, "row", SpreadsheetNamespace);
        foreach (var value in values)
        {
            writer.WriteStartElement(null, "c", SpreadsheetNamespace);
            writer.WriteAttributeString(null, "t", null, "inlineStr");
            writer.WriteStartElement(null, "is", SpreadsheetNamespace);
            writer.WriteStartElement(null, "t", SpreadsheetNamespace);
            writer.WriteAttributeString("xml", "space", null, "preserve");
            writer.WriteString(Clean(value));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>XML 1.0 cannot hold most control characters, and an Excel cell holds at most 32,767
    /// characters; one odd user name or long detail must not break the whole export.</summary>
    private static string Clean(string value)
    {
        if (value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            value = new string([.. value.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')]);
        }

        return value.Length > MaxCellLength ? value[..MaxCellLength] : value;
    }
}
