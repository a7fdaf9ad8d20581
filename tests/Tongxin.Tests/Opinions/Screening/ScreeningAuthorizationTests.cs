using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Screening;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using Xunit;

namespace Tongxin.Tests.Opinions.Screening;

/// <summary>Role × screening action × own/other committee's report: only 社情民意 staff of the
/// report's own committee may decide; a refused attempt changes nothing.</summary>
public class ScreeningAuthorizationTests
{
    private static readonly Dictionary<string, Func<ScreeningHandler, Guid, Task>> Actions = new()
    {
        ["采用"] = (s, id) => s.AdoptAsync([id]),
        ["留存"] = (s, id) => s.KeepAsync([id]),
        ["不采用"] = (s, id) => s.RejectAsync(id, "反映问题不具普遍性"),
        ["退回补充"] = (s, id) => s.ReturnAsync(id, "请补充数据"),
        ["转提案线索"] = (s, id) => s.MarkProposalClueAsync(id, "建议写成提案"),
    };

    public static TheoryData<Db, string> Cases()
    {
        var data = new TheoryData<Db, string>();
        foreach (var db in Enum.GetValues<Db>())
        {
            foreach (var name in Actions.Keys)
            {
                data.Add(db, name);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Only_opinion_staff_of_the_reports_committee_may_screen_it(Db db, string action)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var act = Actions[action];
        var cityReport = await w.ReportAsync();
        var countyReport = await w.ReportAsync(committeeId: w.County.Id);
        var before = await w.ReadAsync(cityReport);

        var denied = new (TestData.TestUser User, Guid Report, Type Expected, string Who)[]
        {
            (w.Member, cityReport, typeof(ForbiddenException), "报送人（委员）"),
            (w.Member2, cityReport, typeof(ForbiddenException), "其他委员"),
            (w.Leader, cityReport, typeof(ForbiddenException), "领导"),
            (w.StaffWithoutPermission, cityReport, typeof(ForbiddenException), "无社情民意权限的工作人员"),
            // The county's staff cannot even see the city's report.
            (w.CountyStaff, cityReport, typeof(NotFoundException), "区县工作人员对市级信息"),
            // The city's staff read the county's report but act only in their own committee.
            (w.Staff, countyReport, typeof(ForbiddenException), "市级工作人员对区县信息"),
        };
        foreach (var (user, report, expected, who) in denied)
        {
            var e = await Should.ThrowAsync<Exception>(() => w.As(user, sp => act(sp.GetRequiredService<ScreeningHandler>(), report)));
            e.GetType().ShouldBe(expected, $"{who}{action}");
        }

        await Should.ThrowAsync<ForbiddenException>(() => app.AsAsync(Actor.Anonymous("127.0.0.1"), sp => act(sp.GetRequiredService<ScreeningHandler>(), cityReport)));
        (await w.ReadAsync(cityReport)).Version.ShouldBe(before.Version, $"拒绝的{action}不应改变信息");
        (await w.HistoryAsync(cityReport)).ShouldBeEmpty();
        (await w.ReadAsync(countyReport)).Status.ShouldBe(OpinionStatus.Submitted);

        // The county's staff screen the county's report; the city's staff their own.
        await w.As(w.CountyStaff, sp => act(sp.GetRequiredService<ScreeningHandler>(), countyReport));
        await w.As(w.Staff, sp => act(sp.GetRequiredService<ScreeningHandler>(), cityReport));
        (await w.ReadAsync(cityReport)).Status.ShouldNotBe(OpinionStatus.Submitted);
        (await w.ReadAsync(countyReport)).Status.ShouldNotBe(OpinionStatus.Submitted);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_queue_is_for_opinion_staff_only(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        foreach (var user in new[] { w.Member, w.Leader, w.StaffWithoutPermission })
        {
            await Should.ThrowAsync<ForbiddenException>(() => w.As(user, sp => sp.GetRequiredService<ScreeningQueue>().ListAsync(new ScreeningFilter(), 1)));
            await Should.ThrowAsync<ForbiddenException>(() => w.As(user, sp => sp.GetRequiredService<ScreeningQueue>().ExportAsync(new ScreeningFilter())));
        }
    }
}
