using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>The edit form of a liaison point.</summary>
public sealed class LiaisonPointInput
{
    public string Name { get; set; } = "";

    public LiaisonPointKind Kind { get; set; } = LiaisonPointKind.Enterprise;

    public LiaisonPointPurpose Purpose { get; set; } = LiaisonPointPurpose.Opinion;

    public string? Address { get; set; }

    public string? Description { get; set; }

    /// <summary>负责委员 (either this or <see cref="ResponsibleUserId"/>).</summary>
    public Guid? ResponsibleMemberId { get; set; }

    /// <summary>负责工作人员.</summary>
    public Guid? ResponsibleUserId { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }
}

/// <summary>One line of the points list.</summary>
public sealed record LiaisonPointRow(
    Guid Id,
    string Name,
    LiaisonPointKind Kind,
    LiaisonPointPurpose Purpose,
    string Address,
    string? ResponsibleName,
    bool IsActive,
    string Token,
    int OpenLetters,
    int Version);

/// <summary>Someone who may be made responsible for a point.</summary>
public sealed record ResponsibleOption(Guid Id, string Name, string Detail);

/// <summary>联络点管理 – staff with the 公众渠道 or 社情民意 permission set up their own committee's
/// QR points: name, kind, purpose, the responsible member or staff account (一码直达), active flag.</summary>
public sealed class LiaisonPointAdmin(TongxinDbContext db, IActorAccessor actors, TimeProvider time, PublicPointCache publicPoints)
{
    private Actor Actor => actors.Actor;

    public async Task<PagedList<LiaisonPointRow>> ListAsync(string? search, LiaisonPointPurpose? purpose, int page, CancellationToken ct = default)
    {
        var committeeId = RequireManager();
        var q = db.LiaisonPoints.AsNoTracking().Where(p => p.CommitteeId == committeeId);
        if (purpose is { } pu)
        {
            q = q.Where(p => p.Purpose == pu);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(p => p.Name.Contains(s) || p.Address.Contains(s));
        }

        return await q.OrderByDescending(p => p.IsActive).ThenBy(p => p.Name)
            .Select(p => new LiaisonPointRow(
                p.Id,
                p.Name,
                p.Kind,
                p.Purpose,
                p.Address,
                db.Members.Where(m => m.Id == p.ResponsibleMemberId).Select(m => m.Name).FirstOrDefault()
                    ?? db.Users.Where(u => u.Id == p.ResponsibleUserId).Select(u => u.DisplayName).FirstOrDefault(),
                p.IsActive,
                p.Token,
                db.PublicSubmissions.Count(s => s.LiaisonPointId == p.Id
                    && (s.Status == PublicSubmissionStatus.Received || s.Status == PublicSubmissionStatus.Processing)),
                p.Version))
            .ToPagedListAsync(page, ct: ct);
    }

    public async Task<LiaisonPointInput> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        var p = await LoadAsync(id, ct);
        return new LiaisonPointInput
        {
            Name = p.Name,
            Kind = p.Kind,
            Purpose = p.Purpose,
            Address = p.Address,
            Description = p.Description,
            ResponsibleMemberId = p.ResponsibleMemberId,
            ResponsibleUserId = p.ResponsibleUserId,
            IsActive = p.IsActive,
            Version = p.Version,
        };
    }

    public async Task<Guid> CreateAsync(LiaisonPointInput input, CancellationToken ct = default)
    {
        var committeeId = RequireManager();
        await ValidateAsync(input, committeeId, ct);
        var point = new LiaisonPoint
        {
            CommitteeId = committeeId,
            Token = NewToken(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Apply(point, input);
        db.LiaisonPoints.Add(point);
        await db.SaveChangesAsync(ct);
        return point.Id;
    }

    public async Task UpdateAsync(Guid id, LiaisonPointInput input, CancellationToken ct = default)
    {
        var point = await LoadAsync(id, ct);
        await ValidateAsync(input, point.CommitteeId, ct);
        db.Entry(point).Property(p => p.Version).OriginalValue = input.Version;
        Apply(point, input);
        await SaveAsync(ct);
        publicPoints.Forget(point.Token);
    }

    /// <summary>A point without letters may be deleted; one with letters only deactivated (the
    /// letters and their receipts keep naming it).</summary>
    public async Task DeleteAsync(Guid id, int version, CancellationToken ct = default)
    {
        var point = await LoadAsync(id, ct);
        if (await db.PublicSubmissions.AnyAsync(s => s.LiaisonPointId == id, ct))
        {
            throw new ConflictException("该联络点已收到群众来信，不能删除，请改为停用。");
        }

        db.Entry(point).Property(p => p.Version).OriginalValue = version;
        db.LiaisonPoints.Remove(point);
        await SaveAsync(ct);
        publicPoints.Forget(point.Token);
    }

    /// <summary>The active members of the own committee, for the 负责委员 choice.</summary>
    public async Task<IReadOnlyList<ResponsibleOption>> MemberOptionsAsync(CancellationToken ct = default)
    {
        var committeeId = RequireManager();
        return await db.Members.AsNoTracking()
            .Where(m => m.CommitteeId == committeeId && m.IsActive)
            .OrderBy(m => m.Name)
            .Select(m => new ResponsibleOption(m.Id, m.Name, m.WorkUnit))
            .ToListAsync(ct);
    }

    /// <summary>The enabled staff accounts of the own committee, for the 负责工作人员 choice.</summary>
    public async Task<IReadOnlyList<ResponsibleOption>> StaffOptionsAsync(CancellationToken ct = default)
    {
        var committeeId = RequireManager();
        return await StaffOfCommittee(committeeId)
            .OrderBy(u => u.DisplayName)
            .Select(u => new ResponsibleOption(u.Id, u.DisplayName, u.UserName ?? ""))
            .ToListAsync(ct);
    }

    /// <summary>Loads a point of the manager's own committee, tracked, or 404/403.</summary>
    public async Task<LiaisonPoint> LoadAsync(Guid id, CancellationToken ct = default)
    {
        RequireManager();
        var point = await db.LiaisonPoints.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("联络点");
        if (!Actor.CanWrite(point.CommitteeId))
        {
            throw new ForbiddenException("只能管理本级政协的联络点。");
        }

        return point;
    }

    private IQueryable<AppUser> StaffOfCommittee(Guid committeeId) =>
        from u in db.Users
        where u.CommitteeId == committeeId && !u.IsDisabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Staff))
        select u;

    private async Task ValidateAsync(LiaisonPointInput input, Guid committeeId, CancellationToken ct)
    {
        input.Name = PublicText.Line(input.Name);
        input.Address = PublicText.Line(input.Address);
        input.Description = PublicText.Block(input.Description);
        var v = new Validation()
            .Text(input.Name, 100, "Input.Name", "名称")
            .Text(input.Address, 200, "Input.Address", "地址", required: false)
            .Text(input.Description, 1000, "Input.Description", "简介", required: false)
            .Require(Enum.IsDefined(input.Kind), "Input.Kind", "请选择联络点类型。")
            .Require(Enum.IsDefined(input.Purpose), "Input.Purpose", "请选择用途。")
            .Require(input.ResponsibleMemberId is null != input.ResponsibleUserId is null, "Input.ResponsibleMemberId", "请指定一名负责委员或一名负责工作人员（只选其一）。");
        if (input.ResponsibleMemberId is { } memberId)
        {
            v.Require(
                await db.Members.AnyAsync(m => m.Id == memberId && m.CommitteeId == committeeId && m.IsActive, ct),
                "Input.ResponsibleMemberId",
                "负责委员必须是本级政协的在任委员。");
        }

        if (input.ResponsibleUserId is { } userId)
        {
            v.Require(
                await StaffOfCommittee(committeeId).AnyAsync(u => u.Id == userId, ct),
                "Input.ResponsibleUserId",
                "负责工作人员必须是本级政协的机关工作人员账号。");
        }

        v.ThrowIfInvalid();
    }

    private static void Apply(LiaisonPoint point, LiaisonPointInput input)
    {
        point.Name = input.Name;
        point.Kind = input.Kind;
        point.Purpose = input.Purpose;
        point.Address = input.Address ?? "";
        point.Description = input.Description ?? "";
        point.ResponsibleMemberId = input.ResponsibleMemberId;
        point.ResponsibleUserId = input.ResponsibleUserId;
        point.IsActive = input.IsActive;
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

    private Guid RequireManager() =>
        PointsAccess.CanManagePoints(Actor) && Actor.CommitteeId is { } id
            ? id
            : throw new ForbiddenException("只有具有公众渠道或社情民意权限的工作人员可以管理联络点。");

    /// <summary>80 random bits as 20 hex characters: the QR URL cannot be guessed from another.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
}
