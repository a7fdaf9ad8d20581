using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.Venues;

/// <summary>履职平台 as a form and an API body.</summary>
public sealed class VenueInput
{
    public VenueKind Kind { get; set; } = VenueKind.ReceptionRoom;
    public string? Name { get; set; }
    public string? Address { get; set; }
    public Guid? LeadMemberId { get; set; }
    public int StarRating { get; set; }
    public int Version { get; set; }
}

public sealed record VenueRow(Guid Id, VenueKind Kind, string Name, string Address, Guid? LeadMemberId, string? LeadMemberName, int StarRating, int Version);

public sealed record MemberOption(Guid Id, string Name, string WorkUnit);

/// <summary>履职平台管理 – 委员会客厅, 委员工作室, 民生议事堂, 协商驿站, 社情民意信息联系点 … with
/// the member who leads each and its star rating.</summary>
public sealed class VenueAdmin(TongxinDbContext db, IActorAccessor actors)
{
    public const int MaxStars = 5;

    private Actor Actor => actors.Actor;

    public bool CanManage => Actor.CommitteeId is { } id && OrganizationPermissions.CanManage(Actor, id);

    public async Task<PagedList<VenueRow>> ListAsync(VenueKind? kind = null, string? search = null, int page = 1, Guid? committeeId = null, CancellationToken ct = default)
    {
        var id = Actor.CommitteeToRead(committeeId);
        var query = db.Venues.AsNoTracking().Where(v => v.CommitteeId == id);
        if (kind is not null)
        {
            query = query.Where(v => v.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(v => v.Name.Contains(text) || v.Address.Contains(text));
        }

        return await query
            .OrderBy(v => v.Kind).ThenByDescending(v => v.StarRating).ThenBy(v => v.Name)
            .Select(v => new VenueRow(v.Id, v.Kind, v.Name, v.Address, v.LeadMemberId,
                db.Members.Where(m => m.Id == v.LeadMemberId).Select(m => m.Name).FirstOrDefault(),
                v.StarRating, v.Version))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    /// <summary>Active members of the actor's committee, to choose a venue's lead member from.</summary>
    public async Task<IReadOnlyList<MemberOption>> LeadMemberOptionsAsync(CancellationToken ct = default)
    {
        var id = Actor.CommitteeToManage();
        return await db.Members.AsNoTracking().Where(m => m.CommitteeId == id && m.IsActive)
            .OrderBy(m => m.Name)
            .Select(m => new MemberOption(m.Id, m.Name, m.WorkUnit))
            .ToListAsync(ct);
    }

    public async Task<VenueInput> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        var venue = await db.Venues.AsNoTracking().FindOrThrowAsync(id, "履职平台", ct);
        OrganizationPermissions.EnsureCanManage(Actor, venue.CommitteeId);
        return new VenueInput
        {
            Kind = venue.Kind,
            Name = venue.Name,
            Address = venue.Address,
            LeadMemberId = venue.LeadMemberId,
            StarRating = venue.StarRating,
            Version = venue.Version,
        };
    }

    public async Task<Guid> CreateAsync(VenueInput input, CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeToManage();
        await ValidateAsync(committeeId, input, ct);
        var venue = new Venue { CommitteeId = committeeId };
        Apply(venue, input);
        db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);
        return venue.Id;
    }

    public async Task UpdateAsync(Guid id, VenueInput input, CancellationToken ct = default)
    {
        var venue = await db.Venues.FindOrThrowAsync(id, "履职平台", ct);
        OrganizationPermissions.EnsureCanManage(Actor, venue.CommitteeId);
        db.ExpectVersion(venue, input.Version);
        await ValidateAsync(venue.CommitteeId, input, ct);
        Apply(venue, input);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Guid id, int version, CancellationToken ct = default)
    {
        var venue = await db.Venues.FindOrThrowAsync(id, "履职平台", ct);
        OrganizationPermissions.EnsureCanManage(Actor, venue.CommitteeId);
        db.ExpectVersion(venue, version);
        db.Venues.Remove(venue);
        await db.SaveChangesAsync(ct);
    }

    private async Task ValidateAsync(Guid committeeId, VenueInput input, CancellationToken ct)
    {
        var v = new Validation()
            .Require(Enum.IsDefined(input.Kind), "kind", "请选择平台类型。")
            .Name(input.Name, "name", "平台名称", 100)
            .MaxLength(OrganizationAdminSupport.Clean(input.Address), 200, "address", "地址")
            .Require(input.StarRating is >= 0 and <= MaxStars, "starRating", $"星级须在 0 到 {MaxStars} 之间。");
        if (input.LeadMemberId is { } memberId)
        {
            var active = await db.Members.AnyAsync(m => m.Id == memberId && m.CommitteeId == committeeId && m.IsActive, ct);
            v.Require(active, "leadMemberId", "牵头委员须是本会的在职委员。");
        }

        v.ThrowIfInvalid();
    }

    private static void Apply(Venue venue, VenueInput input)
    {
        venue.Kind = input.Kind;
        venue.Name = OrganizationAdminSupport.Clean(input.Name);
        venue.Address = OrganizationAdminSupport.Clean(input.Address);
        venue.LeadMemberId = input.LeadMemberId;
        venue.StarRating = input.StarRating;
    }
}
