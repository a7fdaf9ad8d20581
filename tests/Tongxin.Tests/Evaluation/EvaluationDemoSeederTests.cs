using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Evaluation;
using Tongxin.Modules.Evaluation.Seeding;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Evaluation;

/// <summary>The demo's evaluation project: the paper's template with a closed round answered by the two demo
/// members, whose results page has weights and charts; seeding again adds nothing. Reads the demo accounts only.</summary>
public class EvaluationDemoSeederTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_has_the_papers_project_with_a_closed_round_whose_results_show_and_seeding_again_adds_nothing(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        await app.AsAsync(Actor.System, sp => EvaluationDemoSeeder.SeedAsync(sp.GetRequiredService<TongxinDbContext>()));
        var (id, answers, round) = await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var city = await d.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => c.Id).SingleAsync();
            var project = await d.EvaluationProjects.SingleAsync(p => p.CommitteeId == city && p.Title == EvaluationDemoSeeder.ProjectTitle);
            var count = await d.EvaluationAnswers.CountAsync(a => a.ProjectId == project.Id);
            var r = await d.EvaluationRounds.SingleAsync(x => x.ProjectId == project.Id);
            return (project.Id, count, r);
        });
        answers.ShouldBe(8); // two experts × the four matrices (五构面, and the criteria of three of them)
        round.ClosedAt.ShouldNotBeNull();
        round.Decision.ShouldNotBeNull();

        using var staff = await WebSession.LoginAsync(app, "demo.staff", DemoAccounts.Password);
        var results = await staff.GetPageAsync($"/Evaluation/Results/{id}");
        results.ShouldContain("2 位专家作答");
        results.ShouldContain("落实反馈机制");
        results.ShouldContain("chart-sunburst");
        using var member = await WebSession.LoginAsync(app, "demo.member", DemoAccounts.Password);
        (await member.GetPageAsync("/Evaluation/My")).ShouldContain(EvaluationDemoSeeder.ProjectTitle);
        (await member.GetPageAsync($"/Evaluation/Answer/{id}")).ShouldContain("上轮专家意见（匿名汇总）");
    }
}
