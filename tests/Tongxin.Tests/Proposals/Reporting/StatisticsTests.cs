using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Reporting;

public class StatisticsTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_see_every_figure_of_the_session_as_defined(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var world = await ReportingTestData.CreateAsync(app);
        var staff = await app.NewUserAsync(world.Committee, Roles.Staff, [Permissions.Proposals]);

        var s = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProposalStatisticsHandler>().GetAsync(world.SessionId));

        var t = s.Totals;
        // Drafts (P9) and withdrawn (P10) are not received; the previous session's P12 is elsewhere.
        t.Received.ShouldBe(9);
        t.Filed.ShouldBe(5);
        t.Merged.ShouldBe(1);
        t.AfterMerging.ShouldBe(4);
        t.NotFiled.ShouldBe(2);
        t.Converted.ShouldBe(1);
        t.Replied.ShouldBe(3);
        // P2's first reply came at 00:30 Beijing the day after its deadline; P3's at 23:30 on the day.
        t.RepliedOnTime.ShouldBe(2);
        t.OnTimeRate.ShouldBe(50.0);
        t.KeyCount.ShouldBe(1);
        t.ImportantCount.ShouldBe(1);

        // Final rounds only: P2's round-1 不满意 is superseded by its round-2 rating.
        s.Satisfaction.Rated.ShouldBe(3);
        s.Satisfaction.AttitudeUnsatisfied.ShouldBe(1);
        s.Satisfaction.ResultUnsatisfied.ShouldBe(0);
        s.Satisfaction.AttitudeRate.ShouldBe(66.7);
        s.Satisfaction.ResultRate.ShouldBe(100.0);

        // Items of approved replies (P1: 2, P2: one per round); P4's draft reply's item is not counted.
        s.ItemsTotal.ShouldBe(4);
        s.ItemsDone.ShouldBe(2);
        s.ItemsDoneRate.ShouldBe(50.0);
        s.Instructions.ShouldBe(3);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_breakdowns_by_category_sector_and_proposer_kind_add_up(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var world = await ReportingTestData.CreateAsync(app);
        var staff = await app.NewUserAsync(world.Committee, Roles.Staff, [Permissions.Proposals]);

        var s = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProposalStatisticsHandler>().GetAsync(world.SessionId));

        var economy = s.ByCategory.Single(r => r.Label == "经济建设");
        (economy.Received, economy.Filed, economy.AfterMerging, economy.RepliedOnTime).ShouldBe((4, 4, 3, 2));
        var city = s.ByCategory.Single(r => r.Label == "城市建设与管理");
        (city.Received, city.Replied, city.RepliedOnTime).ShouldBe((1, 1, 0));
        s.ByCategory.Single(r => r.Label == "其他").NotFiled.ShouldBe(2);
        s.ByCategory.Sum(r => r.Received).ShouldBe(s.Totals.Received);

        var education = s.BySector.Single(r => r.Label == "教育");
        (education.Received, education.Filed).ShouldBe((5, 2));
        var economySector = s.BySector.Single(r => r.Label == "经济");
        (economySector.Received, economySector.Filed).ShouldBe((4, 3));

        s.ByKind.Single(r => r.Label == "党派").Received.ShouldBe(1);
        s.ByKind.Single(r => r.Label == "联名").Received.ShouldBe(1);
        s.ByKind.Single(r => r.Label == "个人").Received.ShouldBe(7);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_unit_performance_table_counts_each_units_share(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var world = await ReportingTestData.CreateAsync(app);
        var staff = await app.NewUserAsync(world.Committee, Roles.Staff, [Permissions.Proposals]);

        var s = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProposalStatisticsHandler>().GetAsync(world.SessionId));

        var transport = s.Units.Single(u => u.UnitId == world.Unit1);
        // P1 单办, P3 主办 (both replied on time), P4 still handling.
        (transport.Assigned, transport.Replying, transport.Replied, transport.RepliedOnTime).ShouldBe((3, 3, 2, 2));
        // P1 满意/基本满意, P3 态度不满意/结果基本满意.
        (transport.Rated, transport.AttitudeSatisfied, transport.ResultSatisfied).ShouldBe((2, 1, 2));
        (transport.ItemsTotal, transport.ItemsDone).ShouldBe((2, 1));
        transport.AttitudeRate.ShouldBe(50.0);

        var education = s.Units.Single(u => u.UnitId == world.Unit2);
        // P2 单办 (late), P3 协办 (gives an opinion, does not reply); the returned P4 assignment does not count.
        (education.Assigned, education.Replying, education.Replied, education.RepliedOnTime).ShouldBe((2, 1, 1, 0));
        (education.Rated, education.AttitudeSatisfied, education.ResultSatisfied).ShouldBe((1, 1, 1));
        (education.ItemsTotal, education.ItemsDone).ShouldBe((2, 1));
        education.OnTimeRate.ShouldBe(0.0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_statistics_page_and_its_exports_show_the_same_figures(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var world = await ReportingTestData.CreateAsync(app);
        var staff = await app.NewUserAsync(world.Committee, Roles.Staff, [Permissions.Proposals]);
        using var web = await WebSession.LoginAsync(app, staff.UserName);

        var html = await web.GetPageAsync($"/Proposals/Manage/Statistics?sessionId={world.SessionId}");

        html.ShouldContain("data-figure=\"received\">9<");
        html.ShouldContain("data-figure=\"on-time-rate\">50.0%<");
        html.ShouldContain("测试市交通运输局");

        var response = await web.GetAsync($"/Proposals/Manage/Statistics?sessionId={world.SessionId}&handler=ExportUnits");
        response.EnsureSuccessStatusCode();
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 1).GetString().ShouldBe("承办单位");
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "测试市交通运输局");
        row.Cell(2).GetValue<int>().ShouldBe(3);
        // 2 of its 3 replying assignments were answered on time (P4 is still in handling).
        row.Cell(6).GetString().ShouldBe("66.7%");

        var json = await web.Client.GetStringAsync($"/api/v1/proposals/statistics?sessionId={world.SessionId}");
        json.ShouldContain("\"received\":9");
    }
}
