using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Groups;

/// <summary>The group list's filters, bound from the query string.</summary>
public sealed class GroupFilter
{
    public Guid? TopicId { get; set; }

    /// <summary>null = all, true = 在岗 only, false = 已停用 only.</summary>
    public bool? Active { get; set; }

    /// <summary>Words in the name or department.</summary>
    public string? Q { get; set; }

    public string Describe() => string.Join("；", new[]
    {
        TopicId is { } t ? $"专项监督：{t}" : null,
        Active is { } a ? (a ? "在岗小组" : "已停用小组") : null,
        string.IsNullOrWhiteSpace(Q) ? null : $"检索：{Q}",
    }.Where(x => x is not null));
}

/// <summary>One line of the group list (and of its Excel export).</summary>
public sealed record GroupRow(
    Guid Id, string Name, string Department, string? Topic, DateOnly TermStart, DateOnly TermEnd, bool IsActive, int Members, int Activities);

/// <summary>The group page's header.</summary>
public sealed record GroupDetail(
    Guid Id, Guid CommitteeId, string Name, Guid? TopicId, string? Topic, Guid? HandlingUnitId, string Department, DateOnly TermStart,
    DateOnly TermEnd, string Description, bool IsActive, int Version);

/// <summary>A supervisor of the group.</summary>
public sealed record GroupMemberRow(Guid Id, Guid MemberId, string Name, string WorkUnit, SupervisorRole Role);

/// <summary>A supervision activity of the group, with the engine's state and counts.</summary>
public sealed record GroupActivityRow(
    Guid ActivityId, SupervisionActivityKind Kind, string Title, string Venue, DateTime StartsAt, ActivityStatus Status, int Invited, int SignedIn);

/// <summary>A member the picker offers (active, of the committee, not yet in the group).</summary>
public sealed record MemberCandidate(Guid Id, string Name, string WorkUnit);

/// <summary>A line of 我的监督小组.</summary>
public sealed record MyGroupRow(Guid Id, string Name, string Department, string? Topic, SupervisorRole Role, DateOnly TermStart, DateOnly TermEnd,
    bool IsActive, int Members);

/// <summary>民主监督员小组查询 – the list (staff, own committee), the group page (staff of readable
/// committees; the group's supervisors), 我的监督小组, the member picker and the Excel export. Every
/// list is one projected query.</summary>
public sealed class GroupQueries(TongxinDbContext db, SupervisionAccess access, IActorAccessor actors)
{
    public const int PageSize = 20;

    public const string ExportName = "民主监督员小组.xlsx";

    public const int PickerSize = 20;

    private Actor Actor => actors.Actor;

    public Task<PagedList<GroupRow>> ListAsync(GroupFilter filter, int page, CancellationToken ct = default) =>
        Filtered(filter).Select(Row()).ToPagedListAsync(page, PageSize, ct);

    /// <summary>The filtered list as .xlsx (小组、对口部门、成员数、活动数), streamed; audited.</summary>
    public async Task<Stream> ExportAsync(GroupFilter filter, CancellationToken ct = default) =>
        await XlsxStreamWriter.ExportAsync(
            Filtered(filter).Select(Row()).AsAsyncEnumerable(),
            "民主监督员小组",
            [30, 24, 30, 12, 12, 8, 8, 8],
            ["小组名称", "对口部门", "专项监督", "任期开始", "任期结束", "状态", "成员数", "活动数"],
            r => [r.Name, r.Department, r.Topic ?? "", r.TermStart.ToString("yyyy-MM-dd"), r.TermEnd.ToString("yyyy-MM-dd"),
                r.IsActive ? "在岗" : "已停用", r.Members, r.Activities],
            async count =>
            {
                db.Audit("导出民主监督员小组", nameof(SupervisorGroup), Actor.CommitteeId?.ToString() ?? "", "成功", $"{count} 条；{filter.Describe()}");
                await db.SaveChangesAsync(ct);
            },
            ct);

    /// <summary>The group page: supervision staff (own and subordinate committees) and the group's supervisors.</summary>
    public async Task<GroupDetail> DetailAsync(Guid id, CancellationToken ct = default)
    {
        await RequireReaderAsync(id, ct);
        return await db.SupervisorGroups.AsNoTracking().Where(g => g.Id == id)
            .Select(g => new GroupDetail(g.Id, g.CommitteeId, g.Name, g.TopicId,
                db.SupervisionTopics.Where(t => t.Id == g.TopicId).Select(t => t.Year.ToString() + "年 " + t.Title).FirstOrDefault(),
                g.HandlingUnitId, g.Department, g.TermStart, g.TermEnd, g.Description, g.IsActive, g.Version))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("监督小组");
    }

    /// <summary>The supervisors, 组长 first.</summary>
    public async Task<IReadOnlyList<GroupMemberRow>> MembersAsync(Guid id, CancellationToken ct = default)
    {
        await RequireReaderAsync(id, ct);
        return await db.SupervisorGroupMembers.AsNoTracking().Where(m => m.GroupId == id)
            .Join(db.Members, m => m.MemberId, x => x.Id, (m, x) => new { m, x })
            .OrderBy(r => r.m.Role).ThenBy(r => r.x.Name)
            .Select(r => new GroupMemberRow(r.m.Id, r.m.MemberId, r.x.Name, r.x.WorkUnit, r.m.Role))
            .ToListAsync(ct);
    }

    /// <summary>The group's supervision activities, newest first (drafts only for staff, as the engine decides).</summary>
    public async Task<IReadOnlyList<GroupActivityRow>> ActivitiesAsync(Guid id, CancellationToken ct = default)
    {
        await RequireReaderAsync(id, ct);
        var readable = SupervisionAccess.IsSupervisionStaff(Actor)
            ? db.Activities.AsNoTracking()
            : db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Closed);
        return await db.SupervisionActivities.AsNoTracking().Where(s => s.GroupId == id)
            .Join(readable, s => s.ActivityId, a => a.Id, (s, a) => new { s, a })
            .OrderByDescending(r => r.a.StartsAt).ThenBy(r => r.a.Id)
            .Select(r => new GroupActivityRow(r.a.Id, r.s.Kind, r.a.Title, r.a.Venue, r.a.StartsAt, r.a.Status,
                db.ActivityParticipants.Count(p => p.ActivityId == r.a.Id && p.Invited),
                db.ActivityParticipants.Count(p => p.ActivityId == r.a.Id && p.SignedInAt != null)))
            .ToListAsync(ct);
    }

    /// <summary>成员选择 – active members of the group's committee whose name contains the words, not yet in the group.</summary>
    public async Task<IReadOnlyList<MemberCandidate>> CandidatesAsync(Guid id, string? name, CancellationToken ct = default)
    {
        access.RequireStaff();
        var committeeId = await db.SupervisorGroups.AsNoTracking().Where(g => g.Id == id).Select(g => (Guid?)g.CommitteeId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("监督小组");
        access.RequireStaffOf(committeeId);
        var words = name?.Trim() ?? "";
        if (words.Length == 0)
        {
            return [];
        }

        return await db.Members.AsNoTracking()
            .Where(m => m.CommitteeId == committeeId && m.IsActive && m.Name.Contains(words))
            .Where(m => !db.SupervisorGroupMembers.Any(g => g.GroupId == id && g.MemberId == m.Id))
            .OrderBy(m => m.Name).ThenBy(m => m.Id).Take(PickerSize)
            .Select(m => new MemberCandidate(m.Id, m.Name, m.WorkUnit))
            .ToListAsync(ct);
    }

    /// <summary>我的监督小组 – the member's groups, active ones first.</summary>
    public async Task<IReadOnlyList<MyGroupRow>> MineAsync(CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        return await db.SupervisorGroupMembers.AsNoTracking().Where(m => m.MemberId == memberId)
            .Join(db.SupervisorGroups, m => m.GroupId, g => g.Id, (m, g) => new { m, g })
            .OrderByDescending(r => r.g.IsActive).ThenByDescending(r => r.g.TermEnd).ThenBy(r => r.g.Name)
            .Select(r => new MyGroupRow(r.g.Id, r.g.Name, r.g.Department,
                db.SupervisionTopics.Where(t => t.Id == r.g.TopicId).Select(t => t.Year.ToString() + "年 " + t.Title).FirstOrDefault(),
                r.m.Role, r.g.TermStart, r.g.TermEnd, r.g.IsActive,
                db.SupervisorGroupMembers.Count(x => x.GroupId == r.g.Id)))
            .ToListAsync(ct);
    }

    /// <summary>Whether the viewer manages the group (staff of its own committee); upper staff only read.</summary>
    public bool MayManage(GroupDetail g) => SupervisionAccess.IsSupervisionStaff(Actor) && Actor.CanWrite(g.CommitteeId);

    private async Task RequireReaderAsync(Guid id, CancellationToken ct)
    {
        if (SupervisionAccess.IsSupervisionStaff(Actor))
        {
            return;
        }

        var memberId = access.RequireMember();
        if (!await access.IsInGroupAsync(id, memberId, ct))
        {
            throw new NotFoundException("监督小组");
        }
    }

    private IQueryable<SupervisorGroup> Filtered(GroupFilter f)
    {
        access.RequireStaff();
        var committeeId = Actor.CommitteeId;
        var q = db.SupervisorGroups.AsNoTracking().Where(g => g.CommitteeId == committeeId);
        if (f.TopicId is { } topic)
        {
            q = q.Where(g => g.TopicId == topic);
        }

        if (f.Active is { } active)
        {
            q = q.Where(g => g.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var words = f.Q.Trim();
            q = q.Where(g => g.Name.Contains(words) || g.Department.Contains(words));
        }

        return q.OrderByDescending(g => g.IsActive).ThenBy(g => g.Name).ThenBy(g => g.Id);
    }

    private System.Linq.Expressions.Expression<Func<SupervisorGroup, GroupRow>> Row() => g => new GroupRow(
        g.Id, g.Name, g.Department,
        db.SupervisionTopics.Where(t => t.Id == g.TopicId).Select(t => t.Year.ToString() + "年 " + t.Title).FirstOrDefault(),
        g.TermStart, g.TermEnd, g.IsActive,
        db.SupervisorGroupMembers.Count(m => m.GroupId == g.Id),
        db.SupervisionActivities.Count(s => s.GroupId == g.Id && db.Activities.Any(a => a.Id == s.ActivityId && a.Status != ActivityStatus.Cancelled)));
}
