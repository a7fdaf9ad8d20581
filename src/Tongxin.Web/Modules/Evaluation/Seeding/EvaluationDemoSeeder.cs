using Microsoft.EntityFrameworkCore;
using Tongxin.Evaluation;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.Evaluation.Seeding;

/// <summary>评价工程演示数据 – in 示例市政协 one project from the paper's template (five dimensions, nine
/// criteria) whose first Delphi round is closed: demo.member answered with the paper's published judgments
/// (表 1–4), demo.member2 with the same judgments put on the 1–9 scale, so the results page has weights,
/// consistency and charts, and both members see the round's anonymous aggregate in their questionnaire.</summary>
public static class EvaluationDemoSeeder
{
    public const string ProjectTitle = "政协协商与基层协商有效衔接实践路径评价（演示）";

    /// <summary>The paper's judgments, upper triangles: the five dimensions (表 1), then the criteria of 制度完善化,
    /// 形式创新化 and 意识普及化 (表 2–4).</summary>
    private static readonly double[][] PaperJudgments =
    [
        [1.1018, 1.0133, 0.9665, 1.1027, 1.0019, 0.9013, 0.9787, 1.2364, 0.8912, 1.2203],
        [0.6934, 2.8127, 3.1162],
        [1.1126, 0.5719, 0.8364],
        [2.4349, 1.8514, 0.9365],
    ];

    public static async Task SeedAsync(TongxinDbContext db, CancellationToken ct = default)
    {
        var city = await db.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (city is not { } committeeId || await db.EvaluationProjects.AnyAsync(p => p.CommitteeId == committeeId, ct))
        {
            return;
        }

        var experts = await db.Users.Where(u => u.UserName == "demo.member" || u.UserName == "demo.member2")
            .OrderBy(u => u.UserName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        if (experts.Count != 2)
        {
            return;
        }

        var now = db.Time.GetUtcNow().UtcDateTime;
        var template = EvaluationTemplates.Find(EvaluationTemplates.Paper)!;
        var project = new EvaluationProject
        {
            CommitteeId = committeeId,
            Title = ProjectTitle,
            Description = template.Description,
            Use = template.Use,
            Template = template.Key,
            Status = EvaluationStatus.Closed,
            CurrentRound = 1,
            CreatedAt = now.AddDays(-20),
            CreatedByName = "demo.staff",
        };
        db.EvaluationProjects.Add(project);
        var nodes = new List<EvaluationNode>();
        void Add(TemplateNode node, Guid? parentId, string key, int order)
        {
            var row = new EvaluationNode { CommitteeId = committeeId, ProjectId = project.Id, ParentId = parentId, Key = key, Name = node.Name, SortOrder = order };
            nodes.Add(row);
            for (var k = 0; k < node.Children.Count; k++)
            {
                Add(node.Children[k], row.Id, ProjectHandler.ChildKey(key, k + 1), k + 1);
            }
        }

        Add(template.Goal, null, "G", 0);
        db.EvaluationNodes.AddRange(nodes);
        var rows = experts.Select((u, k) => new EvaluationExpert
        {
            CommitteeId = committeeId,
            ProjectId = project.Id,
            UserId = u.Id,
            Name = u.DisplayName,
            Alias = $"专家{k + 1}",
            InvitedAt = now.AddDays(-19),
        }).ToList();
        db.EvaluationExperts.AddRange(rows);
        var round = new EvaluationRound { CommitteeId = committeeId, ProjectId = project.Id, Number = 1, OpenedAt = now.AddDays(-18) };
        db.EvaluationRounds.Add(round);

        var view = new ProjectView(project.Id, committeeId, project.Title, project.Description, project.Use, project.Status, 1, project.MaxRounds,
            project.CrThreshold, project.Aggregation, 0, [.. nodes.Select(n => new NodeRow(n.Id, n.ParentId, n.Key, n.Name, n.SortOrder, 0))], [], []);
        var stored = new List<StoredAnswer>();
        foreach (var (question, paper) in view.Questions.Zip(PaperJudgments))
        {
            var n = view.ChildrenOf(question.Id).Count();
            foreach (var (expert, judgments) in new[] { (rows[0], paper), (rows[1], paper.Select(SaatyScale.Snap).ToArray()) })
            {
                var cr = Consistency.Check(PairwiseMatrix.FromUpperTriangle(n, judgments), new AhpOptions(project.CrThreshold)).CR;
                db.EvaluationAnswers.Add(new EvaluationAnswer
                {
                    CommitteeId = committeeId,
                    ProjectId = project.Id,
                    RoundId = round.Id,
                    ExpertId = expert.Id,
                    NodeId = question.Id,
                    Judgments = RoundAnswers.Format(judgments),
                    ConsistencyRatio = cr,
                    SubmittedAt = now.AddDays(-15),
                });
                stored.Add(new StoredAnswer(expert.Id, expert.Alias, expert.Name, question.Id, judgments, cr));
            }
        }

        var summary = RoundAnswers.Summarize(view, stored, 1, project)!;
        ProjectHandler.Close(round, summary, now.AddDays(-14));
        await db.SaveChangesAsync(ct);
    }
}
