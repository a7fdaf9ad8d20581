using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Outcomes;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Opinions.Outcomes.OutcomesTestData;

namespace Tongxin.Tests.Opinions.Outcomes;

public class OutcomeRecordingTests
{
    private static readonly string[] Actions = ["adoption", "instruction", "correct", "delete"];

    /// <summary>Only 社情民意 staff of the report's own committee record, correct and delete outcomes.</summary>
    [Theory, ClassData(typeof(Databases))]
    public async Task Only_own_committee_opinion_staff_may_record_outcomes(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(city.Id, parentMayRead: true, level: CommitteeLevel.County);
        var author = await MemberAsync(app, city, "林作者", city.SectorId);
        var actors = new Dictionary<string, Actor>
        {
            ["own staff"] = (await app.NewUserAsync(city, Roles.Staff, [Permissions.Opinions])).Actor,
            ["county staff"] = (await app.NewUserAsync(county, Roles.Staff, [Permissions.Opinions])).Actor,
            ["staff without 社情民意"] = (await app.NewUserAsync(city, Roles.Staff, [Permissions.Proposals])).Actor,
            ["author member"] = (await app.NewUserAsync(city, Roles.Member, memberId: author)).Actor,
            ["leader"] = (await app.NewUserAsync(city, Roles.Leader)).Actor,
        };

        foreach (var (name, actor) in actors)
        {
            var report = await ReportAsync(app, city, OpinionStatus.Published, [(author, "林作者")]);
            await OutcomeAsync(app, report, OpinionOutcomeKind.Instruction, instruction: InstructionLevel.City);
            var existing = (await OutcomesOfAsync(app, report)).Single().Id;
            foreach (var action in Actions)
            {
                var denial = await TryAsync(app, actor, action, report, existing);
                var allowed = name == "own staff";
                (denial is null).ShouldBe(allowed, $"{name} {action}: {denial ?? "allowed"}");
                if (!allowed)
                {
                    denial.ShouldBeOneOf(nameof(ForbiddenException), nameof(NotFoundException));
                }
            }

            var stored = await OutcomesOfAsync(app, report);
            if (name == "own staff")
            {
                // Recorded a city adoption and an instruction, corrected then deleted the seeded one.
                stored.Select(o => o.Kind).OrderBy(k => k).ShouldBe([OpinionOutcomeKind.Adopted, OpinionOutcomeKind.Instruction]);
            }
            else
            {
                stored.Count.ShouldBe(1, $"{name} changed nothing");
                stored[0].LeaderName.ShouldBe("王领导");
            }
        }
    }

    private static async Task<string?> TryAsync(TestApp app, Actor actor, string action, Guid reportId, Guid outcomeId)
    {
        try
        {
            await app.AsAsync(actor, async sp =>
            {
                var h = sp.GetRequiredService<OpinionOutcomeHandler>();
                switch (action)
                {
                    case "adoption":
                        await h.RecordAdoptionAsync(reportId, new AdoptionInput { Level = AdoptionLevel.City, Date = new(2026, 3, 1) });
                        break;
                    case "instruction":
                        await h.RecordInstructionAsync(reportId, new InstructionInput { Level = InstructionLevel.Province, LeaderName = "李省长", Date = new(2026, 3, 1), Text = "此件很好，请转相关部门参阅。" });
                        break;
                    case "correct":
                        await h.UpdateInstructionAsync(outcomeId, new InstructionInput { Level = InstructionLevel.County, LeaderName = "张书记", Date = new(2026, 2, 27), Text = "请研究。" });
                        break;
                    default:
                        await h.DeleteAsync(outcomeId);
                        break;
                }
            });
            return null;
        }
        catch (DomainException ex)
        {
            return ex.GetType().Name;
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_record_upper_adoptions_and_instructions_once_and_after_sign_off_only(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(city, Roles.Staff, [Permissions.Opinions]);
        var a = await MemberAsync(app, city, "甲委员");
        var b = await MemberAsync(app, city, "乙委员");
        var editing = await ReportAsync(app, city, OpinionStatus.Adopted, [(a, "甲委员")]);
        var report = await ReportAsync(app, city, OpinionStatus.SignedOff, [(a, "甲委员"), (b, "乙委员")]);

        await app.AsAsync(staff.Actor, async sp =>
        {
            var h = sp.GetRequiredService<OpinionOutcomeHandler>();
            (await Should.ThrowAsync<ConflictException>(() => h.RecordAdoptionAsync(editing, new AdoptionInput { Level = AdoptionLevel.City, Date = new(2026, 3, 1) })))
                .Message.ShouldContain("不能登记采用或批示");
            var ownLevel = await Should.ThrowAsync<ValidationFailedException>(() => h.RecordAdoptionAsync(report, new AdoptionInput { Level = AdoptionLevel.Own, Date = new(2026, 3, 1) }));
            ownLevel.Errors.Keys.ShouldContain(nameof(AdoptionInput.Level));
            var future = await Should.ThrowAsync<ValidationFailedException>(() => h.RecordAdoptionAsync(report, new AdoptionInput { Level = AdoptionLevel.City, Date = new(2026, 3, 3) }));
            future.Errors[nameof(AdoptionInput.Date)].ShouldContain("采用日期不能晚于今天。");
            var blank = await Should.ThrowAsync<ValidationFailedException>(() => h.RecordInstructionAsync(report, new InstructionInput()));
            blank.Errors.Keys.ShouldBe([nameof(InstructionInput.Level), nameof(InstructionInput.LeaderName), nameof(InstructionInput.Text), nameof(InstructionInput.Date)], ignoreOrder: true);

            await h.RecordAdoptionAsync(report, new AdoptionInput { Level = AdoptionLevel.Province, Date = new(2026, 3, 2), Combined = true });
            (await Should.ThrowAsync<ValidationFailedException>(() => h.RecordAdoptionAsync(report, new AdoptionInput { Level = AdoptionLevel.Province, Date = new(2026, 3, 2) })))
                .Message.ShouldContain("已登记过省政协采用");
            await h.RecordInstructionAsync(report, new InstructionInput { Level = InstructionLevel.City, LeaderName = "王市长", Date = new(2026, 3, 2), Text = "请市民政局研究落实。" });
        });

        var outcomes = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<OpinionOutcomeQuery>().GetAsync(report));
        // A joint report: each author earns half; the combined province adoption a quarter of 10.
        // (Both carry the same date and were recorded at the same instant of the test clock: their
        // order between themselves is not part of the rule.)
        outcomes.Rows.Select(r => (r.Description, r.Points)).ShouldBe(
        [
            ("省政协采用（综合）（2026-03-02）", 2.5m),
            ("市级领导王市长批示（2026-03-02）", 5m),
        ], ignoreOrder: true);
        outcomes.PointsHolder.ShouldBe("每位作者");
        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            (await data.OpinionHistory.Where(h => h.ReportId == report).Select(h => h.Text).ToListAsync())
                .ShouldBe(["登记省政协采用（综合）（2026-03-02）", "登记市级领导王市长批示（2026-03-02）"], ignoreOrder: true);
            var events = await data.OutboxMessages.Where(m => m.Type == nameof(OpinionChanged) && m.Payload.Contains(report.ToString())).ToListAsync();
            events.Count.ShouldBe(2);
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Wrong_entries_are_corrected_or_deleted_with_an_audit_trail_but_bulletin_adoptions_stay(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(city, Roles.Staff, [Permissions.Opinions]);
        var a = await MemberAsync(app, city, "甲委员");
        var report = await ReportAsync(app, city, OpinionStatus.SignedOff, [(a, "甲委员")]);
        await PublishAsync(app, report);
        var own = (await OutcomesOfAsync(app, report)).Single();

        var recorded = await app.AsAsync(staff.Actor, sp =>
            sp.GetRequiredService<OpinionOutcomeHandler>().RecordAdoptionAsync(report, new AdoptionInput { Level = AdoptionLevel.City, Date = new(2026, 2, 28) }));
        await app.AsAsync(staff.Actor, async sp =>
        {
            var h = sp.GetRequiredService<OpinionOutcomeHandler>();
            await h.UpdateAdoptionAsync(recorded, new AdoptionInput { Level = AdoptionLevel.National, Date = new(2026, 2, 28) });
            (await Should.ThrowAsync<ConflictException>(() => h.DeleteAsync(own.Id))).Message.ShouldContain("随期刊印发自动登记");
        });
        (await OutcomesOfAsync(app, report)).Single(o => o.Id == recorded).Level.ShouldBe(AdoptionLevel.National);

        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<OpinionOutcomeHandler>().DeleteAsync(recorded));
        (await OutcomesOfAsync(app, report)).Select(o => o.Id).ShouldBe([own.Id]);
        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var audit = await data.AuditEntries.Where(e => e.TargetId == recorded.ToString()).Select(e => new { e.Action, e.UserName, e.Details }).ToListAsync();
            audit.ShouldContain(e => e.Action == "删除社情民意结果记录" && e.UserName == staff.UserName && e.Details.Contains("全国政协采用"));
            audit.ShouldContain(e => e.Action == "删除" && e.UserName == staff.UserName);
            audit.ShouldContain(e => e.Action == "修改" && e.UserName == staff.UserName && e.Details.Contains(nameof(OpinionOutcome.Level)),
                "the correction (市政协 → 全国政协) is in the audit trail too");
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_recording_page_stores_a_posted_adoption_and_shows_Chinese_errors(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(city, Roles.Staff, [Permissions.Opinions]);
        var a = await MemberAsync(app, city, "甲委员");
        var report = await ReportAsync(app, city, OpinionStatus.Published, [(a, "甲委员")]);
        using var s = await WebSession.LoginAsync(app, staff.UserName);
        var url = $"/Opinions/Outcomes/{report}";

        var invalid = await s.PostFormAsync(url + "?handler=Adoption", new() { ["Adoption.Level"] = "", ["Adoption.Date"] = "2026-03-01" }, url);
        invalid.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("请选择采用层级");

        var ok = await s.PostFormAsync(url + "?handler=Adoption", new() { ["Adoption.Level"] = "City", ["Adoption.Date"] = "2026-03-01", ["Adoption.Combined"] = "true" }, url);
        ok.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var stored = (await OutcomesOfAsync(app, report)).Single();
        (stored.Kind, stored.Level, stored.Combined, stored.Date).ShouldBe((OpinionOutcomeKind.Adopted, AdoptionLevel.City, true, new DateOnly(2026, 3, 1)));
        var page = await s.GetPageAsync(url);
        page.ShouldContain("市政协采用（综合）（2026-03-01）");
        page.ShouldContain("data-confirm=\"确定删除这条结果记录吗？\"");

        var member = await app.NewUserAsync(city, Roles.Member, memberId: a);
        using var m = await WebSession.LoginAsync(app, member.UserName);
        (await m.GetAsync(url)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }
}
