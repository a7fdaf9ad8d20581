using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.Supervision.Problems;

/// <summary>催办 – once a day per problem (<see cref="SupervisionProblem.LastRemindedOn"/>): the
/// committee's supervision staff for an assignment past its 2 working days, the unit for a reply
/// past its 5; each reminder is a 催办 step on the timeline. Runs as the system.</summary>
public sealed class ProblemReminderJob(TongxinDbContext db, NotificationService notifications, WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>Reminds every overdue problem not reminded today; returns how many were reminded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var today = BeijingTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var rules = await calendar.RulesAsync(ct);
        var overdue = await db.SupervisionProblems
            .Where(p => ((p.Status == ProblemStatus.Recorded && p.AssignDueOn < today) || (p.Status == ProblemStatus.Assigned && p.ReplyDueOn < today))
                && (p.LastRemindedOn == null || p.LastRemindedOn < today))
            .OrderBy(p => p.RecordedAt)
            .ToListAsync(ct);
        foreach (var p in overdue)
        {
            var due = ProblemDeadlines.OpenDue(p.Status, p.AssignDueOn, p.ReplyDueOn)!.Value;
            var late = ProblemDeadlines.Describe(ProblemDeadlines.OverdueDays(rules, today, due));
            var label = ProblemWorkflow.Label(p);
            p.LastRemindedOn = today;
            List<Guid> recipients;
            string text;
            if (p.Status == ProblemStatus.Recorded)
            {
                recipients = await ProblemNotifications.StaffAsync(db, p.CommitteeId, ct);
                text = $"{label}《{p.Title}》交办期限为{ProblemDeadlines.Date(due)}，{late}，请尽快交办。";
            }
            else
            {
                recipients = await ProblemNotifications.UnitUsersAsync(db, p.HandlingUnitId!.Value, ct);
                text = $"{label}《{p.Title}》答复期限为{ProblemDeadlines.Date(due)}，{late}，请尽快答复。";
            }

            ProblemSteps.Add(db, p, now, ProblemSteps.Remind, "系统", p.Status == ProblemStatus.Recorded ? $"提醒交办：{late}" : $"催促承办单位答复：{late}");
            // The step, the reminder date and the inbox messages are saved together.
            await notifications.NotifyAsync(recipients, "监督问题催办", text, ProblemNotifications.Link(p.Id), ct);
        }

        return overdue.Count;
    }
}

/// <summary>Runs <see cref="ProblemReminderJob"/> every <c>Tongxin:Supervision:ReminderMinutes</c>
/// (default 60) as the system actor; the job itself reminds each problem at most once a day. Off
/// when <c>Tongxin:Supervision:RunReminders</c> is false (tests call the job directly).</summary>
public sealed class ProblemReminderService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<ProblemReminderService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Tongxin:Supervision:RunReminders", true))
        {
            return;
        }

        var period = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Tongxin:Supervision:ReminderMinutes", 60)));
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
                var reminded = await scope.ServiceProvider.GetRequiredService<ProblemReminderJob>().RunOnceAsync(stoppingToken);
                if (reminded > 0)
                {
                    log.LogInformation("监督问题催办：{Count}件", reminded);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "监督问题催办任务失败");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
