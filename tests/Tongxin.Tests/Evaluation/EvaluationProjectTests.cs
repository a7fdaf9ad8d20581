using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Evaluation;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Evaluation;

/// <summary>Evaluation projects through the product's handlers: the paper's template and Table 1, the
/// Delphi round, adoption, and who may do what.</summary>
public class EvaluationProjectTests
{
    private static readonly string[] Table1 =
        ["1.1018", "1.0133", "0.9665", "1.1027", "1.0019", "0.9013", "0.9787", "1.2364", "0.8912", "1.2203"];

    private static Task<T> Projects<T>(TestApp app, Actor a, Func<ProjectHandler, Task<T>> f) => app.AsAsync(a, sp => f(sp.GetRequiredService<ProjectHandler>()));

    private static Task<T> Answers<T>(TestApp app, Actor a, Func<AnswerHandler, Task<T>> f) => app.AsAsync(a, sp => f(sp.GetRequiredService<AnswerHandler>()));

    private static Task<T> Results<T>(TestApp app, Actor a, Func<ResultsHandler, Task<T>> f) => app.AsAsync(a, sp => f(sp.GetRequiredService<ResultsHandler>()));

    [Theory, ClassData(typeof(Databases))]
    public async Task The_papers_template_and_one_experts_Table_1_give_the_published_dimension_weights(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Evaluation]);
        var expert = await app.NewUserAsync(committee, Roles.Member);
        var id = await Projects(app, staff.Actor, h => h.CreateAsync(new ProjectInput { Title = "有效衔接路径评价", Use = EvaluationUse.General, Template = EvaluationTemplates.Paper }));
        var view = await Projects(app, staff.Actor, h => h.GetAsync(id));
        view.ChildrenOf(view.Nodes.Single(n => n.ParentId == null).Id).Select(n => n.Name).ShouldBe(["制度完善化", "形式创新化", "意识普及化", "参与协商", "质效评价"]);
        view.Nodes.Count(n => view.ChildrenOf(n.Id).Any() == false).ShouldBe(11); // nine criteria + two dimensions without criteria
        await Projects(app, staff.Actor, h => h.InviteAsync(id, expert.Id));
        await app.AsAsync(staff.Actor, async sp => await sp.GetRequiredService<ProjectHandler>().OpenRoundAsync(id, (await sp.GetRequiredService<ProjectHandler>().GetAsync(id)).Version));

        var goal = view.Questions[0];
        var cr = await Answers(app, expert.Actor, h => h.SubmitAsync(id, goal.Id, Table1, null));
        cr.ShouldBe(0.0047, 0.0001);
        var results = await Results(app, staff.Actor, h => h.GetAsync(id));
        results.Missing.ShouldNotBeNull(); // the three criteria matrices are not answered yet
        foreach (var (q, triangle) in view.Questions.Skip(1).Zip(new[] { new[] { "0.6934", "2.8127", "3.1162" }, ["1.1126", "0.5719", "0.8364"], ["2.4349", "1.8514", "0.9365"] }))
        {
            await Answers(app, expert.Actor, h => h.SubmitAsync(id, q.Id, triangle, null));
        }

        results = await Results(app, staff.Actor, h => h.GetAsync(id));
        results.Missing.ShouldBeNull();
        results.Nodes.Where(n => n.Level == 1).Select(n => Math.Round(n.Local, 4)).ShouldBe([0.2062, 0.1906, 0.2040, 0.2055, 0.1937]);
        results.Consistency[0].Aggregated!.CI.ShouldBe(0.0052, 0.00005);
        results.Consistency[0].Experts.Single().Alias.ShouldBe("专家1");
        // Global weight = local × parent's (协同联动机制 0.2062 × 0.4872).
        results.Nodes.Single(n => n.Name == "协同联动机制").Global.ShouldBe(0.2062 * 0.4872, 0.0002);
        results.Nodes.Where(n => n.IsLeaf).Sum(n => n.Global).ShouldBe(1, 1e-9);

        using var s = await WebSession.LoginAsync(app, staff.UserName);
        var page = await s.GetPageAsync($"/Evaluation/Results/{id}");
        page.ShouldContain("0.2062");
        page.ShouldContain("0.1937");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_closed_round_shows_the_anonymous_aggregate_and_its_weights_are_adopted_for_other_modules(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Evaluation]);
        var e1 = await app.NewUserAsync(committee, Roles.Member);
        var e2 = await app.NewUserAsync(committee, Roles.Member);
        var id = await Projects(app, staff.Actor, h => h.CreateAsync(new ProjectInput { Title = "提案质量权重", Use = EvaluationUse.ProposalQuality, Template = EvaluationTemplates.ProposalQuality }));
        await Projects(app, staff.Actor, h => h.InviteAsync(id, e1.Id));
        await Projects(app, staff.Actor, h => h.InviteAsync(id, e2.Id));
        await app.AsAsync(staff.Actor, async sp => await sp.GetRequiredService<ProjectHandler>().OpenRoundAsync(id, (await sp.GetRequiredService<ProjectHandler>().GetAsync(id)).Version));
        var view = await Projects(app, staff.Actor, h => h.GetAsync(id));
        foreach (var (who, strong) in new[] { (e1, "3"), (e2, "5") })
        {
            foreach (var q in view.Questions)
            {
                var n = view.ChildrenOf(q.Id).Count();
                var triangle = Enumerable.Range(0, n * (n - 1) / 2).Select(k => k < n - 1 ? strong : "1").ToList();
                await Answers(app, who.Actor, h => h.SubmitAsync(id, q.Id, triangle, null));
            }
        }

        await Should.ThrowAsync<ConflictException>(() => Results(app, staff.Actor, h => h.AdoptAsync(id).ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; })));
        await app.AsAsync(staff.Actor, async sp => await sp.GetRequiredService<ProjectHandler>().CloseRoundAsync(id, (await sp.GetRequiredService<ProjectHandler>().GetAsync(id)).Version));
        var round = (await Projects(app, staff.Actor, h => h.GetAsync(id))).Rounds.Single();
        round.Decision.ShouldNotBeNull();
        round.Explanation.ShouldStartWith("第 1 轮");

        var question = await Answers(app, e1.Actor, h => h.GetAsync(id, view.Questions[0].Id));
        var first = question.Feedback[(0, 1)];
        first.Median.ShouldBe(4);
        first.Own.ShouldBe(3);
        question.Current.ShouldNotBeNull()[0].ShouldBe(3);

        await Results(app, staff.Actor, async h => { await h.AdoptAsync(id); return 0; });
        var adopted = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<AdoptedWeights>().GetAsync(committee.Id, EvaluationUse.ProposalQuality));
        adopted.ShouldNotBeNull().ProjectId.ShouldBe(id);
        adopted.Weights.Where(w => w.IsLeaf).Sum(w => w.Global).ShouldBe(1, 1e-4);
        adopted.GlobalOf("选题价值").ShouldNotBeNull().ShouldBeGreaterThan(0.25);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_evaluation_staff_of_the_committee_manage_and_only_invited_experts_answer(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Evaluation]);
        var staffWithout = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Proposals]);
        var invited = await app.NewUserAsync(committee, Roles.Member);
        var uninvited = await app.NewUserAsync(committee, Roles.Member);
        var otherStaff = await app.NewUserAsync(other, Roles.Staff, Permissions.All);
        var id = await Projects(app, staff.Actor, h => h.CreateAsync(new ProjectInput { Title = "协商质效", Use = EvaluationUse.ConsultationQuality, Template = EvaluationTemplates.ConsultationQuality }));
        await Projects(app, staff.Actor, h => h.InviteAsync(id, invited.Id));
        var view = await Projects(app, staff.Actor, h => h.GetAsync(id));
        var goal = view.Nodes.Single(n => n.ParentId == null);

        Func<IServiceProvider, Task>[] staffActions =
        [
            sp => sp.GetRequiredService<ProjectHandler>().GetAsync(id),
            sp => sp.GetRequiredService<ProjectHandler>().AddNodeAsync(id, goal.Id, "越权指标"),
            sp => sp.GetRequiredService<ProjectHandler>().InviteAsync(id, uninvited.Id),
            sp => sp.GetRequiredService<ProjectHandler>().OpenRoundAsync(id, view.Version),
            sp => sp.GetRequiredService<ResultsHandler>().GetAsync(id),
            sp => sp.GetRequiredService<ResultsHandler>().AdoptAsync(id),
        ];
        foreach (var who in new[] { staffWithout, invited, uninvited, otherStaff })
        {
            foreach (var action in staffActions)
            {
                await Should.ThrowAsync<DomainException>(() => app.AsAsync(who.Actor, action), who.UserName);
            }
        }

        // Creating needs the permission (another committee's evaluation staff create projects of their own).
        foreach (var who in new[] { staffWithout, invited, uninvited })
        {
            await Should.ThrowAsync<ForbiddenException>(() => Projects(app, who.Actor, h => h.CreateAsync(new ProjectInput { Title = "越权项目" })));
        }

        await app.AsAsync(staff.Actor, async sp => await sp.GetRequiredService<ProjectHandler>().OpenRoundAsync(id, (await sp.GetRequiredService<ProjectHandler>().GetAsync(id)).Version));
        var q = view.Questions[0];
        var triangle = Enumerable.Repeat("1", 10).ToList();
        foreach (var who in new[] { uninvited, staffWithout, otherStaff, staff })
        {
            await Should.ThrowAsync<DomainException>(() => Answers(app, who.Actor, h => h.SubmitAsync(id, q.Id, triangle, null)), who.UserName);
        }

        (await Answers(app, invited.Actor, h => h.SubmitAsync(id, q.Id, triangle, null))).ShouldBe(0);
        (await Answers(app, uninvited.Actor, h => h.MyProjectsAsync())).ShouldBeEmpty();
        (await Answers(app, invited.Actor, h => h.MyProjectsAsync())).Single().Answered.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Judgments_are_validated_in_Chinese_and_of_two_saves_of_one_form_the_first_wins(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Evaluation]);
        var expert = await app.NewUserAsync(committee, Roles.Member);
        var id = await Projects(app, staff.Actor, h => h.CreateAsync(new ProjectInput { Title = "委员履职维度", Use = EvaluationUse.DutyPerformance, Template = EvaluationTemplates.MemberPerformance }));
        await Projects(app, staff.Actor, h => h.InviteAsync(id, expert.Id));
        var blank = await Should.ThrowAsync<ValidationFailedException>(() => Projects(app, staff.Actor, h => h.CreateAsync(new ProjectInput { Title = " " })));
        blank.Errors["Title"].ShouldBe(["项目名称不能为空。"]);
        await app.AsAsync(staff.Actor, async sp => await sp.GetRequiredService<ProjectHandler>().OpenRoundAsync(id, (await sp.GetRequiredService<ProjectHandler>().GetAsync(id)).Version));
        await Should.ThrowAsync<ConflictException>(() => Projects(app, staff.Actor, h => h.AddNodeAsync(id, Guid.NewGuid(), "迟到的指标")));
        var view = await Projects(app, staff.Actor, h => h.GetAsync(id));
        var q = view.Questions.First(x => view.ChildrenOf(x.Id).Count() == 3);

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => Answers(app, expert.Actor, h => h.SubmitAsync(id, q.Id, ["12", "abc", "1/3"], null)));
        invalid.Errors.Values.SelectMany(v => v).ShouldAllBe(m => m.Contains("须在 1/9 至 9 之间"));
        invalid.Errors.Count.ShouldBe(2);

        var cr = await Answers(app, expert.Actor, h => h.SubmitAsync(id, q.Id, ["9", "1/9", "9"], null));
        cr.ShouldBeGreaterThan(0.1);
        var shown = await Answers(app, expert.Actor, h => h.GetAsync(id, q.Id));
        shown.Hints.ShouldNotBeEmpty();
        var version = shown.AnswerVersion!.Value;
        await Answers(app, expert.Actor, h => h.SubmitAsync(id, q.Id, ["3", "5", "2"], version));
        await Should.ThrowAsync<ConflictException>(() => Answers(app, expert.Actor, h => h.SubmitAsync(id, q.Id, ["1", "1", "1"], version)));
        var stored = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().EvaluationAnswers.AsNoTracking().SingleAsync(a => a.NodeId == q.Id));
        stored.Judgments.Split(';').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ShouldBe([3, 5, 2]);
    }
}
