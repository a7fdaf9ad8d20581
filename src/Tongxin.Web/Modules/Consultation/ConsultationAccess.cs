using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation;

/// <summary>Who may do what with consultation records (DESIGN.md "Who may do what"). Every handler
/// asks here; pages only decide what to show.</summary>
public sealed class ConsultationAccess(TongxinDbContext db, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    /// <summary>协商工作人员: a staff account with the 协商议政 permission.</summary>
    public static bool IsConsultationStaff(Actor a) => a.IsInRole(Roles.Staff) && a.HasPermission(Permissions.Consultations);

    public static bool IsMember(Actor a) => a.IsInRole(Roles.Member) && a.MemberId is not null;

    public static bool IsLeader(Actor a) => a.IsInRole(Roles.Leader);

    public static bool IsUnit(Actor a) => a.IsInRole(Roles.Unit) && a.HandlingUnitId is not null;

    /// <summary>民主监督工作人员: staff with the supervision permission run the engine's activities of
    /// type 民主监督 (issue 6), and only those.</summary>
    public static bool IsSupervisionStaff(Actor a) => a.IsInRole(Roles.Staff) && a.HasPermission(Permissions.Supervision);

    /// <summary>Whether the actor may manage activities of this type: consultation staff every type,
    /// supervision staff the 民主监督 ones.</summary>
    public static bool MayManage(Actor a, ActivityType type) =>
        IsConsultationStaff(a) || (type == ActivityType.Supervision && IsSupervisionStaff(a));

    /// <summary>The activities the actor may see: consultation staff see all (drafts too), supervision
    /// staff the drafts of 民主监督 activities too; everyone else sees published and closed ones (on
    /// top of the committee filter).</summary>
    public IQueryable<Activity> ReadableActivities()
    {
        var q = db.Activities.AsQueryable();
        if (IsConsultationStaff(Actor))
        {
            return q;
        }

        return IsSupervisionStaff(Actor)
            ? q.Where(x => x.Status == ActivityStatus.Published || x.Status == ActivityStatus.Closed || x.Type == ActivityType.Supervision)
            : q.Where(x => x.Status == ActivityStatus.Published || x.Status == ActivityStatus.Closed);
    }

    /// <summary>An activity the actor may read, tracked, or 404.</summary>
    public async Task<Activity> LoadActivityAsync(Guid id, CancellationToken ct = default) =>
        await ReadableActivities().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("活动");

    /// <summary>An activity for a staff action: consultation staff of the activity's own committee.</summary>
    public async Task<Activity> LoadActivityForStaffAsync(Guid id, CancellationToken ct = default)
    {
        RequireStaff();
        var activity = await LoadActivityAsync(id, ct);
        if (!Actor.CanWrite(activity.CommitteeId))
        {
            throw new ForbiddenException("只能管理本级政协的活动。");
        }

        return activity;
    }

    /// <summary>An activity for the engine's own staff actions (edit, invite, publish, cancel, close,
    /// sign-in, leave decisions): consultation staff, or supervision staff for a 民主监督 activity, of
    /// the activity's own committee. Preparation, results and discussions stay consultation-only
    /// (<see cref="LoadActivityForStaffAsync"/>).</summary>
    public async Task<Activity> LoadActivityForManagerAsync(Guid id, CancellationToken ct = default)
    {
        RequireManager();
        var activity = await LoadActivityAsync(id, ct);
        if (!MayManage(Actor, activity.Type))
        {
            throw new ForbiddenException("只有具有协商议政管理权限的工作人员可以执行此操作。");
        }

        if (!Actor.CanWrite(activity.CommitteeId))
        {
            throw new ForbiddenException("只能管理本级政协的活动。");
        }

        return activity;
    }

    /// <summary>Staff who manage at least one kind of activity (consultation or supervision staff).</summary>
    public void RequireManager()
    {
        if (!IsConsultationStaff(Actor) && !IsSupervisionStaff(Actor))
        {
            RequireStaff();
        }
    }

    public void RequireStaff()
    {
        if (!IsConsultationStaff(Actor))
        {
            throw new ForbiddenException("只有具有协商议政管理权限的工作人员可以执行此操作。");
        }
    }

    /// <summary>The actor's own member id, or 403 for anyone who is not a member.</summary>
    public Guid RequireMember() =>
        IsMember(Actor) ? Actor.MemberId!.Value : throw new ForbiddenException("只有委员可以执行此操作。");

    public void RequireLeader()
    {
        if (!IsLeader(Actor))
        {
            throw new ForbiddenException("只有领导可以阅批。");
        }
    }

    /// <summary>The actor's handling unit, or 403.</summary>
    public Guid RequireUnit() =>
        IsUnit(Actor) ? Actor.HandlingUnitId!.Value : throw new ForbiddenException("只有承办单位可以执行此操作。");
}

/// <summary>Per-committee settings, with the defaults of DOMAIN.md when a committee saved none.</summary>
public sealed class ConsultationSettingsStore(TongxinDbContext db)
{
    public async Task<ConsultationSettings> GetAsync(Guid committeeId, CancellationToken ct = default) =>
        await db.ConsultationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommitteeId == committeeId, ct)
        ?? new ConsultationSettings { CommitteeId = committeeId };
}

/// <summary>Saving a consultation action: the row versions decide which of two concurrent actions
/// wins; the loser is told in Chinese.</summary>
public static class ConsultationSave
{
    public const string ConcurrentMessage = "该记录刚刚已被他人修改，您的操作未保存。请刷新后查看最新状态。";

    public static async Task SaveConsultationAsync(this TongxinDbContext db, CancellationToken ct = default)
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
}
