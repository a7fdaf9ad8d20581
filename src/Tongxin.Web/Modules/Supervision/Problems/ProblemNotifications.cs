using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Problems;

/// <summary>Who hears of a problem in their inbox: the committee's supervision staff of a new
/// problem and of a reply to check (and its return visit); the unit of an assignment, a return and the close-out; the
/// reporting supervisor of every change.</summary>
public sealed class ProblemNotifications(TongxinDbContext db, NotificationService notifications)
    : IEventHandler<SupervisionProblemRecorded>, IEventHandler<SupervisionProblemChanged>
{
    public async Task HandleAsync(SupervisionProblemRecorded e, EventContext ctx, CancellationToken ct)
    {
        var problem = await db.SupervisionProblems.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == e.ProblemId)
            .Select(p => new { p.Year, p.Number, p.Source, p.AssignDueOn }).FirstOrDefaultAsync(ct);
        if (problem is null)
        {
            return;
        }

        var label = ProblemNumbers.Display(problem.Year, problem.Number);
        await notifications.NotifyAsync(
            await StaffAsync(db, e.CommitteeId, ct),
            $"新的监督问题待交办：{label}",
            $"{problem.Source.DisplayName()}提出问题《{e.Title}》，请于{ProblemDeadlines.Date(problem.AssignDueOn)}前交办。",
            Link(e.ProblemId),
            ct);
    }

    public async Task HandleAsync(SupervisionProblemChanged e, EventContext ctx, CancellationToken ct)
    {
        var recipients = new List<Guid>();
        if (e.HandlingUnitId is { } unitId && e.Status is ProblemStatus.Assigned or ProblemStatus.Closed)
        {
            recipients.AddRange(await UnitUsersAsync(db, unitId, ct));
        }

        // A reply (and the return visit on it) is where the staff's next step waits: 回访 or 销号.
        if (e.Status == ProblemStatus.Replied)
        {
            recipients.AddRange(await StaffAsync(db, e.CommitteeId, ct));
        }

        if (e.ReporterMemberId is { } memberId)
        {
            recipients.AddRange(await db.Users.Where(u => u.MemberId == memberId && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct));
        }

        await notifications.NotifyAsync(recipients, $"监督问题{e.Status.DisplayName()}", e.Summary, Link(e.ProblemId), ct);
    }

    public static string Link(Guid problemId) => $"/Supervision/Problems/Detail/{problemId}";

    /// <summary>The committee's staff accounts with the 民主监督 permission.</summary>
    public static Task<List<Guid>> StaffAsync(TongxinDbContext db, Guid committeeId, CancellationToken ct) =>
        db.Users.Where(u => u.CommitteeId == committeeId && !u.IsDisabled && u.ModulePermissions.Contains(Permissions.Supervision)
                && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Staff)))
            .Select(u => u.Id).ToListAsync(ct);

    public static Task<List<Guid>> UnitUsersAsync(TongxinDbContext db, Guid unitId, CancellationToken ct) =>
        db.Users.Where(u => u.HandlingUnitId == unitId && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);
}
