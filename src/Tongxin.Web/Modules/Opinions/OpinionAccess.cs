using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions;

/// <summary>Who may read and do what with reports (DESIGN.md "Who may do what"). Every handler
/// asks here; pages and API only decide what to show.</summary>
public sealed class OpinionAccess(TongxinDbContext db, IActorAccessor actors)
{
    private const string OtherCommitteeMessage = "只能处理本级政协的社情民意信息。";

    private Actor Actor => actors.Actor;

    /// <summary>信息工作人员: a staff account with the 社情民意 permission.</summary>
    public static bool IsOpinionStaff(Actor a) => a.IsInRole(Roles.Staff) && a.HasPermission(Permissions.Opinions);

    /// <summary>审签/签发 needs the separate sign-off permission on top of the 社情民意 one.</summary>
    public static bool CanSignOff(Actor a) => IsOpinionStaff(a) && a.HasPermission(Permissions.OpinionsSignOff);

    /// <summary>Staff who may act on a report of <paramref name="committeeId"/>: writes stay in the own committee.</summary>
    public static bool CanManage(Actor a, Guid committeeId) => IsOpinionStaff(a) && a.CanWrite(committeeId);

    public static bool IsMember(Actor a) => a.IsInRole(Roles.Member) && a.MemberId is not null;

    public static bool IsLeader(Actor a) => a.IsInRole(Roles.Leader);

    /// <summary>The reports the current actor may read (on top of the committee filter).</summary>
    public IQueryable<OpinionReport> Readable()
    {
        var a = Actor;
        var q = db.OpinionReports.AsQueryable();
        if (IsOpinionStaff(a))
        {
            return q.Where(r => r.Status != OpinionStatus.Draft);
        }

        if (IsLeader(a))
        {
            // Leaders read what the office has taken up (采用 and after), as in the bulletins.
            return q.Where(r => r.CommitteeId == a.CommitteeId
                && (r.Status == OpinionStatus.Adopted || r.Status == OpinionStatus.SignedOff || r.Status == OpinionStatus.Published));
        }

        if (IsMember(a))
        {
            var memberId = a.MemberId!.Value;
            var userId = a.UserId;
            return q.Where(r => r.CreatedByUserId == userId
                || db.OpinionReportAuthors.Any(x => x.ReportId == r.Id && x.MemberId == memberId));
        }

        return q.Where(r => false);
    }

    /// <summary>Loads a report the actor may read, tracked for changes, or throws 404.</summary>
    public async Task<OpinionReport> LoadAsync(Guid id, CancellationToken ct = default) =>
        await Readable().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("社情民意信息");

    /// <summary>Loads a report for a staff action: readable, and in this staff member's own committee.</summary>
    public async Task<OpinionReport> LoadForStaffAsync(Guid id, CancellationToken ct = default)
    {
        RequireStaff();
        var report = await LoadAsync(id, ct);
        if (!Actor.CanWrite(report.CommitteeId))
        {
            throw new ForbiddenException(OtherCommitteeMessage);
        }

        return report;
    }

    /// <summary>Loads several reports for one staff action (a batch) in one query: all readable, all in
    /// this staff member's own committee, or nothing happens.</summary>
    public async Task<IReadOnlyList<OpinionReport>> LoadManyForStaffAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        RequireStaff();
        var reports = await Readable().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (reports.Count != ids.Count)
        {
            throw new NotFoundException("社情民意信息");
        }

        if (reports.Any(r => !Actor.CanWrite(r.CommitteeId)))
        {
            throw new ForbiddenException(OtherCommitteeMessage);
        }

        return reports;
    }

    /// <summary>Loads a report for an author action (edit, submit, withdraw): the creator or an author.</summary>
    public async Task<OpinionReport> LoadForAuthorAsync(Guid id, CancellationToken ct = default)
    {
        var report = await LoadAsync(id, ct);
        var a = Actor;
        var isAuthor = report.CreatedByUserId == a.UserId
            || (a.MemberId is { } m && await db.OpinionReportAuthors.AnyAsync(x => x.ReportId == id && x.MemberId == m, ct));
        if (!isAuthor)
        {
            throw new ForbiddenException("只有报送人可以执行此操作。");
        }

        return report;
    }

    public void RequireStaff()
    {
        if (!IsOpinionStaff(Actor))
        {
            throw new ForbiddenException("只有具有社情民意管理权限的工作人员可以执行此操作。");
        }
    }

    public void RequireSignOff()
    {
        if (!CanSignOff(Actor))
        {
            throw new ForbiddenException("只有具有社情民意签发权限的工作人员可以审签、签发。");
        }
    }

    /// <summary>The actor's own member id, or 403 for anyone who is not a member.</summary>
    public Guid RequireMember() =>
        IsMember(Actor) ? Actor.MemberId!.Value : throw new ForbiddenException("只有委员可以执行此操作。");
}

/// <summary>Per-committee settings, with the defaults of DOMAIN.md when a committee saved none.</summary>
public sealed class OpinionSettingsStore(TongxinDbContext db)
{
    public async Task<OpinionSettings> GetAsync(Guid committeeId, CancellationToken ct = default) =>
        await db.OpinionSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommitteeId == committeeId, ct)
        ?? new OpinionSettings { CommitteeId = committeeId };
}

/// <summary>Saving a report action: the report row's version decides which of two concurrent
/// actions wins; the loser is told in Chinese. Writes the timeline.</summary>
public static class OpinionSave
{
    public const string ConcurrentMessage = "该信息刚刚已被他人处理，您的操作未保存。请刷新后查看最新状态。";

    public static async Task SaveOpinionActionAsync(this TongxinDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConcurrentMessage);
        }
    }

    /// <summary>Marks the report row changed even when nothing on it differs, so that its version
    /// decides between concurrent actions.</summary>
    public static void Touch(this TongxinDbContext db, OpinionReport report, DateTime now)
    {
        report.LastActivityAt = now;
        db.Entry(report).Property(r => r.LastActivityAt).IsModified = true;
    }

    /// <summary>Adds a timeline (处理记录) entry.</summary>
    public static void AddHistory(this TongxinDbContext db, OpinionReport report, string actorName, string text, DateTime at) =>
        db.OpinionHistory.Add(new OpinionHistoryEntry
        {
            CommitteeId = report.CommitteeId,
            ReportId = report.Id,
            At = at,
            ActorName = actorName,
            Text = text,
        });
}
