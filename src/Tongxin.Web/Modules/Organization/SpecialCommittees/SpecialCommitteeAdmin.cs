using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.SpecialCommittees;

/// <summary>专门委员会 as a form and an API body.</summary>
public sealed class SpecialCommitteeInput
{
    public string? Name { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

public sealed record SpecialCommitteeRow(Guid Id, string Name, int SortOrder, int MemberCount, int Version);

/// <summary>专委会管理 – staff keep their committee's special committees.</summary>
public sealed class SpecialCommitteeAdmin(TongxinDbContext db, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    public bool CanManage => Actor.CommitteeId is { } id && OrganizationPermissions.CanManage(Actor, id);

    public async Task<IReadOnlyList<SpecialCommitteeRow>> ListAsync(Guid? committeeId = null, CancellationToken ct = default)
    {
        var id = Actor.CommitteeToRead(committeeId);
        return await db.SpecialCommittees.AsNoTracking()
            .Where(s => s.CommitteeId == id)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SpecialCommitteeRow(s.Id, s.Name, s.SortOrder,
                db.Set<MemberSpecialCommittee>().Count(m => m.SpecialCommitteeId == s.Id),
                s.Version))
            .ToListAsync(ct);
    }

    public async Task<SpecialCommitteeInput> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        var special = await db.SpecialCommittees.AsNoTracking().FindOrThrowAsync(id, "专门委员会", ct);
        OrganizationPermissions.EnsureCanManage(Actor, special.CommitteeId);
        return new SpecialCommitteeInput { Name = special.Name, SortOrder = special.SortOrder, Version = special.Version };
    }

    public async Task<Guid> CreateAsync(SpecialCommitteeInput input, CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeToManage();
        await ValidateAsync(committeeId, null, input, ct);
        var special = new SpecialCommittee { CommitteeId = committeeId };
        Apply(special, input);
        db.SpecialCommittees.Add(special);
        await db.SaveChangesAsync(ct);
        return special.Id;
    }

    public async Task UpdateAsync(Guid id, SpecialCommitteeInput input, CancellationToken ct = default)
    {
        var special = await db.SpecialCommittees.FindOrThrowAsync(id, "专门委员会", ct);
        OrganizationPermissions.EnsureCanManage(Actor, special.CommitteeId);
        db.ExpectVersion(special, input.Version);
        await ValidateAsync(special.CommitteeId, id, input, ct);
        Apply(special, input);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Guid id, int version, CancellationToken ct = default)
    {
        var special = await db.SpecialCommittees.FindOrThrowAsync(id, "专门委员会", ct);
        OrganizationPermissions.EnsureCanManage(Actor, special.CommitteeId);
        db.ExpectVersion(special, version);
        var members = await db.Set<MemberSpecialCommittee>().CountAsync(m => m.SpecialCommitteeId == id, ct);
        if (members > 0)
        {
            throw new ConflictException($"专门委员会“{special.Name}”还有 {members} 名委员，不能删除。请先调整这些委员的专委会。");
        }

        db.SpecialCommittees.Remove(special);
        await db.SaveChangesAsync(ct);
    }

    private async Task ValidateAsync(Guid committeeId, Guid? self, SpecialCommitteeInput input, CancellationToken ct)
    {
        var name = OrganizationAdminSupport.Clean(input.Name);
        var v = new Validation().Name(input.Name, "name", "专门委员会名称")
            .Require(input.SortOrder is >= 0 and <= 9999, "sortOrder", "排序号须在 0 到 9999 之间。");
        if (v.IsValid)
        {
            var taken = await db.SpecialCommittees.AnyAsync(s => s.CommitteeId == committeeId && s.Name == name && s.Id != self, ct);
            v.Require(!taken, "name", $"专门委员会“{name}”已存在。");
        }

        v.ThrowIfInvalid();
    }

    private static void Apply(SpecialCommittee special, SpecialCommitteeInput input)
    {
        special.Name = OrganizationAdminSupport.Clean(input.Name);
        special.SortOrder = input.SortOrder;
    }
}
