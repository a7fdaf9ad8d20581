using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Activities;

/// <summary>The list's filters, bound from the query string.</summary>
public sealed class ActivityFilter
{
    public ActivityStatus? Status { get; set; }

    public ActivityType? Type { get; set; }

    public int? Year { get; set; }

    /// <summary>Words in the title or organiser.</summary>
    public string? Q { get; set; }

    /// <summary>Only activities with leave requests waiting for a decision (the staff to-do).</summary>
    public bool Leave { get; set; }

    public string Describe() => string.Join("；", new[]
    {
        Status is { } s ? $"状态：{s.DisplayName()}" : null,
        Type is { } t ? $"类型：{t.DisplayName()}" : null,
        Year is { } y ? $"年度：{y}" : null,
        string.IsNullOrWhiteSpace(Q) ? null : $"检索：{Q}",
        Leave ? "有待审批请假" : null,
    }.Where(x => x is not null));
}

/// <summary>One row of the activity list.</summary>
public sealed record ActivityRow(
    Guid Id, ActivityType Type, string Title, string Organizer, string Venue, DateTime StartsAt, DateTime EndsAt,
    AttendanceMode Mode, ActivityStatus Status, int Invited, int SignedUp, int SignedIn);

/// <summary>One participant line of the detail page.</summary>
public sealed record ParticipantRow(
    Guid Id, Guid MemberId, string Name, string Sector, bool Invited, ParticipantResponse Response, LeaveStatus Leave, string? LeaveReason,
    int LeaveRequestCount, DateTime? SignedInAt, SignInMethod? Method, Attendance Attendance);

/// <summary>The activity page's header.</summary>
public sealed record ActivityDetail(
    Guid Id, Guid CommitteeId, ActivityType Type, string Title, string Topic, string Venue, string? OnlineLink, DateTime StartsAt, DateTime EndsAt,
    int HalfDays, string Organizer, string LeadLeader, string InvitedDepartments, string MassRepresentatives, AttendanceMode Mode, int? Capacity,
    DateTime? SignUpDeadline, ActivityStatus Status, Guid? PlanItemId, DateTime? PublishedAt, DateTime? ClosedAt, int Version);

/// <summary>The viewer's own place, for members.</summary>
public sealed record MyPlace(Guid Id, bool Invited, ParticipantResponse Response, LeaveStatus Leave, string? LeaveReason, int LeaveRequestCount,
    DateTime? SignedInAt, Attendance Attendance);

/// <summary>A line of 我的活动.</summary>
public sealed record MyActivityRow(
    Guid Id, ActivityType Type, string Title, string Venue, DateTime StartsAt, DateTime EndsAt, AttendanceMode Mode, ActivityStatus Status,
    int? Capacity, DateTime? SignUpDeadline, bool Invited, ParticipantResponse? Response, LeaveStatus? Leave, DateTime? SignedInAt, Attendance? Attendance);

/// <summary>我的活动: invited (upcoming), open for sign-up, and past ones with attendance.</summary>
public sealed record MyActivities(IReadOnlyList<MyActivityRow> Upcoming, IReadOnlyList<MyActivityRow> OpenForSignUp, PagedList<MyActivityRow> Past);

/// <summary>活动查询 – lists, the detail, participants and 我的活动, each one projected query (no N+1).</summary>
public sealed class ActivityQueries(TongxinDbContext db, ConsultationAccess access, IActorAccessor actors, TimeProvider time)
{
    public const int PageSize = 20;

    public const string ExportName = "协商活动列表.xlsx";

    private Actor Actor => actors.Actor;

    /// <summary>The list: staff see their committee's activities in every state; others the published and closed ones they may read.</summary>
    public Task<PagedList<ActivityRow>> ListAsync(ActivityFilter filter, int page, CancellationToken ct = default) =>
        Filtered(filter).OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id).Select(Row).ToPagedListAsync(page, PageSize, ct);

    /// <summary>The filtered list as .xlsx (staff), streamed through a temporary file; audited.</summary>
    public async Task<Stream> ExportAsync(ActivityFilter filter, CancellationToken ct = default)
    {
        access.RequireStaff();
        return await XlsxStreamWriter.ExportAsync(
            Filtered(filter).OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id).Select(Row).AsAsyncEnumerable(),
            "协商活动",
            [12, 40, 20, 24, 17, 17, 10, 8, 8, 8, 8],
            ["类型", "活动名称", "组织者", "地点", "开始时间", "结束时间", "参加方式", "状态", "邀请", "报名", "签到"],
            r => [r.Type.DisplayName(), r.Title, r.Organizer, r.Venue, Local(r.StartsAt), Local(r.EndsAt), r.Mode.DisplayName(),
                r.Status.DisplayName(), r.Invited, r.SignedUp, r.SignedIn],
            async count =>
            {
                db.Audit("导出协商活动列表", nameof(Activity), Actor.CommitteeId?.ToString() ?? "", "成功", $"{count} 条；{filter.Describe()}");
                await db.SaveChangesAsync(ct);
            },
            ct);
    }

    public async Task<ActivityDetail> DetailAsync(Guid id, CancellationToken ct = default) =>
        await access.ReadableActivities().AsNoTracking().Where(a => a.Id == id).Select(a => new ActivityDetail(
                a.Id, a.CommitteeId, a.Type, a.Title, a.Topic, a.Venue, a.OnlineLink, a.StartsAt, a.EndsAt, a.HalfDays, a.Organizer, a.LeadLeader,
                a.InvitedDepartments, a.MassRepresentatives, a.Mode, a.Capacity, a.SignUpDeadline, a.Status, a.PlanItemId, a.PublishedAt,
                a.ClosedAt, a.Version))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("活动");

    /// <summary>The header, for the staff-only pages (sign-in screen, scanner, invitations).</summary>
    public async Task<ActivityDetail> StaffDetailAsync(Guid id, CancellationToken ct = default)
    {
        await access.LoadActivityForManagerAsync(id, ct);
        return await DetailAsync(id, ct);
    }

    /// <summary>Everyone's place (staff of the activity's committee only).</summary>
    public async Task<IReadOnlyList<ParticipantRow>> ParticipantsAsync(Guid id, CancellationToken ct = default)
    {
        await access.LoadActivityForManagerAsync(id, ct);
        return await db.ActivityParticipants.AsNoTracking().Where(p => p.ActivityId == id)
            .Join(db.Members, p => p.MemberId, m => m.Id, (p, m) => new { p, m })
            .OrderBy(x => x.m.Name)
            .Select(x => new ParticipantRow(x.p.Id, x.m.Id, x.m.Name,
                db.Sectors.Where(s => s.Id == x.m.SectorId).Select(s => s.Name).FirstOrDefault() ?? "",
                x.p.Invited, x.p.Response, x.p.Leave, x.p.LeaveReason, x.p.LeaveRequestCount, x.p.SignedInAt, x.p.SignInMethod, x.p.Attendance))
            .ToListAsync(ct);
    }

    /// <summary>The signed-in member's own place in the activity, if any.</summary>
    public async Task<MyPlace?> MyPlaceAsync(Guid id, CancellationToken ct = default)
    {
        if (!ConsultationAccess.IsMember(Actor))
        {
            return null;
        }

        var memberId = Actor.MemberId!.Value;
        return await db.ActivityParticipants.AsNoTracking().Where(p => p.ActivityId == id && p.MemberId == memberId)
            .Select(p => new MyPlace(p.Id, p.Invited, p.Response, p.Leave, p.LeaveReason, p.LeaveRequestCount, p.SignedInAt, p.Attendance))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Places taken of a 报名参加 activity.</summary>
    public Task<int> SignedUpCountAsync(Guid id, CancellationToken ct = default) =>
        db.ActivityParticipants.CountAsync(p => p.ActivityId == id && p.Response == ParticipantResponse.SignedUp, ct);

    /// <summary>我的活动: the member's upcoming places, the committee's published 报名参加 activities still
    /// open, and (paged) the past ones with the fixed attendance.</summary>
    public async Task<MyActivities> MineAsync(int page, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var committeeId = Actor.CommitteeId;
        var now = time.GetUtcNow().UtcDateTime;
        var signInClosed = now - SignInHandler.Margin;
        var published = db.Activities.AsNoTracking().Where(a => a.CommitteeId == committeeId && a.Status == ActivityStatus.Published);
        var mine = db.ActivityParticipants.AsNoTracking().Where(p => p.MemberId == memberId);

        var upcoming = await published.Where(a => a.EndsAt >= signInClosed)
            .Join(mine, a => a.Id, p => p.ActivityId, (a, p) => new { a, p })
            .Where(x => x.p.Invited || x.p.Response == ParticipantResponse.SignedUp)
            .OrderBy(x => x.a.StartsAt)
            .Select(x => new MyActivityRow(x.a.Id, x.a.Type, x.a.Title, x.a.Venue, x.a.StartsAt, x.a.EndsAt, x.a.Mode, x.a.Status, x.a.Capacity,
                x.a.SignUpDeadline, x.p.Invited, x.p.Response, x.p.Leave, x.p.SignedInAt, x.p.Attendance))
            .Take(50).ToListAsync(ct);

        var open = await published.Where(a => a.Mode == AttendanceMode.SignUp && a.StartsAt > now && (a.SignUpDeadline == null || a.SignUpDeadline >= now)
                && !mine.Any(p => p.ActivityId == a.Id && (p.Response != ParticipantResponse.None || p.Invited)))
            .OrderBy(a => a.StartsAt)
            .Select(a => new MyActivityRow(a.Id, a.Type, a.Title, a.Venue, a.StartsAt, a.EndsAt, a.Mode, a.Status, a.Capacity, a.SignUpDeadline,
                false, null, null, null, null))
            .Take(50).ToListAsync(ct);

        var past = await db.Activities.AsNoTracking().Where(a => a.CommitteeId == committeeId
                && (a.Status == ActivityStatus.Closed || (a.Status == ActivityStatus.Published && a.EndsAt < signInClosed)))
            .Join(mine, a => a.Id, p => p.ActivityId, (a, p) => new { a, p })
            .OrderByDescending(x => x.a.StartsAt).ThenBy(x => x.a.Id)
            .Select(x => new MyActivityRow(x.a.Id, x.a.Type, x.a.Title, x.a.Venue, x.a.StartsAt, x.a.EndsAt, x.a.Mode, x.a.Status, x.a.Capacity,
                x.a.SignUpDeadline, x.p.Invited, x.p.Response, x.p.Leave, x.p.SignedInAt, x.p.Attendance))
            .ToPagedListAsync(page, PageSize, ct);
        return new MyActivities(upcoming, open, past);
    }

    private IQueryable<Activity> Filtered(ActivityFilter f)
    {
        var q = access.ReadableActivities().AsNoTracking();
        if (ConsultationAccess.IsConsultationStaff(Actor))
        {
            // Staff manage their own committee's activities (a city's staff do not list the counties').
            q = q.Where(a => a.CommitteeId == Actor.CommitteeId);
        }

        if (f.Status is { } s)
        {
            q = q.Where(a => a.Status == s);
        }

        if (f.Type is { } t)
        {
            q = q.Where(a => a.Type == t);
        }

        if (f.Year is { } y)
        {
            var from = BeijingTime.StartOfDayUtc(new DateOnly(y, 1, 1));
            var to = BeijingTime.StartOfDayUtc(new DateOnly(y + 1, 1, 1));
            q = q.Where(a => a.StartsAt >= from && a.StartsAt < to);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var words = f.Q.Trim();
            q = q.Where(a => a.Title.Contains(words) || a.Organizer.Contains(words));
        }

        if (f.Leave)
        {
            q = q.Where(a => db.ActivityParticipants.Any(p => p.ActivityId == a.Id && p.Leave == LeaveStatus.Requested));
        }

        return q;
    }

    private Expression<Func<Activity, ActivityRow>> Row => a => new ActivityRow(
        a.Id, a.Type, a.Title, a.Organizer, a.Venue, a.StartsAt, a.EndsAt, a.Mode, a.Status,
        db.ActivityParticipants.Count(p => p.ActivityId == a.Id && p.Invited),
        db.ActivityParticipants.Count(p => p.ActivityId == a.Id && p.Response == ParticipantResponse.SignedUp),
        db.ActivityParticipants.Count(p => p.ActivityId == a.Id && p.SignedInAt != null));

    private static string Local(DateTime utc) => BeijingTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm");
}
