using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Problems;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Problems;

/// <summary>两天内交办、一周内答复 around the 2026 holidays, the overdue flag and the daily 催办.</summary>
public class ProblemDeadlineTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_problem_recorded_the_Friday_before_the_Spring_Festival_is_due_for_assignment_on_24_February_and_reminded_once_a_day_after(Db db)
    {
        // Friday 13 February 2026, 09:00 in Beijing.
        await using var app = await TestApp.CreateIsolatedAsync(db, now: new DateTimeOffset(2026, 2, 13, 1, 0, 0, TimeSpan.Zero));
        var w = await ProblemWorld.CreateAsync(app);
        var id = await w.RecordAsync();

        // Working days: Saturday 14 February (调休) and Tuesday 24 February (15–23 off).
        (await w.ProblemAsync(id)).AssignDueOn.ShouldBe(new DateOnly(2026, 2, 24));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 24, 2, 0, 0, TimeSpan.Zero));
        await RemindAsync(app);
        (await RemindersAsync(w, id)).ShouldBe(0);
        (await ListAsync(w, w.Staff)).Single(r => r.Id == id).OverdueDays.ShouldBe(0);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 25, 1, 0, 0, TimeSpan.Zero));
        var row = (await ListAsync(w, w.Staff, new ProblemFilter { Overdue = true })).ShouldHaveSingleItem();
        (row.Id, row.OverdueDays).ShouldBe((id, 1));
        await RemindAsync(app);
        await RemindAsync(app);
        (await w.StepsAsync(id)).Where(s => s.Action == "催办").Select(s => s.Text).ShouldBe(["提醒交办：已超期1个工作日"]);
        await app.DeliverEventsAsync();
        (await w.NotesAsync(w.Staff)).ShouldContain(n => n.Title == "监督问题催办" && n.Body.Contains("交办期限为2026年2月24日，已超期1个工作日"));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 26, 1, 0, 0, TimeSpan.Zero));
        await RemindAsync(app);
        (await RemindersAsync(w, id)).ShouldBe(2);

        // Assigned on Thursday 26 February: five working days are 27 Feb, Sat 28 Feb (调休), 2, 3 and 4 March.
        await w.AssignAsync(id);
        var p = await w.ProblemAsync(id);
        (p.ReplyDueOn, p.LastRemindedOn).ShouldBe(((DateOnly?)new DateOnly(2026, 3, 4), (DateOnly?)null));
        await RemindAsync(app);
        (await RemindersAsync(w, id)).ShouldBe(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_reply_due_across_the_National_Day_holiday_and_an_overdue_unit_is_reminded(Db db)
    {
        // Tuesday 29 September 2026.
        await using var app = await TestApp.CreateIsolatedAsync(db, now: new DateTimeOffset(2026, 9, 29, 1, 0, 0, TimeSpan.Zero));
        var w = await ProblemWorld.CreateAsync(app);
        var id = await w.RecordAsync();
        (await w.ProblemAsync(id)).AssignDueOn.ShouldBe(new DateOnly(2026, 10, 8)); // 30 Sep, then 8 Oct after 1–7 Oct

        await w.AssignAsync(id);
        // 30 Sep, 8 Oct, 9 Oct, Sat 10 Oct (调休), 12 Oct.
        (await w.ProblemAsync(id)).ReplyDueOn.ShouldBe(new DateOnly(2026, 10, 12));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 13, 1, 0, 0, TimeSpan.Zero));
        var inbox = (await ListAsync(w, w.Unit1)).ShouldHaveSingleItem();
        (inbox.Id, inbox.OverdueDays, inbox.OpenDue).ShouldBe((id, 1, (DateOnly?)new DateOnly(2026, 10, 12)));
        await RemindAsync(app);
        (await w.StepsAsync(id)).Last().Text.ShouldBe("催促承办单位答复：已超期1个工作日");
        await app.DeliverEventsAsync();
        (await w.NotesAsync(w.Unit1)).ShouldContain(n => n.Title == "监督问题催办" && n.Body.Contains("请尽快答复"));
        (await w.NotesAsync(w.Unit2)).ShouldBeEmpty();

        // The reply stops the reminders.
        await w.ReplyAsync(id);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 14, 1, 0, 0, TimeSpan.Zero));
        await RemindAsync(app);
        (await RemindersAsync(w, id)).ShouldBe(1);
        (await w.DetailAsync(id, w.Staff)).OverdueDays.ShouldBe(0);
    }

    private static Task<int> RemindAsync(TestApp app) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<ProblemReminderJob>().RunOnceAsync());

    private static async Task<int> RemindersAsync(ProblemWorld w, Guid id) => (await w.StepsAsync(id)).Count(s => s.Action == "催办");

    private static async Task<IReadOnlyList<ProblemRow>> ListAsync(ProblemWorld w, TestData.TestUser user, ProblemFilter? filter = null) =>
        (await w.App.AsAsync(user.Actor, sp => sp.GetRequiredService<ProblemQueries>().ListAsync(filter ?? new ProblemFilter(), 1))).Items;
}
