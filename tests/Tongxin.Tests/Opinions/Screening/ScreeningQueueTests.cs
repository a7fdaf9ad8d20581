using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Screening;
using Tongxin.Tests.Infrastructure;
using Xunit;

namespace Tongxin.Tests.Opinions.Screening;

/// <summary>筛选队列: the own committee's reports, urgent first then the oldest, 待筛选 unless asked
/// otherwise, narrowed by the filters and by words, with the total; the export holds the same rows.</summary>
public class ScreeningQueueTests
{
    private static Task<Tongxin.Platform.Web.PagedList<ScreeningRow>> ListAsync(ScreeningWorld w, ScreeningFilter filter, int page = 1) =>
        w.As(w.Staff, sp => sp.GetRequiredService<ScreeningQueue>().ListAsync(filter, page));

    [Theory, ClassData(typeof(Databases))]
    public async Task Urgent_reports_come_first_then_the_oldest(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var newest = await w.ReportAsync(submittedAt: now.AddHours(-1));
        var oldest = await w.ReportAsync(submittedAt: now.AddDays(-5));
        var urgentNew = await w.ReportAsync(urgent: true, submittedAt: now.AddHours(-2));
        var urgentOld = await w.ReportAsync(urgent: true, submittedAt: now.AddDays(-2));
        var middle = await w.ReportAsync(submittedAt: now.AddDays(-3));
        await w.ReportAsync(OpinionStatus.Rejected);
        await w.ReportAsync(OpinionStatus.Draft);
        await w.ReportAsync(committeeId: w.County.Id);

        var page = await ListAsync(w, new ScreeningFilter());
        page.Items.Select(r => r.Id).ShouldBe([urgentOld, urgentNew, oldest, middle, newest]);
        page.Total.ShouldBe(5);

        var all = await ListAsync(w, new ScreeningFilter { Status = ScreeningFilter.AllStatuses });
        all.Total.ShouldBe(6, "every status but drafts, own committee only");
        (await ListAsync(w, new ScreeningFilter { Status = "Rejected" })).Items.Single().Status.ShouldBe(OpinionStatus.Rejected);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Filters_and_words_narrow_the_queue(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var parking = await w.ReportAsync(title: "关于缓解医院停车难的建议", category: "城乡建设");
        var elevator = await w.ReportAsync(title: "关于老旧小区加装电梯维保的建议", situation: "电梯保修期满后维保费用无人承担。", category: "城乡建设", urgent: true);
        var party = await w.ReportAsync(title: "关于发展社区托育服务的建议", situation: "普惠托位一位难求。", category: "社会民生", kind: OpinionSubmitterKind.Party);
        var lastYear = await w.ReportAsync(title: "关于整治内涝积水点的建议", situation: "下穿通道积水。", category: "生态环境", year: 2025);
        await w.DeliverAsync();

        (await ListAsync(w, new ScreeningFilter { Category = "社会民生" })).Items.Select(r => r.Id).ShouldBe([party]);
        (await ListAsync(w, new ScreeningFilter { Kind = OpinionSubmitterKind.Party })).Items.Select(r => r.Id).ShouldBe([party]);
        (await ListAsync(w, new ScreeningFilter { Urgent = true })).Items.Select(r => r.Id).ShouldBe([elevator]);
        (await ListAsync(w, new ScreeningFilter { Year = 2025 })).Items.Select(r => r.Id).ShouldBe([lastYear]);

        // Words go through the report index: 2-character words, a 4-character phrase, with the filters.
        (await ListAsync(w, new ScreeningFilter { Q = "电梯" })).Items.Select(r => r.Id).ShouldBe([elevator]);
        (await ListAsync(w, new ScreeningFilter { Q = "托位" })).Items.Select(r => r.Id).ShouldBe([party]);
        (await ListAsync(w, new ScreeningFilter { Q = "加装电梯" })).Items.Select(r => r.Id).ShouldBe([elevator]);
        (await ListAsync(w, new ScreeningFilter { Q = "电梯加装" })).Total.ShouldBe(0);
        var both = await ListAsync(w, new ScreeningFilter { Q = "建议", Category = "城乡建设" });
        both.Items.Select(r => r.Id).ShouldBe([elevator, parking], "urgent first in the searched queue too");
        both.Total.ShouldBe(2);

        // Decided reports leave the 待筛选 queue found by words as soon as the change is indexed.
        await w.As(w.Staff, sp => sp.GetRequiredService<ScreeningHandler>().KeepAsync([elevator]));
        await w.DeliverAsync();
        (await ListAsync(w, new ScreeningFilter { Q = "电梯" })).Total.ShouldBe(0);
        (await ListAsync(w, new ScreeningFilter { Q = "电梯", Status = "Kept" })).Items.Single().Id.ShouldBe(elevator);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_queue_pages_with_the_total(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var ids = new List<Guid>();
        for (var i = 0; i < ScreeningQueue.PageSize + 3; i++)
        {
            ids.Add(await w.ReportAsync(submittedAt: now.AddMinutes(-100 + i)));
        }

        var second = await ListAsync(w, new ScreeningFilter(), 2);
        second.Total.ShouldBe(ScreeningQueue.PageSize + 3);
        second.Items.Select(r => r.Id).ShouldBe(ids.Skip(ScreeningQueue.PageSize));
        (await ListAsync(w, new ScreeningFilter(), 99)).Page.ShouldBe(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_export_holds_the_filtered_rows_in_queue_order(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await w.ReportAsync(title: "关于规范预付卡消费的建议", submittedAt: now.AddDays(-2));
        await w.ReportAsync(title: "关于整治积水点的建议", urgent: true, submittedAt: now.AddHours(-1));
        await w.ReportAsync(OpinionStatus.Kept, title: "留存的信息");
        await w.DeliverAsync();

        foreach (var filter in new[] { new ScreeningFilter(), new ScreeningFilter { Q = "建议" } })
        {
            await using var file = await w.As(w.Staff, sp => sp.GetRequiredService<ScreeningQueue>().ExportAsync(filter));
            using var book = new XLWorkbook(file);
            var sheet = book.Worksheets.First();
            sheet.Cell(1, 2).GetString().ShouldBe("标题");
            sheet.Cell(2, 2).GetString().ShouldBe("关于整治积水点的建议");
            sheet.Cell(2, 6).GetString().ShouldBe("急");
            sheet.Cell(2, 7).GetString().ShouldBe("待筛选");
            sheet.Cell(3, 2).GetString().ShouldBe("关于规范预付卡消费的建议");
            sheet.Cell(3, 5).GetString().ShouldBe("周建国");
            sheet.Cell(4, 2).GetString().ShouldBeEmpty();
        }
    }
}
