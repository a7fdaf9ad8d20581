using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Seeding;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Letters;

/// <summary>The demo committee has supervision to show: a linked topic, groups, activities, problems
/// in every state (one from the monitoring point), letters in draft, signed off and answered.</summary>
public class SupervisionDemoSeederTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_city_has_supervision_in_every_state(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var city = await d.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => c.Id).SingleAsync();
            var topic = await d.SupervisionTopics.SingleAsync(t => t.CommitteeId == city && t.Title == SupervisionDemoSeeder.TopicTitle);
            topic.OpenForLinkage.ShouldBeTrue();
            topic.Year.ShouldBe(2026);
            (await d.SupervisionTopics.CountAsync(t => t.ParentTopicId == topic.Id && t.CommitteeId != city)).ShouldBe(1);

            var groups = await d.SupervisorGroups.Where(g => g.CommitteeId == city).ToListAsync();
            groups.Count.ShouldBe(3);
            var demoMember = await d.Users.Where(u => u.UserName == "demo.member").Select(u => u.MemberId).SingleAsync();
            var demoUnit = await d.Users.Where(u => u.UserName == "demo.unit").Select(u => u.HandlingUnitId).SingleAsync();
            var housing = groups.Single(g => g.HandlingUnitId == demoUnit);
            (await d.SupervisorGroupMembers.SingleAsync(m => m.GroupId == housing.Id && m.MemberId == demoMember)).Role.ShouldBe(SupervisorRole.Leader);

            var activities = await (from s in d.SupervisionActivities
                                    join a in d.Activities on s.ActivityId equals a.Id
                                    where s.CommitteeId == city
                                    select new { a.Type, a.Status, a.Id }).ToListAsync();
            activities.ShouldAllBe(a => a.Type == ActivityType.Supervision);
            var closed = activities.Single(a => a.Status == ActivityStatus.Closed);
            (await d.ActivityParticipants.CountAsync(p => p.ActivityId == closed.Id && p.Attendance == Attendance.Present)).ShouldBeGreaterThan(0);

            var problems = await d.SupervisionProblems.Where(p => p.CommitteeId == city).ToListAsync();
            foreach (var status in new[] { ProblemStatus.Recorded, ProblemStatus.Assigned, ProblemStatus.Replied, ProblemStatus.Closed, ProblemStatus.Dismissed })
            {
                problems.ShouldContain(p => p.Status == status, status.ToString());
            }

            problems.ShouldContain(p => p.Status == ProblemStatus.Assigned && p.ReplyDueOn < new DateOnly(2026, 3, 2), "one overdue");
            problems.Single(p => p.Status == ProblemStatus.Closed).ReturnVisitAt.ShouldNotBeNull();
            var fromPoint = problems.Single(p => p.Source == ProblemSource.MonitoringPoint);
            var submission = await d.PublicSubmissions.SingleAsync(s => s.Id == fromPoint.PublicSubmissionId);
            submission.ReceiptCode.ShouldBe(SupervisionDemoSeeder.MonitoringReceiptCode);
            (await d.LiaisonPoints.SingleAsync(p => p.Id == submission.LiaisonPointId)).Purpose.ShouldBe(LiaisonPointPurpose.BusinessEnvironment);
            var problemIds = problems.Select(p => p.Id).ToList();
            (await d.SupervisionProblemSteps.Where(s => problemIds.Contains(s.ProblemId)).Select(s => s.ProblemId).Distinct().CountAsync()).ShouldBe(problems.Count);
            problems.Select(p => p.Number).Order().ShouldBe(Enumerable.Range(1, problems.Count));

            var letters = await d.SupervisionLetters.Where(l => l.CommitteeId == city).Select(l => new { l.Status, l.Number }).ToListAsync();
            letters.Select(l => l.Status).Order().ShouldBe([LetterStatus.Draft, LetterStatus.SignedOff, LetterStatus.Answered]);
            letters.Where(l => l.Number != null).Select(l => l.Number!.Value).Order().ShouldBe([1, 2]);
        });
    }
}
