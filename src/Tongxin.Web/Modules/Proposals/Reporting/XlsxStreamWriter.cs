using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Tongxin.Modules.Proposals.Reporting;

/// <summary>Writes one-sheet .xlsx workbooks row by row with bounded memory. ClosedXML and the
/// OpenXML SDK's package layer keep the whole sheet in memory (a 100,000-row export would take
/// hundreds of MB), so this writes the zip entries itself: the sheet XML goes through an
/// <see cref="XmlWriter"/> straight into a deflate stream (the SDK's OpenXmlWriter builds an element
/// object per cell, which was most of a large export's time), cells are inline strings (no
/// shared-string table to hold), and the few fixed parts are constant text.
/// The zip is written in create mode, which needs no seeking, but writes synchronously, so callers
/// give it a file or memory stream and copy that to the response asynchronously.</summary>
public sealed class XlsxStreamWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly ZipArchive zip;
    private readonly XmlWriter sheet;
    private uint rowIndex;
    private bool finished;

    /// <summary>A list export: <paramref name="rows"/> streamed into a one-sheet workbook in a
    /// self-deleting temporary file, then <paramref name="auditAsync"/> with the row count (the
    /// export's audit entry and save). Returns the file at position 0; disposing it deletes it (a
    /// FileStreamResult does). On failure the file is deleted and the error passed on.</summary>
    public static async Task<Stream> ExportAsync<T>(
        IAsyncEnumerable<T> rows,
        string sheetName,
        IReadOnlyList<double> columnWidths,
        IEnumerable<string> headers,
        Func<T, IEnumerable<object?>> toRow,
        Func<int, Task> auditAsync,
        CancellationToken ct = default)
    {
        var file = TempFile();
        try
        {
            var count = 0;
            using (var xlsx = new XlsxStreamWriter(file, sheetName, columnWidths))
            {
                xlsx.WriteHeader(headers);
                await foreach (var row in rows.WithCancellation(ct))
                {
                    count++;
                    xlsx.WriteRow(toRow(row));
                }

                xlsx.Finish();
            }

            await auditAsync(count);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>A temporary file that deletes itself when closed.</summary>
    internal static FileStream TempFile() =>
        new(Path.Combine(Path.GetTempPath(), $"tongxin-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    /// <param name="output">Where the workbook goes; left open.</param>
    /// <param name="sheetName">The tab name (at most 31 characters).</param>
    /// <param name="columnWidths">Width of each column in characters.</param>
    public XlsxStreamWriter(Stream output, string sheetName, IReadOnlyList<double> columnWidths)
    {
        zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Fixed("[Content_Types].xml", ContentTypes);
        Fixed("_rels/.rels", RootRels);
        Fixed("xl/workbook.xml", Workbook(sheetName));
        Fixed("xl/_rels/workbook.xml.rels", WorkbookRels);
        Fixed("xl/styles.xml", Styles);
        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        sheet = XmlWriter.Create(entry.Open(), new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
        sheet.WriteStartDocument(standalone: true);
        sheet.WriteStartElement("worksheet", Main);
        // The header row stays visible while scrolling.
        sheet.WriteStartElement("sheetViews", Main);
        sheet.WriteStartElement("sheetView", Main);
        sheet.WriteAttributeString("workbookViewId", "0");
        sheet.WriteStartElement("pane", Main);
        sheet.WriteAttributeString("ySplit", "1");
        sheet.WriteAttributeString("topLeftCell", "A2");
        sheet.WriteAttributeString("activePane", "bottomLeft");
        sheet.WriteAttributeString("state", "frozen");
        sheet.WriteEndElement();
        sheet.WriteEndElement();
        sheet.WriteEndElement();
        sheet.WriteStartElement("cols", Main);
        for (var i = 0; i < columnWidths.Count; i++)
        {
            var column = (i + 1).ToString(CultureInfo.InvariantCulture);
            sheet.WriteStartElement("col", Main);
            sheet.WriteAttributeString("min", column);
            sheet.WriteAttributeString("max", column);
            sheet.WriteAttributeString("width", columnWidths[i].ToString(CultureInfo.InvariantCulture));
            sheet.WriteAttributeString("customWidth", "1");
            sheet.WriteEndElement();
        }

        sheet.WriteEndElement();
        sheet.WriteStartElement("sheetData", Main);
    }

    /// <summary>Rows written so far, the header included.</summary>
    public uint RowCount => rowIndex;

    /// <summary>A bold header row.</summary>
    public void WriteHeader(IEnumerable<string> titles) => WriteRow(titles.Select(t => (object?)t), styleIndex: 1);

    /// <summary>One row: strings as text, numbers as numbers, null as an empty cell.</summary>
    public void WriteRow(IEnumerable<object?> values, uint styleIndex = 0)
    {
        rowIndex++;
        sheet.WriteStartElement("row", Main);
        sheet.WriteStartAttribute("r");
        sheet.WriteValue(rowIndex);
        sheet.WriteEndAttribute();
        foreach (var value in values)
        {
            sheet.WriteStartElement("c", Main);
            switch (value)
            {
                case null:
                    break;
                case int or long or double or decimal:
                    sheet.WriteAttributeString("t", "n");
                    Style(styleIndex);
                    sheet.WriteElementString("v", Main, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    sheet.WriteAttributeString("t", "inlineStr");
                    Style(styleIndex);
                    sheet.WriteStartElement("is", Main);
                    sheet.WriteStartElement("t", Main);
                    sheet.WriteAttributeString("xml", "space", null, "preserve");
                    sheet.WriteString(Clean(value as string ?? value.ToString() ?? ""));
                    sheet.WriteEndElement();
                    sheet.WriteEndElement();
                    break;
            }

            sheet.WriteEndElement();
        }

        sheet.WriteEndElement();
    }

    /// <summary>Closes the sheet and the zip; the workbook is complete afterwards.</summary>
    public void Finish()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        sheet.WriteEndElement(); // sheetData
        sheet.WriteEndElement(); // worksheet
        sheet.WriteEndDocument();
        sheet.Dispose();
        zip.Dispose();
    }

    public void Dispose()
    {
        if (!finished)
        {
            finished = true;
            sheet.Dispose();
            zip.Dispose();
        }
    }

    private void Style(uint index)
    {
        if (index != 0)
        {
            sheet.WriteStartAttribute("s");
            sheet.WriteValue(index);
            sheet.WriteEndAttribute();
        }
    }

    /// <summary>XML 1.0 forbids most control characters; a pasted one must not break the file.</summary>
    private static string Clean(string text)
    {
        // The vectorised range check keeps the common case (no control character at all) cheap.
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f'))
        {
            return text;
        }

        return new string([.. text.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r')]);
    }

    private void Fixed(string path, string xml)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(xml);
    }

    private static string Workbook(string sheetName) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + $"<sheets><sheet name=\"{System.Security.SecurityElement.Escape(sheetName[..Math.Min(31, sheetName.Length)])}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "</Types>";

    private const string RootRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>";

    private const string WorkbookRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + "</Relationships>";

    /// <summary>Style 0 is plain, style 1 bold on grey (the header).</summary>
    private const string Styles =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>";
}
