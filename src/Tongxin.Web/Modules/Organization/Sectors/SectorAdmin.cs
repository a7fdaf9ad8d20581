using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.Sectors;

/// <summary>界别 as a form and an API body.</summary>
public sealed class SectorInput
{
    public string? Name { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

public sealed record SectorRow(Guid Id, string Name, int SortOrder, int MemberCount, int GroupCount, int Version);

/// <summary>界别管理 – staff keep their committee's list of sectors.</summary>
public sealed class SectorAdmin(TongxinDbContext db, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    public bool CanManage => Actor.CommitteeId is { } id && OrganizationPermissions.CanManage(Actor, id);

    public async Task<IReadOnlyList<SectorRow>> ListAsync(Guid? committeeId = null, CancellationToken ct = default)
    {
        var id = Actor.CommitteeToRead(committeeId);
        return await db.Sectors.AsNoTracking()
            .Where(s => s.CommitteeId == id)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SectorRow(s.Id, s.Name, s.SortOrder,
                db.Members.Count(m => m.SectorId == s.Id),
                db.MemberGroups.Count(g => g.SectorId == s.Id),
                s.Version))
            .ToListAsync(ct);
    }

    public async Task<SectorInput> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        var sector = await db.Sectors.AsNoTracking().FindOrThrowAsync(id, "界别", ct);
        OrganizationPermissions.EnsureCanManage(Actor, sector.CommitteeId);
        return new SectorInput { Name = sector.Name, SortOrder = sector.SortOrder, Version = sector.Version };
    }

    public async Task<Guid> CreateAsync(SectorInput input, CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeToManage();
        await ValidateAsync(committeeId, null, input, ct);
        var sector = new Sector { CommitteeId = committeeId };
        Apply(sector, input);
        db.Sectors.Add(sector);
        await db.SaveChangesAsync(ct);
        return sector.Id;
    }

    public async Task UpdateAsync(Guid id, SectorInput input, CancellationToken ct = default)
    {
        var sector = await db.Sectors.FindOrThrowAsync(id, "界别", ct);
        OrganizationPermissions.EnsureCanManage(Actor, sector.CommitteeId);
        db.ExpectVersion(sector, input.Version);
        await ValidateAsync(sector.CommitteeId, id, input, ct);
        Apply(sector, input);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Guid id, int version, CancellationToken ct = default)
    {
        var sector = await db.Sectors.FindOrThrowAsync(id, "界别", ct);
        OrganizationPermissions.EnsureCanManage(Actor, sector.CommitteeId);
        db.ExpectVersion(sector, version);
        var members = await db.Members.CountAsync(m => m.SectorId == id, ct);
        var groups = await db.MemberGroups.CountAsync(g => g.SectorId == id, ct);
        if (members > 0 || groups > 0)
        {
            throw new ConflictException($"界别“{sector.Name}”下还有 {members} 名委员、{groups} 个活动组，不能删除。请先调整他们的界别。");
        }

        db.Sectors.Remove(sector);
        await db.SaveChangesAsync(ct);
    }

    private async Task ValidateAsync(Guid committeeId, Guid? self, SectorInput input, CancellationToken ct)
    {
        var name = OrganizationAdminSupport.Clean(input.Name);
        var v = new Validation().Name(input.Name, "name", "界别名称")
            .Require(input.SortOrder is >= 0 and <= 9999, "sortOrder", "排序号须在 0 到 9999 之间。");
        if (v.IsValid)
        {
            var taken = await db.Sectors.AnyAsync(s => s.CommitteeId == committeeId && s.Name == name && s.Id != self, ct);
            v.Require(!taken, "name", $"界别“{name}”已存在。");
        }

        v.ThrowIfInvalid();
    }

    private static void Apply(Sector sector, SectorInput input)
    {
        sector.Name = OrganizationAdminSupport.Clean(input.Name);
        sector.SortOrder = input.SortOrder;
    }
}
