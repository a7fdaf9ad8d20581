using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Results;

/// <summary>One suggestion in a list.</summary>
public sealed record SuggestionRow(
    Guid Id, SuggestionKind Kind, Guid? ActivityId, string? ActivityTitle, string Title, string RaisedBy, DateTime RaisedAt,
    SuggestionStatus Status, Guid? HandlingUnitId, string? UnitName, DateOnly? DueDate, SuggestionAnswer? Answer, bool Overdue);

/// <summary>A suggestion with everything its page shows, and what the reader may do with it.</summary>
public sealed record SuggestionView(
    ConsultationSuggestion Suggestion, string? ActivityTitle, string? UnitName, bool Overdue,
    bool CanEdit, bool CanAssign, bool CanAnswer, bool CanClose, bool CanAnswerAsOffice);

/// <summary>What the activity page shows of its results: the suggestions (staff and leaders) or only
/// the counts (members), and the minutes' state.</summary>
public sealed record ActivityResultsView(
    Guid ActivityId, ActivityStatus ActivityStatus, bool IsStaff, bool IsLeader, IReadOnlyList<SuggestionRow> Suggestions,
    int Raised, int Adopted, MinutesState? Minutes);

/// <summary>纪要状态 on the activity page.</summary>
public sealed record MinutesState(DateOnly DueDate, bool Uploaded, DateTime? SentAt, int Readings, bool Overdue);

/// <summary>Filters of the suggestion lists.</summary>
public sealed record SuggestionFilter(SuggestionStatus? Status = null, bool OverdueOnly = false);

/// <summary>意见建议查询 – the lists and pages of the results loop; each reader sees only what is theirs
/// (a unit its own assignments, a member their own 微建言).</summary>
public sealed class SuggestionQueries(TongxinDbContext db, ConsultationAccess access, MinutesHandler minutes, WorkingDayCalendar calendar, IActorAccessor actors)
{
    public const int PageSize = 20;

    private Actor Actor => actors.Actor;

    /// <summary>One suggestion: staff and leaders of its committee, the unit it is assigned to, and
    /// the member who raised it; everyone else 403.</summary>
    public async Task<SuggestionView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var s = await db.ConsultationSuggestions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("意见建议");
        var staff = ConsultationAccess.IsConsultationStaff(Actor) && Actor.CanWrite(s.CommitteeId);
        var unit = ConsultationAccess.IsUnit(Actor) && s.HandlingUnitId == Actor.HandlingUnitId;
        var leader = ConsultationAccess.IsLeader(Actor) && Actor.CommitteeId == s.CommitteeId;
        var raiser = ConsultationAccess.IsMember(Actor) && s.RaisedByMemberId == Actor.MemberId;
        if (!staff && !unit && !leader && !raiser)
        {
            throw new ForbiddenException("您无权查看该意见建议。");
        }

        var activityTitle = s.ActivityId is { } a ? await db.Activities.Where(x => x.Id == a).Select(x => x.Title).FirstOrDefaultAsync(ct) : null;
        var unitName = s.HandlingUnitId is { } u ? await db.HandlingUnits.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var overdue = s.Status == SuggestionStatus.Assigned && s.DueDate < calendar.Today;
        return new SuggestionView(s, activityTitle, unitName, overdue,
            CanEdit: staff && s.Status == SuggestionStatus.Raised,
            CanAssign: staff && s.Status == SuggestionStatus.Raised,
            CanAnswer: unit && s.Status == SuggestionStatus.Assigned,
            CanClose: staff && s.Status == SuggestionStatus.Answered,
            CanAnswerAsOffice: staff && s.Kind == SuggestionKind.Micro && s.Status == SuggestionStatus.Raised);
    }

    /// <summary>The activity page's results part.</summary>
    public async Task<ActivityResultsView> ForActivityAsync(Guid activityId, CancellationToken ct = default)
    {
        var activity = await access.ReadableActivities().AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new { a.Id, a.Status, a.CommitteeId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("活动");
        var staff = ConsultationAccess.IsConsultationStaff(Actor) && Actor.CanWrite(activity.CommitteeId);
        var leader = ConsultationAccess.IsLeader(Actor) && Actor.CommitteeId == activity.CommitteeId;
        var suggestions = db.ConsultationSuggestions.AsNoTracking().Where(s => s.ActivityId == activityId);
        IReadOnlyList<SuggestionRow> rows = staff || leader
            ? await Rows(suggestions, o => o.OrderBy(x => x.S.RaisedAt).ThenBy(x => x.S.Id)).ToListAsync(ct)
            : [];
        var raised = await suggestions.CountAsync(ct);
        var adopted = await suggestions.CountAsync(s => s.Answer == SuggestionAnswer.Adopted || s.Answer == SuggestionAnswer.PartlyAdopted, ct);
        var state = (staff || leader) && activity.Status == ActivityStatus.Closed ? await minutes.StateAsync(activityId, ct) : null;
        return new ActivityResultsView(activityId, activity.Status, staff, leader, rows, raised, adopted, state);
    }

    /// <summary>本单位承办的意见建议 – the unit's own, overdue first.</summary>
    public async Task<PagedList<SuggestionRow>> ForUnitAsync(SuggestionFilter filter, int page, CancellationToken ct = default)
    {
        var unitId = access.RequireUnit();
        var q = Filter(db.ConsultationSuggestions.AsNoTracking().Where(s => s.HandlingUnitId == unitId), filter);
        return await Rows(q, o => o.OrderBy(x => x.S.Status).ThenBy(x => x.S.DueDate).ThenBy(x => x.S.Id)).ToPagedListAsync(page, PageSize, ct);
    }

    /// <summary>微建言 of the committee for staff (微办理).</summary>
    public async Task<PagedList<SuggestionRow>> MicroForStaffAsync(SuggestionFilter filter, int page, CancellationToken ct = default)
    {
        access.RequireStaff();
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException();
        var q = Filter(db.ConsultationSuggestions.AsNoTracking().Where(s => s.CommitteeId == committeeId && s.Kind == SuggestionKind.Micro), filter);
        return await Rows(q, o => o.OrderBy(x => x.S.Status).ThenByDescending(x => x.S.RaisedAt).ThenBy(x => x.S.Id)).ToPagedListAsync(page, PageSize, ct);
    }

    /// <summary>协商活动中的意见建议 of the committee for staff (交办, 回头看).</summary>
    public async Task<PagedList<SuggestionRow>> ActivitySuggestionsForStaffAsync(SuggestionFilter filter, int page, CancellationToken ct = default)
    {
        access.RequireStaff();
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException();
        var q = Filter(db.ConsultationSuggestions.AsNoTracking().Where(s => s.CommitteeId == committeeId && s.Kind == SuggestionKind.Activity), filter);
        return await Rows(q, o => o.OrderBy(x => x.S.Status).ThenByDescending(x => x.S.RaisedAt).ThenBy(x => x.S.Id)).ToPagedListAsync(page, PageSize, ct);
    }

    /// <summary>我的微建言 – the member's own, newest first.</summary>
    public async Task<PagedList<SuggestionRow>> MyMicroAsync(int page, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var q = db.ConsultationSuggestions.AsNoTracking().Where(s => s.Kind == SuggestionKind.Micro && s.RaisedByMemberId == memberId);
        return await Rows(q, o => o.OrderByDescending(x => x.S.RaisedAt).ThenBy(x => x.S.Id)).ToPagedListAsync(page, PageSize, ct);
    }

    /// <summary>The answers of the member's own 微建言 on the current page, by id (the list shows them in full).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> AnswersAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var list = ids.ToList();
        return await db.ConsultationSuggestions.AsNoTracking()
            .Where(s => list.Contains(s.Id) && s.RaisedByMemberId == memberId && s.AnswerText != null)
            .ToDictionaryAsync(s => s.Id, s => s.AnswerText!, ct);
    }

    /// <summary>The committee's active handling units, for the 交办 choice.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> UnitsAsync(CancellationToken ct = default)
    {
        access.RequireStaff();
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException();
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == committeeId && u.IsActive)
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return [.. units.Select(u => (u.Id, u.Name))];
    }

    /// <summary>The committee's members, for picking who raised a suggestion.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> MembersAsync(CancellationToken ct = default)
    {
        access.RequireStaff();
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException();
        var members = await db.Members.AsNoTracking().Where(m => m.CommitteeId == committeeId)
            .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        return [.. members.Select(m => (m.Id, m.Name))];
    }

    private IQueryable<ConsultationSuggestion> Filter(IQueryable<ConsultationSuggestion> q, SuggestionFilter filter)
    {
        if (filter.Status is { } status)
        {
            q = q.Where(s => s.Status == status);
        }

        if (filter.OverdueOnly)
        {
            var today = calendar.Today;
            q = q.Where(s => s.Status == SuggestionStatus.Assigned && s.DueDate < today);
        }

        return q;
    }

    private IQueryable<SuggestionRow> Rows(IQueryable<ConsultationSuggestion> q, Func<IQueryable<Joined>, IOrderedQueryable<Joined>> order)
    {
        var today = calendar.Today;
        var joined = from s in q
                     join a in db.Activities on s.ActivityId equals a.Id into activities
                     from a in activities.DefaultIfEmpty()
                     join u in db.HandlingUnits on s.HandlingUnitId equals u.Id into units
                     from u in units.DefaultIfEmpty()
                     select new Joined { S = s, ActivityTitle = a == null ? null : a.Title, UnitName = u == null ? null : u.Name };
        return order(joined).Select(x => new SuggestionRow(x.S.Id, x.S.Kind, x.S.ActivityId, x.ActivityTitle, x.S.Title, x.S.RaisedBy, x.S.RaisedAt,
            x.S.Status, x.S.HandlingUnitId, x.UnitName, x.S.DueDate, x.S.Answer, x.S.Status == SuggestionStatus.Assigned && x.S.DueDate < today));
    }

    /// <summary>A suggestion with its activity's title and unit's name, before ordering.</summary>
    private sealed class Joined
    {
        public ConsultationSuggestion S { get; init; } = null!;

        public string? ActivityTitle { get; init; }

        public string? UnitName { get; init; }
    }
}
