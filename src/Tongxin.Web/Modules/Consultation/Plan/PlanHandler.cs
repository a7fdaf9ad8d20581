using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Plan;

/// <summary>计划事项表单 – from a pool topic (<see cref="TopicId"/>) or typed in.</summary>
public sealed class PlanItemInput
{
    [Display(Name = "选题")]
    public Guid? TopicId { get; set; }

    [Display(Name = "协商题目")]
    public string Title { get; set; } = "";

    [Display(Name = "协商形式")]
    public PlanFormat Format { get; set; } = PlanFormat.Other;

    [Display(Name = "活动类型")]
    public ActivityType ActivityType { get; set; } = ActivityType.Thematic;

    [Display(Name = "月份")]
    public int Month { get; set; }

    [Display(Name = "领办领导")]
    public string LeadLeader { get; set; } = "";

    [Display(Name = "承办单位")]
    public string Organizer { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>One plan in the list.</summary>
public sealed record PlanSummary(Guid Id, int Year, string Title, string Pattern, PlanStatus Status, int ItemCount, DateTime? PublishedAt);

/// <summary>One item of a plan.</summary>
public sealed record PlanItemRow(
    Guid Id, Guid? TopicId, TopicSource? TopicSource, string Title, PlanFormat Format, ActivityType ActivityType, int Month,
    string LeadLeader, string Organizer, int SortOrder, Guid? ActivityId, int Version);

/// <summary>A plan with its items (in format, month order) and the pattern check.</summary>
public sealed record PlanView(
    Guid Id, Guid CommitteeId, int Year, string Title, string Pattern, PlanStatus Status, string? ReviewNote,
    DateTime CreatedAt, DateTime? ChairReviewedAt, DateTime? ApprovedAt, DateTime? PublishedAt, int Version,
    IReadOnlyList<PlanItemRow> Items, IReadOnlyList<string> PatternWarnings);

/// <summary>One month of the calendar view.</summary>
public sealed record PlanMonth(int Month, IReadOnlyList<PlanItemRow> Items)
{
    /// <summary>"月月有协商": a month without any consultation is flagged.</summary>
    public bool Empty => Items.Count == 0;
}

/// <summary>One quarter of the calendar view.</summary>
public sealed record PlanQuarter(int Quarter, IReadOnlyList<PlanMonth> Months)
{
    /// <summary>"季季有重点": a quarter without a plenary, standing committee or chair meeting consultation is flagged.</summary>
    public bool HasKeyConsultation => Months.SelectMany(m => m.Items).Any(i => i.Format != PlanFormat.Other);
}

/// <summary>年度协商计划 – one plan per committee and year, built from the topic pool in the
/// committee's pattern; Draft → 主席会议审议 → 党委审定 → 发布, returned to Draft with a note from
/// either review; only a Draft is edited. Consultation staff of the committee do everything (they
/// record the meetings' decisions); members, leaders and staff of the committee read published plans.</summary>
public sealed class PlanHandler(TongxinDbContext db, ConsultationAccess access, ConsultationSettingsStore settings, IActorAccessor actors, TimeProvider time)
{
    public const string NotDraftMessage = "只有草拟中的计划可以修改；请先退回修改。";

    private Actor Actor => actors.Actor;

    /// <summary>The committee's plans, newest year first: staff see every state, others the published ones.</summary>
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken ct = default)
    {
        var committeeId = RequireReader();
        var q = db.ConsultationPlans.AsNoTracking().Where(p => p.CommitteeId == committeeId);
        if (!ConsultationAccess.IsConsultationStaff(Actor))
        {
            q = q.Where(p => p.Status == PlanStatus.Published);
        }

        return await q.OrderByDescending(p => p.Year)
            .Select(p => new PlanSummary(p.Id, p.Year, p.Title, p.Pattern, p.Status,
                db.ConsultationPlanItems.Count(i => i.PlanId == p.Id), p.PublishedAt))
            .Take(Paging.MaxPageSize)
            .ToListAsync(ct);
    }

    /// <summary>新建年度计划 (Draft) with the committee's current pattern.</summary>
    public async Task<Guid> CreateAsync(int year, string? title, CancellationToken ct = default)
    {
        var committeeId = RequireStaffCommittee();
        new Validation()
            .Require(year is >= 2000 and <= 2100, "Year", "年度须在2000至2100之间。")
            .MaxLength(title?.Trim(), 100, "Title", "计划名称")
            .ThrowIfInvalid();
        if (await db.ConsultationPlans.AnyAsync(p => p.CommitteeId == committeeId && p.Year == year, ct))
        {
            throw new ValidationFailedException("Year", $"{year}年度协商计划已存在，每年只有一份计划。");
        }

        var committeeName = await db.Committees.Where(c => c.Id == committeeId).Select(c => c.Name).FirstAsync(ct);
        var plan = new ConsultationPlan
        {
            CommitteeId = committeeId,
            Year = year,
            Title = string.IsNullOrWhiteSpace(title) ? $"{committeeName}{year}年度协商计划" : title.Trim(),
            Pattern = (await settings.GetAsync(committeeId, ct)).PlanPattern,
            Status = PlanStatus.Draft,
            CreatedAt = Now,
        };
        db.ConsultationPlans.Add(plan);
        try
        {
            await db.SaveConsultationAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ValidationFailedException("Year", $"{year}年度协商计划已存在，每年只有一份计划。");
        }

        return plan.Id;
    }

    /// <summary>A plan with items and pattern check, for anyone who may read it.</summary>
    public async Task<PlanView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var plan = await LoadForReadAsync(id, ct);
        var items = await Items(plan.Id).ToListAsync(ct);
        return new PlanView(plan.Id, plan.CommitteeId, plan.Year, plan.Title, plan.Pattern, plan.Status, plan.ReviewNote,
            plan.CreatedAt, plan.ChairReviewedAt, plan.ApprovedAt, plan.PublishedAt, plan.Version,
            items, PlanPattern.Check(plan.Pattern, items.Select(i => i.Format)));
    }

    /// <summary>The twelve months of a plan in quarters.</summary>
    public async Task<(PlanView Plan, IReadOnlyList<PlanQuarter> Quarters)> CalendarAsync(Guid id, CancellationToken ct = default)
    {
        var plan = await GetAsync(id, ct);
        var months = Enumerable.Range(1, 12).Select(m => new PlanMonth(m, [.. plan.Items.Where(i => i.Month == m)])).ToList();
        var quarters = Enumerable.Range(1, 4).Select(q => new PlanQuarter(q, months.Skip((q - 1) * 3).Take(3).ToList())).ToList();
        return (plan, quarters);
    }

    /// <summary>One item for its edit form.</summary>
    public async Task<(PlanView Plan, PlanItemInput Input)> GetItemAsync(Guid itemId, CancellationToken ct = default)
    {
        RequireStaffCommittee();
        var item = await db.ConsultationPlanItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException("计划事项");
        var plan = await GetAsync(item.PlanId, ct);
        return (plan, new PlanItemInput
        {
            TopicId = item.TopicId,
            Title = item.Title,
            Format = item.Format,
            ActivityType = item.ActivityType,
            Month = item.Month,
            LeadLeader = item.LeadLeader,
            Organizer = item.Organizer,
            Version = item.Version,
        });
    }

    /// <summary>添加计划事项: choosing a pool topic marks it 已列入计划.</summary>
    public async Task<Guid> AddItemAsync(Guid planId, PlanItemInput input, CancellationToken ct = default)
    {
        var plan = await LoadDraftAsync(planId, ct);
        ConsultationTopic? topic = null;
        if (input.TopicId is { } topicId)
        {
            topic = await db.ConsultationTopics.FirstOrDefaultAsync(t => t.Id == topicId && t.CommitteeId == plan.CommitteeId, ct)
                ?? throw new ValidationFailedException(nameof(input.TopicId), "所选选题不存在。");
            if (topic.Status != TopicStatus.Pool)
            {
                throw new ValidationFailedException(nameof(input.TopicId), topic.Status == TopicStatus.Planned ? "该选题已列入计划。" : "该选题为未采用状态，请先在选题库中恢复。");
            }

            if (string.IsNullOrWhiteSpace(input.Title))
            {
                input.Title = topic.Title;
            }
        }

        Validate(input).ThrowIfInvalid();
        var last = await db.ConsultationPlanItems.Where(i => i.PlanId == plan.Id).MaxAsync(i => (int?)i.SortOrder, ct) ?? 0;
        var item = new ConsultationPlanItem { CommitteeId = plan.CommitteeId, PlanId = plan.Id, TopicId = topic?.Id, SortOrder = last + 1 };
        Apply(item, input);
        db.ConsultationPlanItems.Add(item);
        if (topic is not null)
        {
            topic.Status = TopicStatus.Planned;
        }

        await db.SaveConsultationAsync(ct);
        return item.Id;
    }

    /// <summary>修改计划事项 (the topic stays; remove and add again to change it). Returns the plan's id.</summary>
    public async Task<Guid> UpdateItemAsync(Guid itemId, PlanItemInput input, CancellationToken ct = default)
    {
        var item = await LoadItemForStaffAsync(itemId, ct);
        await LoadDraftAsync(item.PlanId, ct);
        db.ExpectVersion(item, input.Version);
        Validate(input).ThrowIfInvalid();
        Apply(item, input);
        await db.SaveConsultationAsync(ct);
        return item.PlanId;
    }

    /// <summary>移除计划事项: its topic goes back to the pool.</summary>
    public async Task RemoveItemAsync(Guid itemId, int version, CancellationToken ct = default)
    {
        var item = await LoadItemForStaffAsync(itemId, ct);
        await LoadDraftAsync(item.PlanId, ct);
        db.ExpectVersion(item, version);
        if (item.TopicId is { } topicId && await db.ConsultationTopics.FirstOrDefaultAsync(t => t.Id == topicId, ct) is { Status: TopicStatus.Planned } topic)
        {
            topic.Status = TopicStatus.Pool;
        }

        db.ConsultationPlanItems.Remove(item);
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>提交主席会议审议 – a draft with at least one item; the pattern differences are only warnings.</summary>
    public async Task SubmitAsync(Guid planId, int version, CancellationToken ct = default)
    {
        var plan = await LoadForMoveAsync(planId, version, ct);
        Expect(plan, PlanStatus.Draft, "提交主席会议审议");
        if (!await db.ConsultationPlanItems.AnyAsync(i => i.PlanId == plan.Id, ct))
        {
            throw new ConflictException("计划中还没有协商事项，不能提交审议。");
        }

        plan.Status = PlanStatus.ChairReview;
        plan.ReviewNote = null;
        await MovedAsync(plan, "协商计划提交主席会议审议", null, ct);
    }

    /// <summary>主席会议审议通过 → 报党委审定.</summary>
    public async Task ChairApproveAsync(Guid planId, int version, string? note, CancellationToken ct = default)
    {
        var plan = await LoadForMoveAsync(planId, version, ct);
        Expect(plan, PlanStatus.ChairReview, "记录主席会议审议通过");
        NoteLength(note);
        plan.Status = PlanStatus.PartyReview;
        plan.ChairReviewedAt = Now;
        plan.ReviewNote = Blank(note);
        await MovedAsync(plan, "协商计划主席会议审议通过", note, ct);
    }

    /// <summary>党委审定通过 → 发布.</summary>
    public async Task PublishAsync(Guid planId, int version, string? note, CancellationToken ct = default)
    {
        var plan = await LoadForMoveAsync(planId, version, ct);
        Expect(plan, PlanStatus.PartyReview, "记录党委审定并发布");
        NoteLength(note);
        plan.Status = PlanStatus.Published;
        plan.ApprovedAt = plan.PublishedAt = Now;
        plan.ReviewNote = Blank(note);
        await MovedAsync(plan, "协商计划党委审定通过并发布", note, ct);
    }

    /// <summary>退回修改 from 主席会议审议 or 党委审定, with the reason.</summary>
    public async Task ReturnAsync(Guid planId, int version, string? note, CancellationToken ct = default)
    {
        var plan = await LoadForMoveAsync(planId, version, ct);
        if (plan.Status is not (PlanStatus.ChairReview or PlanStatus.PartyReview))
        {
            throw new ConflictException($"计划当前状态为“{plan.Status.DisplayName()}”，只有审议中或审定中的计划可以退回。");
        }

        new Validation().NotBlank(note, "Note", "退回意见").MaxLength(note?.Trim(), 1000, "Note", "退回意见").ThrowIfInvalid();
        var from = plan.Status.DisplayName();
        plan.Status = PlanStatus.Draft;
        plan.ReviewNote = $"{from}退回：{note!.Trim()}";
        await MovedAsync(plan, "协商计划退回修改", plan.ReviewNote, ct);
    }

    internal IQueryable<PlanItemRow> Items(Guid planId) =>
        db.ConsultationPlanItems.AsNoTracking().Where(i => i.PlanId == planId)
            .OrderBy(i => i.Format).ThenBy(i => i.Month).ThenBy(i => i.SortOrder)
            .Select(i => new PlanItemRow(i.Id, i.TopicId,
                i.TopicId == null ? null : db.ConsultationTopics.Where(t => t.Id == i.TopicId).Select(t => (TopicSource?)t.Source).FirstOrDefault(),
                i.Title, i.Format, i.ActivityType, i.Month, i.LeadLeader, i.Organizer, i.SortOrder, i.ActivityId, i.Version));

    /// <summary>A plan the actor may read: consultation staff any of their committee's; members,
    /// leaders and other staff of the committee a published one.</summary>
    internal async Task<ConsultationPlan> LoadForReadAsync(Guid id, CancellationToken ct)
    {
        var committeeId = RequireReader();
        var plan = await db.ConsultationPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("协商计划");
        var staff = ConsultationAccess.IsConsultationStaff(Actor);
        if (plan.CommitteeId != committeeId && !staff)
        {
            throw new NotFoundException("协商计划");
        }

        if (!staff && plan.Status != PlanStatus.Published)
        {
            throw new NotFoundException("协商计划");
        }

        return plan;
    }

    private static void Apply(ConsultationPlanItem item, PlanItemInput input)
    {
        item.Title = input.Title.Trim();
        item.Format = input.Format;
        item.ActivityType = input.ActivityType;
        item.Month = input.Month;
        item.LeadLeader = (input.LeadLeader ?? "").Trim();
        item.Organizer = (input.Organizer ?? "").Trim();
    }

    private static Validation Validate(PlanItemInput input) =>
        new Validation()
            .NotBlank(input.Title, nameof(input.Title), "协商题目")
            .MaxLength(input.Title?.Trim(), 100, nameof(input.Title), "协商题目")
            .Require(Enum.IsDefined(input.Format), nameof(input.Format), "请选择协商形式。")
            .Require(Enum.IsDefined(input.ActivityType), nameof(input.ActivityType), "请选择活动类型。")
            .Require(input.Month is >= 1 and <= 12, nameof(input.Month), "月份须在1至12之间。")
            .NotBlank(input.LeadLeader, nameof(input.LeadLeader), "领办领导")
            .MaxLength(input.LeadLeader?.Trim(), 50, nameof(input.LeadLeader), "领办领导")
            .MaxLength(input.Organizer?.Trim(), 100, nameof(input.Organizer), "承办单位");

    private static void Expect(ConsultationPlan plan, PlanStatus status, string action)
    {
        if (plan.Status != status)
        {
            throw new ConflictException($"计划当前状态为“{plan.Status.DisplayName()}”，不能{action}。");
        }
    }

    private static void NoteLength(string? note) =>
        new Validation().MaxLength(note?.Trim(), 1000, "Note", "审议意见").ThrowIfInvalid();

    private static string? Blank(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task MovedAsync(ConsultationPlan plan, string action, string? note, CancellationToken ct)
    {
        db.Audit(action, nameof(ConsultationPlan), plan.Id.ToString(), "成功", $"{plan.Year}年度；{plan.Status.DisplayName()}{(string.IsNullOrWhiteSpace(note) ? "" : "；" + note.Trim())}");
        await db.SaveConsultationAsync(ct);
    }

    private async Task<ConsultationPlan> LoadForMoveAsync(Guid id, int version, CancellationToken ct)
    {
        var plan = await LoadForStaffAsync(id, ct);
        db.ExpectVersion(plan, version);
        return plan;
    }

    /// <summary>The draft plan an item change belongs to; its version is bumped with the change, so an
    /// item saved while someone sends the plan to review fails instead of changing a plan under review.</summary>
    private async Task<ConsultationPlan> LoadDraftAsync(Guid id, CancellationToken ct)
    {
        var plan = await LoadForStaffAsync(id, ct);
        if (plan.Status != PlanStatus.Draft)
        {
            throw new ConflictException(NotDraftMessage);
        }

        db.Entry(plan).Property(p => p.Version).IsModified = true;
        return plan;
    }

    private async Task<ConsultationPlan> LoadForStaffAsync(Guid id, CancellationToken ct)
    {
        var committeeId = RequireStaffCommittee();
        var plan = await db.ConsultationPlans.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("协商计划");
        if (plan.CommitteeId != committeeId)
        {
            throw new ForbiddenException("只能管理本级政协的协商计划。");
        }

        return plan;
    }

    private async Task<ConsultationPlanItem> LoadItemForStaffAsync(Guid id, CancellationToken ct)
    {
        var committeeId = RequireStaffCommittee();
        var item = await db.ConsultationPlanItems.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("计划事项");
        if (item.CommitteeId != committeeId)
        {
            throw new ForbiddenException("只能管理本级政协的协商计划。");
        }

        return item;
    }

    private Guid RequireStaffCommittee()
    {
        access.RequireStaff();
        return Actor.CommitteeId ?? throw new ForbiddenException();
    }

    /// <summary>Members, leaders and staff of a committee read its plans; units and admins do not.</summary>
    private Guid RequireReader()
    {
        var a = Actor;
        if (a.CommitteeId is not { } committeeId
            || !(ConsultationAccess.IsMember(a) || ConsultationAccess.IsLeader(a) || a.IsInRole(Tongxin.Platform.Accounts.Roles.Staff)))
        {
            throw new ForbiddenException("只有本级政协的委员、领导和工作人员可以查看协商计划。");
        }

        return committeeId;
    }
}
