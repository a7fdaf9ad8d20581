using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.Members;

/// <summary>The fields a member changes directly: contact and expertise tags.</summary>
public sealed class ContactInput
{
    [Display(Name = "手机号码")]
    public string Mobile { get; set; } = "";

    [Display(Name = "电子邮箱")]
    public string Email { get; set; } = "";

    [Display(Name = "标签")]
    public string Tags { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>The sensitive and official fields: a member's change to them waits for staff approval.</summary>
public sealed class SensitiveInput
{
    [Display(Name = "政治面貌")]
    public string Party { get; set; } = "";

    [Display(Name = "民族")]
    public string Ethnicity { get; set; } = "";

    [Display(Name = "工作单位")]
    public string WorkUnit { get; set; } = "";

    [Display(Name = "职务")]
    public string Title { get; set; } = "";

    [Display(Name = "界别")]
    public Guid? SectorId { get; set; }
}

/// <summary>The fields that go through <see cref="ProfileChangeRequest"/>, by the name stored in <see cref="ProfileChangeRequest.Field"/>.</summary>
public static class ProfileFields
{
    public const string Party = nameof(Member.Party);
    public const string Ethnicity = nameof(Member.Ethnicity);
    public const string WorkUnit = nameof(Member.WorkUnit);
    public const string Title = nameof(Member.Title);
    public const string Sector = "Sector";

    public static string DisplayName(string field) => field switch
    {
        Party => "政治面貌",
        Ethnicity => "民族",
        WorkUnit => "工作单位",
        Title => "职务",
        Sector => "界别",
        _ => field,
    };
}

public sealed record ChangeRequestView(Guid Id, string Field, string OldValue, string NewValue, ProfileChangeStatus Status, DateTime RequestedAt, DateTime? DecidedAt, string? DecisionNote)
{
    public string FieldName => ProfileFields.DisplayName(Field);
}

/// <summary>我的资料 – what the member sees of their own roster entry.</summary>
public sealed record OwnProfile(
    Guid Id,
    string Name,
    Gender Gender,
    int BirthYear,
    string Ethnicity,
    string Party,
    Guid? SectorId,
    string? SectorName,
    string WorkUnit,
    string Title,
    Position Position,
    string Mobile,
    string Email,
    string Tags,
    string DutyCode,
    int Version,
    IReadOnlyList<Option> Sectors,
    IReadOnlyList<ChangeRequestView> Requests);

/// <summary>委员自助 – a member reads and edits their own profile (AppUser.MemberId) and nothing else.</summary>
public sealed class MemberProfileHandler(TongxinDbContext db, IActorAccessor actorAccessor, TimeProvider time)
{
    private Actor Actor => actorAccessor.Actor;

    public async Task<OwnProfile> GetAsync(CancellationToken ct = default)
    {
        var memberId = await OwnMemberIdAsync(ct);
        var profile = await (
            from m in db.Members.AsNoTracking()
            where m.Id == memberId
            join s in db.Sectors on m.SectorId equals s.Id into sectors
            from s in sectors.DefaultIfEmpty()
            select new OwnProfile(m.Id, m.Name, m.Gender, m.BirthYear, m.Ethnicity, m.Party, m.SectorId, s.Name, m.WorkUnit, m.Title,
                m.Position, m.Mobile, m.Email, m.Tags, m.DutyCode, m.Version, Array.Empty<Option>(), Array.Empty<ChangeRequestView>()))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("委员信息");
        var committeeId = Actor.CommitteeId!.Value;
        var sectorOptions = await db.Sectors.AsNoTracking().Where(s => s.CommitteeId == committeeId).OrderBy(s => s.SortOrder)
            .Select(s => new Option(s.Id, s.Name)).ToListAsync(ct);
        var requests = await db.ProfileChangeRequests.AsNoTracking().Where(r => r.MemberId == memberId)
            .OrderByDescending(r => r.RequestedAt).Take(20)
            .Select(r => new ChangeRequestView(r.Id, r.Field, r.OldValue, r.NewValue, r.Status, r.RequestedAt, r.DecidedAt, r.DecisionNote))
            .ToListAsync(ct);
        return profile with { Sectors = sectorOptions, Requests = requests };
    }

    public async Task UpdateContactAsync(ContactInput input, CancellationToken ct = default)
    {
        var member = await OwnMemberAsync(ct);
        if (member.Version != input.Version)
        {
            throw new ConflictException();
        }

        var mobile = input.Mobile.Trim();
        var email = input.Email.Trim();
        var tags = MemberRules.NormalizeTags(input.Tags);
        var v = new Validation()
            .Require(mobile.Length == 0 || MemberRules.IsValidMobile(mobile), nameof(ContactInput.Mobile), "手机号码应为以1开头的11位数字。")
            .Require(email.Length == 0 || MemberRules.IsValidEmail(email), nameof(ContactInput.Email), "电子邮箱格式不正确。");
        if (MemberRules.TagsProblem(tags) is { } problem)
        {
            v.Require(false, nameof(ContactInput.Tags), problem);
        }

        v.ThrowIfInvalid();

        db.Entry(member).Property(m => m.Version).OriginalValue = input.Version;
        member.Mobile = mobile;
        member.Email = email;
        member.Tags = tags;
        db.ChangeTracker.DetectChanges();
        var changed = db.Entry(member).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        db.Raise(new MemberProfileChanged(member.Id, member.CommitteeId, changed));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException();
        }
    }

    /// <summary>Files one pending request per changed sensitive field; the member's record stays as it is. Answers how many were filed.</summary>
    public async Task<int> RequestChangesAsync(SensitiveInput input, CancellationToken ct = default)
    {
        var member = await OwnMemberAsync(ct);
        var pending = await db.ProfileChangeRequests.Where(r => r.MemberId == member.Id && r.Status == ProfileChangeStatus.Pending)
            .Select(r => r.Field).ToListAsync(ct);
        var currentSector = member.SectorId is null ? "" : await db.Sectors.Where(s => s.Id == member.SectorId).Select(s => s.Name).SingleAsync(ct);
        var newSector = input.SectorId is null ? "" : await db.Sectors.Where(s => s.Id == input.SectorId && s.CommitteeId == member.CommitteeId).Select(s => s.Name).SingleOrDefaultAsync(ct);

        var party = input.Party.Trim();
        var ethnicity = input.Ethnicity.Trim();
        var workUnit = input.WorkUnit.Trim();
        var title = input.Title.Trim();
        var v = new Validation()
            .Require(party.Length == 0 || MemberRules.IsValidParty(party), nameof(SensitiveInput.Party), $"政治面貌应为：{string.Join("、", MemberRules.Parties)}。")
            .NotBlank(ethnicity, nameof(SensitiveInput.Ethnicity), "民族")
            .MaxLength(ethnicity, 20, nameof(SensitiveInput.Ethnicity), "民族")
            .MaxLength(workUnit, MemberRules.MaxTextLength, nameof(SensitiveInput.WorkUnit), "工作单位")
            .MaxLength(title, MemberRules.MaxTextLength, nameof(SensitiveInput.Title), "职务")
            .Require(newSector is not null, nameof(SensitiveInput.SectorId), "所选界别不存在。");

        var changes = new List<(string Field, string Key, string Old, string New)>
        {
            (ProfileFields.Party, nameof(SensitiveInput.Party), member.Party, party),
            (ProfileFields.Ethnicity, nameof(SensitiveInput.Ethnicity), member.Ethnicity, ethnicity),
            (ProfileFields.WorkUnit, nameof(SensitiveInput.WorkUnit), member.WorkUnit, workUnit),
            (ProfileFields.Title, nameof(SensitiveInput.Title), member.Title, title),
            (ProfileFields.Sector, nameof(SensitiveInput.SectorId), currentSector, newSector ?? ""),
        }.Where(c => c.Old != c.New).ToList();
        foreach (var change in changes)
        {
            v.Require(!pending.Contains(change.Field), change.Key, $"{ProfileFields.DisplayName(change.Field)}已有待审核的修改申请，请等待审核结果。");
        }

        v.Require(changes.Count > 0, "", "没有需要申请修改的内容。");
        v.ThrowIfInvalid();

        var now = time.GetUtcNow().UtcDateTime;
        db.ProfileChangeRequests.AddRange(changes.Select(c => new ProfileChangeRequest
        {
            CommitteeId = member.CommitteeId,
            MemberId = member.Id,
            Field = c.Field,
            OldValue = c.Old,
            NewValue = c.New,
            Status = ProfileChangeStatus.Pending,
            RequestedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        return changes.Count;
    }

    /// <summary>履职码 as a PNG QR image; the code is the whole content so any scanner reads it back.</summary>
    public async Task<byte[]> DutyCodePngAsync(CancellationToken ct = default)
    {
        var memberId = await OwnMemberIdAsync(ct);
        var code = await db.Members.Where(m => m.Id == memberId).Select(m => m.DutyCode).SingleAsync(ct);
        return DutyCodeQr.Png(code);
    }

    private async Task<Member> OwnMemberAsync(CancellationToken ct)
    {
        var memberId = await OwnMemberIdAsync(ct);
        return await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException("委员信息");
    }

    /// <summary>The roster entry of the signed-in member; only the member role has one.</summary>
    private async Task<Guid> OwnMemberIdAsync(CancellationToken ct)
    {
        if (!Actor.IsInRole(Roles.Member) || Actor.UserId is not { } userId)
        {
            throw new ForbiddenException("只有委员本人可以查看和修改自己的资料。");
        }

        return await db.Users.Where(u => u.Id == userId).Select(u => u.MemberId).SingleOrDefaultAsync(ct)
            ?? throw new ForbiddenException("您的账号尚未关联委员名册，请联系政协机关。");
    }
}

/// <summary>Draws duty codes as QR images without System.Drawing.</summary>
public static class DutyCodeQr
{
    public static byte[] Png(string dutyCode)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(dutyCode, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(10);
    }
}

/// <summary>Staff decide members' change requests for their own committee.</summary>
public sealed class ChangeRequestHandler(TongxinDbContext db, IActorAccessor actorAccessor, TimeProvider time)
{
    private Actor Actor => actorAccessor.Actor;

    public sealed record Row(Guid Id, Guid MemberId, string MemberName, string Field, string OldValue, string NewValue, ProfileChangeStatus Status, DateTime RequestedAt, string? DecisionNote, int Version)
    {
        public string FieldName => ProfileFields.DisplayName(Field);
    }

    public async Task<PagedList<Row>> ListAsync(ProfileChangeStatus? status, int page, CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException();
        OrganizationPermissions.EnsureCanManage(Actor, committeeId);
        var query = db.ProfileChangeRequests.AsNoTracking().Where(r => r.CommitteeId == committeeId);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        return await (from r in query
                      join m in db.Members on r.MemberId equals m.Id
                      orderby r.RequestedAt descending, r.Id
                      select new Row(r.Id, r.MemberId, m.Name, r.Field, r.OldValue, r.NewValue, r.Status, r.RequestedAt, r.DecisionNote, r.Version))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    public async Task ApproveAsync(Guid id, int version, string? note, CancellationToken ct = default)
    {
        var request = await LoadPendingAsync(id, version, ct);
        var member = await db.Members.SingleAsync(m => m.Id == request.MemberId, ct);
        switch (request.Field)
        {
            case ProfileFields.Party:
                member.Party = request.NewValue;
                break;
            case ProfileFields.Ethnicity:
                member.Ethnicity = request.NewValue;
                break;
            case ProfileFields.WorkUnit:
                member.WorkUnit = request.NewValue;
                break;
            case ProfileFields.Title:
                member.Title = request.NewValue;
                break;
            case ProfileFields.Sector:
                member.SectorId = request.NewValue.Length == 0
                    ? null
                    : await db.Sectors.Where(s => s.CommitteeId == member.CommitteeId && s.Name == request.NewValue).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(ct)
                      ?? throw new ConflictException($"界别“{request.NewValue}”已不存在，无法通过，请驳回。");
                break;
            default:
                throw new ConflictException($"无法识别的修改项“{request.Field}”。");
        }

        Decide(request, ProfileChangeStatus.Approved, note);
        db.Raise(new MemberProfileChanged(member.Id, member.CommitteeId, [request.Field]));
        db.Raise(new ProfileChangeDecided(request.Id, member.Id, member.CommitteeId, request.Field, true, request.DecisionNote));
        await SaveAsync(ct);
    }

    public async Task RejectAsync(Guid id, int version, string? note, CancellationToken ct = default)
    {
        new Validation().NotBlank(note, "Note", "驳回理由").MaxLength(note?.Trim(), 200, "Note", "驳回理由").ThrowIfInvalid();
        var request = await LoadPendingAsync(id, version, ct);
        Decide(request, ProfileChangeStatus.Rejected, note);
        db.Raise(new ProfileChangeDecided(request.Id, request.MemberId, request.CommitteeId, request.Field, false, request.DecisionNote));
        await SaveAsync(ct);
    }

    private async Task<ProfileChangeRequest> LoadPendingAsync(Guid id, int version, CancellationToken ct)
    {
        var request = await db.ProfileChangeRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("修改申请");
        OrganizationPermissions.EnsureCanManage(Actor, request.CommitteeId);
        if (request.Status != ProfileChangeStatus.Pending)
        {
            throw new ConflictException("该申请已经处理过了。");
        }

        if (request.Version != version)
        {
            throw new ConflictException();
        }

        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        return request;
    }

    private void Decide(ProfileChangeRequest request, ProfileChangeStatus status, string? note)
    {
        request.Status = status;
        request.DecidedBy = Actor.UserId;
        request.DecidedAt = time.GetUtcNow().UtcDateTime;
        request.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
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
}

/// <summary>"我的待办" for staff who manage the roster: pending change requests of their committee.</summary>
public sealed class ChangeRequestTodos(TongxinDbContext db) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (actor.CommitteeId is not { } committeeId || actor.IsSystem || !OrganizationPermissions.CanManage(actor, committeeId))
        {
            return [];
        }

        var count = await db.ProfileChangeRequests.CountAsync(r => r.CommitteeId == committeeId && r.Status == ProfileChangeStatus.Pending, ct);
        return [new TodoItem("待审核的委员信息修改", count, "/Organization/Members/ChangeRequests", "组织与名册")];
    }
}
