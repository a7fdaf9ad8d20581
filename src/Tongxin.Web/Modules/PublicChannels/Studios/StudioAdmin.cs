using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Studios;

/// <summary>委员工作室 as a form.</summary>
public sealed class StudioInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Address { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>主持委员 – the members who answer the studio's messages.</summary>
    public List<Guid> HostMemberIds { get; set; } = [];

    public int Version { get; set; }
}

/// <summary>One studio in the staff list.</summary>
public sealed record StudioRow(Guid Id, string Name, string Token, string Address, bool IsActive, IReadOnlyList<string> Hosts, int OpenMessages, int Messages, int Version);

/// <summary>A member to choose as host.</summary>
public sealed record HostOption(Guid Id, string Name, string WorkUnit);

/// <summary>委员工作室管理 – 公众渠道 staff create the studios of their committee, choose their
/// host members and give each a public address (/Public/Studios/{token}). A studio that has
/// messages is deactivated rather than deleted, so the messages keep their studio.</summary>
public sealed class StudioAdmin(TongxinDbContext db, StudioAccess access)
{
    public const int NameMax = 100;
    public const int DescriptionMax = 2000;
    public const int AddressMax = 200;

    // No 0/o/1/l: a token may be read out or typed from a poster.
    private const string TokenAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public async Task<PagedList<StudioRow>> ListAsync(string? search, int page, CancellationToken ct = default)
    {
        var committeeId = access.RequireStaffCommittee();
        var query = db.MemberStudios.AsNoTracking().Where(s => s.CommitteeId == committeeId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(s => s.Name.Contains(text) || s.Address.Contains(text));
        }

        var rows = await query
            .OrderByDescending(s => s.IsActive).ThenBy(s => s.Name)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Token,
                s.Address,
                s.IsActive,
                s.Version,
                Open = db.PublicSubmissions.Count(m => m.StudioId == s.Id
                    && (m.Status == PublicSubmissionStatus.Received || m.Status == PublicSubmissionStatus.Processing || m.Status == PublicSubmissionStatus.ForwardedToUnit)),
                All = db.PublicSubmissions.Count(m => m.StudioId == s.Id),
            })
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        var ids = rows.Items.Select(r => r.Id).ToList();
        var hosts = await HostNamesAsync(db, ids, ct);
        return new PagedList<StudioRow>(
            [.. rows.Items.Select(r => new StudioRow(r.Id, r.Name, r.Token, r.Address, r.IsActive, hosts.GetValueOrDefault(r.Id, []), r.Open, r.All, r.Version))],
            rows.Page, rows.PageSize, rows.Total);
    }

    /// <summary>Host names of the given studios, in one query. The studios were found under the
    /// reader's rules already (staff: own committee; public: by token), so names are read past the
    /// committee filter – an anonymous visitor has none.</summary>
    internal static async Task<Dictionary<Guid, IReadOnlyList<string>>> HostNamesAsync(TongxinDbContext db, IReadOnlyCollection<Guid> studioIds, CancellationToken ct)
    {
        var pairs = await (from h in db.MemberStudioHosts.IgnoreQueryFilters().AsNoTracking()
                           join m in db.Members.IgnoreQueryFilters().AsNoTracking() on h.MemberId equals m.Id
                           where studioIds.Contains(h.StudioId)
                           orderby m.Name
                           select new { h.StudioId, m.Name }).ToListAsync(ct);
        return pairs.GroupBy(p => p.StudioId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Name)]);
    }

    /// <summary>The active members of the staff member's committee, to choose hosts from.</summary>
    public async Task<IReadOnlyList<HostOption>> HostOptionsAsync(CancellationToken ct = default)
    {
        var committeeId = access.RequireStaffCommittee();
        return await db.Members.AsNoTracking().Where(m => m.CommitteeId == committeeId && m.IsActive)
            .OrderBy(m => m.Name).Select(m => new HostOption(m.Id, m.Name, m.WorkUnit)).ToListAsync(ct);
    }

    public async Task<(StudioInput Input, string Token)> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        var studio = await LoadAsync(id, ct);
        var hosts = await db.MemberStudioHosts.AsNoTracking().Where(h => h.StudioId == id).Select(h => h.MemberId).ToListAsync(ct);
        return (new StudioInput
        {
            Name = studio.Name,
            Description = studio.Description,
            Address = studio.Address,
            IsActive = studio.IsActive,
            HostMemberIds = hosts,
            Version = studio.Version,
        }, studio.Token);
    }

    public async Task<Guid> CreateAsync(StudioInput input, CancellationToken ct = default)
    {
        var committeeId = access.RequireStaffCommittee();
        var hosts = await ValidateAsync(committeeId, null, input, ct);
        var studio = new MemberStudio
        {
            CommitteeId = committeeId,
            Token = NewToken(),
            CreatedAt = db.Time.GetUtcNow().UtcDateTime,
        };
        Apply(studio, input);
        db.MemberStudios.Add(studio);
        db.MemberStudioHosts.AddRange(hosts.Select(m => new MemberStudioHost { CommitteeId = committeeId, StudioId = studio.Id, MemberId = m }));
        await db.SaveChangesAsync(ct);
        return studio.Id;
    }

    public async Task UpdateAsync(Guid id, StudioInput input, CancellationToken ct = default)
    {
        var studio = await LoadAsync(id, ct);
        db.ExpectVersion(studio, input.Version);
        var hosts = await ValidateAsync(studio.CommitteeId, id, input, ct);
        Apply(studio, input);
        var current = await db.MemberStudioHosts.Where(h => h.StudioId == id).ToListAsync(ct);
        db.MemberStudioHosts.RemoveRange(current.Where(h => !hosts.Contains(h.MemberId)));
        db.MemberStudioHosts.AddRange(hosts.Where(m => current.All(h => h.MemberId != m))
            .Select(m => new MemberStudioHost { CommitteeId = studio.CommitteeId, StudioId = id, MemberId = m }));
        // The studio row changes even when only its hosts do, so its version guards the host list too.
        db.Entry(studio).Property(s => s.Name).IsModified = true;
        await SaveAsync(ct);
    }

    /// <summary>A new public address; the old one stops working (a leaked or misprinted poster).</summary>
    public async Task<string> RenewTokenAsync(Guid id, int version, CancellationToken ct = default)
    {
        var studio = await LoadAsync(id, ct);
        db.ExpectVersion(studio, version);
        studio.Token = NewToken();
        await SaveAsync(ct);
        return studio.Token;
    }

    public async Task DeleteAsync(Guid id, int version, CancellationToken ct = default)
    {
        var studio = await LoadAsync(id, ct);
        db.ExpectVersion(studio, version);
        var messages = await db.PublicSubmissions.CountAsync(s => s.StudioId == id, ct);
        if (messages > 0)
        {
            throw new ConflictException($"“{studio.Name}”已有 {messages} 条群众来信，不能删除。如不再接收来信，请将其停用。");
        }

        db.MemberStudioHosts.RemoveRange(await db.MemberStudioHosts.Where(h => h.StudioId == id).ToListAsync(ct));
        db.MemberStudios.Remove(studio);
        await SaveAsync(ct);
    }

    private async Task<MemberStudio> LoadAsync(Guid id, CancellationToken ct)
    {
        var committeeId = access.RequireStaffCommittee();
        var studio = await db.MemberStudios.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("委员工作室");
        if (studio.CommitteeId != committeeId)
        {
            throw new ForbiddenException("只能管理本级政协的委员工作室。");
        }

        return studio;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException();
        }
    }

    private async Task<List<Guid>> ValidateAsync(Guid committeeId, Guid? self, StudioInput input, CancellationToken ct)
    {
        var name = PublicText.Line(input.Name);
        var hosts = input.HostMemberIds.Distinct().ToList();
        var v = new Validation()
            .NotBlank(name, "name", "工作室名称")
            .MaxLength(name, NameMax, "name", "工作室名称")
            .MaxLength(PublicText.Block(input.Description), DescriptionMax, "description", "简介")
            .MaxLength(PublicText.Line(input.Address), AddressMax, "address", "地址")
            .Require(hosts.Count > 0, "hostMemberIds", "请至少选择一位主持委员。")
            .Require(hosts.Count <= 20, "hostMemberIds", "主持委员不能超过20位。");
        if (v.IsValid)
        {
            var found = await db.Members.CountAsync(m => hosts.Contains(m.Id) && m.CommitteeId == committeeId && m.IsActive, ct);
            v.Require(found == hosts.Count, "hostMemberIds", "主持委员必须是本级政协的在任委员。");
            var taken = await db.MemberStudios.AnyAsync(s => s.CommitteeId == committeeId && s.Name == name && s.Id != self, ct);
            v.Require(!taken, "name", $"委员工作室“{name}”已存在。");
        }

        v.ThrowIfInvalid();
        return hosts;
    }

    private static void Apply(MemberStudio studio, StudioInput input)
    {
        studio.Name = PublicText.Line(input.Name);
        studio.Description = PublicText.Block(input.Description);
        studio.Address = PublicText.Line(input.Address);
        studio.IsActive = input.IsActive;
    }

    internal static string NewToken() => RandomNumberGenerator.GetString(TokenAlphabet, 20);
}
