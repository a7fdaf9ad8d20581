using ClosedXML.Excel;

namespace Tongxin.Platform.Documents;

/// <summary>A table on an Excel sheet as every export in the product writes it: a bold grey header
/// row, numbers kept as numbers (so staff can sum and sort them), everything else as text, and the
/// header frozen.</summary>
public static class ExcelTable
{
    /// <summary>Writes <paramref name="headers"/> at <paramref name="firstRow"/> and the rows below it;
    /// every column gets <paramref name="columnWidth"/> (callers widen the ones that need it).</summary>
    public static void Write(IXLWorksheet sheet, IReadOnlyList<string> headers, IEnumerable<object[]> rows, int firstRow = 1, double columnWidth = 12)
    {
        for (var c = 0; c < headers.Count; c++)
        {
            var cell = sheet.Cell(firstRow, c + 1);
            cell.SetValue(headers[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.LightGray;
            sheet.Column(c + 1).Width = columnWidth;
        }

        var r = firstRow + 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case int n:
                        cell.SetValue(n);
                        break;
                    case decimal d:
                        cell.SetValue(d);
                        break;
                    default:
                        cell.SetValue(row[c].ToString());
                        break;
                }
            }

            r++;
        }

        sheet.SheetView.FreezeRows(firstRow);
    }
}
