using ClosedXML.Excel;
using Tongxin.Platform.Data;
using Tongxin.Platform.Documents;

namespace Tongxin.Modules.Opinions.Statistics;

/// <summary>Which statistics table to export (all of them when none is named).</summary>
public enum OpinionStatisticsTable
{
    Kind,
    Submitter,
    Sector,
    Category,
    Level,
    Members,
}

/// <summary>The statistics tables as a workbook (small: ClosedXML in memory is fine; no
/// AdjustToContents, which needs System.Drawing). Every export is audited.</summary>
public sealed class OpinionStatisticsExcel(OpinionStatisticsHandler statistics, TongxinDbContext db)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] FigureHeaders =
    [
        "收稿", "筛选采用", "本级采用（单篇）", "本级采用（综合）", "上报", "市政协采用", "省政协采用", "全国政协采用", "党委政府采用",
        "县级领导批示", "市级领导批示", "省级领导批示", "中央领导批示", "得分",
    ];

    public static string FileName(OpinionYearStatistics s, OpinionStatisticsTable? table) =>
        $"社情民意统计-{s.Year}{(table is { } t ? "-" + Title(t) : "")}.xlsx";

    public async Task<(byte[] Content, string FileName)> ExportAsync(Guid? committeeId, int? year, OpinionStatisticsTable? table, CancellationToken ct = default)
    {
        var s = await statistics.GetAsync(committeeId, year, ct);
        using var workbook = new XLWorkbook();
        if (table is null)
        {
            var summary = workbook.AddWorksheet("总体情况");
            summary.Cell(1, 1).SetValue($"{s.CommitteeName}{s.Year}年社情民意信息统计");
            summary.Cell(1, 1).Style.Font.Bold = true;
            FiguresSheet(summary, "合计", [s.Totals], firstRow: 3);
        }

        foreach (var t in table is { } one ? [one] : Enum.GetValues<OpinionStatisticsTable>())
        {
            var sheet = workbook.AddWorksheet(Title(t));
            switch (t)
            {
                case OpinionStatisticsTable.Kind:
                    FiguresSheet(sheet, "报送主体类型", s.ByKind);
                    break;
                case OpinionStatisticsTable.Submitter:
                    FiguresSheet(sheet, "报送人（单位）", s.BySubmitter);
                    break;
                case OpinionStatisticsTable.Sector:
                    FiguresSheet(sheet, "界别", s.BySector);
                    break;
                case OpinionStatisticsTable.Category:
                    FiguresSheet(sheet, "类别", s.ByCategory);
                    break;
                case OpinionStatisticsTable.Level:
                    Rows(sheet, ["层级", "件次", "得分"], s.ByLevel.Select(l => new object[] { l.Label, l.Count, l.Points }));
                    break;
                case OpinionStatisticsTable.Members:
                    Rows(sheet, ["名次", "委员", "界别", "报送", "筛选采用", "本级采用", "上级采用", "领导批示", "积分"],
                        s.Members.Select((m, i) => new object[] { i + 1, m.Name, m.Sector, m.Submitted, m.Adopted, m.AdoptedOwn, m.AdoptedUpper, m.Instructions, m.Points }));
                    break;
            }
        }

        db.Audit("导出社情民意统计", "Committee", s.CommitteeId.ToString(), "成功", $"{s.CommitteeName}{s.Year}年{(table is { } x ? Title(x) : "全部统计表")}");
        await db.SaveChangesAsync(ct);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return (buffer.ToArray(), FileName(s, table));
    }

    public static string Title(OpinionStatisticsTable table) => table switch
    {
        OpinionStatisticsTable.Kind => "按报送主体类型",
        OpinionStatisticsTable.Submitter => "按报送人",
        OpinionStatisticsTable.Sector => "按界别",
        OpinionStatisticsTable.Category => "按类别",
        OpinionStatisticsTable.Level => "按采用层级",
        _ => "委员积分排名",
    };

    private static void FiguresSheet(IXLWorksheet sheet, string groupTitle, IEnumerable<OpinionFigures> rows, int firstRow = 1) =>
        Rows(sheet, [groupTitle, .. FigureHeaders], rows.Select(f => new object[]
        {
            f.Label, f.Received, f.Adopted, f.OwnSingle, f.OwnCombined, f.Forwarded, f.City, f.Province, f.National, f.PartyGovernment,
            f.InstructionCounty, f.InstructionCity, f.InstructionProvince, f.InstructionCentral, f.Points,
        }), firstRow);

    private static void Rows(IXLWorksheet sheet, IReadOnlyList<string> headers, IEnumerable<object[]> rows, int firstRow = 1)
    {
        ExcelTable.Write(sheet, headers, rows, firstRow);
        sheet.Column(1).Width = 24;
    }
}
