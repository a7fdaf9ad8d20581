using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Modules.PublicChannels;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Plan;

/// <summary>The demo committee's 2026 pool and published plan.</summary>
public class PlanDemoSeedTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_city_has_a_pool_from_all_sources_and_a_published_plan_in_the_1_2_6_X_shape(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        Task<T> Read<T>(Func<TongxinDbContext, Task<T>> read) => app.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));
        var cityId = await Read(d => d.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => c.Id).SingleAsync());
        var plan = await Read(d => d.ConsultationPlans.AsNoTracking().SingleAsync(p => p.CommitteeId == cityId && p.Year == 2026));
        (plan.Status, plan.Pattern).ShouldBe((PlanStatus.Published, "1+2+6+X"));
        var items = await Read(d => d.ConsultationPlanItems.AsNoTracking().Where(i => i.PlanId == plan.Id).ToListAsync());
        PlanPattern.Check(plan.Pattern, items.Select(i => i.Format)).ShouldBeEmpty();
        items.Select(i => i.Month).Distinct().Count().ShouldBe(12);

        var topics = await Read(d => d.ConsultationTopics.AsNoTracking().Where(t => t.CommitteeId == cityId && t.Year == 2026).ToListAsync());
        topics.Select(t => t.Source).Distinct().Count().ShouldBe(4);
        topics.Count.ShouldBeGreaterThanOrEqualTo(12);
        topics.Where(t => items.Any(i => i.TopicId == t.Id)).ShouldAllBe(t => t.Status == TopicStatus.Planned);
        var pooled = topics.Single(t => t.Source == TopicSource.Public);
        (await Read(d => d.TopicSuggestions.AsNoTracking().SingleAsync(s => s.Id == pooled.SuggestionId))).Status.ShouldBe(TopicSuggestionStatus.TakenIntoPool);
    }
}
