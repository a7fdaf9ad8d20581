using System.Security.Cryptography;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Figures;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Figures;

/// <summary>民主监督统计 over a small committee built row by row: what counts in the year, on time
/// against late (by the Beijing date), and the per-group table.</summary>
public class FiguresTests
{
    /// <summary>A Beijing wall-clock time as the UTC instant the database stores.</summary>
    private static DateTime Bj(int month, int day, int hour, int year = 2026) => new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_figure_of_a_small_committee_is_counted_by_its_rules(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var members = Enumerable.Range(0, 5).Select(i => new Member
            {
                CommitteeId = committee.Id,
                Name = $"监督员{i}",
                Gender = Gender.Female,
                BirthYear = 1975,
                DutyCode = "F" + Guid.NewGuid().ToString("N")[..15],
            }).ToList();
            d.Members.AddRange(members);
            SupervisorGroup Group(string name, int fromYear, int toYear) => new()
            {
                CommitteeId = committee.Id,
                Name = name,
                Department = name + "对口部门",
                TermStart = new DateOnly(fromYear, 1, 1),
                TermEnd = new DateOnly(toYear, 12, 31),
            };
            var a = Group("甲小组", 2026, 2026);
            var b = Group("乙小组", 2025, 2026);
            var old = Group("丙小组", 2025, 2025);
            d.SupervisorGroups.AddRange(a, b, old);
            SupervisorGroupMember Place(SupervisorGroup g, Member m) => new() { CommitteeId = committee.Id, GroupId = g.Id, MemberId = m.Id };
            d.SupervisorGroupMembers.AddRange(Place(a, members[0]), Place(a, members[1]), Place(a, members[2]), Place(b, members[2]), Place(b, members[3]), Place(old, members[4]));

            void Activity(SupervisorGroup g, ActivityStatus status, DateTime startsAt)
            {
                var x = new Activity
                {
                    CommitteeId = committee.Id,
                    Type = ActivityType.Supervision,
                    Title = "监督活动",
                    StartsAt = startsAt,
                    EndsAt = startsAt.AddHours(3),
                    Status = status,
                    SignInSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    CreatedAt = startsAt.AddDays(-10),
                };
                d.Activities.Add(x);
                d.SupervisionActivities.Add(new SupervisionActivity { CommitteeId = committee.Id, ActivityId = x.Id, GroupId = g.Id, Kind = SupervisionActivityKind.Inspection });
            }

            Activity(a, ActivityStatus.Closed, Bj(1, 20, 9));
            Activity(a, ActivityStatus.Published, Bj(2, 26, 9)); // held, not yet closed
            Activity(a, ActivityStatus.Published, Bj(3, 10, 9)); // still ahead (the clock is 2 March)
            Activity(a, ActivityStatus.Draft, Bj(2, 10, 9));
            Activity(b, ActivityStatus.Closed, Bj(11, 5, 9, 2025)); // last year

            var n = 0;
            SupervisionProblem Problem(SupervisorGroup? g, ProblemStatus status, DateOnly assignDue, int year = 2026)
            {
                var p = new SupervisionProblem
                {
                    CommitteeId = committee.Id,
                    Year = year,
                    Number = ++n,
                    Source = g is null ? ProblemSource.MonitoringPoint : ProblemSource.Supervisor,
                    GroupId = g?.Id,
                    Title = $"问题{n}",
                    Status = status,
                    RecordedAt = Bj(2, 6, 10),
                    AssignDueOn = assignDue,
                };
                d.SupervisionProblems.Add(p);
                return p;
            }

            Problem(a, ProblemStatus.Recorded, new DateOnly(2026, 3, 4));
            var lateReply = Problem(a, ProblemStatus.Replied, new DateOnly(2026, 2, 10));
            lateReply.AssignedAt = Bj(2, 10, 15); // on the due day: on time
            lateReply.ReplyDueOn = new DateOnly(2026, 2, 17);
            lateReply.RepliedAt = Bj(2, 18, 9); // a day late
            var lateAssign = Problem(a, ProblemStatus.Closed, new DateOnly(2026, 2, 10));
            lateAssign.AssignedAt = Bj(2, 11, 1); // still 10 Feb in UTC, but 11 Feb in Beijing: late
            lateAssign.ReplyDueOn = new DateOnly(2026, 2, 25);
            lateAssign.RepliedAt = Bj(2, 25, 23); // the due day, late evening: on time
            lateAssign.ReturnVisitAt = Bj(2, 27, 10);
            lateAssign.ClosedAt = Bj(2, 27, 11);
            var fromPoint = Problem(null, ProblemStatus.Assigned, new DateOnly(2026, 2, 12));
            fromPoint.AssignedAt = Bj(2, 12, 9);
            fromPoint.ReplyDueOn = new DateOnly(2026, 3, 5);
            var lastYear = Problem(a, ProblemStatus.Closed, new DateOnly(2025, 12, 3), 2025);
            lastYear.AssignedAt = Bj(12, 2, 9, 2025);

            SupervisionLetter Letter(SupervisorGroup g, LetterStatus status, DateTime? sentAt, int number) => new()
            {
                CommitteeId = committee.Id,
                Year = sentAt?.Year ?? 2026,
                Number = number,
                GroupId = g.Id,
                Recipient = g.Department,
                Title = "建议书",
                Body = "正文",
                Status = status,
                SentAt = sentAt,
                CreatedAt = Bj(1, 5, 9),
            };
            d.SupervisionLetters.AddRange(
                Letter(a, LetterStatus.Answered, Bj(2, 1, 9), 1),
                Letter(a, LetterStatus.Sent, Bj(2, 20, 9), 2),
                Letter(b, LetterStatus.SignedOff, null, 3),
                Letter(a, LetterStatus.Answered, Bj(12, 1, 9, 2025), 9));
            await d.SaveChangesAsync();
        });
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Supervision]);
        var leader = await app.NewUserAsync(committee, Roles.Leader);

        var f = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<SupervisionFigures>().GetAsync(2026));

        f.Headline.ShouldBe("2 个小组 4 名民主监督员 2 场 2 份建议书");
        f.ChainLine.ShouldBe("发现问题 4 个，按时交办 2 个，按时答复 1 个，回访 1 个（回访率 50%），销号 1 个；建议书已反馈 1 份");
        // Groups come in the database's name order; the problems of no group come last.
        f.Rows.Select(r => r.Name).Order().ShouldBe(new[] { "甲小组", "乙小组", SupervisionFigures.NoGroupName }.Order());
        f.Rows[^1].Name.ShouldBe(SupervisionFigures.NoGroupName);
        var rows = f.Rows.ToDictionary(r => r.Name);
        rows["甲小组"].ShouldBe(new GroupFigures("甲小组", 3, 2, 3, 1, 1, 1, 1, 2, 2, 1));
        rows["乙小组"].ShouldBe(new GroupFigures("乙小组", 2, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        rows[SupervisionFigures.NoGroupName].ShouldBe(new GroupFigures(SupervisionFigures.NoGroupName, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0));
        f.Total.ShouldBe(new GroupFigures("合计", 4, 2, 4, 2, 1, 1, 1, 2, 2, 1));
        rows["乙小组"].ReturnVisitRateText.ShouldBe("—");

        var last = await app.AsAsync(leader.Actor, sp => sp.GetRequiredService<SupervisionFigures>().GetAsync(2025));
        last.Headline.ShouldBe("2 个小组 3 名民主监督员 1 场 1 份建议书");
        last.Total.Found.ShouldBe(1);

        var (content, name) = await app.AsAsync(leader.Actor, sp => sp.GetRequiredService<SupervisionFigures>().ExportAsync(2026));
        name.ShouldBe("民主监督统计2026.xlsx");
        using var book = new XLWorkbook(new MemoryStream(content));
        var sheet = book.Worksheet(1);
        sheet.Cell(1, 1).GetString().ShouldEndWith(f.Headline);
        var row = Enumerable.Range(4, 3).Single(r => sheet.Cell(r, 1).GetString() == "甲小组");
        sheet.Cell(row, 9).GetString().ShouldBe("50%");
        sheet.Cell(7, 1).GetString().ShouldBe("合计");
        sheet.Cell(7, 4).GetValue<int>().ShouldBe(4);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_supervision_staff_and_leaders_see_the_figures(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        foreach (var user in new[]
        {
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Proposals]),
            await app.NewUserAsync(committee, Roles.Unit),
            await app.NewUserAsync(committee, Roles.Member),
        })
        {
            await Should.ThrowAsync<ForbiddenException>(app.AsAsync(user.Actor, sp => sp.GetRequiredService<SupervisionFigures>().GetAsync(2026)));
        }
    }
}
