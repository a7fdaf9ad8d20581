using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Evaluation;

/// <summary>评价工程 – registration: handlers, the adopted-weights query, nav (group "评价工程", 800–849) and the experts' to-do.</summary>
public static class EvaluationModule
{
    public const string NavGroup = "评价工程";

    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddScoped<EvaluationAccess>();
        services.AddScoped<ProjectHandler>();
        services.AddScoped<AnswerHandler>();
        services.AddScoped<ResultsHandler>();
        services.AddScoped<AdoptedWeights>();
        services.AddScoped<ITodoSource, ExpertTodos>();
        services.AddSingleton(new NavItem(NavGroup, "评价项目", "/Evaluation", EvaluationAccess.IsEvaluationStaff, 800));
        services.AddSingleton(new NavItem(NavGroup, "已采用权重", "/Evaluation/Adopted", EvaluationAccess.IsEvaluationStaff, 810));
        // Any account may be invited as an expert (outside experts have no role), so the questionnaire list is open to all.
        services.AddSingleton(new NavItem(NavGroup, "我的评价问卷", "/Evaluation/My", a => a.IsAuthenticated, 820));
        return services;
    }
}

/// <summary>我的待办: evaluation projects with an open round the expert has not finished.</summary>
public sealed class ExpertTodos(TongxinDbContext db) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return [];
        }

        var open = await db.EvaluationExperts.AsNoTracking().Where(e => e.UserId == userId)
            .Join(db.EvaluationProjects.Where(p => p.Status == EvaluationStatus.Open), e => e.ProjectId, p => p.Id, (e, p) => new
            {
                Answered = db.EvaluationAnswers.Count(a => a.ExpertId == e.Id && db.EvaluationRounds.Any(r => r.Id == a.RoundId && r.Number == p.CurrentRound)),
                Questions = db.EvaluationNodes.Where(n => n.ProjectId == p.Id && n.ParentId != null).GroupBy(n => n.ParentId).Count(g => g.Count() >= 2),
            })
            .ToListAsync(ct);
        var pending = open.Count(o => o.Answered < o.Questions);
        return pending == 0 ? [] : [new TodoItem("待填写的评价问卷", pending, "/Evaluation/My", EvaluationModule.NavGroup)];
    }
}
