using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.Consultation.Seeding;

/// <summary>协商成果演示数据 – for 示例市政协: suggestions in every state (with answers and a
/// follow-up), the minutes of a closed activity sent to demo.leader with a 阅批, and a few 微建言
/// of demo.member. They hang on the committee's closed activities; when the activities part seeded
/// none at all, one closed 请你来协商 activity is created here so the demo works either way.</summary>
public static class ResultsDemoSeeder
{
    public static async Task SeedAsync(TongxinDbContext db, CancellationToken ct = default)
    {
        var committeeId = await db.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (committeeId is not { } c || await db.ConsultationSuggestions.AnyAsync(s => s.CommitteeId == c, ct))
        {
            return;
        }

        var users = await db.Users.Where(u => u.CommitteeId == c && (u.UserName == "demo.member" || u.UserName == "demo.member2" || u.UserName == "demo.unit" || u.UserName == "demo.leader"))
            .Select(u => new { u.UserName, u.Id, u.DisplayName, u.MemberId, u.HandlingUnitId }).ToListAsync(ct);
        var member = users.FirstOrDefault(u => u.UserName == "demo.member");
        var member2 = users.FirstOrDefault(u => u.UserName == "demo.member2");
        var unitId = users.FirstOrDefault(u => u.UserName == "demo.unit")?.HandlingUnitId;
        var leader = users.FirstOrDefault(u => u.UserName == "demo.leader");
        if (member?.MemberId is not { } memberId || unitId is not { } unit)
        {
            return;
        }

        var memberName = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).FirstAsync(ct);
        var member2Name = member2?.MemberId is { } m2 ? await db.Members.Where(m => m.Id == m2).Select(m => m.Name).FirstAsync(ct) : "张委员";
        var otherUnit = await db.HandlingUnits.Where(u => u.CommitteeId == c && u.Id != unit && u.IsActive).OrderBy(u => u.Name).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct) ?? unit;
        var now = db.Time.GetUtcNow().UtcDateTime;
        var rules = new WorkingDays(await db.Holidays.AsNoTracking().ToListAsync(ct));

        var activities = await db.Activities.Where(a => a.CommitteeId == c && a.Status == ActivityStatus.Closed)
            .OrderByDescending(a => a.EndsAt).Select(a => new { a.Id, a.EndsAt, a.Title }).Take(3).ToListAsync(ct);
        if (activities.Count == 0 && !await db.Activities.AnyAsync(a => a.CommitteeId == c, ct))
        {
            var activity = NewClosedActivity(c, now, memberId, member2?.MemberId);
            db.Activities.Add(activity.Activity);
            db.ActivityParticipants.AddRange(activity.Participants);
            activities = [new { activity.Activity.Id, activity.Activity.EndsAt, activity.Activity.Title }];
        }

        if (activities.Count == 0)
        {
            return;
        }

        var first = activities[0];
        var second = activities.Count > 1 ? activities[1] : first;
        ConsultationSuggestion Suggestion(Guid activityId, string title, string content, bool byMember, int daysAgo) => new()
        {
            CommitteeId = c,
            Kind = SuggestionKind.Activity,
            ActivityId = activityId,
            Title = title,
            Content = content,
            RaisedByMemberId = byMember ? memberId : null,
            RaisedBy = byMember ? memberName : "社区居民代表 李大伟",
            RaisedAt = now.AddDays(-daysAgo),
            Status = SuggestionStatus.Raised,
        };
        void Assign(ConsultationSuggestion s, Guid unitId, int daysAgo)
        {
            s.HandlingUnitId = unitId;
            s.AssignedAt = now.AddDays(-daysAgo);
            s.DueDate = rules.OnOrAfter(DateOnly.FromDateTime(BeijingTime.FromUtc(s.AssignedAt.Value)).AddMonths(3));
            s.Status = SuggestionStatus.Assigned;
        }

        void Answer(ConsultationSuggestion s, SuggestionAnswer answer, string text, int daysAgo)
        {
            s.Answer = answer;
            s.AnswerText = text;
            s.AnsweredAt = now.AddDays(-daysAgo);
            s.Status = SuggestionStatus.Answered;
        }

        var raised = Suggestion(first.Id, "关于增设老旧小区充电桩的建议", "老旧小区电动自行车飞线充电隐患大，建议按每百户不少于10个的标准增设集中充电桩。", true, 5);
        var assigned = Suggestion(first.Id, "关于老旧小区加装电梯简化审批的建议", "建议将加装电梯审批改为联合审查、一次办结，并明确低层住户补偿指引。", true, 15);
        Assign(assigned, unit, 10);
        var overdue = Suggestion(second.Id, "关于背街小巷路灯维修的建议", "部分背街小巷路灯长期损坏，建议建立报修快速响应机制。", false, 130);
        Assign(overdue, otherUnit, 120);
        var adopted = Suggestion(first.Id, "关于完善小区停车共享的建议", "建议推动机关单位停车场夜间向周边居民错时开放。", true, 60);
        Assign(adopted, unit, 55);
        Answer(adopted, SuggestionAnswer.Adopted, "已会同交警部门制定错时停车方案，首批12个单位停车场于本月开放。", 20);
        var notAdopted = Suggestion(first.Id, "关于全部老旧小区统一改造外立面的建议", "建议对全部老旧小区统一改造外立面。", false, 60);
        Assign(notAdopted, unit, 55);
        Answer(notAdopted, SuggestionAnswer.NotAdopted, "外立面改造资金需求大，本年度优先保障安全类改造，暂不纳入计划，将在下一轮改造中统筹研究。", 18);
        var closed = Suggestion(second.Id, "关于加强物业服务监管的建议", "建议建立物业服务质量星级评价并向社会公开。", true, 100);
        Assign(closed, unit, 95);
        Answer(closed, SuggestionAnswer.PartlyAdopted, "已在城区试行物业服务星级评价，全面公开待制度完善后推行。", 40);
        closed.FollowUp = "回头看：试点小区投诉量下降三成，委员表示满意。";
        closed.FollowedUpAt = now.AddDays(-10);
        closed.ClosedAt = now.AddDays(-10);
        closed.Status = SuggestionStatus.Closed;
        db.ConsultationSuggestions.AddRange(raised, assigned, overdue, adopted, notAdopted, closed);

        ConsultationSuggestion Micro(string title, string content, Guid? raiserId, string raiser, int daysAgo) => new()
        {
            CommitteeId = c,
            Kind = SuggestionKind.Micro,
            Title = title,
            Content = content,
            RaisedByMemberId = raiserId,
            RaisedBy = raiser,
            RaisedAt = now.AddDays(-daysAgo),
            Status = SuggestionStatus.Raised,
        };
        var microRaised = Micro("公交站台加装座椅", "市民广场公交站候车人多，建议加装座椅和遮阳棚。", memberId, memberName, 2);
        var microAssigned = Micro("学校门口增设护学岗", "实验小学门口上下学时段车辆拥堵，建议增设护学岗。", member2?.MemberId, member2Name, 6);
        Assign(microAssigned, unit, 4);
        var microClosed = Micro("政协机关开放日增加场次", "建议机关开放日由每年一次增加为每季度一次。", memberId, memberName, 30);
        microClosed.Answer = SuggestionAnswer.Adopted;
        microClosed.AnswerText = "已采纳，下季度起每季度举办一次政协开放日。";
        microClosed.AnsweredAt = now.AddDays(-25);
        microClosed.ClosedAt = now.AddDays(-25);
        microClosed.Status = SuggestionStatus.Closed;
        db.ConsultationSuggestions.AddRange(microRaised, microAssigned, microClosed);

        if (!await db.ActivityMinutes.AnyAsync(m => m.ActivityId == second.Id, ct))
        {
            var due = rules.AddWorkingDays(DateOnly.FromDateTime(BeijingTime.FromUtc(second.EndsAt)), 7);
            var minutes = new ActivityMinutes
            {
                CommitteeId = c,
                ActivityId = second.Id,
                Text = $"{second.Title}协商纪要\n一、协商议题及参加人员\n二、委员主要意见建议\n三、有关部门回应\n四、下一步工作",
                DueDate = due,
                UploadedAt = second.EndsAt.AddDays(3),
                SentAt = second.EndsAt.AddDays(4),
            };
            db.ActivityMinutes.Add(minutes);
            if (leader is not null)
            {
                db.MinutesReadings.Add(new MinutesReading
                {
                    CommitteeId = c,
                    MinutesId = minutes.Id,
                    LeaderUserId = leader.Id,
                    LeaderName = leader.DisplayName.Length <= 50 ? leader.DisplayName : leader.DisplayName[..50],
                    Instruction = "请有关部门认真研究吸纳，办理情况及时反馈。",
                    ReadAt = second.EndsAt.AddDays(6),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static (Activity Activity, List<ActivityParticipant> Participants) NewClosedActivity(Guid committeeId, DateTime now, Guid memberId, Guid? member2Id)
    {
        var starts = now.AddDays(-20).Date.AddHours(6);
        var activity = new Activity
        {
            CommitteeId = committeeId,
            Type = ActivityType.PleaseComeConsult,
            Title = "请你来协商：老旧小区改造",
            Topic = "老旧小区改造中的加装电梯、停车和物业管理",
            Venue = "市政协三楼会议室",
            StartsAt = starts,
            EndsAt = starts.AddHours(3),
            Organizer = "城乡建设委员会",
            LeadLeader = "陈主席",
            InvitedDepartments = "市住房和城乡建设局、市交通运输局",
            MassRepresentatives = "社区居民代表 李大伟",
            Mode = AttendanceMode.MustAttend,
            Status = ActivityStatus.Closed,
            SignInSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = starts.AddDays(-30),
            PublishedAt = starts.AddDays(-25),
            ClosedAt = starts.AddHours(4),
        };
        var participants = new List<ActivityParticipant>
        {
            new() { CommitteeId = committeeId, ActivityId = activity.Id, MemberId = memberId, Invited = true, SignedInAt = starts.AddMinutes(-10), SignInMethod = SignInMethod.ActivityCode, Attendance = Attendance.Present },
        };
        if (member2Id is { } m2)
        {
            participants.Add(new() { CommitteeId = committeeId, ActivityId = activity.Id, MemberId = m2, Invited = true, SignedInAt = starts.AddMinutes(-5), SignInMethod = SignInMethod.Manual, Attendance = Attendance.Present });
        }

        return (activity, participants);
    }
}
