using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.Performance.Seeding;

/// <summary>委员履职演示数据: in 示例市政协, demo.member's visits to sector masses (with clues) and a
/// 一人一事 plan for the year with two items done, demo.member2's one visit, and a few visits by
/// other members; at demo scale each committee's plenary and six activities a year (closed, with
/// attendance and some speeches) for this year and last; then the ledger is rebuilt for every committee for this year and last, from
/// what the other seeders wrote, so 我的履职, the committee table and the leaderboards have
/// figures at once. The city grades on bands of its own (80 / 50 / 35). Runs last, on the empty database the demo seeder starts from.</summary>
public static class PerformanceDemoSeeder
{
    private static readonly (ActivityType Type, string Title, int Month, int HalfDays)[] YearActivities =
    [
        (ActivityType.StandingCommittee, "常委会议：审议年度协商计划", 3, 1),
        (ActivityType.Inspection, "调研视察：乡村振兴重点项目", 4, 2),
        (ActivityType.PleaseComeConsult, "请你来协商：老旧小区改造", 5, 1),
        (ActivityType.Training, "学习培训：委员履职能力提升", 6, 2),
        (ActivityType.Sector, "界别协商：中小企业融资", 7, 1),
        (ActivityType.Thematic, "专题协商：营商环境优化", 9, 1),
        (ActivityType.LivelihoodHall, "民生议事堂：社区停车难", 10, 1),
        (ActivityType.FaceToFace, "面对面：教育资源均衡发展", 11, 1),
    ];

    /// <summary>Each committee's closed plenary (January, five half-days, every member invited) and
    /// eight closed activities a year for this year (those already held) and last, with attendance
    /// spread by a fixed rule: the history a duty record is made of.</summary>
    private static async Task SeedHistoryAsync(TongxinDbContext db, IReadOnlyList<Guid> committees, DateOnly today, CancellationToken ct)
    {
        foreach (var committeeId in committees)
        {
            var members = await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.CommitteeId == committeeId && m.IsActive)
                .OrderBy(m => m.DutyCode).Select(m => m.Id).ToListAsync(ct);
            if (members.Count == 0)
            {
                continue;
            }

            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                var held = new List<(ActivityType Type, string Title, DateOnly Date, int HalfDays, AttendanceMode Mode)>
                {
                    (ActivityType.Plenary, $"政协{year}年全体会议", new DateOnly(year, 1, 12), 5, AttendanceMode.MustAttend),
                };
                held.AddRange(YearActivities.Select(y => (y.Type, y.Title, new DateOnly(year, y.Month, 15), y.HalfDays, AttendanceMode.SignUp)));
                foreach (var (type, title, date, halfDays, mode) in held.Where(h => h.Date < today.AddDays(-7)))
                {
                    var starts = BeijingTime.StartOfDayUtc(date).AddHours(9);
                    var a = new Activity
                    {
                        CommitteeId = committeeId,
                        Type = type,
                        Title = title,
                        Topic = title,
                        Venue = "政协会议中心",
                        StartsAt = starts,
                        EndsAt = starts.AddHours(halfDays * 4),
                        HalfDays = halfDays,
                        Organizer = "政协办公室",
                        Mode = mode,
                        Status = ActivityStatus.Closed,
                        SignInSecret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                        CreatedAt = starts.AddDays(-20),
                        PublishedAt = starts.AddDays(-15),
                        ClosedAt = starts.AddDays(1),
                    };
                    db.Activities.Add(a);
                    var seed = date.DayNumber;
                    for (var i = 0; i < members.Count; i++)
                    {
                        var k = (i * 7 + seed) % 100;
                        if (mode == AttendanceMode.SignUp && k >= 60)
                        {
                            continue; // about three in five members take part in each other activity
                        }

                        var attendance = mode == AttendanceMode.SignUp ? Attendance.Present : k < 90 ? Attendance.Present : k < 97 ? Attendance.OnLeave : Attendance.Absent;
                        db.ActivityParticipants.Add(new ActivityParticipant
                        {
                            CommitteeId = committeeId,
                            ActivityId = a.Id,
                            MemberId = members[i],
                            Invited = mode == AttendanceMode.MustAttend,
                            Response = mode == AttendanceMode.SignUp ? ParticipantResponse.SignedUp : ParticipantResponse.None,
                            Leave = attendance == Attendance.OnLeave ? LeaveStatus.Approved : LeaveStatus.None,
                            SignedInAt = attendance == Attendance.Present ? starts.AddMinutes(-10) : null,
                            SignInMethod = attendance == Attendance.Present ? SignInMethod.ActivityCode : null,
                            Attendance = attendance,
                        });
                    }

                    if (type is ActivityType.Plenary or ActivityType.Thematic)
                    {
                        foreach (var speaker in members.Where((_, i) => (i * 11 + seed) % 100 < 4))
                        {
                            db.ActivitySpeeches.Add(new ActivitySpeech
                            {
                                CommitteeId = committeeId,
                                ActivityId = a.Id,
                                SpeakerMemberId = speaker,
                                SpeakerName = "委员",
                                Title = type == ActivityType.Plenary ? "大会发言：推动高质量发展" : "协商发言：优化营商环境",
                                Text = "（发言稿）",
                                Mode = SpeechMode.Oral,
                                CreatedAt = starts,
                            });
                        }
                    }
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    public static async Task SeedAsync(TongxinDbContext db, DutyLedger ledger, SeedScale scale, CancellationToken ct = default)
    {
        var today = BeijingTime.Today(db.Time);
        var now = db.Time.GetUtcNow().UtcDateTime;
        var committees = await db.Committees.IgnoreQueryFilters().AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        if (scale == SeedScale.Demo)
        {
            await SeedHistoryAsync(db, committees, today, ct);
        }

        var city = await db.Committees.IgnoreQueryFilters().Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (city is { } cityId)
        {
            var accounts = await db.Users.IgnoreQueryFilters().AsNoTracking()
                .Where(u => u.UserName == "demo.member" || u.UserName == "demo.member2")
                .Select(u => new { u.UserName, u.MemberId }).ToListAsync(ct);
            var member = accounts.FirstOrDefault(a => a.UserName == "demo.member")?.MemberId;
            var member2 = accounts.FirstOrDefault(a => a.UserName == "demo.member2")?.MemberId;
            var others = await db.Members.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.CommitteeId == cityId && m.IsActive && m.Id != member && m.Id != member2)
                .OrderBy(m => m.DutyCode).Skip(60).Take(12).Select(m => m.Id).ToListAsync(ct);

            MassVisit Visit(Guid memberId, int daysAgo, string place, int people, string summary, params string[] clues)
            {
                var v = new MassVisit
                {
                    CommitteeId = cityId,
                    MemberId = memberId,
                    Date = today.AddDays(-daysAgo),
                    Place = place,
                    PeopleServed = people,
                    Summary = summary,
                    CreatedAt = now.AddDays(-daysAgo),
                };
                v.Clues.AddRange(clues.Select((text, i) => new MassVisitClue { CommitteeId = cityId, VisitId = v.Id, Text = text, SortOrder = i }));
                db.MassVisits.Add(v);
                return v;
            }

            if (member is { } m1)
            {
                Visit(m1, 40, "城东街道老年活动中心", 35, "走访界别群众，了解社区养老服务需求。",
                    "社区助餐点覆盖不足，独居老人就餐难", "老旧小区加装电梯审批流程长");
                Visit(m1, 18, "市第二中学", 12, "与教师代表座谈，听取课后服务意见。", "课后服务教师补贴标准偏低");
                Visit(m1, 5, "高新区科创园", 20, "走访中小企业，了解融资和用工情况。");
                var items = new[]
                {
                    ("为城东街道独居老人办一件实事", "协调助餐点延伸送餐服务", (DateOnly?)today.AddDays(-30)),
                    ("提交一件关于课后服务的提案", "调研后形成提案", (DateOnly?)today.AddDays(-10)),
                    ("联系一家科创企业", "每季度走访一次，反映诉求", null),
                };
                db.DutyPlanItems.AddRange(items.Select((x, i) => new DutyPlanItem
                {
                    CommitteeId = cityId,
                    MemberId = m1,
                    Year = today.Year,
                    Title = x.Item1,
                    Detail = x.Item2,
                    CompletedOn = x.Item3,
                    CompletionNote = x.Item3 is null ? "" : "已完成",
                    SortOrder = i,
                    CreatedAt = now.AddDays(-60),
                }));
            }

            if (member2 is { } m2)
            {
                Visit(m2, 25, "青年创业园", 15, "听取青年创业者意见。", "创业担保贷款申请材料繁多");
            }

            for (var i = 0; i < others.Count; i++)
            {
                Visit(others[i], 10 + (i * 7 % 60), i % 2 == 0 ? "社区服务中心" : "村民议事会", 8 + (i * 5 % 30), "走访界别群众。");
            }

            // The city grades on its own bands (a committee's choice; the defaults stay elsewhere).
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                db.DutyRuleSets.Add(new DutyRuleSet
                {
                    CommitteeId = cityId,
                    Year = year,
                    ExcellentMin = 80,
                    CompetentMin = 50,
                    PassMin = 35,
                    UpdatedAt = now,
                    UpdatedByName = "演示数据",
                    Rules = [.. DutyDefaults.Editable.Select(kv => new DutyRule { Item = kv.Key, Points = kv.Value.Points, JointPoints = kv.Value.JointPoints, YearCap = kv.Value.YearCap })],
                });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }

        foreach (var committeeId in committees)
        {
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                await ledger.RebuildAsync(committeeId, year, ct);
            }
        }
    }
}
