using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals.Documents;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;
using static Tongxin.Modules.Proposals.Documents.GbtLayout;

namespace Tongxin.Modules.Consultation.Plan;

/// <summary>年度协商计划导出 – the plan's items as an Excel table and as a GB/T 9704 Word document
/// (grouped by format, the way the plan is printed). Whoever may read the plan may export it; audited.</summary>
public sealed class PlanExport(TongxinDbContext db, PlanHandler plans, TimeProvider time)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly string[] Headers = ["序号", "协商形式", "协商题目", "活动类型", "月份", "领办领导", "承办单位", "选题来源"];
    private static readonly double[] Widths = [6, 14, 44, 14, 8, 14, 24, 12];

    public static string FileName(int year, string extension) => $"{year}年度协商计划.{extension}";

    public async Task<(Stream File, int Year)> ExcelAsync(Guid planId, CancellationToken ct = default)
    {
        var plan = await plans.LoadForReadAsync(planId, ct);
        var n = 0;
        var file = await XlsxStreamWriter.ExportAsync(
            plans.Items(plan.Id).AsAsyncEnumerable(),
            $"{plan.Year}年度协商计划",
            Widths,
            Headers,
            i => [++n, i.Format.DisplayName(), i.Title, i.ActivityType.DisplayName(), $"{i.Month}月", i.LeadLeader, i.Organizer, i.TopicSource?.DisplayName() ?? ""],
            count => AuditedAsync(plan, "Excel", count, ct),
            ct);
        return (file, plan.Year);
    }

    public async Task<(Stream File, int Year)> WordAsync(Guid planId, CancellationToken ct = default)
    {
        var plan = await plans.LoadForReadAsync(planId, ct);
        var items = await plans.Items(plan.Id).ToListAsync(ct);
        var output = new MemoryStream();
        using (var doc = DocxWriter.Begin(output, plan.Title, time.GetUtcNow().UtcDateTime))
        {
            doc.Write(Paragraph(StyleIds.Title, plan.Title));
            doc.Write(Paragraph(StyleIds.Plain, ""));
            var status = plan.Status == PlanStatus.Published && plan.PublishedAt is { } at
                ? $"本计划经主席会议审议、党委审定，于{Date(DateOnly.FromDateTime(BeijingTime.FromUtc(at)))}发布。"
                : $"本计划当前状态为“{plan.Status.DisplayName()}”，尚未发布。";
            doc.Write(Paragraph(StyleIds.Body, $"按照“{plan.Pattern}”协商格局，{plan.Year}年度共安排协商{items.Count}项。{status}"));
            string[] numerals = ["一", "二", "三", "四"];
            var section = 0;
            foreach (var group in items.GroupBy(i => i.Format))
            {
                doc.Write(Paragraph(StyleIds.Heading1, $"{numerals[section++ % numerals.Length]}、{group.Key.DisplayName()}（{group.Count()}项）"));
                var n = 0;
                foreach (var i in group)
                {
                    var organizer = i.Organizer.Length > 0 ? $"；承办：{i.Organizer}" : "";
                    doc.Write(Paragraph(StyleIds.Body, $"{++n}．{i.Title}（{i.Month}月，{i.ActivityType.DisplayName()}；领办领导：{i.LeadLeader}{organizer}）"));
                }
            }

            doc.Finish();
        }

        await AuditedAsync(plan, "Word", items.Count, ct);
        output.Position = 0;
        return (output, plan.Year);
    }

    private async Task AuditedAsync(ConsultationPlan plan, string format, int count, CancellationToken ct)
    {
        db.Audit("导出年度协商计划", nameof(ConsultationPlan), plan.Id.ToString(), "成功", $"{plan.Year}年度；{format}；{count} 项");
        await db.SaveChangesAsync(ct);
    }
}
