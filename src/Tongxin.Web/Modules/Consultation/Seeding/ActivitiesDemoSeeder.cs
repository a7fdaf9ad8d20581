using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.Consultation.Seeding;

/// <summary>协商活动演示数据 for 示例市政协, dated from the clock so the demo always has an upcoming
/// and a past activity: a published 请你来协商 in ten days with demo.member invited; a closed 专题协商
/// a month ago with attendance fixed (and its events, as closing raises them); a published 委员会客厅
/// open for sign-up with 20 places (demo.member2 signed up); a draft 调研视察. A committee that
/// already has activities is skipped.</summary>
public static class ActivitiesDemoSeeder
{
    public static async Task SeedAsync(TongxinDbContext db, CancellationToken ct = default)
    {
        var cityId = await db.Committees.IgnoreQueryFilters().Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (cityId is not { } city || await db.Activities.IgnoreQueryFilters().AnyAsync(a => a.CommitteeId == city, ct))
        {
            return;
        }

        var accounts = await db.Users.AsNoTracking().Where(u => u.UserName == "demo.member" || u.UserName == "demo.member2")
            .Select(u => new { u.UserName, u.MemberId }).ToListAsync(ct);
        var demoMember = accounts.FirstOrDefault(a => a.UserName == "demo.member")?.MemberId;
        var demoMember2 = accounts.FirstOrDefault(a => a.UserName == "demo.member2")?.MemberId;
        var others = await db.Members.IgnoreQueryFilters().Where(m => m.CommitteeId == city && m.IsActive && m.Id != demoMember && m.Id != demoMember2)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(24).ToListAsync(ct);
        var specialCommittee = await db.SpecialCommittees.IgnoreQueryFilters().Where(s => s.CommitteeId == city).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);

        var now = db.Time.GetUtcNow().UtcDateTime;
        var today = BeijingTime.Today(db.Time);
        DateTime At(int days, int hour) => ActivityHandler.ToUtc(today.AddDays(days).ToDateTime(new TimeOnly(hour, 0)));

        Activity New(ActivityType type, string title, string topic, int startDay, AttendanceMode mode, ActivityStatus status) => new()
        {
            CommitteeId = city,
            Type = type,
            Title = title,
            Topic = topic,
            Venue = "市政协机关三楼协商议政厅",
            StartsAt = At(startDay, 9),
            EndsAt = At(startDay, 12),
            HalfDays = 1,
            Organizer = specialCommittee?.Name ?? "市政协办公室",
            SpecialCommitteeId = specialCommittee?.Id,
            LeadLeader = "陈主席",
            InvitedDepartments = "市住房和城乡建设局、市民政局",
            MassRepresentatives = "社区居民代表 3 名",
            Mode = mode,
            Status = status,
            SignInSecret = SignInCode.NewSecret(),
            CreatedAt = now.AddDays(Math.Min(startDay, 0) - 20),
            PublishedAt = status == ActivityStatus.Draft ? null : now.AddDays(Math.Min(startDay, 0) - 15),
        };

        var upcoming = New(ActivityType.PleaseComeConsult, "请你来协商：老旧小区加装电梯", "围绕老旧小区加装电梯的资金分摊、审批流程和后续维保，与市住建局面对面协商。",
            10, AttendanceMode.MustAttend, ActivityStatus.Published);
        var closed = New(ActivityType.Thematic, "专题协商：推进城市社区嵌入式养老服务", "社区嵌入式养老服务设施布局、运营补贴与人才队伍建设。",
            -30, AttendanceMode.MustAttend, ActivityStatus.Closed);
        closed.ClosedAt = closed.EndsAt.AddHours(3);
        var parlour = New(ActivityType.MemberParlour, "委员会客厅：青年就业创业面对面", "听取青年创业者对就业创业扶持政策的意见。",
            20, AttendanceMode.SignUp, ActivityStatus.Published);
        parlour.Capacity = 20;
        parlour.SignUpDeadline = At(17, 18);
        parlour.Venue = "示例市青年创业园委员会客厅";
        var draft = New(ActivityType.Inspection, "调研视察：城区防汛排涝设施建设", "视察城区易涝点改造和排涝泵站建设进度。",
            40, AttendanceMode.MustAttend, ActivityStatus.Draft);
        db.Activities.AddRange(upcoming, closed, parlour, draft);

        ActivityParticipant Place(Activity a, Guid member, bool invited = true) =>
            new() { CommitteeId = city, ActivityId = a.Id, MemberId = member, Invited = invited };

        var invitees = new[] { demoMember, demoMember2 }.OfType<Guid>().Concat(others.Take(12)).ToList();
        db.ActivityParticipants.AddRange(invitees.Select(m => Place(upcoming, m)));

        var date = DateOnly.FromDateTime(BeijingTime.FromUtc(closed.StartsAt));
        var closedPlaces = new[] { demoMember, demoMember2 }.OfType<Guid>().Concat(others.Skip(4).Take(14)).Select((m, i) =>
        {
            var p = Place(closed, m);
            if (i % 7 == 3)
            {
                p.Leave = LeaveStatus.Approved;
                p.LeaveReason = "因公出差";
                p.LeaveRequestCount = 1;
                p.LeaveDecidedAt = closed.StartsAt.AddDays(-2);
                p.LeaveDecidedBy = "demo.staff";
            }
            else if (i % 7 != 5)
            {
                p.SignedInAt = closed.StartsAt.AddMinutes(-20 + i);
                p.SignInMethod = i % 2 == 0 ? SignInMethod.ActivityCode : SignInMethod.MemberCode;
            }

            p.Attendance = ActivityHandler.AttendanceOf(closed.Mode, p);
            db.Raise(new ActivityAttendanceFixed(closed.Id, city, m, closed.Type, p.Attendance, true, closed.HalfDays, date));
            return p;
        }).ToList();
        db.ActivityParticipants.AddRange(closedPlaces);

        var signedUp = new[] { demoMember2 }.OfType<Guid>().Concat(others.Skip(16).Take(5))
            .Select(m => { var p = Place(parlour, m, invited: false); p.Response = ParticipantResponse.SignedUp; p.RespondedAt = now.AddDays(-1); return p; });
        db.ActivityParticipants.AddRange(signedUp);
        db.ActivityParticipants.AddRange(others.Take(6).Select(m => Place(draft, m)));
        await db.SaveChangesAsync(ct);
    }
}
