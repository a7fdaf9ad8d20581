using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Seeding;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Preparation;

/// <summary>The demo seeder fills in whatever activities 示例市政协 has (the activities part seeds
/// them); it writes into the demo committee, so it runs on an app of its own.</summary>
public class PreparationDemoSeederTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Existing_demo_activities_get_tasks_and_speeches_with_consistent_votes_once(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var (published, draft) = await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var city = await d.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => c.Id).SingleAsync();
            var members = await d.Members.Where(m => m.CommitteeId == city).OrderBy(m => m.Name).Take(6).Select(m => m.Id).ToListAsync();
            var start = app.Clock.GetUtcNow().UtcDateTime.AddDays(20);
            Activity New(ActivityStatus status) => new()
            {
                CommitteeId = city,
                Type = ActivityType.PleaseComeConsult,
                Title = $"示例活动{status}",
                StartsAt = start,
                EndsAt = start.AddHours(2),
                Status = status,
                SignInSecret = "x",
                CreatedAt = start.AddDays(-30),
            };
            var p = New(ActivityStatus.Published);
            var dr = New(ActivityStatus.Draft);
            d.Activities.AddRange(p, dr);
            d.ActivityParticipants.AddRange(members.Select(m => new ActivityParticipant { CommitteeId = city, ActivityId = p.Id, MemberId = m, Invited = true }));
            await d.SaveChangesAsync();
            return (p.Id, dr.Id);
        });

        await app.AsAsync(Actor.System, sp => PreparationDemoSeeder.SeedAsync(sp.GetRequiredService<TongxinDbContext>()));
        await app.AsAsync(Actor.System, sp => PreparationDemoSeeder.SeedAsync(sp.GetRequiredService<TongxinDbContext>()));

        await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            (await d.ActivityTasks.CountAsync(t => t.ActivityId == published)).ShouldBe(2);
            (await d.ActivityTasks.CountAsync(t => t.ActivityId == draft)).ShouldBe(2);
            (await d.ActivitySpeeches.CountAsync(s => s.ActivityId == draft)).ShouldBe(0);
            var speeches = await d.ActivitySpeeches.AsNoTracking().Where(s => s.ActivityId == published).ToListAsync();
            speeches.Count.ShouldBe(3);
            foreach (var s in speeches)
            {
                s.VoteCount.ShouldBe(await d.SpeechVotes.CountAsync(v => v.SpeechId == s.Id), s.Title);
            }

            // Six participants: three speak, the other three vote, none for themselves.
            (await d.SpeechVotes.CountAsync(v => v.ActivityId == published)).ShouldBe(3);
            var speakers = speeches.Select(s => s.SpeakerMemberId).ToList();
            (await d.SpeechVotes.Where(v => v.ActivityId == published).Select(v => v.VoterMemberId).ToListAsync()).ShouldAllBe(v => !speakers.Contains(v));
        });
    }
}
