using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Groups;

/// <summary>民主监督员小组表单.</summary>
public sealed class GroupInput
{
    public string Name { get; set; } = "";

    public Guid? TopicId { get; set; }

    /// <summary>对口部门 as a handling unit of the committee; when empty, <see cref="Department"/> names it.</summary>
    public Guid? HandlingUnitId { get; set; }

    public string? Department { get; set; }

    public DateOnly? TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The version the form was loaded from (edit only).</summary>
    public int Version { get; set; }
}

/// <summary>A choice in the group form's drop-downs.</summary>
public sealed record GroupOption(Guid Id, string Name);

/// <summary>民主监督员小组管理 – staff with <c>supervision</c> of the committee create and edit groups and
/// put members in them as 组长/副组长/监督员 (a member is in a group once; a group has one 组长).</summary>
public sealed class GroupHandler(TongxinDbContext db, SupervisionAccess access, IActorAccessor actors, TimeProvider time)
{
    public const int MaxDescription = 2000;

    public const string ConcurrentMessage = "该小组刚刚已被他人修改，请刷新后重试。";

    public GroupInput NewInput()
    {
        OwnCommittee();
        var today = BeijingTime.Today(time);
        return new GroupInput { TermStart = new DateOnly(today.Year, 1, 1), TermEnd = new DateOnly(today.Year, 12, 31) };
    }

    public async Task<GroupInput> GetInputAsync(Guid id, CancellationToken ct = default)
    {
        var g = await LoadForChangeAsync(id, ct);
        return new GroupInput
        {
            Name = g.Name,
            TopicId = g.TopicId,
            HandlingUnitId = g.HandlingUnitId,
            Department = g.HandlingUnitId is null ? g.Department : null,
            TermStart = g.TermStart,
            TermEnd = g.TermEnd,
            Description = g.Description,
            IsActive = g.IsActive,
            Version = g.Version,
        };
    }

    /// <summary>The committee's active handling units (对口部门).</summary>
    public async Task<IReadOnlyList<GroupOption>> UnitsAsync(CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        return await db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == committeeId && u.IsActive).OrderBy(u => u.Name)
            .Select(u => new GroupOption(u.Id, u.Name)).ToListAsync(ct);
    }

    public async Task<Guid> CreateAsync(GroupInput input, CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        var group = new SupervisorGroup { CommitteeId = committeeId, CreatedAt = time.GetUtcNow().UtcDateTime };
        await ApplyAsync(group, input, ct);
        db.SupervisorGroups.Add(group);
        await SaveAsync(ct);
        return group.Id;
    }

    public async Task UpdateAsync(Guid id, GroupInput input, CancellationToken ct = default)
    {
        var group = await LoadForChangeAsync(id, ct);
        db.Entry(group).Property(g => g.Version).OriginalValue = input.Version;
        await ApplyAsync(group, input, ct);
        await SaveAsync(ct);
    }

    /// <summary>Adds an active member of the group's committee with a role.</summary>
    public async Task AddMemberAsync(Guid groupId, Guid memberId, SupervisorRole role, CancellationToken ct = default)
    {
        var group = await LoadForChangeAsync(groupId, ct);
        var name = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.CommitteeId == group.CommitteeId && m.IsActive)
            .Select(m => m.Name).FirstOrDefaultAsync(ct);
        new Validation()
            .Require(name is not null, "memberId", "请选择本级政协的在任委员。")
            .Require(Enum.IsDefined(role), "role", "请选择小组职务。")
            .ThrowIfInvalid();
        if (await db.SupervisorGroupMembers.AnyAsync(m => m.GroupId == groupId && m.MemberId == memberId, ct))
        {
            throw new ConflictException($"{name}已在本小组中。");
        }

        await RequireOneLeaderAsync(groupId, null, role, ct);
        db.SupervisorGroupMembers.Add(new SupervisorGroupMember { CommitteeId = group.CommitteeId, GroupId = groupId, MemberId = memberId, Role = role });
        // The group's row version guards the one-leader rule and the member list against a parallel change.
        db.Entry(group).Property(g => g.Version).IsModified = true;
        await SaveAsync(ct);
    }

    /// <summary>Changes a member's role in the group.</summary>
    public async Task ChangeRoleAsync(Guid groupId, Guid groupMemberId, SupervisorRole role, CancellationToken ct = default)
    {
        var group = await LoadForChangeAsync(groupId, ct);
        new Validation().Require(Enum.IsDefined(role), "role", "请选择小组职务。").ThrowIfInvalid();
        var row = await db.SupervisorGroupMembers.FirstOrDefaultAsync(m => m.Id == groupMemberId && m.GroupId == groupId, ct)
            ?? throw new NotFoundException("小组成员");
        await RequireOneLeaderAsync(groupId, row.Id, role, ct);
        row.Role = role;
        db.Entry(group).Property(g => g.Version).IsModified = true;
        await SaveAsync(ct);
    }

    /// <summary>Takes a member out of the group (their past activities and problems stay).</summary>
    public async Task RemoveMemberAsync(Guid groupId, Guid groupMemberId, CancellationToken ct = default)
    {
        var group = await LoadForChangeAsync(groupId, ct);
        var row = await db.SupervisorGroupMembers.FirstOrDefaultAsync(m => m.Id == groupMemberId && m.GroupId == groupId, ct)
            ?? throw new NotFoundException("小组成员");
        db.SupervisorGroupMembers.Remove(row);
        db.Entry(group).Property(g => g.Version).IsModified = true;
        await SaveAsync(ct);
    }

    private async Task RequireOneLeaderAsync(Guid groupId, Guid? except, SupervisorRole role, CancellationToken ct)
    {
        if (role != SupervisorRole.Leader)
        {
            return;
        }

        var leader = await db.SupervisorGroupMembers.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.Role == SupervisorRole.Leader && m.Id != except)
            .Join(db.Members, m => m.MemberId, x => x.Id, (m, x) => x.Name).FirstOrDefaultAsync(ct);
        if (leader is not null)
        {
            throw new ValidationFailedException("role", $"本小组已有组长（{leader}），请先调整其职务。");
        }
    }

    private async Task ApplyAsync(SupervisorGroup g, GroupInput input, CancellationToken ct)
    {
        var v = new Validation()
            .NotBlank(input.Name, nameof(input.Name), "小组名称")
            .MaxLength(input.Name?.Trim(), 100, nameof(input.Name), "小组名称")
            .MaxLength(input.Department?.Trim(), 100, nameof(input.Department), "对口部门")
            .MaxLength(input.Description?.Trim(), MaxDescription, nameof(input.Description), "小组说明")
            .Require(input.TermStart is not null, nameof(input.TermStart), "请填写任期开始日期。")
            .Require(input.TermEnd is not null, nameof(input.TermEnd), "请填写任期结束日期。")
            .Require(input.TermStart is null || input.TermEnd is null || input.TermEnd >= input.TermStart, nameof(input.TermEnd), "任期结束日期不能早于开始日期。");
        string? department = input.Department?.Trim();
        if (input.HandlingUnitId is { } unitId)
        {
            department = await db.HandlingUnits.AsNoTracking().Where(u => u.Id == unitId && u.CommitteeId == g.CommitteeId).Select(u => u.Name).FirstOrDefaultAsync(ct);
            v.Require(department is not null, nameof(input.HandlingUnitId), "所选部门不是本级政协的承办单位。");
        }
        else
        {
            v.Require(!string.IsNullOrWhiteSpace(department), nameof(input.Department), "请选择对口部门或填写部门名称。");
        }

        if (input.TopicId is { } topicId)
        {
            v.Require(await db.SupervisionTopics.AnyAsync(t => t.Id == topicId && t.CommitteeId == g.CommitteeId, ct), nameof(input.TopicId),
                "所选专项监督不属于本级政协。");
        }

        v.ThrowIfInvalid();
        g.Name = input.Name!.Trim();
        g.TopicId = input.TopicId;
        g.HandlingUnitId = input.HandlingUnitId;
        g.Department = department!.Length > 100 ? department[..100] : department;
        g.TermStart = input.TermStart!.Value;
        g.TermEnd = input.TermEnd!.Value;
        g.Description = input.Description?.Trim() ?? "";
        g.IsActive = input.IsActive;
    }

    private async Task<SupervisorGroup> LoadForChangeAsync(Guid id, CancellationToken ct)
    {
        access.RequireStaff();
        var group = await db.SupervisorGroups.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFoundException("监督小组");
        access.RequireStaffOf(group.CommitteeId);
        return group;
    }

    private Guid OwnCommittee()
    {
        access.RequireStaff();
        return actors.Actor.CommitteeId ?? throw new ForbiddenException("账号未归属任何政协组织。");
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConcurrentMessage);
        }
        catch (DbUpdateException)
        {
            // The unique (group, member) index caught a second, simultaneous add of the same member.
            throw new ConflictException(SaveFailure.Message);
        }
    }
}
