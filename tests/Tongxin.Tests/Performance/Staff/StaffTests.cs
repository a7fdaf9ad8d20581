using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Performance.Staff;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using Tongxin.Tests.Performance.Ledger;

namespace Tongxin.Tests.Performance.Staff;

/// <summary>The staff side of 委员履职 over a small committee whose ledger rows are written directly
/// and scored by the ledger: the committee table and its filters, the Excel export, the rule table
/// (save → scores change, invalid and stale forms refused), leaderboards (ties share a rank) and
/// who may do what.</summary>
public class StaffTests
{
    private const int Year = 2026;

    /// <summary>甲 and 乙 tie at 40 under the default rules, 丙 has 10, 丁 nothing.</summary>
    private sealed record Seeded(TestData.TestCommittee Committee, Guid Jia, Guid Yi, Guid Bing, Guid Ding, Guid GroupId);

    private static async Task<Seeded> SeedAsync(TestApp app, TestData.TestCommittee? committee = null)
    {
        var c = committee ?? await app.NewCommitteeAsync();
        return await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            Member M(string name, Guid sector) => new()
            {
                CommitteeId = c.Id,
                Name = name,
                Gender = Gender.Male,
                BirthYear = 1970,
                SectorId = sector,
                DutyCode = "P" + Guid.NewGuid().ToString("N")[..15],
            };
            var jia = M("委员甲", c.SectorId);
            var yi = M("委员乙", c.SectorId);
            var bing = M("委员丙", c.OtherSectorId);
            var ding = M("委员丁", c.OtherSectorId);
            d.Members.AddRange(jia, yi, bing, ding);
            var group = new MemberGroup { CommitteeId = c.Id, Name = "第一活动组", Kind = GroupKind.SectorActivityGroup };
            d.MemberGroups.Add(group);
            d.Set<MemberGroupMembership>().AddRange(
                new MemberGroupMembership { MemberId = jia.Id, GroupId = group.Id },
                new MemberGroupMembership { MemberId = bing.Id, GroupId = group.Id });

            void E(Member m, DutyItem item, int quantity = 1, DutyRole role = DutyRole.Lead) => d.DutyEntries.Add(new DutyEntry
            {
                CommitteeId = c.Id,
                MemberId = m.Id,
                Year = Year,
                Date = new DateOnly(Year, 2, 1),
                Item = item,
                Role = role,
                Quantity = quantity,
                Title = item.ToString(),
                Source = DutySource.Activity,
                SourceId = Guid.NewGuid(),
            });

            // 甲: plenary 2 half-days (10) + 3 activities (15) + a proposal (15) + a report (0) = 40, minimums met.
            E(jia, DutyItem.PlenaryHalfDay, 2);
            E(jia, DutyItem.Activity);
            E(jia, DutyItem.Activity);
            E(jia, DutyItem.Activity);
            E(jia, DutyItem.ProposalFiled);
            E(jia, DutyItem.OpinionSubmitted);
            // 乙: plenary (10) + 1 activity (5) + a proposal (15) + a plenary speech (10) = 40.
            E(yi, DutyItem.PlenaryHalfDay, 2);
            E(yi, DutyItem.Activity);
            E(yi, DutyItem.ProposalFiled);
            E(yi, DutyItem.PlenarySpeech);
            // 丙: 2 activities = 10.
            E(bing, DutyItem.Activity);
            E(bing, DutyItem.Activity);
            await d.SaveChangesAsync();
            await sp.GetRequiredService<DutyLedger>().RescoreAsync(c.Id, Year);
            return new Seeded(c, jia.Id, yi.Id, bing.Id, ding.Id, group.Id);
        });
    }

    private static Task<CommitteeScoresView> TableAsync(TestApp app, Actor actor, Guid committeeId, CommitteeScoreFilter? filter = null) =>
        app.AsAsync(actor, sp => sp.GetRequiredService<CommitteeScores>().GetAsync(committeeId, Year, filter ?? new(), 1));

    [Theory, ClassData(typeof(Databases))]
    public async Task The_committee_table_shows_scores_ranks_and_filters(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var s = await SeedAsync(app);
        var staff = await app.NewUserAsync(s.Committee, Roles.Staff, [Permissions.Performance]);

        var all = await TableAsync(app, staff.Actor, s.Committee.Id);
        all.Rows.Total.ShouldBe(4);
        all.MayManage.ShouldBeTrue();
        var byName = all.Rows.Items.ToDictionary(r => r.Name);
        var jia = byName["委员甲"];
        (jia.Rank, jia.Total, jia.MeetingPoints, jia.ActivityPoints, jia.ProposalPoints).ShouldBe((1, 40m, 10m, 15m, 15m));
        (jia.ActivitiesAttended, jia.PlenaryHalfDays, jia.ProposalsFiled, jia.ReportsSubmitted).ShouldBe((4, 2, 1, 1));
        jia.Sector.ShouldBe("教育");
        jia.Groups.ShouldBe(["第一活动组"]);
        jia.MinimumsMet.ShouldBeTrue();
        jia.Grade.ShouldBe("不称职");
        byName["委员乙"].Rank.ShouldBe(1);
        byName["委员乙"].SpeechPoints.ShouldBe(10m);
        byName["委员乙"].MissingMinimums.ShouldBe("履职活动3次、社情民意1篇");
        byName["委员丙"].Rank.ShouldBe(3);
        byName["委员丁"].Rank.ShouldBe(4);
        all.Rows.Items.Select(r => r.Rank).ShouldBe([1, 1, 3, 4]);
        all.Grades.Single(g => g.Grade == "不称职").Count.ShouldBe(4);
        all.Grades.Where(g => g.Grade != "不称职").ShouldAllBe(g => g.Count == 0);

        static IEnumerable<string> Names(CommitteeScoresView v) => v.Rows.Items.Select(r => r.Name).Order(StringComparer.Ordinal);
        Names(await TableAsync(app, staff.Actor, s.Committee.Id, new(SectorId: s.Committee.OtherSectorId))).ShouldBe(["委员丁", "委员丙"]);
        Names(await TableAsync(app, staff.Actor, s.Committee.Id, new(GroupId: s.GroupId))).ShouldBe(["委员丙", "委员甲"]);
        Names(await TableAsync(app, staff.Actor, s.Committee.Id, new(MissingOnly: true))).ShouldBe(["委员丁", "委员丙", "委员乙"]);
        Names(await TableAsync(app, staff.Actor, s.Committee.Id, new(Q: "乙"))).ShouldBe(["委员乙"]);
        (await TableAsync(app, staff.Actor, s.Committee.Id, new(Grade: "优秀"))).Rows.Total.ShouldBe(0);
        var missingInGroup = await TableAsync(app, staff.Actor, s.Committee.Id, new(GroupId: s.GroupId, MissingOnly: true));
        Names(missingInGroup).ShouldBe(["委员丙"]);
        missingInGroup.Grades.Sum(g => g.Count).ShouldBe(1);

        var (content, name) = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<CommitteeScores>()
            .ExportAsync(s.Committee.Id, Year, new(SectorId: s.Committee.OtherSectorId)));
        name.ShouldBe($"委员履职-{Year}.xlsx");
        using var book = new XLWorkbook(content);
        var sheet = book.Worksheet(1);
        sheet.Cell(1, 2).GetString().ShouldBe("委员");
        sheet.Cell(2, 1).GetValue<int>().ShouldBe(3);
        sheet.Cell(2, 2).GetString().ShouldBe("委员丙");
        sheet.Cell(2, 5).GetValue<decimal>().ShouldBe(10m);
        sheet.Cell(3, 2).GetString().ShouldBe("委员丁");
        sheet.Cell(4, 2).GetString().ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Saving_rules_rescore_the_committee_and_bad_or_stale_forms_are_refused(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var s = await SeedAsync(app);
        var staff = await app.NewUserAsync(s.Committee, Roles.Staff, [Permissions.Performance]);
        Task<DutyRulesView> Rules(int year = Year) => app.AsAsync(staff.Actor, sp => sp.GetRequiredService<DutyRulesEditor>().GetAsync(s.Committee.Id, year));
        Task Save(DutyRulesInput input) => app.AsAsync(staff.Actor, sp => sp.GetRequiredService<DutyRulesEditor>().SaveAsync(input));

        var view = await Rules();
        view.Saved.ShouldBeFalse();
        view.Input.Version.ShouldBe(0);
        view.Input.Lines.Single(l => l.Item == DutyItem.Activity).Points.ShouldBe(5m);
        view.OpinionLines.Select(l => l.Key).ShouldBe(DutyDefaults.OpinionOutcomeItems);

        var input = view.Input;
        input.Lines.Single(l => l.Item == DutyItem.Activity).Points = 10;
        (input.ExcellentMin, input.CompetentMin, input.PassMin) = (40, 20, 5);
        await Save(input);

        var rows = (await TableAsync(app, staff.Actor, s.Committee.Id)).Rows.Items.ToDictionary(r => r.Name);
        (rows["委员甲"].Total, rows["委员甲"].Grade, rows["委员甲"].Rank).ShouldBe((55m, "优秀", 1));
        (rows["委员乙"].Total, rows["委员乙"].Grade, rows["委员乙"].Rank).ShouldBe((45m, "优秀", 2));
        (rows["委员丙"].Total, rows["委员丙"].Grade).ShouldBe((20m, "称职"));
        (rows["委员丁"].Total, rows["委员丁"].Grade).ShouldBe((0m, "不称职"));

        var saved = await Rules();
        saved.Saved.ShouldBeTrue();
        saved.Input.Lines.Single(l => l.Item == DutyItem.Activity).Points.ShouldBe(10m);
        var stale = saved.Input.Version;
        saved.Input.MinActivities = 2;
        await Save(saved.Input);
        saved.Input.Version = stale;
        saved.Input.MinActivities = 5;
        var conflict = await Should.ThrowAsync<ConflictException>(Save(saved.Input));
        conflict.Message.ShouldBe(DutyRulesEditor.ConcurrentMessage);
        var fresh = await Rules();
        fresh.Input.MinActivities.ShouldBe(2);
        // A second "first save" (version 0) while a set exists is stale too.
        fresh.Input.Version = 0;
        await Should.ThrowAsync<ConflictException>(Save(fresh.Input));

        var bad = (await Rules()).Input;
        (bad.ExcellentMin, bad.CompetentMin, bad.PassMin) = (10, 20, 5);
        bad.Lines.Single(l => l.Item == DutyItem.MassVisit).YearCap = -1;
        bad.Lines.Single(l => l.Item == DutyItem.ProposalFiled).Points = 5000;
        var invalid = await Should.ThrowAsync<ValidationFailedException>(Save(bad));
        invalid.Message.ShouldContain("等次分数线须从高到低");
        invalid.Message.ShouldContain("联系界别群众的年度上限须在0至");
        invalid.Message.ShouldContain("提案立案的分值须在-1000至1000之间");
        var opinionLine = (await Rules()).Input;
        opinionLine.Lines.Add(new DutyRuleLineInput { Item = DutyItem.OpinionAdoptedCity, Points = 99 });
        (await Should.ThrowAsync<ValidationFailedException>(Save(opinionLine))).Message.ShouldContain("社情民意设置");
        (await TableAsync(app, staff.Actor, s.Committee.Id)).Rows.Items.Single(r => r.Name == "委员甲").Total.ShouldBe(55m);

        // 复制上一年规则: next year starts from this year's table.
        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<DutyRulesEditor>().CopyPreviousYearAsync(s.Committee.Id, Year + 1));
        var next = await Rules(Year + 1);
        next.Saved.ShouldBeTrue();
        next.Input.Lines.Single(l => l.Item == DutyItem.Activity).Points.ShouldBe(10m);
        (next.Input.ExcellentMin, next.Input.MinActivities).ShouldBe((40m, 2));
        await Should.ThrowAsync<NotFoundException>(app.AsAsync(staff.Actor, sp => sp.GetRequiredService<DutyRulesEditor>().CopyPreviousYearAsync(s.Committee.Id, Year - 5)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Leaderboards_share_ranks_on_ties_and_aggregate_by_average(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var s = await SeedAsync(app);
        var staff = await app.NewUserAsync(s.Committee, Roles.Staff, [Permissions.Performance]);
        Task<LeaderboardView> Board(LeaderboardBoard b, LeaderboardScope scope = LeaderboardScope.Member) =>
            app.AsAsync(staff.Actor, sp => sp.GetRequiredService<Leaderboards>().GetAsync(s.Committee.Id, Year, b, scope, 1));

        var total = await Board(LeaderboardBoard.Total);
        total.Rows.Items.Select(r => (r.Rank, r.Value)).ShouldBe([(1, 40m), (1, 40m), (3, 10m), (4, 0m)]);
        total.Rows.Items.Take(2).Select(r => r.Name).Order(StringComparer.Ordinal).ShouldBe(["委员乙", "委员甲"]);
        total.MissingMinimums!.Select(m => m.Name).Order(StringComparer.Ordinal).ShouldBe(["委员丁", "委员丙", "委员乙"]);

        var activities = await Board(LeaderboardBoard.Activities);
        activities.Rows.Items.Select(r => (r.Rank, r.Name, r.Value)).First().ShouldBe((1, "委员甲", 4m));
        activities.Rows.Items.Skip(1).Select(r => (r.Rank, r.Value)).ShouldBe([(2, 2m), (2, 2m), (4, 0m)]);

        var proposals = await Board(LeaderboardBoard.Proposals);
        proposals.CountLabel.ShouldBe("提案件数");
        proposals.Rows.Items.Take(2).ShouldAllBe(r => r.Rank == 1 && r.Value == 15m && r.Count == 1);

        var speeches = await Board(LeaderboardBoard.Speeches);
        speeches.Rows.Items[0].ShouldBe(new LeaderboardRow(1, "委员乙", "教育", 1, 1, 1, null));
        speeches.Rows.Items.Skip(1).ShouldAllBe(r => r.Rank == 2);

        var sectors = await Board(LeaderboardBoard.Total, LeaderboardScope.Sector);
        sectors.Rows.Items.ShouldBe([new LeaderboardRow(1, "教育", "", 40m, 80m, 2, null), new LeaderboardRow(2, "经济", "", 5m, 10m, 2, null)]);
        var groups = await Board(LeaderboardBoard.Total, LeaderboardScope.Group);
        groups.Rows.Items.ShouldBe([new LeaderboardRow(1, "第一活动组", "", 25m, 50m, 2, null)]);

        var member = await app.NewUserAsync(s.Committee, Roles.Member, memberId: s.Ding);
        var seen = await app.AsAsync(member.Actor, sp => sp.GetRequiredService<Leaderboards>().GetAsync(s.Committee.Id, Year, LeaderboardBoard.Total, LeaderboardScope.Member, 1));
        seen.Rows.Total.ShouldBe(4);
        seen.MissingMinimums.ShouldBeNull();
    }

    /// <summary>role × action over the committee's own records, another committee's and a parent
    /// committee that reads this one.</summary>
    [Theory, ClassData(typeof(Databases))]
    public async Task Who_may_view_save_rebuild_and_see_leaderboards(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var parent = await app.NewCommitteeAsync();
        var committee = await app.NewCommitteeAsync(parent.Id, parentMayRead: true);
        var other = await app.NewCommitteeAsync();
        var s = await SeedAsync(app, committee);
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Performance]);
        var users = new (string Who, Actor Actor, bool Table, bool Save, bool Rebuild, bool Published, bool Unpublished)[]
        {
            ("委员", (await app.NewUserAsync(committee, Roles.Member, memberId: s.Jia)).Actor, false, false, false, true, false),
            ("无履职权限的工作人员", (await app.NewUserAsync(committee, Roles.Staff, [Permissions.Proposals])).Actor, false, false, false, true, false),
            ("本级履职工作人员", staff.Actor, true, true, true, true, true),
            ("其他政协的履职工作人员", (await app.NewUserAsync(other, Roles.Staff, [Permissions.Performance])).Actor, false, false, false, false, false),
            ("上级政协的履职工作人员", (await app.NewUserAsync(parent, Roles.Staff, [Permissions.Performance])).Actor, true, false, false, true, true),
            ("本级领导", (await app.NewUserAsync(committee, Roles.Leader)).Actor, true, false, false, true, true),
            ("上级政协的领导", (await app.NewUserAsync(parent, Roles.Leader)).Actor, false, false, false, false, false),
            ("其他政协的委员", (await app.NewUserAsync(other, Roles.Member)).Actor, false, false, false, false, false),
        };

        async Task<bool> Allowed(Actor actor, Func<IServiceProvider, Task> work)
        {
            try
            {
                await app.AsAsync(actor, work);
                return true;
            }
            catch (ForbiddenException)
            {
                return false;
            }
        }

        async Task<DutyRulesInput> CurrentRules() => await app.AsAsync(Actor.System, async sp =>
        {
            var set = await sp.GetRequiredService<TongxinDbContext>().DutyRuleSets.AsNoTracking().Include(x => x.Rules)
                .FirstOrDefaultAsync(x => x.CommitteeId == committee.Id && x.Year == Year);
            return DutyRulesEditor.ToInput(committee.Id, Year, set);
        });

        Task Board(IServiceProvider sp) => sp.GetRequiredService<Leaderboards>().GetAsync(committee.Id, Year, LeaderboardBoard.Total, LeaderboardScope.Member, 1);
        foreach (var u in users)
        {
            (await Allowed(u.Actor, sp => sp.GetRequiredService<CommitteeScores>().GetAsync(committee.Id, Year, new(), 1))).ShouldBe(u.Table, $"{u.Who} 查看履职表");
            (await Allowed(u.Actor, sp => sp.GetRequiredService<CommitteeScores>().ExportAsync(committee.Id, Year, new()))).ShouldBe(u.Table, $"{u.Who} 导出");
            (await Allowed(u.Actor, sp => sp.GetRequiredService<DutyRulesEditor>().GetAsync(committee.Id, Year))).ShouldBe(u.Table, $"{u.Who} 查看规则");
            var rules = await CurrentRules();
            (await Allowed(u.Actor, sp => sp.GetRequiredService<DutyRulesEditor>().SaveAsync(rules))).ShouldBe(u.Save, $"{u.Who} 保存规则");
            (await Allowed(u.Actor, sp => sp.GetRequiredService<CommitteeScores>().RebuildAsync(committee.Id, Year))).ShouldBe(u.Rebuild, $"{u.Who} 重新计算");
            (await Allowed(u.Actor, Board)).ShouldBe(u.Published, $"{u.Who} 查看公开榜单");
        }

        var unpublish = await CurrentRules();
        unpublish.PublishLeaderboards = false;
        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<DutyRulesEditor>().SaveAsync(unpublish));
        foreach (var u in users)
        {
            (await Allowed(u.Actor, Board)).ShouldBe(u.Unpublished, $"{u.Who} 查看未公开榜单");
        }

        // The one rebuild that was allowed wrote one audit entry, with the count of entries written.
        var audits = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == "重新计算委员履职" && a.TargetId == committee.Id.ToString()).Select(a => a.Details).ToListAsync());
        audits.ShouldBe([$"{Year}年，写入0条履职记录"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_pages_and_the_api_answer_by_role(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var s = await SeedAsync(app);
        var staff = await app.NewUserAsync(s.Committee, Roles.Staff, [Permissions.Performance]);
        var member = await app.NewUserAsync(s.Committee, Roles.Member, memberId: s.Jia);
        var q = $"committeeId={s.Committee.Id}&year={Year}";

        using var web = await WebSession.LoginAsync(app, staff.UserName);
        var table = await web.GetPageAsync($"/Performance/Committee?{q}");
        table.ShouldContain("委员丙");
        table.ShouldContain("重新计算");
        (await web.GetPageAsync($"/Performance/Committee?{q}&missing=true&sectorId={s.Committee.SectorId}")).ShouldNotContain("委员甲");
        var export = await web.GetAsync($"/Performance/Committee?{q}&handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe(FileKind.Xlsx.ContentType);
        (await web.GetPageAsync($"/Performance/Rules?{q}")).ShouldContain("保存并重新计算");
        (await web.GetPageAsync($"/Performance/Leaderboards?{q}&board=speeches&by=Sector")).ShouldContain("人均");

        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = "0",
            ["Input.ExcellentMin"] = "10",
            ["Input.CompetentMin"] = "20",
            ["Input.PassMin"] = "5",
            ["Input.MinPlenary"] = "1",
            ["Input.MinActivities"] = "3",
            ["Input.MinProposals"] = "1",
            ["Input.MinReports"] = "1",
            ["Input.PublishLeaderboards"] = "true",
        };
        var i = 0;
        foreach (var (item, line) in DutyDefaults.Editable)
        {
            form[$"Input.Lines[{i}].Item"] = item.ToString();
            form[$"Input.Lines[{i}].Points"] = line.Points.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"Input.Lines[{i}].JointPoints"] = line.JointPoints.ToString(System.Globalization.CultureInfo.InvariantCulture);
            i++;
        }

        var refused = await web.PostFormAsync($"/Performance/Rules?{q}", form);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("等次分数线须从高到低");
        form["Input.ExcellentMin"] = "30";
        var saved = await web.PostFormAsync($"/Performance/Rules?{q}", form);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TableAsync(app, staff.Actor, s.Committee.Id)).Rows.Items.Single(r => r.Name == "委员甲").Grade.ShouldBe("优秀");

        // The seeded entries have no sources behind them; one real plenary (2 half-days) for 甲 does.
        // 重新计算 replaces the ledger with what the sources say.
        await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            new LedgerWorld(s.Committee.Id).Activity(d, ActivityType.Plenary, LedgerWorld.Bj(Year, 1, 20), AttendanceMode.MustAttend, 2, (s.Jia, Attendance.Present));
            await d.SaveChangesAsync();
        });
        var rebuilt = await web.PostFormAsync($"/Performance/Committee?{q}&handler=Rebuild", [], $"/Performance/Committee?{q}");
        rebuilt.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TableAsync(app, staff.Actor, s.Committee.Id)).Rows.Items.ToDictionary(r => r.Name, r => r.Total)
            .ShouldBe(new Dictionary<string, decimal> { ["委员甲"] = 10, ["委员乙"] = 0, ["委员丙"] = 0, ["委员丁"] = 0 }, ignoreOrder: true);

        var api = await web.GetAsync($"/api/v1/performance/committees/{s.Committee.Id}/scores?year={Year}");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.Content.ReadAsStringAsync()).ShouldContain("委员丙");
        (await web.GetAsync($"/api/v1/performance/committees/{s.Committee.Id}/leaderboards/total?year={Year}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await web.GetAsync($"/api/v1/performance/committees/{s.Committee.Id}/leaderboards/nonsense?year={Year}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var m = await WebSession.LoginAsync(app, member.UserName);
        (await m.GetAsync($"/Performance/Committee?{q}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await m.GetAsync($"/api/v1/performance/committees/{s.Committee.Id}/scores?year={Year}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await m.GetAsync($"/Performance/Leaderboards?{q}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
