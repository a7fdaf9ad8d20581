using ClosedXML.Excel;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Proposals.Reporting;

/// <summary>The statistics tables as workbooks (small: ClosedXML in memory is fine; no
/// AdjustToContents, which needs System.Drawing).</summary>
public sealed class StatisticsExcel(ProposalStatisticsHandler statistics, TongxinDbContext db)
{
    private static readonly string[] FigureHeaders =
        ["分组", "收到", "立案", "其中并案", "并案后", "不予立案", "其中已转化", "已答复", "按时办复", "办复率", "重点", "重要"];

    private static readonly string[] UnitHeaders =
        ["承办单位", "交办件数", "应答复", "已答复", "按时办复", "按时办复率", "评价数", "办理态度满意率", "办理结果满意率", "办理事项", "已落实", "落实率"];

    /// <summary>Every statistics table of a session, one sheet each.</summary>
    public async Task<byte[]> StatisticsAsync(Guid? sessionId, CancellationToken ct = default)
    {
        var s = await statistics.GetAsync(sessionId, ct);
        using var workbook = new XLWorkbook();
        var summary = workbook.AddWorksheet("总体情况");
        Title(summary, $"{s.CommitteeName}{s.SessionName}提案统计", 2);
        (string, object)[] lines =
        [
            ("收到提案", s.Totals.Received), ("立案", s.Totals.Filed), ("其中并案", s.Totals.Merged), ("并案后", s.Totals.AfterMerging),
            ("不予立案", s.Totals.NotFiled), ("其中已转为社情民意", s.Totals.Converted), ("已答复", s.Totals.Replied),
            ("按时办复", s.Totals.RepliedOnTime), ("办复率", Rate.Text(s.Totals.OnTimeRate)),
            ("参与评价人次", s.Satisfaction.Rated), ("办理态度满意率", Rate.Text(s.Satisfaction.AttitudeRate)),
            ("办理结果满意率", Rate.Text(s.Satisfaction.ResultRate)), ("办理事项", s.ItemsTotal), ("已落实", s.ItemsDone),
            ("落实率", Rate.Text(s.ItemsDoneRate)), ("领导批示", s.Instructions), ("重点提案", s.Totals.KeyCount), ("重要提案", s.Totals.ImportantCount),
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            summary.Cell(i + 3, 1).SetValue(lines[i].Item1);
            Set(summary.Cell(i + 3, 2), lines[i].Item2);
        }

        summary.Column(1).Width = 22;
        summary.Column(2).Width = 14;
        FiguresSheet(workbook.AddWorksheet("按类别"), "类别", s.ByCategory);
        FiguresSheet(workbook.AddWorksheet("按界别"), "界别", s.BySector);
        FiguresSheet(workbook.AddWorksheet("按提案者类型"), "提案者类型", s.ByKind);
        UnitsSheet(workbook.AddWorksheet("按承办单位"), s.Units);
        return await SaveAsync(workbook, s, "提案统计", ct);
    }

    /// <summary>The unit performance table alone.</summary>
    public async Task<byte[]> UnitsAsync(Guid? sessionId, CancellationToken ct = default)
    {
        var s = await statistics.GetAsync(sessionId, ct);
        using var workbook = new XLWorkbook();
        UnitsSheet(workbook.AddWorksheet("承办单位办理情况"), s.Units);
        return await SaveAsync(workbook, s, "承办单位办理情况", ct);
    }

    private async Task<byte[]> SaveAsync(XLWorkbook workbook, SessionStatistics s, string what, CancellationToken ct)
    {
        db.Audit("导出" + what, "Session", s.SessionId.ToString(), "成功", $"{s.CommitteeName}{s.SessionName}");
        await db.SaveChangesAsync(ct);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static void FiguresSheet(IXLWorksheet sheet, string groupTitle, IReadOnlyList<ProposalFigures> rows)
    {
        Header(sheet, [groupTitle, .. FigureHeaders[1..]]);
        for (var i = 0; i < rows.Count; i++)
        {
            var f = rows[i];
            object[] values = [f.Label, f.Received, f.Filed, f.Merged, f.AfterMerging, f.NotFiled, f.Converted, f.Replied, f.RepliedOnTime, Rate.Text(f.OnTimeRate), f.KeyCount, f.ImportantCount];
            for (var c = 0; c < values.Length; c++)
            {
                Set(sheet.Cell(i + 2, c + 1), values[c]);
            }
        }

        sheet.Column(1).Width = 24;
    }

    private static void UnitsSheet(IXLWorksheet sheet, IReadOnlyList<UnitPerformance> rows)
    {
        Header(sheet, UnitHeaders);
        for (var i = 0; i < rows.Count; i++)
        {
            var u = rows[i];
            object[] values =
            [
                u.Unit, u.Assigned, u.Replying, u.Replied, u.RepliedOnTime, Rate.Text(u.OnTimeRate), u.Rated,
                Rate.Text(u.AttitudeRate), Rate.Text(u.ResultRate), u.ItemsTotal, u.ItemsDone, Rate.Text(u.ItemsDoneRate),
            ];
            for (var c = 0; c < values.Length; c++)
            {
                Set(sheet.Cell(i + 2, c + 1), values[c]);
            }
        }

        sheet.Column(1).Width = 32;
    }

    private static void Header(IXLWorksheet sheet, IReadOnlyList<string> titles)
    {
        for (var c = 0; c < titles.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.SetValue(titles[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.LightGray;
            sheet.Column(c + 1).Width = 12;
        }

        sheet.SheetView.FreezeRows(1);
    }

    private static void Title(IXLWorksheet sheet, string title, int columns)
    {
        sheet.Cell(1, 1).SetValue(title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Range(1, 1, 1, columns).Merge();
    }

    private static void Set(IXLCell cell, object value)
    {
        if (value is int n)
        {
            cell.SetValue(n);
        }
        else
        {
            cell.SetValue(value.ToString());
        }
    }
}
