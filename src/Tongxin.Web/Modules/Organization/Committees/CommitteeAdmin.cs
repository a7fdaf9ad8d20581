using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.Committees;

/// <summary>政协组织 as a form and an API body. <see cref="ParentId"/> and <see cref="ParentMayRead"/>
/// are only taken when a committee edits itself; a new child always hangs under the creator's committee.</summary>
public sealed class CommitteeInput
{
    public string? Name { get; set; }
    public string? Code { get; set; }
    public CommitteeLevel Level { get; set; } = CommitteeLevel.County;
    public Guid? ParentId { get; set; }
    public bool ParentMayRead { get; set; }
    public int Version { get; set; }
}

public sealed record CommitteeRow(Guid Id, string Name, string Code, CommitteeLevel Level, Guid? ParentId, string? ParentName, bool ParentMayRead, int Version);

public sealed record CommitteeOption(Guid Id, string Name, CommitteeLevel Level);

/// <summary>政协组织管理 – staff see their committee and the committees below it, create child
/// committees under their own, and edit their own committee, including the grant
/// "上级政协可查看本会数据" that only the child itself may give.</summary>
public sealed partial class CommitteeAdmin(TongxinDbContext db, IActorAccessor actors, CommitteeTree tree)
{
    private Actor Actor => actors.Actor;

    public bool CanManage => Actor.CommitteeId is { } id && OrganizationPermissions.CanManage(Actor, id);

    /// <summary>The actor's committee first, then every committee below it (names and structure, not their data).</summary>
    public async Task<PagedList<CommitteeRow>> ListAsync(string? search = null, int page = 1, CancellationToken ct = default)
    {
        var own = Actor.CommitteeToRead(null);
        var ids = await SubtreeAsync(own, ct);
        var query = db.Committees.AsNoTracking().Where(c => ids.Contains(c.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(c => c.Name.Contains(text) || c.Code.Contains(text));
        }

        return await query
            .OrderBy(c => c.Id != own).ThenBy(c => c.Level).ThenBy(c => c.Code)
            .Select(c => new CommitteeRow(c.Id, c.Name, c.Code, c.Level, c.ParentId,
                db.Committees.Where(p => p.Id == c.ParentId).Select(p => p.Name).FirstOrDefault(),
                c.ParentMayRead, c.Version))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    public async Task<CommitteeInput> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        OrganizationPermissions.EnsureCanManage(Actor, id);
        var c = await db.Committees.AsNoTracking().FindOrThrowAsync(id, "政协组织", ct);
        return new CommitteeInput { Name = c.Name, Code = c.Code, Level = c.Level, ParentId = c.ParentId, ParentMayRead = c.ParentMayRead, Version = c.Version };
    }

    /// <summary>Committees that may be chosen as the parent of <paramref name="id"/>: higher levels, outside its own subtree.</summary>
    public async Task<IReadOnlyList<CommitteeOption>> ParentOptionsAsync(Guid id, CancellationToken ct = default)
    {
        OrganizationPermissions.EnsureCanManage(Actor, id);
        var level = await db.Committees.Where(c => c.Id == id).Select(c => c.Level).SingleAsync(ct);
        var subtree = await SubtreeAsync(id, ct);
        return await db.Committees.AsNoTracking()
            .Where(c => c.Level < level && !subtree.Contains(c.Id))
            .OrderBy(c => c.Level).ThenBy(c => c.Code)
            .Select(c => new CommitteeOption(c.Id, c.Name, c.Level))
            .ToListAsync(ct);
    }

    /// <summary>新建下级政协 under the actor's own committee.</summary>
    public async Task<Guid> CreateChildAsync(CommitteeInput input, CancellationToken ct = default)
    {
        var parentId = Actor.CommitteeToManage();
        var parent = await db.Committees.AsNoTracking().FindOrThrowAsync(parentId, "政协组织", ct);
        var v = await ValidateAsync(null, input, ct);
        v.Require(input.Level > parent.Level, "level", $"下级政协的级别须低于本会（{parent.Level.DisplayName()}）。");
        v.ThrowIfInvalid();
        var committee = new Committee
        {
            Name = OrganizationAdminSupport.Clean(input.Name),
            Code = OrganizationAdminSupport.Clean(input.Code).ToUpperInvariant(),
            Level = input.Level,
            ParentId = parentId,
            // Only the child's own staff may open its data to the parent.
            ParentMayRead = false,
        };
        db.Committees.Add(committee);
        await db.SaveChangesAsync(ct);
        tree.Invalidate();
        return committee.Id;
    }

    /// <summary>修改本会: name, code, level, parent and the parent's read grant.</summary>
    public async Task UpdateAsync(Guid id, CommitteeInput input, CancellationToken ct = default)
    {
        OrganizationPermissions.EnsureCanManage(Actor, id);
        var committee = await db.Committees.FindOrThrowAsync(id, "政协组织", ct);
        db.ExpectVersion(committee, input.Version);
        var v = await ValidateAsync(id, input, ct);
        if (input.ParentId is { } parentId)
        {
            var subtree = await SubtreeAsync(id, ct);
            var parent = await db.Committees.AsNoTracking().SingleOrDefaultAsync(c => c.Id == parentId, ct);
            if (parent is null)
            {
                v.Require(false, "parentId", "所选上级政协不存在。");
            }
            else if (subtree.Contains(parentId))
            {
                v.Require(false, "parentId", "上级政协不能是本会自身或本会的下级政协。");
            }
            else
            {
                v.Require(parent.Level < input.Level, "parentId", $"上级政协的级别须高于本会（{input.Level.DisplayName()}）。");
            }
        }

        var lowestChildLevel = await db.Committees.Where(c => c.ParentId == id).Select(c => (CommitteeLevel?)c.Level).MinAsync(ct);
        v.Require(lowestChildLevel is null || lowestChildLevel > input.Level, "level", "本会的级别须高于其下级政协。");
        v.Require(input.ParentId is not null || !input.ParentMayRead, "parentMayRead", "没有上级政协时不能授权上级查看。");
        v.ThrowIfInvalid();

        committee.Name = OrganizationAdminSupport.Clean(input.Name);
        committee.Code = OrganizationAdminSupport.Clean(input.Code).ToUpperInvariant();
        committee.Level = input.Level;
        committee.ParentId = input.ParentId;
        committee.ParentMayRead = input.ParentMayRead;
        await db.SaveChangesAsync(ct);
        tree.Invalidate();
    }

    private async Task<Validation> ValidateAsync(Guid? self, CommitteeInput input, CancellationToken ct)
    {
        var code = OrganizationAdminSupport.Clean(input.Code).ToUpperInvariant();
        var v = new Validation()
            .Name(input.Name, "name", "政协组织名称", 100)
            .NotBlank(input.Code, "code", "代码")
            .Require(code.Length == 0 || CodePattern().IsMatch(code), "code", "代码只能由 2 到 20 个英文字母和数字组成。")
            .Require(Enum.IsDefined(input.Level), "level", "请选择级别。");
        if (CodePattern().IsMatch(code))
        {
            // Codes are compared ignoring case: "sls" and "SLS" would read as the same committee.
            var taken = await db.Committees.AnyAsync(c => c.Code.ToUpper() == code && c.Id != self, ct);
            v.Require(!taken, "code", $"代码“{code}”已被其他政协组织使用。");
        }

        return v;
    }

    /// <summary>A committee and everything below it, whatever the read grants say.</summary>
    private async Task<List<Guid>> SubtreeAsync(Guid root, CancellationToken ct)
    {
        var all = await db.Committees.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync(ct);
        var result = new List<Guid> { root };
        for (var i = 0; i < result.Count; i++)
        {
            var parent = result[i];
            result.AddRange(all.Where(c => c.ParentId == parent && !result.Contains(c.Id)).Select(c => c.Id));
        }

        return result;
    }

    [GeneratedRegex("^[A-Z0-9]{2,20}$")]
    private static partial Regex CodePattern();
}
