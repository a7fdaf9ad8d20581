using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.Members;

/// <summary>委员信息表单 – every field staff may set on a roster entry. The duty code is not here: it is generated once and never edited.</summary>
public sealed class MemberInput
{
    [Display(Name = "姓名")]
    public string Name { get; set; } = "";

    [Display(Name = "性别")]
    public Gender Gender { get; set; } = Gender.Male;

    [Display(Name = "出生年份")]
    public int? BirthYear { get; set; }

    [Display(Name = "民族")]
    public string Ethnicity { get; set; } = "汉族";

    [Display(Name = "政治面貌")]
    public string Party { get; set; } = "";

    [Display(Name = "界别")]
    public Guid? SectorId { get; set; }

    [Display(Name = "工作单位")]
    public string WorkUnit { get; set; } = "";

    [Display(Name = "职务")]
    public string Title { get; set; } = "";

    [Display(Name = "政协职务")]
    public Position Position { get; set; }

    [Display(Name = "手机号码")]
    public string Mobile { get; set; } = "";

    [Display(Name = "电子邮箱")]
    public string Email { get; set; } = "";

    [Display(Name = "标签")]
    public string Tags { get; set; } = "";

    [Display(Name = "届别")]
    public Guid? TermId { get; set; }

    [Display(Name = "在任")]
    public bool IsActive { get; set; } = true;

    [Display(Name = "专门委员会")]
    public List<Guid> SpecialCommitteeIds { get; set; } = [];

    [Display(Name = "所属小组")]
    public List<Guid> GroupIds { get; set; } = [];

    /// <summary>The version the editor loaded; a stale one means someone else saved first.</summary>
    public int Version { get; set; }
}

/// <summary>名册查询条件.</summary>
public sealed record MemberFilter(string? Name = null, Guid? SectorId = null, string? Party = null, Position? Position = null, bool? IsActive = null);

/// <summary>One line of the roster list; the mobile number is already masked.</summary>
public sealed record MemberRow(Guid Id, string Name, Gender Gender, int BirthYear, string? SectorName, string WorkUnit, string Title, Position Position, string Mobile, string DutyCode, bool IsActive);

public sealed record Option(Guid Id, string Name);

/// <summary>The choices of a member form, all from the member's committee.</summary>
public sealed record MemberFormOptions(IReadOnlyList<Option> Sectors, IReadOnlyList<Option> SpecialCommittees, IReadOnlyList<Option> Groups, IReadOnlyList<Option> Terms);

/// <summary>委员详情, including the sensitive fields (reading them is audited).</summary>
public sealed record MemberDetails(
    Guid Id,
    Guid CommitteeId,
    string Name,
    Gender Gender,
    int BirthYear,
    string Ethnicity,
    string Party,
    string? SectorName,
    string WorkUnit,
    string Title,
    Position Position,
    string Mobile,
    string Email,
    string Tags,
    string DutyCode,
    string? TermName,
    bool IsActive,
    IReadOnlyList<string> SpecialCommittees,
    IReadOnlyList<string> Groups,
    bool CanManage);

/// <summary>委员名册 – staff keep the roster of their own committee; staff and leaders read it.</summary>
public sealed class MemberRosterHandler(TongxinDbContext db, IActorAccessor actorAccessor, TimeProvider time)
{
    private Actor Actor => actorAccessor.Actor;

    /// <summary>The committee a staff page works on: the actor's own.</summary>
    public Guid OwnCommitteeId => Actor.CommitteeId ?? throw new ForbiddenException();

    public async Task<PagedList<MemberRow>> ListAsync(MemberFilter filter, int page, CancellationToken ct = default)
    {
        var committeeId = OwnCommitteeId;
        OrganizationPermissions.EnsureCanRead(Actor, committeeId);
        var rows = await Rows(Query(committeeId, filter)).ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        return rows with { Items = [.. rows.Items.Select(r => r with { Mobile = MemberRules.MaskMobile(r.Mobile) })] };
    }

    internal IQueryable<Member> Query(Guid committeeId, MemberFilter filter)
    {
        var query = db.Members.AsNoTracking().Where(m => m.CommitteeId == committeeId);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(m => m.Name.Contains(name));
        }

        if (filter.SectorId is { } sectorId)
        {
            query = query.Where(m => m.SectorId == sectorId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Party))
        {
            query = query.Where(m => m.Party == filter.Party);
        }

        if (filter.Position is { } position)
        {
            query = query.Where(m => m.Position == position);
        }

        if (filter.IsActive is { } active)
        {
            query = query.Where(m => m.IsActive == active);
        }

        return query.OrderByDescending(m => m.Position).ThenBy(m => m.Name).ThenBy(m => m.Id);
    }

    private IQueryable<MemberRow> Rows(IQueryable<Member> members) =>
        from m in members
        join s in db.Sectors on m.SectorId equals s.Id into sectors
        from s in sectors.DefaultIfEmpty()
        select new MemberRow(m.Id, m.Name, m.Gender, m.BirthYear, s.Name, m.WorkUnit, m.Title, m.Position, m.Mobile, m.DutyCode, m.IsActive);

    public async Task<MemberFormOptions> OptionsAsync(Guid committeeId, CancellationToken ct = default)
    {
        var sectors = await db.Sectors.AsNoTracking().Where(s => s.CommitteeId == committeeId).OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new Option(s.Id, s.Name)).ToListAsync(ct);
        var specials = await db.SpecialCommittees.AsNoTracking().Where(s => s.CommitteeId == committeeId).OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new Option(s.Id, s.Name)).ToListAsync(ct);
        var groups = await db.MemberGroups.AsNoTracking().Where(g => g.CommitteeId == committeeId).OrderBy(g => g.Kind).ThenBy(g => g.Name)
            .Select(g => new Option(g.Id, g.Name)).ToListAsync(ct);
        var terms = await db.Terms.AsNoTracking().Where(t => t.CommitteeId == committeeId).OrderByDescending(t => t.Number)
            .Select(t => new Option(t.Id, t.Name)).ToListAsync(ct);
        return new MemberFormOptions(sectors, specials, groups, terms);
    }

    /// <summary>A blank form for the actor's committee, set to its latest term.</summary>
    public async Task<(MemberInput Input, MemberFormOptions Options)> NewAsync(CancellationToken ct = default)
    {
        var committeeId = OwnCommitteeId;
        OrganizationPermissions.EnsureCanManage(Actor, committeeId);
        var options = await OptionsAsync(committeeId, ct);
        return (new MemberInput { TermId = options.Terms.FirstOrDefault()?.Id }, options);
    }

    public async Task<(MemberInput Input, MemberFormOptions Options)> EditAsync(Guid id, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().Include(m => m.SpecialCommittees).Include(m => m.Groups)
            .SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("委员");
        OrganizationPermissions.EnsureCanManage(Actor, member.CommitteeId);
        var input = new MemberInput
        {
            Name = member.Name,
            Gender = member.Gender,
            BirthYear = member.BirthYear,
            Ethnicity = member.Ethnicity,
            Party = member.Party,
            SectorId = member.SectorId,
            WorkUnit = member.WorkUnit,
            Title = member.Title,
            Position = member.Position,
            Mobile = member.Mobile,
            Email = member.Email,
            Tags = member.Tags,
            TermId = member.TermId,
            IsActive = member.IsActive,
            SpecialCommitteeIds = [.. member.SpecialCommittees.Select(s => s.SpecialCommitteeId)],
            GroupIds = [.. member.Groups.Select(g => g.GroupId)],
            Version = member.Version,
        };
        return (input, await OptionsAsync(member.CommitteeId, ct));
    }

    public async Task<Guid> CreateAsync(MemberInput input, CancellationToken ct = default)
    {
        var committeeId = OwnCommitteeId;
        OrganizationPermissions.EnsureCanManage(Actor, committeeId);
        await ValidateAsync(input, committeeId, null, ct);
        var committeeCode = await db.Committees.Where(c => c.Id == committeeId).Select(c => c.Code).SingleAsync(ct);
        var member = new Member { CommitteeId = committeeId, DutyCode = (await MemberRules.NewDutyCodesAsync(db, committeeCode, 1, ct))[0] };
        Apply(member, input);
        db.Members.Add(member);
        db.Raise(new MemberCreated(member.Id, committeeId));
        await db.SaveChangesAsync(ct);
        return member.Id;
    }

    public async Task UpdateAsync(Guid id, MemberInput input, CancellationToken ct = default)
    {
        var member = await db.Members.Include(m => m.SpecialCommittees).Include(m => m.Groups)
            .SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("委员");
        OrganizationPermissions.EnsureCanManage(Actor, member.CommitteeId);
        if (member.Version != input.Version)
        {
            throw new ConflictException();
        }

        await ValidateAsync(input, member.CommitteeId, member.Id, ct);
        var entry = db.Entry(member);
        entry.Property(m => m.Version).OriginalValue = input.Version;
        var membershipChanged = Apply(member, input);
        db.ChangeTracker.DetectChanges();
        var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        if (membershipChanged)
        {
            changed.Add("Memberships");
            // A membership change alone touches only the join rows; bumping the version keeps it under concurrency control.
            entry.Property(m => m.Version).IsModified = true;
        }

        if (changed.Count == 0)
        {
            return;
        }

        db.Raise(new MemberProfileChanged(member.Id, member.CommitteeId, changed));
        await SaveAsync(ct);
    }

    public async Task<MemberDetails> DetailsAsync(Guid id, CancellationToken ct = default)
    {
        var details = await (
            from m in db.Members.AsNoTracking()
            where m.Id == id
            join s in db.Sectors on m.SectorId equals s.Id into sectors
            from s in sectors.DefaultIfEmpty()
            join t in db.Terms on m.TermId equals t.Id into terms
            from t in terms.DefaultIfEmpty()
            select new MemberDetails(
                m.Id, m.CommitteeId, m.Name, m.Gender, m.BirthYear, m.Ethnicity, m.Party, s.Name, m.WorkUnit, m.Title, m.Position,
                m.Mobile, m.Email, m.Tags, m.DutyCode, t.Name, m.IsActive,
                Array.Empty<string>(),
                Array.Empty<string>(),
                false)).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("委员");
        OrganizationPermissions.EnsureCanRead(Actor, details.CommitteeId);
        var specials = await (from x in db.Set<MemberSpecialCommittee>()
                              join c in db.SpecialCommittees on x.SpecialCommitteeId equals c.Id
                              where x.MemberId == id
                              orderby c.SortOrder
                              select c.Name).ToListAsync(ct);
        var groups = await (from x in db.Set<MemberGroupMembership>()
                            join g in db.MemberGroups on x.GroupId equals g.Id
                            where x.MemberId == id
                            orderby g.Name
                            select g.Name).ToListAsync(ct);

        // PIPL Art. 28: party and ethnicity are sensitive; every read of them is on the audit trail.
        db.Audit("查看敏感信息", "Member", id.ToString(), "成功", "政治面貌");
        await db.SaveChangesAsync(ct);
        var canManage = OrganizationPermissions.CanManage(Actor, details.CommitteeId);
        return details with
        {
            SpecialCommittees = specials,
            Groups = groups,
            CanManage = canManage,
            Mobile = canManage ? details.Mobile : MemberRules.MaskMobile(details.Mobile),
        };
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

    private async Task ValidateAsync(MemberInput input, Guid committeeId, Guid? memberId, CancellationToken ct)
    {
        input.Name = input.Name.Trim();
        input.Ethnicity = string.IsNullOrWhiteSpace(input.Ethnicity) ? "汉族" : input.Ethnicity.Trim();
        input.Party = input.Party.Trim();
        input.WorkUnit = input.WorkUnit.Trim();
        input.Title = input.Title.Trim();
        input.Mobile = input.Mobile.Trim();
        input.Email = input.Email.Trim();
        input.Tags = MemberRules.NormalizeTags(input.Tags);
        input.SpecialCommitteeIds = [.. input.SpecialCommitteeIds.Distinct()];
        input.GroupIds = [.. input.GroupIds.Distinct()];

        var v = new Validation()
            .NotBlank(input.Name, nameof(MemberInput.Name), "姓名")
            .MaxLength(input.Name, MemberRules.MaxNameLength, nameof(MemberInput.Name), "姓名")
            .Require(Enum.IsDefined(input.Gender), nameof(MemberInput.Gender), "请选择性别。")
            .Require(input.BirthYear is not null, nameof(MemberInput.BirthYear), "出生年份不能为空。")
            .Require(input.BirthYear is null || MemberRules.IsValidBirthYear(input.BirthYear.Value, time), nameof(MemberInput.BirthYear), MemberRules.BirthYearMessage(time))
            .MaxLength(input.Ethnicity, 20, nameof(MemberInput.Ethnicity), "民族")
            .Require(input.Party.Length == 0 || MemberRules.IsValidParty(input.Party), nameof(MemberInput.Party), $"政治面貌应为：{string.Join("、", MemberRules.Parties)}。")
            .Require(input.SectorId is not null, nameof(MemberInput.SectorId), "请选择界别。")
            .MaxLength(input.WorkUnit, MemberRules.MaxTextLength, nameof(MemberInput.WorkUnit), "工作单位")
            .MaxLength(input.Title, MemberRules.MaxTextLength, nameof(MemberInput.Title), "职务")
            .Require(Enum.IsDefined(input.Position), nameof(MemberInput.Position), "请选择政协职务。")
            .Require(input.Mobile.Length == 0 || MemberRules.IsValidMobile(input.Mobile), nameof(MemberInput.Mobile), "手机号码应为以1开头的11位数字。")
            .Require(input.Email.Length == 0 || MemberRules.IsValidEmail(input.Email), nameof(MemberInput.Email), "电子邮箱格式不正确。");
        if (MemberRules.TagsProblem(input.Tags) is { } tagProblem)
        {
            v.Require(false, nameof(MemberInput.Tags), tagProblem);
        }

        // Every reference must be a record of the member's own committee, not just any id.
        if (input.SectorId is { } sectorId)
        {
            v.Require(await db.Sectors.AnyAsync(s => s.Id == sectorId && s.CommitteeId == committeeId, ct), nameof(MemberInput.SectorId), "所选界别不存在。");
        }

        if (input.TermId is { } termId)
        {
            v.Require(await db.Terms.AnyAsync(t => t.Id == termId && t.CommitteeId == committeeId, ct), nameof(MemberInput.TermId), "所选届别不存在。");
        }

        var specials = await db.SpecialCommittees.CountAsync(s => input.SpecialCommitteeIds.Contains(s.Id) && s.CommitteeId == committeeId, ct);
        v.Require(specials == input.SpecialCommitteeIds.Count, nameof(MemberInput.SpecialCommitteeIds), "所选专门委员会不存在。");
        var groups = await db.MemberGroups.CountAsync(g => input.GroupIds.Contains(g.Id) && g.CommitteeId == committeeId, ct);
        v.Require(groups == input.GroupIds.Count, nameof(MemberInput.GroupIds), "所选小组不存在。");

        if (input.BirthYear is { } year && input.Name.Length > 0)
        {
            var duplicate = await db.Members.AnyAsync(m => m.CommitteeId == committeeId && m.Name == input.Name && m.BirthYear == year && m.Id != memberId, ct);
            v.Require(!duplicate, nameof(MemberInput.Name), $"名册中已有{year}年出生的“{input.Name}”。");
        }

        v.ThrowIfInvalid();
    }

    /// <summary>Copies the form onto the member; answers whether the special committees or groups changed.</summary>
    private static bool Apply(Member member, MemberInput input)
    {
        member.Name = input.Name;
        member.Gender = input.Gender;
        member.BirthYear = input.BirthYear!.Value;
        member.Ethnicity = input.Ethnicity;
        member.Party = input.Party;
        member.SectorId = input.SectorId;
        member.WorkUnit = input.WorkUnit;
        member.Title = input.Title;
        member.Position = input.Position;
        member.Mobile = input.Mobile;
        member.Email = input.Email;
        member.Tags = input.Tags;
        member.TermId = input.TermId;
        member.IsActive = input.IsActive;

        var specialsBefore = member.SpecialCommittees.Select(s => s.SpecialCommitteeId).ToHashSet();
        var groupsBefore = member.Groups.Select(g => g.GroupId).ToHashSet();
        member.SpecialCommittees.RemoveAll(s => !input.SpecialCommitteeIds.Contains(s.SpecialCommitteeId));
        member.SpecialCommittees.AddRange(input.SpecialCommitteeIds.Where(id => !specialsBefore.Contains(id))
            .Select(id => new MemberSpecialCommittee { MemberId = member.Id, SpecialCommitteeId = id }));
        member.Groups.RemoveAll(g => !input.GroupIds.Contains(g.GroupId));
        member.Groups.AddRange(input.GroupIds.Where(id => !groupsBefore.Contains(id))
            .Select(id => new MemberGroupMembership { MemberId = member.Id, GroupId = id }));
        return !specialsBefore.SetEquals(input.SpecialCommitteeIds) || !groupsBefore.SetEquals(input.GroupIds);
    }
}
