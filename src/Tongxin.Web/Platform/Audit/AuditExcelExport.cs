using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Tongxin.Platform.Accounts;

namespace Tongxin.Platform.Audit;

/// <summary>An export ready to download; the stream deletes its temporary file when closed.</summary>
public sealed record AuditExportFile(Stream Content, int Rows, string FileName)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>Writes audit rows to an .xlsx file with the SAX-style <see cref="OpenXmlWriter"/>: one
/// row at a time into a temporary file, with inline strings, so 100,000 rows need no more memory
/// than ten. (ClosedXML builds the whole workbook in memory first.)</summary>
public sealed class AuditExcelExport
{
    private const int MaxCellLength = 32767;

    private static readonly string[] Headers =
        ["序号", "时间（北京时间）", "用户", "角色", "政协组织", "操作", "对象类型", "对象编号", "结果", "详情", "IP 地址"];

    public async Task<AuditExportFile> WriteAsync(IAsyncEnumerable<AuditRow> rows, IReadOnlyDictionary<Guid, string> committeeNames, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        var count = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
            {
                using var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook);
                var workbook = document.AddWorkbookPart();
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                using (var writer = OpenXmlWriter.Create(sheetPart))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteStartElement(new SheetData());
                    WriteRow(writer, Headers);
                    await foreach (var row in rows.WithCancellation(ct))
                    {
                        WriteRow(writer,
                        [
                            row.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            row.LocalTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
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

                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "审计日志" }));
                workbook.Workbook.Save();
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

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            writer.WriteElement(new Cell(new InlineString(new Text(Clean(value)) { Space = SpaceProcessingModeValues.Preserve }))
            {
                DataType = CellValues.InlineString,
            });
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
