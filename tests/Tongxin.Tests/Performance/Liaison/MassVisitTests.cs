using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Performance.Liaison;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Performance.Liaison;

/// <summary>委员联系界别群众: logging feeds the ledger, clues become report drafts once, the form's
/// rules speak Chinese, and only the member touches their visits.</summary>
public class MassVisitTests
{
    private static MassVisitInput Visit(DateOnly? date = null, int? people = 12, string clues = "村口路灯不亮\n学校门口缺少斑马线") => new()
    {
        Date = date ?? new DateOnly(2026, 2, 20),
        Place = "东湖街道社区服务中心",
        PeopleServed = people,
        Summary = "与社区居民座谈，了解教育界别群众关心的问题。",
        Clues = clues,
    };

    private static async Task<T> AsAsync<T>(TestApp app, TestData.TestUser user, Func<MassVisitHandler, Task<T>> work) =>
        await app.AsAsync(user.Actor, sp => work(sp.GetRequiredService<MassVisitHandler>()));

    private static Task<List<DutyEntry>> EntriesAsync(TestApp app, Guid memberId, DutyItem item) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().DutyEntries.IgnoreQueryFilters()
            .Where(e => e.MemberId == memberId && e.Item == item).ToListAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task A_logged_visit_becomes_a_duty_entry_and_leaves_it_when_deleted(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await LiaisonWorld.CreateAsync(app);
        var id = await AsAsync(app, w.Member, h => h.CreateAsync(Visit()));
        await app.DeliverEventsAsync();

        var entry = (await EntriesAsync(app, w.MemberId, DutyItem.MassVisit)).ShouldHaveSingleItem();
        entry.SourceId.ShouldBe(id);
        entry.Year.ShouldBe(2026);
        entry.CommitteeId.ShouldBe(w.Committee.Id);
        DutyLinks.For(entry).ShouldBe($"/Performance/Visits#v-{id}");
        var score = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().DutyYearScores.IgnoreQueryFilters()
            .SingleAsync(s => s.MemberId == w.MemberId && s.Year == 2026));
        score.MassVisits.ShouldBe(1);

        var list = await AsAsync(app, w.Member, h => h.MineAsync(2026, 1));
        list.Totals.ShouldBe(new MassVisitTotals(1, 12, 2, 0));
        list.Page.Items.ShouldHaveSingleItem().Clues.Select(c => c.Text).ShouldBe(["村口路灯不亮", "学校门口缺少斑马线"]);

        // Moving the visit to last year moves the entry.
        await AsAsync(app, w.Member, async h => { await h.UpdateAsync(id, Visit(new DateOnly(2025, 12, 30))); return 0; });
        await app.DeliverEventsAsync();
        (await EntriesAsync(app, w.MemberId, DutyItem.MassVisit)).ShouldHaveSingleItem().Year.ShouldBe(2025);

        await AsAsync(app, w.Member, async h => { await h.DeleteAsync(id); return 0; });
        await app.DeliverEventsAsync();
        (await EntriesAsync(app, w.MemberId, DutyItem.MassVisit)).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_clue_becomes_the_members_report_draft_once_linked_both_ways(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await LiaisonWorld.CreateAsync(app);
        var visitId = await AsAsync(app, w.Member, h => h.CreateAsync(Visit()));
        var clue = (await AsAsync(app, w.Member, h => h.GetOwnAsync(visitId))).Clues[0];

        var reportId = await AsAsync(app, w.Member, h => h.ConvertClueAsync(clue.Id));
        (await AsAsync(app, w.Member, h => h.ConvertClueAsync(clue.Id))).ShouldBe(reportId);

        await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var report = await d.OpinionReports.IgnoreQueryFilters().SingleAsync(r => r.Id == reportId);
            report.Status.ShouldBe(OpinionStatus.Draft);
            report.LeadMemberId.ShouldBe(w.MemberId);
            report.CreatedByUserId.ShouldBe(w.Member.Id);
            report.Title.ShouldBe("关于村口路灯不亮的建议");
            report.Situation.ShouldContain("村口路灯不亮");
            report.Source.ShouldBe(MassVisitHandler.ReportSource);
            (await d.OpinionReportAuthors.IgnoreQueryFilters().Where(a => a.ReportId == reportId).Select(a => a.MemberId).ToListAsync()).ShouldBe([w.MemberId]);
            (await d.MassVisitClues.IgnoreQueryFilters().SingleAsync(c => c.OpinionReportId == reportId)).Id.ShouldBe(clue.Id);
            (await d.OpinionReports.IgnoreQueryFilters().CountAsync(r => r.LeadMemberId == w.MemberId)).ShouldBe(1);
        });

        // The member's own report handler opens the draft for editing.
        var draft = await app.AsAsync(w.Member.Actor, sp => sp.GetRequiredService<Modules.Opinions.Reports.ReportHandler>().GetAsync(reportId));
        draft.CanEdit.ShouldBeTrue();

        var row = (await AsAsync(app, w.Member, h => h.GetOwnAsync(visitId))).Clues;
        row[0].OpinionReportId.ShouldBe(reportId);
        row[1].Converted.ShouldBeFalse();

        // Editing the visit keeps the converted clue even when its line is gone.
        await AsAsync(app, w.Member, async h => { await h.UpdateAsync(visitId, Visit(clues: "学校门口缺少斑马线\n菜市场噪音扰民")); return 0; });
        var after = (await AsAsync(app, w.Member, h => h.GetOwnAsync(visitId))).Clues;
        after.Select(c => c.Text).ShouldBe(["村口路灯不亮", "学校门口缺少斑马线", "菜市场噪音扰民"]);
        after[0].OpinionReportId.ShouldBe(reportId);
        after[1].Id.ShouldBe(row[1].Id);

        // Another member may not convert my clue.
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.Member2, h => h.ConvertClueAsync(row[1].Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Of_two_edits_from_the_same_version_one_wins_and_the_other_is_told(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await LiaisonWorld.CreateAsync(app);
        var id = await AsAsync(app, w.Member, h => h.CreateAsync(Visit()));
        var read = await AsAsync(app, w.Member, h => h.GetOwnAsync(id));

        var first = Visit();
        first.Version = read.Version;
        first.Place = "第一个标签页";
        await AsAsync(app, w.Member, async h => { await h.UpdateAsync(id, first); return 0; });

        var second = Visit();
        second.Version = read.Version;
        second.Place = "第二个标签页";
        var refused = await Should.ThrowAsync<ConflictException>(() => AsAsync(app, w.Member, async h => { await h.UpdateAsync(id, second); return 0; }));
        refused.Message.ShouldContain("已在别处修改");
        (await AsAsync(app, w.Member, h => h.GetOwnAsync(id))).Place.ShouldBe("第一个标签页");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_form_rules_answer_in_Chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await LiaisonWorld.CreateAsync(app);
        var e = await Should.ThrowAsync<ValidationFailedException>(() => AsAsync(app, w.Member, h => h.CreateAsync(Visit(new DateOnly(2026, 3, 3), -1))));
        e.Errors[nameof(MassVisitInput.Date)].ShouldBe(["走访日期不能晚于今天（2026年3月2日）。"]);
        e.Errors[nameof(MassVisitInput.PeopleServed)].ShouldBe(["服务群众人数不能为负数。"]);

        var blank = await Should.ThrowAsync<ValidationFailedException>(() => AsAsync(app, w.Member, h => h.CreateAsync(new MassVisitInput())));
        blank.Errors.Keys.ShouldBe([nameof(MassVisitInput.Date), nameof(MassVisitInput.Place), nameof(MassVisitInput.PeopleServed), nameof(MassVisitInput.Summary)], ignoreOrder: true);
        blank.Errors[nameof(MassVisitInput.Place)].ShouldBe(["走访地点不能为空。"]);

        // Today (Beijing) is allowed, and nothing was saved by the refused attempts.
        await AsAsync(app, w.Member, h => h.CreateAsync(Visit(new DateOnly(2026, 3, 2), 0)));
        (await AsAsync(app, w.Member, h => h.MineAsync(null, 1))).Totals.Visits.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Who_may_do_what_with_a_visit(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await LiaisonWorld.CreateAsync(app);
        var id = await AsAsync(app, w.Member, h => h.CreateAsync(Visit()));

        // Another member of the committee: 403; a member of another committee: 404 (not visible); staff and leader are not members: 403.
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.Member2, async h => { await h.UpdateAsync(id, Visit()); return 0; }));
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.Member2, async h => { await h.DeleteAsync(id); return 0; }));
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.Member2, h => h.GetOwnAsync(id)));
        await Should.ThrowAsync<NotFoundException>(() => AsAsync(app, w.Outsider, async h => { await h.DeleteAsync(id); return 0; }));
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.Staff, async h => { await h.DeleteAsync(id); return 0; }));
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.Leader, h => h.CreateAsync(Visit())));

        // The committee's list: 委员履职 staff and leaders; not staff without the permission, not members.
        (await AsAsync(app, w.Staff, h => h.CommitteeAsync(new MassVisitFilter(2026), 1))).Page.Items.ShouldHaveSingleItem().MemberName.ShouldBe("陈联系");
        (await AsAsync(app, w.Leader, h => h.CommitteeAsync(new MassVisitFilter(), 1))).Totals.Visits.ShouldBe(1);
        (await AsAsync(app, w.Staff, h => h.CommitteeAsync(new MassVisitFilter(Member: "林"), 1))).Totals.Visits.ShouldBe(0);
        (await AsAsync(app, w.Staff, h => h.CommitteeAsync(new MassVisitFilter(SectorId: w.Committee.SectorId), 1))).Totals.Visits.ShouldBe(1);
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.StaffWithoutPermission, h => h.CommitteeAsync(new MassVisitFilter(), 1)));
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.Member2, h => h.CommitteeAsync(new MassVisitFilter(), 1)));
        (await AsAsync(app, w.Member2, h => h.MineAsync(null, 1))).Totals.Visits.ShouldBe(0);

        var (content, name) = await AsAsync(app, w.Staff, h => h.ExportCommitteeAsync(new MassVisitFilter(2026)));
        name.ShouldBe("委员联系界别群众2026年.xlsx");
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(content));
        book.Worksheet(1).Cell(3, 2).GetString().ShouldBe("陈联系");
        book.Worksheet(1).Cell(3, 5).GetValue<int>().ShouldBe(12);

        // With a second member's visit (another sector), each filter picks its own rows.
        await AsAsync(app, w.Member2, h => h.CreateAsync(Visit()));
        async Task<string[]> Names(MassVisitFilter f) =>
            [.. (await AsAsync(app, w.Staff, h => h.CommitteeAsync(f, 1))).Page.Items.Select(r => r.MemberName).Order()];
        (await Names(new MassVisitFilter())).ShouldBe(["林走访", "陈联系"], ignoreOrder: true);
        (await Names(new MassVisitFilter(Member: "林"))).ShouldBe(["林走访"]);
        (await Names(new MassVisitFilter(SectorId: w.Committee.SectorId))).ShouldBe(["陈联系"]);
        (await Names(new MassVisitFilter(SectorId: w.Committee.OtherSectorId))).ShouldBe(["林走访"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_pages_show_the_visit_with_its_anchor_and_convert_a_clue(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await LiaisonWorld.CreateAsync(app);
        using var web = await WebSession.LoginAsync(app, w.Member.UserName);
        var saved = await web.PostFormAsync("/Performance/Visits/Edit", new()
        {
            ["Input.Date"] = "2026-02-21",
            ["Input.Place"] = "西湖村文化礼堂",
            ["Input.PeopleServed"] = "30",
            ["Input.Summary"] = "走访村民",
            ["Input.Clues"] = "村道年久失修",
        });
        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var page = await web.GetPageAsync("/Performance/Visits");
        var id = (await AsAsync(app, w.Member, h => h.MineAsync(null, 1))).Page.Items.Single().Id;
        page.ShouldContain($"id=\"v-{id}\"");
        page.ShouldContain("转为社情民意");

        var invalid = await web.PostFormAsync("/Performance/Visits/Edit", new()
        {
            ["Input.Date"] = "2026-05-01",
            ["Input.Place"] = "某地",
            ["Input.PeopleServed"] = "-3",
            ["Input.Summary"] = "走访",
        });
        var html = await invalid.Content.ReadAsStringAsync();
        invalid.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        html.ShouldContain("服务群众人数不能为负数。");

        var clueId = (await AsAsync(app, w.Member, h => h.GetOwnAsync(id))).Clues.Single().Id;
        var converted = await web.PostFormAsync($"/Performance/Visits?handler=Convert&clueId={clueId}", [], "/Performance/Visits");
        converted.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        converted.Headers.Location!.OriginalString.ShouldStartWith("/Opinions/Edit?id=");
        (await web.GetPageAsync("/Performance/Visits")).ShouldContain("已转社情民意");

        using var staff = await WebSession.LoginAsync(app, w.Staff.UserName);
        (await staff.GetPageAsync("/Performance/Visits")).ShouldContain("西湖村文化礼堂");
    }
}
