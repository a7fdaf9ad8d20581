using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.Proposals.Review;

/// <summary>What one pass of the reminder job did.</summary>
public sealed record ReminderRun(int CoSignExpired, int SoonDue, int Overdue, int RatingClosed);

/// <summary>The time-driven part of the workflow, run as the system: expires co-sign requests,
/// sends 临期/逾期 reminders to units once per deadline (staff see the same lists), and closes
/// proposals whose rating window passed (未评价 → 办结).</summary>
public sealed class ProposalReminderJob(TongxinDbContext db, ProposalSettingsStore settings, WorkingDayCalendar calendar, TimeProvider time)
{
    public async Task<ReminderRun> RunOnceAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = BeijingTime.Today(time);
        var settingsOf = new Dictionary<Guid, ProposalSettings>();
        async Task<ProposalSettings> SettingsAsync(Guid committeeId) =>
            settingsOf.TryGetValue(committeeId, out var known) ? known : settingsOf[committeeId] = await settings.GetAsync(committeeId, ct);

        var expired = await db.ProposalSigners.Where(s => s.Status == SignerStatus.Pending && s.ExpiresAt <= now).ToListAsync(ct);
        foreach (var s in expired)
        {
            s.Status = SignerStatus.Expired;
        }

        await db.SaveChangesAsync(ct);

        var soon = 0;
        var overdue = 0;
        var open = await db.ProposalAssignments
            .Where(a => a.Status != AssignmentStatus.Returned && a.Status != AssignmentStatus.Replied
                && (a.SoonDueNotifiedAt == null || a.OverdueNotifiedAt == null))
            .Join(db.Proposals.Where(p => p.Status == ProposalStatus.Handling), a => a.ProposalId, p => p.Id, (a, p) => new { a, p })
            .ToListAsync(ct);
        foreach (var committee in open.GroupBy(x => x.p.CommitteeId))
        {
            var s = await SettingsAsync(committee.Key);
            var soonLimit = await calendar.AddWorkingDaysAsync(today, s.SoonDueWorkingDays, ct);
            foreach (var x in committee)
            {
                if (x.a.Deadline < today && x.a.OverdueNotifiedAt is null)
                {
                    x.a.OverdueNotifiedAt = now;
                    x.a.SoonDueNotifiedAt ??= now;
                    overdue++;
                    db.Raise(new ProposalChanged(x.p.Id, x.p.CommitteeId, ProposalEventKind.DeadlineExtended,
                        $"{ProposalAccess.Label(x.p)}《{x.p.Title}》已超过办理期限（{x.a.Deadline:yyyy年M月d日}），请尽快答复。", [], [x.a.HandlingUnitId]));
                }
                else if (x.a.Deadline >= today && x.a.Deadline <= soonLimit && x.a.SoonDueNotifiedAt is null)
                {
                    x.a.SoonDueNotifiedAt = now;
                    soon++;
                    db.Raise(new ProposalChanged(x.p.Id, x.p.CommitteeId, ProposalEventKind.DeadlineExtended,
                        $"{ProposalAccess.Label(x.p)}《{x.p.Title}》将于{x.a.Deadline:yyyy年M月d日}到期，请抓紧办理。", [], [x.a.HandlingUnitId]));
                }
            }
        }

        await db.SaveChangesAsync(ct);

        var closed = 0;
        var waiting = await db.Proposals.Where(p => p.Status == ProposalStatus.AwaitingRating && p.RepliedAt != null).ToListAsync(ct);
        foreach (var p in waiting)
        {
            var s = await SettingsAsync(p.CommitteeId);
            var due = await calendar.AddWorkingDaysAsync(DateOnly.FromDateTime(BeijingTime.FromUtc(p.RepliedAt!.Value)), s.RatingWorkingDays, ct);
            if (today > due)
            {
                ProposalStateMachine.Move(p, ProposalAction.Complete, now);
                p.CompletedAt = now;
                ProposalTimeline.Add(db, p, ProposalEventKind.Completed, "系统", $"评价期限（{due:yyyy-MM-dd}）已过，未评价的视为放弃评价，提案办结", now);
                db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Completed, $"{ProposalAccess.Label(p)}《{p.Title}》已办结。", [], []));
                closed++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new ReminderRun(expired.Count, soon, overdue, closed);
    }
}

/// <summary>Runs <see cref="ProposalReminderJob"/> every <c>Tongxin:Proposals:ReminderMinutes</c>
/// (default 30) as the system actor; off in tests, which call the job directly.</summary>
public sealed class ProposalReminderService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<ProposalReminderService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Tongxin:Proposals:RunReminders", true))
        {
            return;
        }

        var period = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Tongxin:Proposals:ReminderMinutes", 30)));
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
                var run = await scope.ServiceProvider.GetRequiredService<ProposalReminderJob>().RunOnceAsync(stoppingToken);
                if (run != new ReminderRun(0, 0, 0, 0))
                {
                    log.LogInformation("提案提醒：联名过期{CoSign}，临期{Soon}，逾期{Overdue}，评价期满办结{Closed}", run.CoSignExpired, run.SoonDue, run.Overdue, run.RatingClosed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "提案提醒任务失败");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
