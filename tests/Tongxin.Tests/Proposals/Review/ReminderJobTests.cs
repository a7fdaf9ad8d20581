using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;
using Xunit;

namespace Tongxin.Tests.Proposals.Review;

/// <summary>The time-driven rules: co-sign requests expire, units are reminded once before and once
/// after a deadline (counted in working days), and an unrated reply closes after the rating window.</summary>
public class ReminderJobTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Deadlines_co_sign_windows_and_rating_windows_follow_the_clock(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var cosigned = await w.SubmittedAsync(coSigners: [(w.Member2Id, SignerStatus.Pending, now.AddHours(24))]);
        var handled = await w.SubmittedAsync();
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([handled]));
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalAssignmentHandler>().AssignAsync(handled, AssignmentMode.Single, [new(w.UnitId, AssignmentRole.Single)]));
        // The demo committees share the app and have deadlines of their own, so the test looks at
        // its own rows, not at the job's totals.
        Task<ReminderRun> Run() => app.AsAsync(Actor.System, sp => sp.GetRequiredService<ProposalReminderJob>().RunOnceAsync());
        Task<ProposalAssignment> Part() => app.AsAsync(Actor.System, sp =>
            sp.GetRequiredService<TongxinDbContext>().ProposalAssignments.AsNoTracking().SingleAsync(x => x.ProposalId == handled));

        await Run();
        (await Part()).SoonDueNotifiedAt.ShouldBeNull();

        app.Clock.Advance(TimeSpan.FromHours(25));
        (await Run()).CoSignExpired.ShouldBeGreaterThanOrEqualTo(1);
        var signer = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProposalSigners.SingleAsync(s => s.ProposalId == cosigned && !s.IsLead));
        signer.Status.ShouldBe(SignerStatus.Expired);

        // Deadline Tue 2 June 2026: on 19 May it is ten working days away, on 18 May eleven.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 18, 1, 0, 0, TimeSpan.Zero));
        await Run();
        (await Part()).SoonDueNotifiedAt.ShouldBeNull();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 19, 1, 0, 0, TimeSpan.Zero));
        await Run();
        var reminded = (await Part()).SoonDueNotifiedAt;
        reminded.ShouldNotBeNull();
        app.Clock.Advance(TimeSpan.FromDays(1));
        await Run();
        (await Part()).SoonDueNotifiedAt.ShouldBe(reminded, "每个期限只提醒一次");
        (await Part()).OverdueNotifiedAt.ShouldBeNull();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 3, 1, 0, 0, TimeSpan.Zero));
        await Run();
        (await Part()).OverdueNotifiedAt.ShouldNotBeNull();

        await app.DeliverEventsAsync();
        var inbox = await w.As(w.Unit, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));
        inbox.Items.ShouldContain(n => n.Body.Contains("将于2026年6月2日到期"));
        inbox.Items.ShouldContain(n => n.Body.Contains("已超过办理期限"));

        // The reply passes on Wed 3 June; 15 working days later is Thu 25 June (19 June is the 端午 holiday).
        var replyId = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            var part = await ctx.ProposalAssignments.SingleAsync(x => x.ProposalId == handled);
            var reply = new ProposalReply { CommitteeId = part.CommitteeId, ProposalId = handled, AssignmentId = part.Id, HandlingUnitName = part.HandlingUnitName, Round = 1, Text = "答复", Signer = "局长", ReplyClass = "A", Status = ReplyStatus.Submitted };
            ctx.ProposalReplies.Add(reply);
            await ctx.SaveChangesAsync();
            return reply.Id;
        });
        await w.As(w.Staff, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(replyId));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 25, 8, 0, 0, TimeSpan.Zero));
        await Run();
        (await w.ReadAsync(handled)).Status.ShouldBe(ProposalStatus.AwaitingRating);
        (await w.As(w.Member, sp => sp.GetRequiredService<ProposalRatingHandler>().StateAsync(handled))).CanRate.ShouldBeTrue();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 26, 1, 0, 0, TimeSpan.Zero));
        (await w.As(w.Member, sp => sp.GetRequiredService<ProposalRatingHandler>().StateAsync(handled))).CanRate.ShouldBeFalse();
        (await Run()).RatingClosed.ShouldBeGreaterThanOrEqualTo(1);
        (await w.ReadAsync(handled)).Status.ShouldBe(ProposalStatus.Completed);
    }
}
