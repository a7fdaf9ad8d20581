using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Seeding;

/// <summary>民主监督演示数据 for 示例市政协 in the clock's year: the topic 优化营商环境专项民主监督 open for
/// linkage and joined by 东湖区政协; three supervisor groups (the one on 示例市住房和城乡建设局 led by
/// demo.member); supervision activities on the engine (one closed with attendance, one upcoming, one
/// draft); problems in every state with their timelines, deadlines from the working-day calendar (one
/// overdue), one reported by an enterprise at the 营商环境监测点; letters in draft, signed off and
/// answered. Rows are written directly; a committee that already has topics is skipped.</summary>
public static class SupervisionDemoSeeder
{
    /// <summary>The enterprise's receipt code of the monitoring-point problem (guides and browser tests).</summary>
    public const string MonitoringReceiptCode = "DEMS5T6U7V";

    public const string TopicTitle = "优化营商环境专项民主监督";

    public static async Task SeedAsync(TongxinDbContext db, CancellationToken ct = default)
    {
        var committees = await db.Committees.IgnoreQueryFilters().AsNoTracking().Select(c => new { c.Id, c.Name, c.ParentId }).ToListAsync(ct);
        var city = committees.FirstOrDefault(c => c.Name == DemoSeeder.CityCommitteeName);
        if (city is null || await db.SupervisionTopics.IgnoreQueryFilters().AnyAsync(t => t.CommitteeId == city.Id, ct))
        {
            return;
        }

        var county = committees.Where(c => c.ParentId == city.Id).OrderBy(c => c.Name.Contains("东湖") ? 0 : 1).ThenBy(c => c.Name).FirstOrDefault();
        var accounts = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.UserName == "demo.member" || u.UserName == "demo.member2" || u.UserName == "demo.unit")
            .Select(u => new { u.UserName, u.MemberId, u.HandlingUnitId }).ToListAsync(ct);
        var demoMember = accounts.FirstOrDefault(a => a.UserName == "demo.member")?.MemberId;
        var demoMember2 = accounts.FirstOrDefault(a => a.UserName == "demo.member2")?.MemberId;
        var units = await db.HandlingUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.CommitteeId == city.Id && u.IsActive)
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var housing = units.FirstOrDefault(u => u.Name == "示例市住房和城乡建设局") ?? units.FirstOrDefault();
        if (housing is null || demoMember is not { } leaderId)
        {
            return;
        }

        var otherUnits = units.Where(u => u.Id != housing.Id).Take(2).ToList();
        var others = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.CommitteeId == city.Id && m.IsActive && m.Id != demoMember && m.Id != demoMember2)
            .OrderBy(m => m.DutyCode).Skip(40).Take(14).Select(m => m.Id).ToListAsync(ct);
        var rules = new WorkingDays(await db.Holidays.AsNoTracking().ToListAsync(ct));
        var now = db.Time.GetUtcNow().UtcDateTime;
        var today = BeijingTime.Today(db.Time);
        var year = today.Year;
        DateTime At(DateOnly day, int hour) => ActivityHandler.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));
        DateOnly WorkingDaysBack(int n)
        {
            var d = today;
            for (var i = 0; i < n; d = d.AddDays(-1))
            {
                if (rules.IsWorkingDay(d.AddDays(-1)))
                {
                    i++;
                }
            }

            return d;
        }

        // 专项民主监督 with 三级联动: the city offers it, 东湖区 joins with its own topic.
        var topic = new SupervisionTopic
        {
            CommitteeId = city.Id,
            Year = year,
            Title = TopicTitle,
            Description = "围绕涉企审批服务、惠企政策落实、执法检查规范等开展专项民主监督，推动解决企业反映强烈的问题。",
            Departments = "示例市住房和城乡建设局、示例市市场监督管理局等",
            LeadLeader = "陈主席",
            Status = SupervisionTopicStatus.Active,
            OpenForLinkage = true,
            CreatedAt = At(today.AddDays(-60).Year == year ? today.AddDays(-60) : new DateOnly(year, 1, 1), 9),
        };
        db.SupervisionTopics.Add(topic);
        if (county is not null)
        {
            db.SupervisionTopics.Add(new SupervisionTopic
            {
                CommitteeId = county.Id,
                Year = year,
                Title = $"{TopicTitle}（东湖区）",
                Description = "联动开展：聚焦区级涉企服务事项。",
                Departments = "东湖区行政审批局",
                LeadLeader = "区政协主席",
                Status = SupervisionTopicStatus.Active,
                ParentTopicId = topic.Id,
                CreatedAt = topic.CreatedAt.AddDays(3),
            });
        }

        // 民主监督员小组.
        var termStart = new DateOnly(year, 1, 1);
        var termEnd = new DateOnly(year, 12, 31);
        SupervisorGroup Group(string name, Guid unitId, string department) => new()
        {
            CommitteeId = city.Id,
            Name = name,
            TopicId = topic.Id,
            HandlingUnitId = unitId,
            Department = department,
            TermStart = termStart,
            TermEnd = termEnd,
            Description = $"对口监督{department}，开展视察、调研、座谈和暗访。",
            CreatedAt = topic.CreatedAt,
        };
        var housingGroup = Group("住房城乡建设民主监督小组", housing.Id, housing.Name);
        var groups = new List<SupervisorGroup> { housingGroup };
        groups.AddRange(otherUnits.Select((u, i) => Group(i == 0 ? "第二民主监督小组" : "第三民主监督小组", u.Id, u.Name)));
        db.SupervisorGroups.AddRange(groups);
        var housingMembers = new[] { leaderId }.Concat(others.Take(4)).ToList();
        var firstMembers = new Dictionary<Guid, Guid> { [housingGroup.Id] = leaderId };
        SupervisorGroupMember Place(SupervisorGroup g, Guid m, int i) => new()
        {
            CommitteeId = city.Id,
            GroupId = g.Id,
            MemberId = m,
            Role = i == 0 ? SupervisorRole.Leader : i == 1 ? SupervisorRole.Deputy : SupervisorRole.Member,
        };
        db.SupervisorGroupMembers.AddRange(housingMembers.Select((m, i) => Place(housingGroup, m, i)));
        for (var g = 1; g < groups.Count; g++)
        {
            var members = (g == 1 && demoMember2 is { } m2 ? new[] { m2 } : []).Concat(others.Skip(4 * g).Take(4)).ToList();
            db.SupervisorGroupMembers.AddRange(members.Select((m, i) => Place(groups[g], m, i)));
            firstMembers[groups[g].Id] = members[0];
        }

        // 监督活动 on the shared engine.
        Activity NewActivity(string title, DateOnly day, ActivityStatus status, SupervisorGroup g, SupervisionActivityKind kind)
        {
            var a = new Activity
            {
                CommitteeId = city.Id,
                Type = ActivityType.Supervision,
                Title = title,
                Topic = TopicTitle,
                Venue = g.Department,
                StartsAt = At(day, 9),
                EndsAt = At(day, 12),
                Organizer = g.Name,
                LeadLeader = "陈主席",
                InvitedDepartments = g.Department,
                Mode = AttendanceMode.MustAttend,
                Status = status,
                SignInSecret = SignInCode.NewSecret(),
                CreatedAt = At(day.AddDays(-10), 9),
                PublishedAt = status == ActivityStatus.Draft ? null : At(day.AddDays(-7), 9),
                ClosedAt = status == ActivityStatus.Closed ? At(day, 15) : null,
            };
            db.Activities.Add(a);
            db.SupervisionActivities.Add(new SupervisionActivity { CommitteeId = city.Id, ActivityId = a.Id, GroupId = g.Id, TopicId = topic.Id, Kind = kind });
            return a;
        }

        var inspection = NewActivity("视察：工程建设项目审批服务", WorkingDaysBack(15), ActivityStatus.Closed, housingGroup, SupervisionActivityKind.Inspection);
        var date = DateOnly.FromDateTime(BeijingTime.FromUtc(inspection.StartsAt));
        db.ActivityParticipants.AddRange(housingMembers.Select((m, i) =>
        {
            var p = new ActivityParticipant { CommitteeId = city.Id, ActivityId = inspection.Id, MemberId = m, Invited = true };
            if (i != housingMembers.Count - 1)
            {
                p.SignedInAt = inspection.StartsAt.AddMinutes(-15 + i);
                p.SignInMethod = SignInMethod.ActivityCode;
            }

            p.Attendance = ActivityHandler.AttendanceOf(inspection.Mode, p);
            db.Raise(new ActivityAttendanceFixed(inspection.Id, city.Id, m, inspection.Type, p.Attendance, true, inspection.HalfDays, date));
            return p;
        }));
        var upcoming = NewActivity("座谈：惠企政策落实情况", today.AddDays(7), ActivityStatus.Published, groups[^1], SupervisionActivityKind.Seminar);
        db.ActivityParticipants.AddRange(others.Skip(4 * (groups.Count - 1)).Take(4)
            .Select(m => new ActivityParticipant { CommitteeId = city.Id, ActivityId = upcoming.Id, MemberId = m, Invited = true }));
        NewActivity("暗访：政务服务中心窗口办事体验", today.AddDays(20), ActivityStatus.Draft, housingGroup, SupervisionActivityKind.UnannouncedVisit);

        // 问题清单: every state, numbered in the year of recording.
        // Early in January the older problems fall in last year, which has numbers of its own.
        var numbers = new Dictionary<int, int>();
        SupervisionProblem Problem(string title, string description, string location, DateOnly recorded, SupervisorGroup? g)
        {
            var p = new SupervisionProblem
            {
                CommitteeId = city.Id,
                Year = recorded.Year,
                Number = numbers[recorded.Year] = numbers.GetValueOrDefault(recorded.Year) + 1,
                Source = ProblemSource.Supervisor,
                TopicId = topic.Id,
                GroupId = g?.Id,
                ReportedByMemberId = g is null ? null : leaderId,
                Title = title,
                Description = description,
                Location = location,
                Department = g?.Department ?? housing.Name,
                ConcernedPerson = "张经理",
                ConcernedPhone = "13800001111",
                Status = ProblemStatus.Recorded,
                RecordedAt = At(recorded, 10),
                AssignDueOn = rules.AddWorkingDays(recorded, 2),
            };
            db.SupervisionProblems.Add(p);
            Step(p, p.RecordedAt, "记录", g is null ? "企业" : "示例委员", "记录问题");
            return p;
        }

        void Step(SupervisionProblem p, DateTime at, string action, string actor, string text) =>
            db.SupervisionProblemSteps.Add(new SupervisionProblemStep { CommitteeId = city.Id, ProblemId = p.Id, At = at, Action = action, ActorName = actor, Text = text });

        void Assign(SupervisionProblem p, DateOnly day, Guid unitId)
        {
            p.Status = ProblemStatus.Assigned;
            p.HandlingUnitId = unitId;
            p.AssignedAt = At(day, 15);
            p.AssignNote = "请按“一周内答复”要求办理。";
            p.ReplyDueOn = rules.AddWorkingDays(day, 5);
            Step(p, p.AssignedAt.Value, "交办", "示例市政协办公室 王晓东", $"交{units.First(u => u.Id == unitId).Name}办理，答复期限{p.ReplyDueOn:yyyy年M月d日}");
        }

        void Reply(SupervisionProblem p, DateOnly day, RectificationState state, string text)
        {
            p.Status = ProblemStatus.Replied;
            p.Reply = text;
            p.Rectification = state;
            p.RepliedAt = At(day, 16);
            p.RepliedByName = "住建局 刘建华";
            Step(p, p.RepliedAt.Value, "答复", p.RepliedByName, $"{state.DisplayName()}：{text}");
        }

        if (rules.IsWorkingDay(today))
        {
            Problem("施工许可网上申报系统频繁卡顿", "企业反映施工许可网上申报系统在上传材料时经常卡顿、提交失败，需多次重填。", "市政务服务网", today, housingGroup);
        }

        var assigned = Problem("竣工联合验收预约排队时间长", "联合验收需提前两周预约，企业项目交付受影响。", "市民中心三楼", WorkingDaysBack(2), housingGroup);
        Assign(assigned, WorkingDaysBack(1), housing.Id);

        var overdue = Problem("保障性住房维修资金拨付迟缓", "多个小区维修资金申请超过三个月未拨付，电梯维修停滞。", "东城花园小区", WorkingDaysBack(12), housingGroup);
        Assign(overdue, WorkingDaysBack(11), housing.Id);
        Step(overdue, At(today, 8), "催办", "系统", "答复已超期，已提醒承办单位。");
        overdue.LastRemindedOn = today;

        var replied = Problem("老旧小区改造工地夜间施工扰民", "改造工地经常夜间施工至十一点以后，居民投诉多次未解决。", "西湖新村", WorkingDaysBack(9), housingGroup);
        Assign(replied, WorkingDaysBack(8), housing.Id);
        Reply(replied, WorkingDaysBack(5), RectificationState.InProgress, "已约谈施工单位，要求严格落实夜间施工审批，正在督促整改。");

        var closed = Problem("建筑企业资质审批材料重复提交", "同一资料需在不同窗口重复提交，企业负担重。", "市民中心二楼", WorkingDaysBack(20), housingGroup);
        Assign(closed, WorkingDaysBack(19), housing.Id);
        Reply(closed, WorkingDaysBack(16), RectificationState.Rectified, "已实行“一窗受理、一次提交”，材料共享。");
        closed.ReturnVisitAt = At(WorkingDaysBack(14), 10);
        closed.ReturnVisitMethod = ReturnVisitMethod.Phone;
        closed.ReturnVisitPerson = "张经理";
        closed.ReturnVisitSatisfaction = VisitSatisfaction.Satisfied;
        closed.ReturnVisitNote = "企业表示现在一次提交即可办结。";
        Step(closed, closed.ReturnVisitAt.Value, "回访", "示例市政协办公室 王晓东", "电话回访张经理：满意");
        closed.Status = ProblemStatus.Closed;
        closed.ClosedAt = closed.ReturnVisitAt.Value.AddHours(2);
        Step(closed, closed.ClosedAt.Value, "销号", "示例市政协办公室 王晓东", "已整改并回访，予以销号。");

        var dismissed = Problem("建议增加城区公园数量", "希望多建公园。", "城区", WorkingDaysBack(6), groups[^1]);
        dismissed.Status = ProblemStatus.Dismissed;
        dismissed.DismissReason = "属于一般性建议，不属于本次专项监督的问题，已转为委员建言。";
        Step(dismissed, At(WorkingDaysBack(5), 11), "不予交办", "示例市政协办公室 王晓东", dismissed.DismissReason);

        // 营商环境监测点: an enterprise's report at the point became a problem, now with the unit.
        var point = await db.LiaisonPoints.IgnoreQueryFilters()
            .Where(p => p.CommitteeId == city.Id && p.Purpose == LiaisonPointPurpose.BusinessEnvironment).OrderBy(p => p.Name).FirstOrDefaultAsync(ct);
        if (point is not null)
        {
            var reported = WorkingDaysBack(3);
            var submission = new PublicSubmission
            {
                CommitteeId = city.Id,
                Channel = PublicChannel.LiaisonPoint,
                LiaisonPointId = point.Id,
                Title = "厂房消防验收办理时间过长",
                Content = "我公司新建厂房消防验收已申请一个多月，一直没有安排现场检查，影响投产。",
                SubmitterName = "示例精密机械有限公司 李经理",
                Phone = "13700002222",
                ReceiptCode = MonitoringReceiptCode,
                IdempotencyKey = $"demo-{MonitoringReceiptCode}",
                Status = PublicSubmissionStatus.ForwardedToUnit,
                ForwardedUnitId = housing.Id,
                CreatedAt = At(reported, 9),
                LastActivityAt = At(WorkingDaysBack(2), 15),
            };
            db.PublicSubmissions.Add(submission);
            var fromPoint = Problem(submission.Title, submission.Content, point.Address, reported, null);
            fromPoint.Source = ProblemSource.MonitoringPoint;
            fromPoint.PublicSubmissionId = submission.Id;
            fromPoint.LiaisonPointId = point.Id;
            fromPoint.ConcernedPerson = submission.SubmitterName;
            fromPoint.ConcernedPhone = submission.Phone;
            Assign(fromPoint, WorkingDaysBack(2), housing.Id);
        }

        // 民主监督建议书: answered, signed off, draft.
        SupervisionLetter Letter(SupervisorGroup g, Guid unitId, string title, string body, DateOnly created) => new()
        {
            CommitteeId = city.Id,
            Year = created.Year,
            GroupId = g.Id,
            TopicId = topic.Id,
            HandlingUnitId = unitId,
            Recipient = units.First(u => u.Id == unitId).Name,
            Title = title,
            Body = body,
            Status = LetterStatus.Draft,
            DraftedByMemberId = firstMembers[g.Id],
            CreatedAt = At(created, 10),
        };
        var answered = Letter(housingGroup, housing.Id, "关于进一步优化工程建设项目审批服务的建议",
            "一、存在的问题\n小组在视察中发现，竣工联合验收预约时间长、资质审批材料重复提交等问题较为突出。\n二、建议\n1．推行联合验收“即约即验”；\n2．全面实行材料“一次提交、共享复用”。",
            WorkingDaysBack(14));
        answered.Status = LetterStatus.Answered;
        answered.Year = year;
        answered.Number = 1;
        answered.SignedOffAt = At(WorkingDaysBack(12), 10);
        answered.SignedOffBy = "示例市政协办公室 王晓东";
        answered.SentAt = At(WorkingDaysBack(11), 10);
        answered.Response = "我局高度重视，已于本月起推行联合验收预约“当周办结”，材料共享工作正在推进中。";
        answered.RespondedAt = At(WorkingDaysBack(4), 16);
        answered.RespondedByName = "住建局 刘建华";
        var signedOff = Letter(groups[^1], groups[^1].HandlingUnitId!.Value, "关于加快惠企政策兑现的建议",
            "小组调研发现，部分惠企政策申报流程繁琐、兑现周期长。建议推行“免申即享”，缩短兑现周期。", WorkingDaysBack(4));
        signedOff.Status = LetterStatus.SignedOff;
        signedOff.Year = year;
        signedOff.Number = 2;
        signedOff.SignedOffAt = At(WorkingDaysBack(1), 10);
        signedOff.SignedOffBy = "示例市政协办公室 王晓东";
        var draft = Letter(housingGroup, housing.Id, "关于加快保障性住房维修资金拨付的建议", "（草稿）小组发现维修资金拨付迟缓，建议简化拨付流程。", today);
        db.SupervisionLetters.AddRange(answered, signedOff, draft);
        db.Raise(new SupervisionLetterSent(answered.Id, city.Id, housingGroup.Id, leaderId, housingMembers, DateOnly.FromDateTime(BeijingTime.FromUtc(answered.SentAt.Value))));
        await db.SaveChangesAsync(ct);
    }
}
