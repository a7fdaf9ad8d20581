using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Topics;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Plan;

/// <summary>选题表单 – a topic as staff record it (党政点题/政协报题) or a member suggests it (委员荐题).</summary>
public sealed class TopicInput
{
    [Display(Name = "年度")]
    public int Year { get; set; }

    [Display(Name = "选题")]
    public string Title { get; set; } = "";

    [Display(Name = "选题说明")]
    public string Description { get; set; } = "";

    [Display(Name = "来源")]
    public TopicSource Source { get; set; } = TopicSource.PartyGovernment;

    [Display(Name = "提出者")]
    public string ProposedBy { get; set; } = "";

    [Display(Name = "党政所需")]
    public string NeedNote { get; set; } = "";

    [Display(Name = "群众所盼")]
    public string WishNote { get; set; } = "";

    [Display(Name = "政协所能")]
    public string AbilityNote { get; set; } = "";

    public int Version { get; set; }

    public static TopicInput From(ConsultationTopic t) => new()
    {
        Year = t.Year,
        Title = t.Title,
        Description = t.Description,
        Source = t.Source,
        ProposedBy = t.ProposedBy,
        NeedNote = t.NeedNote,
        WishNote = t.WishNote,
        AbilityNote = t.AbilityNote,
        Version = t.Version,
    };
}

/// <summary>选题库查询条件.</summary>
public sealed record TopicPoolFilter(int Year, TopicSource? Source = null, TopicStatus? Status = null, string? Q = null);

/// <summary>One topic of the pool list; <see cref="SupportCount"/> is the public suggestion's current count for 公开征题.</summary>
public sealed record TopicPoolRow(
    Guid Id, int Year, string Title, string Description, TopicSource Source, string ProposedBy, int SupportCount,
    string NeedNote, string WishNote, string AbilityNote, TopicStatus Status, DateTime CreatedAt, int Version);

/// <summary>A member's own suggested topic.</summary>
public sealed record MyTopicRow(Guid Id, int Year, string Title, TopicStatus Status, DateTime CreatedAt);

/// <summary>选题库 – a year's consultation topics from four sources. Consultation staff record
/// 党政点题 and 政协报题, edit, drop and restore topics, and take public 码上征题 suggestions in
/// (once each); members suggest topics (委员荐题). Plan items mark topics as planned (<see cref="PlanHandler"/>).</summary>
public sealed class TopicPoolHandler(TongxinDbContext db, ConsultationAccess access, IActorAccessor actors, TopicSuggestionQuery publicTopics, TimeProvider time)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string TakenTwiceMessage = "该征题已纳入选题库，不能重复纳入。";

    private static readonly string[] Headers = ["年度", "选题", "选题说明", "来源", "提出者", "附议数", "党政所需", "群众所盼", "政协所能", "状态", "录入时间"];
    private static readonly double[] Widths = [8, 36, 50, 10, 16, 8, 30, 30, 30, 10, 17];

    private Actor Actor => actors.Actor;

    public int ThisYear => BeijingTime.Today(time).Year;

    /// <summary>For forms that show nothing before their first save: 403 at once for anyone else.</summary>
    public void RequireStaff() => RequireStaffCommittee();

    /// <summary>One page of the pool.</summary>
    public Task<PagedList<TopicPoolRow>> ListAsync(TopicPoolFilter filter, int page, CancellationToken ct = default) =>
        Rows(filter).ToPagedListAsync(page, Paging.DefaultPageSize, ct);

    /// <summary>The pool topics still free to be planned (待遴选), for the plan item form.</summary>
    public async Task<IReadOnlyList<TopicPoolRow>> AvailableAsync(int year, CancellationToken ct = default) =>
        await Rows(new TopicPoolFilter(year, Status: TopicStatus.Pool)).Take(Paging.MaxPageSize).ToListAsync(ct);

    public async Task<(ConsultationTopic Topic, TopicInput Input)> GetAsync(Guid id, CancellationToken ct = default)
    {
        var t = await LoadForStaffAsync(id, ct);
        return (t, TopicInput.From(t));
    }

    /// <summary>录入党政点题或政协报题.</summary>
    public async Task<Guid> CreateAsync(TopicInput input, CancellationToken ct = default)
    {
        var committeeId = RequireStaffCommittee();
        var v = Validate(input);
        v.Require(input.Source is TopicSource.PartyGovernment or TopicSource.Committee, nameof(input.Source),
            "工作人员只能录入党政点题或政协报题；委员荐题由委员在“我要荐题”提交，公开征题从码上征题纳入。");
        v.NotBlank(input.ProposedBy, nameof(input.ProposedBy), "提出者");
        v.ThrowIfInvalid();
        var topic = new ConsultationTopic
        {
            CommitteeId = committeeId,
            Source = input.Source,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Apply(topic, input);
        topic.ProposedBy = input.ProposedBy.Trim();
        db.ConsultationTopics.Add(topic);
        await db.SaveConsultationAsync(ct);
        return topic.Id;
    }

    /// <summary>修改选题 (any source; the source and the proposer of 委员荐题/公开征题 stay).</summary>
    public async Task UpdateAsync(Guid id, TopicInput input, CancellationToken ct = default)
    {
        var topic = await LoadForStaffAsync(id, ct);
        db.ExpectVersion(topic, input.Version);
        var v = Validate(input);
        var ownSource = topic.Source is TopicSource.PartyGovernment or TopicSource.Committee;
        if (ownSource)
        {
            v.Require(input.Source is TopicSource.PartyGovernment or TopicSource.Committee, nameof(input.Source), "党政点题和政协报题之间可以互改，不能改为其他来源。");
            v.NotBlank(input.ProposedBy, nameof(input.ProposedBy), "提出者");
        }

        v.Require(topic.Status != TopicStatus.Planned || input.Year == topic.Year, nameof(input.Year), "已列入计划的选题不能改年度。");
        v.ThrowIfInvalid();
        Apply(topic, input);
        if (ownSource)
        {
            topic.Source = input.Source;
            topic.ProposedBy = input.ProposedBy.Trim();
        }

        await db.SaveConsultationAsync(ct);
    }

    /// <summary>未采用 – a pool topic is set aside (it can be restored).</summary>
    public async Task DropAsync(Guid id, int version, CancellationToken ct = default)
    {
        var topic = await LoadForStaffAsync(id, ct);
        db.ExpectVersion(topic, version);
        if (topic.Status != TopicStatus.Pool)
        {
            throw new ConflictException(topic.Status == TopicStatus.Planned
                ? "该选题已列入计划，请先从计划中移除再设为未采用。"
                : "该选题已是未采用状态。");
        }

        topic.Status = TopicStatus.Dropped;
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>恢复 – a dropped topic goes back to the pool.</summary>
    public async Task RestoreAsync(Guid id, int version, CancellationToken ct = default)
    {
        var topic = await LoadForStaffAsync(id, ct);
        db.ExpectVersion(topic, version);
        if (topic.Status != TopicStatus.Dropped)
        {
            throw new ConflictException("只有未采用的选题可以恢复。");
        }

        topic.Status = TopicStatus.Pool;
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>委员荐题 – a member suggests a topic; it lands in the pool under their name.</summary>
    public async Task<Guid> SuggestAsync(TopicInput input, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException("只有委员可以执行此操作。");
        var v = Validate(input);
        v.Require(input.Year >= ThisYear, nameof(input.Year), "只能为今年或以后的年度荐题。");
        v.ThrowIfInvalid();
        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? Actor.UserName;
        var topic = new ConsultationTopic
        {
            CommitteeId = committeeId,
            Source = TopicSource.Member,
            ProposerMemberId = memberId,
            ProposedBy = $"{name}委员",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Apply(topic, input);
        db.ConsultationTopics.Add(topic);
        await db.SaveConsultationAsync(ct);
        return topic.Id;
    }

    /// <summary>The member's own suggestions, newest first.</summary>
    public Task<PagedList<MyTopicRow>> MineAsync(int page, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        return db.ConsultationTopics.AsNoTracking().Where(t => t.ProposerMemberId == memberId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new MyTopicRow(t.Id, t.Year, t.Title, t.Status, t.CreatedAt))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    /// <summary>码上征题 of a year, most supported first, with whether each was taken in.</summary>
    public Task<PagedList<PublishedTopic>> PublicSuggestionsAsync(int year, int page, CancellationToken ct = default) =>
        publicTopics.ListAsync(RequireStaffCommittee(), year, TopicSort.Support, page, Paging.DefaultPageSize, ct);

    /// <summary>纳入选题库 – a published 码上征题 suggestion becomes a 公开征题 topic and is marked
    /// <see cref="TopicSuggestionStatus.TakenIntoPool"/> in the same save; only once.</summary>
    public async Task<Guid> TakePublicAsync(Guid suggestionId, CancellationToken ct = default)
    {
        var committeeId = RequireStaffCommittee();
        var s = await db.TopicSuggestions.FirstOrDefaultAsync(x => x.Id == suggestionId, ct) ?? throw new NotFoundException("征题建议");
        if (s.CommitteeId != committeeId)
        {
            throw new ForbiddenException("只能纳入本级政协的码上征题。");
        }

        if (s.Status == TopicSuggestionStatus.TakenIntoPool || await db.ConsultationTopics.AnyAsync(t => t.SuggestionId == s.Id, ct))
        {
            throw new ConflictException(TakenTwiceMessage);
        }

        if (s.Status != TopicSuggestionStatus.Published)
        {
            throw new ConflictException("只有已公开的征题可以纳入选题库。");
        }

        var topic = new ConsultationTopic
        {
            CommitteeId = committeeId,
            Year = s.Year,
            Title = s.Title.Length <= 100 ? s.Title : s.Title[..100],
            Description = s.Description,
            Source = TopicSource.Public,
            ProposedBy = "社会公众（码上征题）",
            SuggestionId = s.Id,
            SupportCount = s.SupportCount,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ConsultationTopics.Add(topic);
        s.Status = TopicSuggestionStatus.TakenIntoPool;
        try
        {
            await db.SaveConsultationAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two staff taking the same suggestion at once: the unique (committee, suggestion) index keeps one.
            throw new ConflictException(TakenTwiceMessage);
        }

        return topic.Id;
    }

    /// <summary>The filtered pool as .xlsx in a self-deleting temporary file, written row by row; audited.</summary>
    public async Task<Stream> ExportAsync(TopicPoolFilter filter, CancellationToken ct = default)
    {
        var query = Rows(filter);
        return await XlsxStreamWriter.ExportAsync(
            query.AsAsyncEnumerable(),
            "选题库",
            Widths,
            Headers,
            t => [t.Year, t.Title, t.Description, t.Source.DisplayName(), t.ProposedBy, t.SupportCount,
                t.NeedNote, t.WishNote, t.AbilityNote, t.Status.DisplayName(), BeijingTime.FromUtc(t.CreatedAt).ToString("yyyy-MM-dd HH:mm")],
            async count =>
            {
                db.Audit("导出选题库", nameof(ConsultationTopic), filter.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "成功", $"{count} 条");
                await db.SaveChangesAsync(ct);
            },
            ct);
    }

    private IQueryable<TopicPoolRow> Rows(TopicPoolFilter filter)
    {
        var committeeId = RequireStaffCommittee();
        var q = db.ConsultationTopics.AsNoTracking().Where(t => t.CommitteeId == committeeId && t.Year == filter.Year);
        if (filter.Source is { } source)
        {
            q = q.Where(t => t.Source == source);
        }

        if (filter.Status is { } status)
        {
            q = q.Where(t => t.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim();
            q = q.Where(t => t.Title.Contains(text) || t.Description.Contains(text) || t.ProposedBy.Contains(text));
        }

        // 公开征题 show the suggestion's current support count (people may still support it after it was taken in).
        return q.OrderBy(t => t.Status).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new TopicPoolRow(t.Id, t.Year, t.Title, t.Description, t.Source, t.ProposedBy,
                t.SuggestionId == null ? t.SupportCount : db.TopicSuggestions.Where(s => s.Id == t.SuggestionId).Select(s => s.SupportCount).FirstOrDefault(),
                t.NeedNote, t.WishNote, t.AbilityNote, t.Status, t.CreatedAt, t.Version));
    }

    private static Validation Validate(TopicInput input) =>
        new Validation()
            .Require(input.Year is >= 2000 and <= 2100, nameof(input.Year), "年度须在2000至2100之间。")
            .NotBlank(input.Title, nameof(input.Title), "选题")
            .MaxLength(input.Title?.Trim(), 100, nameof(input.Title), "选题")
            .MaxLength(input.Description, 2000, nameof(input.Description), "选题说明")
            .MaxLength(input.ProposedBy?.Trim(), 100, nameof(input.ProposedBy), "提出者")
            .MaxLength(input.NeedNote, 1000, nameof(input.NeedNote), "党政所需")
            .MaxLength(input.WishNote, 1000, nameof(input.WishNote), "群众所盼")
            .MaxLength(input.AbilityNote, 1000, nameof(input.AbilityNote), "政协所能");

    private static void Apply(ConsultationTopic topic, TopicInput input)
    {
        topic.Year = input.Year;
        topic.Title = input.Title.Trim();
        topic.Description = (input.Description ?? "").Trim();
        topic.NeedNote = (input.NeedNote ?? "").Trim();
        topic.WishNote = (input.WishNote ?? "").Trim();
        topic.AbilityNote = (input.AbilityNote ?? "").Trim();
    }

    private async Task<ConsultationTopic> LoadForStaffAsync(Guid id, CancellationToken ct)
    {
        var committeeId = RequireStaffCommittee();
        var t = await db.ConsultationTopics.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("选题");
        if (t.CommitteeId != committeeId)
        {
            throw new ForbiddenException("只能管理本级政协的选题。");
        }

        return t;
    }

    private Guid RequireStaffCommittee()
    {
        access.RequireStaff();
        return Actor.CommitteeId ?? throw new ForbiddenException();
    }
}
