using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.Supervision;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;
using Tongxin.Tests.Supervision.Problems;

namespace Tongxin.Tests.PublicChannels.Points;

/// <summary>The intake's group commit (<see cref="PublicIntakeWriter"/>): letters saved together keep
/// everything a letter saved alone has – its own audit entry under its own sender, the tenancy check,
/// its event, its followers – and a refused batch stores nothing.</summary>
public class IntakeWriterTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Letters_saved_in_one_batch_are_each_audited_as_their_own_sender_with_their_event(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var letters = Enumerable.Range(1, 3)
            .Select(i => new QueuedLetter(Letter(w.Committee.Id, w.PointId, $"同批来信{i}"), Actor.Public(w.Committee.Id, $"203.0.113.{i}")))
            .ToList();

        await app.Services.GetRequiredService<PublicIntakeWriter>().SaveBatchAsync(letters);

        var ids = letters.Select(l => l.Submission.Id).ToList();
        var keys = ids.Select(id => id.ToString()).ToList();
        var (stored, audit, events, chain) = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            var rows = await ctx.PublicSubmissions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync();
            var entries = await ctx.AuditEntries.AsNoTracking()
                .Where(a => a.TargetType == nameof(PublicSubmission) && keys.Contains(a.TargetId)).ToListAsync();
            var messages = new List<int>();
            foreach (var key in keys)
            {
                messages.Add(await ctx.OutboxMessages.CountAsync(m => m.Type == nameof(PublicSubmissionReceived) && m.Payload.Contains(key)));
            }

            var report = await sp.GetRequiredService<AuditChainVerifier>().VerifyAsync();
            return (rows, entries, messages, report);
        });

        stored.Count.ShouldBe(3);
        audit.Count.ShouldBe(3);
        foreach (var (letter, i) in letters.Select((l, i) => (l, i + 1)))
        {
            var entry = audit.Single(a => a.TargetId == letter.Submission.Id.ToString());
            // The sender's, not the writer's (the system actor).
            (entry.Action, entry.Ip, entry.UserName, entry.Role, entry.CommitteeId, entry.UserId)
                .ShouldBe(("新增", $"203.0.113.{i}", "public", letter.By.PrimaryRole, (Guid?)w.Committee.Id, (Guid?)null));
        }

        events.ShouldBe([1, 1, 1]); // one event per letter
        chain.Intact.ShouldBeTrue(chain.Message);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_batch_holding_a_letter_its_sender_may_not_write_is_refused_whole(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var other = await app.NewCommitteeAsync();
        var fine = new QueuedLetter(Letter(w.Committee.Id, w.PointId, "正常来信"), Actor.Public(w.Committee.Id, "203.0.113.1"));
        // Sent through another committee's public page, but addressed to this committee.
        var foreign = new QueuedLetter(Letter(w.Committee.Id, w.PointId, "越界来信"), Actor.Public(other.Id, "203.0.113.2"));

        await Should.ThrowAsync<TenantViolationException>(
            () => app.Services.GetRequiredService<PublicIntakeWriter>().SaveBatchAsync([fine, foreign]));

        (await w.LettersAsync()).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_form_posted_twice_in_one_batch_stores_nothing_there(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var by = Actor.Public(w.Committee.Id, "203.0.113.1");
        var first = Letter(w.Committee.Id, w.PointId, "双击来信");
        var second = Letter(w.Committee.Id, w.PointId, "双击来信");
        second.IdempotencyKey = first.IdempotencyKey;

        await Should.ThrowAsync<DbUpdateException>(
            () => app.Services.GetRequiredService<PublicIntakeWriter>().SaveBatchAsync([new(first, by), new(second, by)]));

        (await w.LettersAsync()).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Forms_posted_at_the_same_moment_are_stored_once_each_and_a_repeat_gets_the_first_receipt(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var tickets = Enumerable.Range(0, 6).Select(_ => new IntakeTicket(Guid.NewGuid().ToString("N"), DateTime.UnixEpoch)).ToList();
        var target = new PublicLetterTarget(w.Committee.Id, PublicChannel.LiaisonPoint, w.PointId, null);

        // Every form posted twice at once (a double click), all twelve together: however the
        // writer happens to batch them, each form is one row and both posts show its receipt.
        var receipts = await Task.WhenAll(tickets.Concat(tickets).Select((ticket, i) => app.AsAsync(
            Actor.Public(w.Committee.Id, $"203.0.113.{i}"),
            sp => sp.GetRequiredService<PublicSubmissionIntake>().AcceptAsync(
                target, new PublicLetterInput($"同时来信{tickets.IndexOf(ticket)}", "路灯不亮。", null, null), ticket, "hash"))));

        var letters = await w.LettersAsync();
        letters.Count.ShouldBe(6);
        for (var i = 0; i < 6; i++)
        {
            var stored = letters.Single(l => l.IdempotencyKey == tickets[i].IdempotencyKey);
            stored.Title.ShouldBe($"同时来信{i}");
            receipts[i].ReceiptCode.ShouldBe(stored.ReceiptCode);
            receipts[i + 6].ReceiptCode.ShouldBe(stored.ReceiptCode);
            new[] { receipts[i].Repeated, receipts[i + 6].Repeated }.Count(r => r).ShouldBe(1);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_form_posted_again_after_its_batch_was_stored_is_refused_by_the_writer_and_answered_alone_with_the_first_receipt(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var ticket = new IntakeTicket(Guid.NewGuid().ToString("N"), DateTime.UnixEpoch);
        var target = new PublicLetterTarget(w.Committee.Id, PublicChannel.LiaisonPoint, w.PointId, null);
        Task<PublicReceipt> Post() => app.AsAsync(Actor.Public(w.Committee.Id, "203.0.113.9"), sp => sp.GetRequiredService<PublicSubmissionIntake>()
            .AcceptAsync(target, new PublicLetterInput("重复提交", "路灯不亮。", null, null), ticket, "hash"));

        var first = await Post();
        var again = await Post();

        (first.Repeated, again.Repeated).ShouldBe((false, true));
        again.ReceiptCode.ShouldBe(first.ReceiptCode);
        (await w.LettersAsync()).ShouldHaveSingleItem().Id.ShouldBe(first.SubmissionId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Monitoring_point_letters_saved_in_one_batch_become_problems_with_consecutive_numbers(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        var token = await MonitoringPointTests.PointAsync(w, LiaisonPointPurpose.BusinessEnvironment);
        var pointId = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().LiaisonPoints
            .Where(p => p.Token == token).Select(p => p.Id).SingleAsync());
        var letters = Enumerable.Range(1, 3)
            .Select(i => new QueuedLetter(Letter(w.Committee.Id, pointId, $"审批材料反复退回{i}"), Actor.Public(w.Committee.Id, $"203.0.113.{i}")))
            .ToList();

        await app.Services.GetRequiredService<PublicIntakeWriter>().SaveBatchAsync(letters);

        var ids = letters.Select(l => l.Submission.Id).ToList();
        var problems = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().SupervisionProblems.AsNoTracking()
            .Where(p => p.PublicSubmissionId != null && ids.Contains(p.PublicSubmissionId.Value)).ToListAsync());
        problems.Select(p => p.Number).Order().ShouldBe([1, 2, 3]);
        problems.ShouldAllBe(p => p.Source == ProblemSource.MonitoringPoint && p.CommitteeId == w.Committee.Id);
    }

    private static PublicSubmission Letter(Guid committeeId, Guid pointId, string title) => new()
    {
        // Times are the stored form's; the writer does not read them.
        CommitteeId = committeeId,
        Channel = PublicChannel.LiaisonPoint,
        LiaisonPointId = pointId,
        Title = title,
        Content = "门诊挂号排队时间太长。",
        ReceiptCode = ReceiptCodes.NewCode(),
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        Status = PublicSubmissionStatus.Received,
        CreatedAt = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc),
        LastActivityAt = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc),
        ClientHash = "hash",
    };
}
