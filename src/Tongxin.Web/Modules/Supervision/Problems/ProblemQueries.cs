using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Problems;

/// <summary>问题清单查询条件.</summary>
public sealed class ProblemFilter
{
    public ProblemStatus? Status { get; set; }

    public Guid? GroupId { get; set; }

    public Guid? TopicId { get; set; }

    public Guid? UnitId { get; set; }

    public ProblemSource? Source { get; set; }

    /// <summary>Only problems whose open step (assignment or reply) is past its due date.</summary>
    public bool Overdue { get; set; }

    /// <summary>Words in the title, location or department.</summary>
    public string? Q { get; set; }

    public string Describe() => string.Join("；", new[]
    {
        Status is { } s ? $"状态：{s.DisplayName()}" : null,
        Source is { } so ? $"来源：{so.DisplayName()}" : null,
        GroupId is { } g ? $"小组：{g}" : null,
        TopicId is { } t ? $"选题：{t}" : null,
        UnitId is { } u ? $"承办单位：{u}" : null,
        Overdue ? "已超期" : null,
        string.IsNullOrWhiteSpace(Q) ? null : $"检索：{Q}",
    }.Where(x => x is not null));
}

/// <summary>One row of the problem list.</summary>
public sealed record ProblemRow(
    Guid Id, int Year, int Number, string Title, ProblemSource Source, string Department, string? GroupName, string? TopicTitle,
    string? UnitName, ProblemStatus Status, DateTime RecordedAt, DateOnly AssignDueOn, DateOnly? ReplyDueOn, bool ReturnVisited)
{
    public string DisplayNumber => ProblemNumbers.Display(Year, Number);

    /// <summary>Working days past the open deadline (0 = not overdue).</summary>
    public int OverdueDays { get; init; }

    public DateOnly? OpenDue => ProblemDeadlines.OpenDue(Status, AssignDueOn, ReplyDueOn);
}

/// <summary>One evidence file.</summary>
public sealed record EvidenceFile(Guid Id, string FileName, long Size);

/// <summary>One step of the timeline.</summary>
public sealed record ProblemStepView(DateTime At, string Action, string ActorName, string Text);

/// <summary>The problem page: everything the actor may read, phones masked unless they are staff of its committee.</summary>
public sealed record ProblemDetail(
    Guid Id, Guid CommitteeId, int Year, int Number, ProblemSource Source, string Title, string Description, string Location, string Department,
    string? ConcernedPerson, string? ConcernedPhone, string? GroupName, string? TopicTitle, string? ReporterName, string? PointName,
    ProblemStatus Status, DateTime RecordedAt, DateOnly AssignDueOn, string? UnitName, Guid? HandlingUnitId, DateTime? AssignedAt, string? AssignNote,
    DateOnly? ReplyDueOn, string? Reply, RectificationState? Rectification, DateTime? RepliedAt, string? RepliedByName, int ReturnCount,
    DateTime? ReturnVisitAt, ReturnVisitMethod? ReturnVisitMethod, string? ReturnVisitPerson, VisitSatisfaction? ReturnVisitSatisfaction,
    string? ReturnVisitNote, DateTime? ClosedAt, string? DismissReason, PublicRating? PublicRating, string? PublicRatingComment, int Version)
{
    public string DisplayNumber => ProblemNumbers.Display(Year, Number);

    public IReadOnlyList<ProblemStepView> Steps { get; init; } = [];

    public IReadOnlyList<EvidenceFile> Evidence { get; init; } = [];

    public int OverdueDays { get; init; }

    /// <summary>Staff of the problem's committee (assign, dismiss, return, visit, close).</summary>
    public bool CanManage { get; init; }

    /// <summary>The assigned unit, while 办理中.</summary>
    public bool CanReply { get; init; }

    public bool CanAddEvidence { get; init; }

    public bool CanClose => CanManage && Status == ProblemStatus.Replied && Rectification == RectificationState.Rectified && ReturnVisitAt is not null;
}

/// <summary>问题清单 – lists (staff: their readable committees; a unit: what was assigned to it; a
/// member: their groups' and their own), the problem page, the streamed Excel export and the to-do counts.</summary>
public sealed class ProblemQueries(TongxinDbContext db, SupervisionAccess access, IActorAccessor actors, WorkingDayCalendar calendar)
{
    public const int PageSize = 20;
    public const string ExportName = "问题清单.xlsx";

    private Actor Actor => actors.Actor;

    public async Task<PagedList<ProblemRow>> ListAsync(ProblemFilter filter, int page, CancellationToken ct = default)
    {
        var rows = await Rows(filter).ToPagedListAsync(page, PageSize, ct);
        var rules = await calendar.RulesAsync(ct);
        var today = calendar.Today;
        return rows with { Items = [.. rows.Items.Select(r => r with { OverdueDays = ProblemDeadlines.OverdueDays(rules, today, r.OpenDue) })] };
    }

    /// <summary>The filtered list as .xlsx (supervision staff), streamed through a temporary file; audited.</summary>
    public async Task<Stream> ExportAsync(ProblemFilter filter, CancellationToken ct = default)
    {
        access.RequireStaff();
        var rules = await calendar.RulesAsync(ct);
        var today = calendar.Today;
        return await XlsxStreamWriter.ExportAsync(
            Rows(filter).AsAsyncEnumerable(),
            "问题清单",
            [16, 40, 14, 20, 20, 20, 22, 10, 12, 12, 12, 8, 16],
            ["编号", "问题", "来源", "涉及部门", "监督小组", "监督选题", "承办单位", "状态", "记录日期", "交办期限", "答复期限", "回访", "超期"],
            r => [r.DisplayNumber, r.Title, r.Source.DisplayName(), r.Department, r.GroupName ?? "", r.TopicTitle ?? "", r.UnitName ?? "",
                r.Status.DisplayName(), BeijingTime.FromUtc(r.RecordedAt).ToString("yyyy-MM-dd"), r.AssignDueOn.ToString("yyyy-MM-dd"),
                r.ReplyDueOn?.ToString("yyyy-MM-dd") ?? "", r.ReturnVisited ? "已回访" : "",
                ProblemDeadlines.Describe(ProblemDeadlines.OverdueDays(rules, today, ProblemDeadlines.OpenDue(r.Status, r.AssignDueOn, r.ReplyDueOn)))],
            async count =>
            {
                db.Audit("导出问题清单", nameof(SupervisionProblem), Actor.CommitteeId?.ToString() ?? "", "成功", $"{count} 条；{filter.Describe()}");
                await db.SaveChangesAsync(ct);
            },
            ct);
    }

    public async Task<ProblemDetail> DetailAsync(Guid id, CancellationToken ct = default)
    {
        var d = await access.ReadableProblems().AsNoTracking().Where(p => p.Id == id).Select(p => new ProblemDetail(
                p.Id, p.CommitteeId, p.Year, p.Number, p.Source, p.Title, p.Description, p.Location, p.Department, p.ConcernedPerson, p.ConcernedPhone,
                db.SupervisorGroups.Where(g => g.Id == p.GroupId).Select(g => g.Name).FirstOrDefault(),
                db.SupervisionTopics.Where(t => t.Id == p.TopicId).Select(t => t.Title).FirstOrDefault(),
                db.Members.Where(m => m.Id == p.ReportedByMemberId).Select(m => m.Name).FirstOrDefault(),
                db.LiaisonPoints.Where(l => l.Id == p.LiaisonPointId).Select(l => l.Name).FirstOrDefault(),
                p.Status, p.RecordedAt, p.AssignDueOn,
                db.HandlingUnits.Where(u => u.Id == p.HandlingUnitId).Select(u => u.Name).FirstOrDefault(),
                p.HandlingUnitId, p.AssignedAt, p.AssignNote, p.ReplyDueOn, p.Reply, p.Rectification, p.RepliedAt, p.RepliedByName, p.ReturnCount,
                p.ReturnVisitAt, p.ReturnVisitMethod, p.ReturnVisitPerson, p.ReturnVisitSatisfaction, p.ReturnVisitNote, p.ClosedAt, p.DismissReason,
                db.PublicSubmissions.Where(s => s.Id == p.PublicSubmissionId).Select(s => s.Rating).FirstOrDefault(),
                db.PublicSubmissions.Where(s => s.Id == p.PublicSubmissionId).Select(s => s.RatingComment).FirstOrDefault(),
                p.Version))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("监督问题");

        var steps = await db.SupervisionProblemSteps.AsNoTracking().Where(s => s.ProblemId == id)
            .OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new ProblemStepView(s.At, s.Action, s.ActorName, s.Text)).ToListAsync(ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == ProblemRecording.AttachmentOwner && a.OwnerId == id)
            .OrderBy(a => a.UploadedAt).Select(a => new EvidenceFile(a.Id, a.FileName, a.Size)).ToListAsync(ct);
        var staff = SupervisionAccess.IsSupervisionStaff(Actor) && Actor.CanWrite(d.CommitteeId);
        var rules = await calendar.RulesAsync(ct);
        var open = d.Status is ProblemStatus.Recorded or ProblemStatus.Assigned or ProblemStatus.Replied;
        return d with
        {
            // Phones are for the staff who make the return visit; everyone else sees them masked (PIPL).
            ConcernedPhone = staff || d.ConcernedPhone is null ? d.ConcernedPhone : PublicPhone.Mask(d.ConcernedPhone),
            Steps = steps,
            Evidence = files,
            OverdueDays = ProblemDeadlines.OverdueDays(rules, calendar.Today, ProblemDeadlines.OpenDue(d.Status, d.AssignDueOn, d.ReplyDueOn)),
            CanManage = staff,
            CanReply = SupervisionAccess.IsUnit(Actor) && Actor.HandlingUnitId == d.HandlingUnitId && d.Status == ProblemStatus.Assigned,
            CanAddEvidence = open && (staff || (SupervisionAccess.IsMember(Actor) && Actor.CommitteeId == d.CommitteeId)),
        };
    }

    /// <summary>The committee's active handling units, for the assignment form.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> UnitsAsync(Guid committeeId, CancellationToken ct = default)
    {
        access.RequireStaffOf(committeeId);
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == committeeId && u.IsActive)
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return [.. units.Select(u => (u.Id, u.Name))];
    }

    /// <summary>Groups the actor may record for (staff: the committee's active groups; a member: their own).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> GroupsAsync(CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeId;
        var groups = db.SupervisorGroups.AsNoTracking().Where(g => g.CommitteeId == committeeId && g.IsActive);
        if (!SupervisionAccess.IsSupervisionStaff(Actor))
        {
            var memberId = Actor.MemberId;
            groups = groups.Where(g => db.SupervisorGroupMembers.Any(m => m.GroupId == g.Id && m.MemberId == memberId));
        }

        var list = await groups.OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        return [.. list.Select(g => (g.Id, g.Name))];
    }

    /// <summary>The committee's topics, for the record form and the filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> TopicsAsync(CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeId;
        var list = await db.SupervisionTopics.AsNoTracking().Where(t => t.CommitteeId == committeeId && t.Status != SupervisionTopicStatus.Concluded)
            .OrderByDescending(t => t.Year).ThenBy(t => t.Title).Select(t => new { t.Id, t.Title }).ToListAsync(ct);
        return [.. list.Select(t => (t.Id, t.Title))];
    }

    private IQueryable<ProblemRow> Rows(ProblemFilter filter)
    {
        var q = access.ReadableProblems().AsNoTracking();
        if (filter.Status is { } status)
        {
            q = q.Where(p => p.Status == status);
        }

        if (filter.Source is { } source)
        {
            q = q.Where(p => p.Source == source);
        }

        if (filter.GroupId is { } groupId)
        {
            q = q.Where(p => p.GroupId == groupId);
        }

        if (filter.TopicId is { } topicId)
        {
            q = q.Where(p => p.TopicId == topicId);
        }

        if (filter.UnitId is { } unitId)
        {
            q = q.Where(p => p.HandlingUnitId == unitId);
        }

        if (filter.Overdue)
        {
            var today = calendar.Today;
            q = q.Where(p => (p.Status == ProblemStatus.Recorded && p.AssignDueOn < today)
                || (p.Status == ProblemStatus.Assigned && p.ReplyDueOn < today));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var words = filter.Q.Trim();
            q = q.Where(p => p.Title.Contains(words) || p.Location.Contains(words) || p.Department.Contains(words));
        }

        return q.OrderByDescending(p => p.RecordedAt).ThenByDescending(p => p.Id).Select(p => new ProblemRow(
            p.Id, p.Year, p.Number, p.Title, p.Source, p.Department,
            db.SupervisorGroups.Where(g => g.Id == p.GroupId).Select(g => g.Name).FirstOrDefault(),
            db.SupervisionTopics.Where(t => t.Id == p.TopicId).Select(t => t.Title).FirstOrDefault(),
            db.HandlingUnits.Where(u => u.Id == p.HandlingUnitId).Select(u => u.Name).FirstOrDefault(),
            p.Status, p.RecordedAt, p.AssignDueOn, p.ReplyDueOn, p.ReturnVisitAt != null));
    }
}
