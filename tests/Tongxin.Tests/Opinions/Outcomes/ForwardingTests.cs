using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Outcomes;
using Tongxin.Modules.Opinions.Statistics;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Opinions.Outcomes.OutcomesTestData;

namespace Tongxin.Tests.Opinions.Outcomes;

public class ForwardingTests
{
    /// <summary>County staff 上报 a published report; the copy appears in the city's queue (and only
    /// there); the city publishes it and a city leader's instruction is recorded on it; the county's
    /// original shows both exactly once however often the events are handled, and its author earns
    /// the city's points on top of the county's.</summary>
    [Theory, ClassData(typeof(Databases))]
    public async Task A_county_report_forwarded_to_the_city_comes_back_with_the_city_decision_once(Db db)
    {
        // Events are handled only when the test dispatches (the shared app's background dispatcher
        // could meet a busy database under the parallel suite and back off past the test's dispatch).
        await using var app = await TestApp.CreateIsolatedAsync(db, settings: new Dictionary<string, string?> { ["Tongxin:Events:RunDispatcher"] = "false" });
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(city.Id, level: CommitteeLevel.County);
        var countyStaff = await app.NewUserAsync(county, Roles.Staff, [Permissions.Opinions]);
        var cityStaff = await app.NewUserAsync(city, Roles.Staff, [Permissions.Opinions]);
        var a = await MemberAsync(app, county, "县委员甲", county.SectorId);
        var b = await MemberAsync(app, county, "县委员乙");
        var original = await ReportAsync(app, county, OpinionStatus.SignedOff, [(a, "县委员甲"), (b, "县委员乙")], title: "关于加强农村饮水安全的建议");
        await PublishAsync(app, original);

        await app.AsAsync(countyStaff.Actor, sp => sp.GetRequiredService<OpinionOutcomeHandler>().ForwardAsync(original));
        await app.AsAsync(countyStaff.Actor, async sp =>
            (await Should.ThrowAsync<ConflictException>(() => sp.GetRequiredService<OpinionOutcomeHandler>().ForwardAsync(original))).Message.ShouldContain("不能重复上报"));
        await DispatchAsync(app);

        var copyId = await app.AsAsync(Actor.System, async sp =>
            (await sp.GetRequiredService<TongxinDbContext>().OpinionReports.SingleAsync(r => r.Id == original)).ForwardedToReportId!.Value);
        var copy = await app.AsAsync(cityStaff.Actor, sp => sp.GetRequiredService<OpinionAccess>().LoadAsync(copyId));
        (copy.CommitteeId, copy.Status, copy.SubmitterKind, copy.SubmitterName, copy.ForwardedFromReportId, copy.Title)
            .ShouldBe((city.Id, OpinionStatus.Submitted, OpinionSubmitterKind.LowerCommittee, county.Name, (Guid?)original, "关于加强农村饮水安全的建议"));
        copy.SerialNo.ShouldBe(1);
        await app.AsAsync(cityStaff.Actor, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            (await data.OpinionReportAuthors.Where(x => x.ReportId == copyId).OrderBy(x => x.Order).Select(x => x.MemberName).ToListAsync()).ShouldBe(["县委员甲", "县委员乙"]);
            (await data.OpinionReportVersions.SingleAsync(v => v.ReportId == copyId)).IsAuthorText.ShouldBeTrue();
            // What the screening queue lists: the city's own Submitted reports.
            (await data.OpinionReports.Where(r => r.CommitteeId == city.Id && r.Status == OpinionStatus.Submitted).Select(r => r.Id).ToListAsync()).ShouldBe([copyId]);
        });
        await app.AsAsync(countyStaff.Actor, async sp =>
            await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<OpinionAccess>().LoadAsync(copyId)));

        // The city takes it up and prints it (the bulletins part), and records a city leader's instruction.
        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var r = await data.OpinionReports.SingleAsync(x => x.Id == copyId);
            r.Status = OpinionStatus.SignedOff;
            await data.SaveChangesAsync();
        });
        await PublishAsync(app, copyId, date: new DateOnly(2026, 2, 27));
        await app.AsAsync(cityStaff.Actor, sp => sp.GetRequiredService<OpinionOutcomeHandler>().RecordInstructionAsync(copyId,
            new InstructionInput { Level = InstructionLevel.City, LeaderName = "王市长", Date = new(2026, 2, 28), Text = "请市水利局抓好落实。" }));
        await DispatchAsync(app);
        await DispatchAsync(app);
        // Handling the same event again (a redelivery) changes nothing either.
        await app.AsAsync(Actor.System, async sp =>
        {
            var handler = sp.GetRequiredService<CrossLevelForwarding>();
            var again = new OpinionChanged(copyId, city.Id, OpinionAction.RecordOutcome, "", []);
            await handler.HandleAsync(again, new EventContext(Guid.NewGuid(), app.Clock.GetUtcNow().UtcDateTime, 1), CancellationToken.None);
            await handler.HandleAsync(again, new EventContext(Guid.NewGuid(), app.Clock.GetUtcNow().UtcDateTime, 1), CancellationToken.None);
        });

        var outcomes = await OutcomesOfAsync(app, original);
        outcomes.Select(o => (o.Kind, o.Level, o.FromReportId)).ShouldBe(
        [
            (OpinionOutcomeKind.Adopted, AdoptionLevel.Own, null),
            (OpinionOutcomeKind.Forwarded, AdoptionLevel.City, null),
            (OpinionOutcomeKind.Adopted, AdoptionLevel.City, copyId),
            (OpinionOutcomeKind.Instruction, AdoptionLevel.Own, copyId),
        ], ignoreOrder: true);
        outcomes.Single(o => o.Kind == OpinionOutcomeKind.Instruction).LeaderName.ShouldBe("王市长");

        using (var s = await WebSession.LoginAsync(app, countyStaff.UserName))
        {
            var page = await s.GetPageAsync($"/Opinions/Outcomes/{original}");
            page.ShouldContain($"已上报市政协（2026-03-02），市政协已采用，获领导批示1件次。");
        }

        // Joint report: each author earns half of own 1 + city 5 + city instruction 10.
        var scores = await app.AsAsync(countyStaff.Actor, sp => sp.GetRequiredService<OpinionMemberPoints>().ForYearAsync(county.Id, 2026));
        scores.Select(x => (x.Name, x.Points, x.AdoptedOwn, x.AdoptedUpper, x.Instructions)).ShouldBe(
            [("县委员甲", 8m, 1, 1, 1), ("县委员乙", 8m, 1, 1, 1)], ignoreOrder: true);
        // The city credits none of the county's members for the copy.
        (await app.AsAsync(cityStaff.Actor, sp => sp.GetRequiredService<OpinionMemberPoints>().ForYearAsync(city.Id, 2026))).ShouldBeEmpty();

        // The city deletes its wrongly recorded instruction: the original follows.
        var instructionOnCopy = (await OutcomesOfAsync(app, copyId)).Single(o => o.Kind == OpinionOutcomeKind.Instruction).Id;
        await app.AsAsync(cityStaff.Actor, sp => sp.GetRequiredService<OpinionOutcomeHandler>().DeleteAsync(instructionOnCopy));
        await DispatchAsync(app);
        (await OutcomesOfAsync(app, original)).ShouldNotContain(o => o.Kind == OpinionOutcomeKind.Instruction);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_report_is_forwarded_only_by_its_staff_once_it_is_adopted_and_not_adopted_upstairs_by_hand(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(city.Id, parentMayRead: true, level: CommitteeLevel.County);
        var countyStaff = await app.NewUserAsync(county, Roles.Staff, [Permissions.Opinions]);
        var cityStaff = await app.NewUserAsync(city, Roles.Staff, [Permissions.Opinions]);
        var a = await MemberAsync(app, county, "县委员");
        var submitted = await ReportAsync(app, county, OpinionStatus.Submitted, [(a, "县委员")]);
        var published = await ReportAsync(app, county, OpinionStatus.Published, [(a, "县委员")]);
        var cityReport = await ReportAsync(app, city, OpinionStatus.Published, []);

        await app.AsAsync(countyStaff.Actor, async sp =>
        {
            var h = sp.GetRequiredService<OpinionOutcomeHandler>();
            (await Should.ThrowAsync<ConflictException>(() => h.ForwardAsync(submitted))).Message.ShouldContain("不能上报");
            await h.ForwardAsync(published);
            // The city's decision will come back by itself: a hand entry would count it twice.
            (await Should.ThrowAsync<ValidationFailedException>(() => h.RecordAdoptionAsync(published, new AdoptionInput { Level = AdoptionLevel.City, Date = new(2026, 3, 1) })))
                .Message.ShouldContain("自动登记");
            await h.RecordAdoptionAsync(published, new AdoptionInput { Level = AdoptionLevel.Province, Date = new(2026, 3, 1) });
        });
        // City staff read the county (granted) but write only their own; the city has no parent.
        await app.AsAsync(cityStaff.Actor, async sp =>
        {
            var h = sp.GetRequiredService<OpinionOutcomeHandler>();
            await Should.ThrowAsync<ForbiddenException>(() => h.ForwardAsync(submitted));
            (await Should.ThrowAsync<ConflictException>(() => h.ForwardAsync(cityReport))).Message.ShouldContain("没有可上报的上级政协");
        });
        var member = await app.NewUserAsync(county, Roles.Member, memberId: a);
        await app.AsAsync(member.Actor, async sp =>
            await Should.ThrowAsync<ForbiddenException>(() => sp.GetRequiredService<OpinionOutcomeHandler>().ForwardAsync(published)));
    }
}
