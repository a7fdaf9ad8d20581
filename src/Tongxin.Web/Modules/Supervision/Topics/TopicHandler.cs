using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Topics;

/// <summary>专项民主监督表单 – what staff enter for a topic.</summary>
public sealed class TopicInput
{
    public int Year { get; set; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public string? Departments { get; set; }

    public string? LeadLeader { get; set; }

    public Guid? SpecialCommitteeId { get; set; }

    public bool OpenForLinkage { get; set; }

    /// <summary>The version the form was loaded from (edit only).</summary>
    public int Version { get; set; }
}

/// <summary>One line of the topic list.</summary>
public sealed record TopicRow(
    Guid Id, int Year, string Title, string LeadLeader, SupervisionTopicStatus Status, bool OpenForLinkage, Guid? ParentTopicId,
    int Groups, int Joined);

/// <summary>A topic's page header.</summary>
public sealed record TopicDetail(
    Guid Id, Guid CommitteeId, string CommitteeName, int Year, string Title, string Description, string Departments, string LeadLeader,
    string? SpecialCommittee, SupervisionTopicStatus Status, bool OpenForLinkage, Guid? ParentTopicId, DateTime CreatedAt, int Version);

/// <summary>An upper committee's topic open for 三级联动, and this committee's own topic if it joined.</summary>
public sealed record LinkableTopic(Guid Id, string CommitteeName, int Year, string Title, string LeadLeader, SupervisionTopicStatus Status, Guid? JoinedTopicId);

/// <summary>The upper topic a joined topic points to (another committee's row, shown by name only).</summary>
public sealed record ParentTopic(Guid Id, string CommitteeName, int Year, string Title);

/// <summary>A choice in the form's drop-down.</summary>
public sealed record TopicOption(Guid Id, string Name);

/// <summary>专项民主监督 – staff of a committee keep its annual topics (筹备中 → 进行中 → 已结束), offer them to
/// lower committees (<see cref="SupervisionTopic.OpenForLinkage"/>), and join the open topics of their
/// upper committees with a topic of their own (三级联动). DESIGN.md "Who may do what": staff with
/// <c>supervision</c> of the committee.</summary>
public sealed class TopicHandler(TongxinDbContext db, SupervisionAccess access, IActorAccessor actors, TimeProvider time)
{
    public const int PageSize = 20;

    /// <summary>Upper committees are at most province → city → county (→ a few more in odd set-ups);
    /// the walk stops here so a cycle in bad data cannot loop.</summary>
    private const int MaxLevels = 8;

    private Actor Actor => actors.Actor;

    /// <summary>The committee's own topics, newest year first, optionally of one year.</summary>
    public Task<PagedList<TopicRow>> ListAsync(int? year, int page, CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        var q = db.SupervisionTopics.AsNoTracking().Where(t => t.CommitteeId == committeeId);
        if (year is { } y)
        {
            q = q.Where(t => t.Year == y);
        }

        return q.OrderByDescending(t => t.Year).ThenByDescending(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new TopicRow(t.Id, t.Year, t.Title, t.LeadLeader, t.Status, t.OpenForLinkage, t.ParentTopicId,
                db.SupervisorGroups.Count(g => g.TopicId == t.Id),
                db.SupervisionTopics.Count(c => c.ParentTopicId == t.Id)))
            .ToPagedListAsync(page, PageSize, ct);
    }

    /// <summary>The years the committee has topics in (for the filter), with this year always offered.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        var years = await db.SupervisionTopics.AsNoTracking().Where(t => t.CommitteeId == committeeId)
            .Select(t => t.Year).Distinct().ToListAsync(ct);
        years.Add(BeijingTime.Today(time).Year);
        return [.. years.Distinct().OrderDescending()];
    }

    /// <summary>A topic of the committee or of a subordinate one it reads (the tenancy filter decides).</summary>
    public async Task<TopicDetail> DetailAsync(Guid id, CancellationToken ct = default)
    {
        access.RequireStaff();
        return await db.SupervisionTopics.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TopicDetail(t.Id, t.CommitteeId,
                db.Committees.Where(c => c.Id == t.CommitteeId).Select(c => c.Name).FirstOrDefault() ?? "",
                t.Year, t.Title, t.Description, t.Departments, t.LeadLeader,
                db.SpecialCommittees.Where(s => s.Id == t.SpecialCommitteeId).Select(s => s.Name).FirstOrDefault(),
                t.Status, t.OpenForLinkage, t.ParentTopicId, t.CreatedAt, t.Version))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("专项监督");
    }

    /// <summary>The upper topic a joined topic points to. It belongs to an upper committee, which the
    /// tenancy filter hides from the lower one, so it is read past the filter – only title, year and
    /// committee, and only when it is an ancestor's topic.</summary>
    public async Task<ParentTopic?> ParentAsync(Guid? parentTopicId, CancellationToken ct = default)
    {
        if (parentTopicId is not { } id)
        {
            return null;
        }

        access.RequireStaff();
        var ancestors = await AncestorsAsync(ct);
        var visible = ancestors.Append(Actor.CommitteeId ?? Guid.Empty).ToList();
        return await db.SupervisionTopics.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Id == id && (visible.Contains(t.CommitteeId) || Actor.ReadableCommitteeIds.Contains(t.CommitteeId)))
            .Select(t => new ParentTopic(t.Id, db.Committees.Where(c => c.Id == t.CommitteeId).Select(c => c.Name).FirstOrDefault() ?? "", t.Year, t.Title))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<TopicInput> GetInputAsync(Guid id, CancellationToken ct = default)
    {
        var t = await LoadForChangeAsync(id, ct);
        return new TopicInput
        {
            Year = t.Year,
            Title = t.Title,
            Description = t.Description,
            Departments = t.Departments,
            LeadLeader = t.LeadLeader,
            SpecialCommitteeId = t.SpecialCommitteeId,
            OpenForLinkage = t.OpenForLinkage,
            Version = t.Version,
        };
    }

    public TopicInput NewInput() => new() { Year = BeijingTime.Today(time).Year };

    /// <summary>The committee's special committees (牵头专委会).</summary>
    public async Task<IReadOnlyList<TopicOption>> SpecialCommitteesAsync(CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        return await db.SpecialCommittees.AsNoTracking().Where(s => s.CommitteeId == committeeId).OrderBy(s => s.Name)
            .Select(s => new TopicOption(s.Id, s.Name)).ToListAsync(ct);
    }

    /// <summary>Creates a topic in 筹备中.</summary>
    public async Task<Guid> CreateAsync(TopicInput input, CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        var topic = new SupervisionTopic { CommitteeId = committeeId, Status = SupervisionTopicStatus.Draft, CreatedAt = time.GetUtcNow().UtcDateTime };
        await ApplyAsync(topic, input, ct);
        db.SupervisionTopics.Add(topic);
        await SaveAsync(ct);
        return topic.Id;
    }

    public async Task UpdateAsync(Guid id, TopicInput input, CancellationToken ct = default)
    {
        var topic = await LoadForChangeAsync(id, ct);
        if (topic.Status == SupervisionTopicStatus.Concluded)
        {
            throw new ConflictException("专项监督已结束，不能再修改。");
        }

        db.Entry(topic).Property(t => t.Version).OriginalValue = input.Version;
        await ApplyAsync(topic, input, ct);
        await SaveAsync(ct);
    }

    /// <summary>筹备中 → 进行中 → 已结束, one step forward at a time, at the version the page showed.</summary>
    public async Task MoveAsync(Guid id, SupervisionTopicStatus to, int version, CancellationToken ct = default)
    {
        var topic = await LoadForChangeAsync(id, ct);
        var allowed = (topic.Status, to) is (SupervisionTopicStatus.Draft, SupervisionTopicStatus.Active)
            or (SupervisionTopicStatus.Active, SupervisionTopicStatus.Concluded);
        if (!allowed)
        {
            throw new ConflictException($"专项监督{topic.Status.DisplayName()}，不能改为{to.DisplayName()}。");
        }

        db.Entry(topic).Property(t => t.Version).OriginalValue = version;
        topic.Status = to;
        // A concluded topic is no longer offered to lower committees.
        topic.OpenForLinkage = to != SupervisionTopicStatus.Concluded && topic.OpenForLinkage;
        await SaveAsync(ct);
    }

    /// <summary>三级联动: the open, not concluded topics of every upper committee, newest first, with the
    /// topic this committee joined each with (if any).</summary>
    public async Task<IReadOnlyList<LinkableTopic>> LinkableAsync(CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        var ancestors = await AncestorsAsync(ct);
        if (ancestors.Count == 0)
        {
            return [];
        }

        return await db.SupervisionTopics.IgnoreQueryFilters().AsNoTracking()
            .Where(t => ancestors.Contains(t.CommitteeId) && t.OpenForLinkage && t.Status != SupervisionTopicStatus.Concluded)
            .OrderByDescending(t => t.Year).ThenByDescending(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new LinkableTopic(t.Id, db.Committees.Where(c => c.Id == t.CommitteeId).Select(c => c.Name).FirstOrDefault() ?? "",
                t.Year, t.Title, t.LeadLeader, t.Status,
                db.SupervisionTopics.Where(o => o.CommitteeId == committeeId && o.ParentTopicId == t.Id).Select(o => (Guid?)o.Id).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>加入上级专项监督 – creates this committee's own topic (筹备中) of the same year and title,
    /// pointing up at the upper one; staff then complete it. A committee joins a topic once.</summary>
    public async Task<Guid> JoinAsync(Guid upperTopicId, CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        var ancestors = await AncestorsAsync(ct);
        var upper = await db.SupervisionTopics.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Id == upperTopicId && ancestors.Contains(t.CommitteeId))
            .Select(t => new { t.Title, t.Year, t.Description, t.Departments, t.OpenForLinkage, t.Status })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("上级专项监督");
        if (!upper.OpenForLinkage || upper.Status == SupervisionTopicStatus.Concluded)
        {
            throw new ConflictException("该专项监督未开放联动或已结束，不能加入。");
        }

        if (await db.SupervisionTopics.AnyAsync(t => t.CommitteeId == committeeId && t.ParentTopicId == upperTopicId, ct))
        {
            throw new ConflictException("本级政协已加入该专项监督。");
        }

        var topic = new SupervisionTopic
        {
            CommitteeId = committeeId,
            Year = upper.Year,
            Title = upper.Title,
            Description = upper.Description,
            Departments = upper.Departments,
            Status = SupervisionTopicStatus.Draft,
            ParentTopicId = upperTopicId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.SupervisionTopics.Add(topic);
        db.Audit("加入上级专项监督", nameof(SupervisionTopic), topic.Id.ToString(), "成功", $"上级专项监督：{upper.Title}（{upperTopicId}）");
        await SaveAsync(ct);
        return topic.Id;
    }

    /// <summary>The committee's topics for a drop-down (groups pick theirs), newest year first.</summary>
    public async Task<IReadOnlyList<TopicOption>> OptionsAsync(CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        return await db.SupervisionTopics.AsNoTracking().Where(t => t.CommitteeId == committeeId)
            .OrderByDescending(t => t.Year).ThenBy(t => t.Title)
            .Select(t => new TopicOption(t.Id, t.Year.ToString() + "年 " + t.Title)).ToListAsync(ct);
    }

    private async Task ApplyAsync(SupervisionTopic t, TopicInput input, CancellationToken ct)
    {
        var thisYear = BeijingTime.Today(time).Year;
        var v = new Validation()
            .Require(input.Year >= 2000 && input.Year <= thisYear + 1, nameof(input.Year), $"年度须在 2000 到 {thisYear + 1} 之间。")
            .NotBlank(input.Title, nameof(input.Title), "监督题目")
            .MaxLength(input.Title?.Trim(), 100, nameof(input.Title), "监督题目")
            .MaxLength(input.Description?.Trim(), 4000, nameof(input.Description), "监督内容与目标")
            .MaxLength(input.Departments?.Trim(), 500, nameof(input.Departments), "监督对象")
            .MaxLength(input.LeadLeader?.Trim(), 50, nameof(input.LeadLeader), "牵头领导");
        if (input.SpecialCommitteeId is { } sc)
        {
            v.Require(await db.SpecialCommittees.AnyAsync(s => s.Id == sc && s.CommitteeId == t.CommitteeId, ct),
                nameof(input.SpecialCommitteeId), "所选专委会不属于本级政协。");
        }

        // Only a committee with lower committees has anyone to offer the topic to.
        v.Require(!input.OpenForLinkage || await HasLowerLevelAsync(ct), nameof(input.OpenForLinkage), "本级政协没有下级政协，不能开放联动。");
        v.ThrowIfInvalid();
        t.Year = input.Year;
        t.Title = input.Title!.Trim();
        t.Description = input.Description?.Trim() ?? "";
        t.Departments = input.Departments?.Trim() ?? "";
        t.LeadLeader = input.LeadLeader?.Trim() ?? "";
        t.SpecialCommitteeId = input.SpecialCommitteeId;
        t.OpenForLinkage = input.OpenForLinkage && t.Status != SupervisionTopicStatus.Concluded;
    }

    private Task<bool> HasLowerLevelAsync(CancellationToken ct)
    {
        var committeeId = Actor.CommitteeId;
        return db.Committees.AnyAsync(c => c.ParentId == committeeId, ct);
    }

    /// <summary>The committee's parent, grandparent, … (the committee table is not tenant-filtered).</summary>
    private async Task<List<Guid>> AncestorsAsync(CancellationToken ct)
    {
        var result = new List<Guid>();
        var current = Actor.CommitteeId;
        for (var i = 0; i < MaxLevels && current is { } id; i++)
        {
            current = await db.Committees.AsNoTracking().Where(c => c.Id == id).Select(c => c.ParentId).FirstOrDefaultAsync(ct);
            if (current is { } parent && !result.Contains(parent))
            {
                result.Add(parent);
            }
        }

        return result;
    }

    private async Task<SupervisionTopic> LoadForChangeAsync(Guid id, CancellationToken ct)
    {
        access.RequireStaff();
        var topic = await db.SupervisionTopics.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("专项监督");
        access.RequireStaffOf(topic.CommitteeId);
        return topic;
    }

    private Guid OwnCommittee()
    {
        access.RequireStaff();
        return Actor.CommitteeId ?? throw new ForbiddenException("账号未归属任何政协组织。");
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该专项监督刚刚已被他人修改，请刷新后重试。");
        }
    }
}
