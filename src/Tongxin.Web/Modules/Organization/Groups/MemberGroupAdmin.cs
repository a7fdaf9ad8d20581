using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.Groups;

/// <summary>委员小组 (活动组、联络组、联络室、临时党支部) as a form and an API body.</summary>
public sealed class MemberGroupInput
{
    public string? Name { get; set; }
    public GroupKind Kind { get; set; } = GroupKind.SectorActivityGroup;
    public Guid? SectorId { get; set; }
    public int Version { get; set; }
}

public sealed record MemberGroupRow(Guid Id, string Name, GroupKind Kind, string? SectorName, int MemberCount, int Version);

public sealed record SectorOption(Guid Id, string Name);

/// <summary>委员小组管理 – sector activity groups, liaison groups, township offices and party branches.</summary>
public sealed class MemberGroupAdmin(TongxinDbContext db, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    public bool CanManage => Actor.CommitteeId is { } id && OrganizationPermissions.CanManage(Actor, id);

    public async Task<PagedList<MemberGroupRow>> ListAsync(GroupKind? kind = null, int page = 1, Guid? committeeId = null, CancellationToken ct = default)
    {
        var id = Actor.CommitteeToRead(committeeId);
        var query = db.MemberGroups.AsNoTracking().Where(g => g.CommitteeId == id);
        if (kind is not null)
        {
            query = query.Where(g => g.Kind == kind);
        }

        return await query
            .OrderBy(g => g.Kind).ThenBy(g => g.Name)
            .Select(g => new MemberGroupRow(g.Id, g.Name, g.Kind,
                db.Sectors.Where(s => s.Id == g.SectorId).Select(s => s.Name).FirstOrDefault(),
                db.Set<MemberGroupMembership>().Count(m => m.GroupId == g.Id),
                g.Version))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    /// <summary>The sectors an activity group may belong to.</summary>
    public async Task<IReadOnlyList<SectorOption>> SectorOptionsAsync(CancellationToken ct = default)
    {
        var id = Actor.CommitteeToRead(null);
        return await db.Sectors.AsNoTracking().Where(s => s.CommitteeId == id)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SectorOption(s.Id, s.Name))
            .ToListAsync(ct);
    }

    public async Task<MemberGroupInput> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        var group = await db.MemberGroups.AsNoTracking().FindOrThrowAsync(id, "委员小组", ct);
        OrganizationPermissions.EnsureCanManage(Actor, group.CommitteeId);
        return new MemberGroupInput { Name = group.Name, Kind = group.Kind, SectorId = group.SectorId, Version = group.Version };
    }

    public async Task<Guid> CreateAsync(MemberGroupInput input, CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeToManage();
        await ValidateAsync(committeeId, null, input, ct);
        var group = new MemberGroup { CommitteeId = committeeId };
        Apply(group, input);
        db.MemberGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return group.Id;
    }

    public async Task UpdateAsync(Guid id, MemberGroupInput input, CancellationToken ct = default)
    {
        var group = await db.MemberGroups.FindOrThrowAsync(id, "委员小组", ct);
        OrganizationPermissions.EnsureCanManage(Actor, group.CommitteeId);
        db.ExpectVersion(group, input.Version);
        await ValidateAsync(group.CommitteeId, id, input, ct);
        Apply(group, input);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Guid id, int version, CancellationToken ct = default)
    {
        var group = await db.MemberGroups.FindOrThrowAsync(id, "委员小组", ct);
        OrganizationPermissions.EnsureCanManage(Actor, group.CommitteeId);
        db.ExpectVersion(group, version);
        var members = await db.Set<MemberGroupMembership>().CountAsync(m => m.GroupId == id, ct);
        if (members > 0)
        {
            throw new ConflictException($"“{group.Name}”还有 {members} 名委员，不能删除。请先将这些委员移出该小组。");
        }

        db.MemberGroups.Remove(group);
        await db.SaveChangesAsync(ct);
    }

    private async Task ValidateAsync(Guid committeeId, Guid? self, MemberGroupInput input, CancellationToken ct)
    {
        var name = OrganizationAdminSupport.Clean(input.Name);
        var v = new Validation().Name(input.Name, "name", "小组名称", 100)
            .Require(Enum.IsDefined(input.Kind), "kind", "请选择小组类型。");
        if (input.SectorId is { } sectorId)
        {
            var sectorExists = await db.Sectors.AnyAsync(s => s.Id == sectorId && s.CommitteeId == committeeId, ct);
            v.Require(sectorExists, "sectorId", "所选界别不属于本会。");
        }

        if (v.IsValid)
        {
            var taken = await db.MemberGroups.AnyAsync(g => g.CommitteeId == committeeId && g.Name == name && g.Id != self, ct);
            v.Require(!taken, "name", $"小组“{name}”已存在。");
        }

        v.ThrowIfInvalid();
    }

    private static void Apply(MemberGroup group, MemberGroupInput input)
    {
        group.Name = OrganizationAdminSupport.Clean(input.Name);
        group.Kind = input.Kind;
        group.SectorId = input.SectorId;
    }
}
