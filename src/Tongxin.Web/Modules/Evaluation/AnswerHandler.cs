using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongxin.Evaluation;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Evaluation;

/// <summary>A project an expert is invited to.</summary>
public sealed record MyProjectRow(Guid ProjectId, string Title, EvaluationStatus Status, int CurrentRound, int Questions, int Answered);

/// <summary>The group's answers to one judgment in the last closed round (anonymous), and the expert's own.</summary>
public sealed record JudgmentFeedback(double Median, double LowerQuartile, double UpperQuartile, double CoefficientOfVariation, double? Own);

/// <summary>One question (a parent and its children) as the expert answers it.</summary>
public sealed record QuestionView(
    Guid ProjectId, string ProjectTitle, EvaluationStatus Status, int Round, double CrThreshold, NodeRow Parent, IReadOnlyList<NodeRow> Children,
    IReadOnlyList<(NodeRow Node, bool Answered, double? Cr)> Questions, double[]? Current, int? AnswerVersion, double? Cr,
    IReadOnlyList<string> Hints, IReadOnlyDictionary<(int I, int J), JudgmentFeedback> Feedback);

/// <summary>专家作答 – an invited expert answers one matrix per question while a round is open, sees their own
/// answers and, after a round closed, the group's anonymous statistics per judgment.</summary>
public sealed class AnswerHandler(TongxinDbContext db, EvaluationAccess access, ProjectHandler projects, IActorAccessor actors, TimeProvider time)
{
    /// <summary>我的评价问卷.</summary>
    public async Task<IReadOnlyList<MyProjectRow>> MyProjectsAsync(CancellationToken ct = default)
    {
        if (actors.Actor.UserId is not { } userId)
        {
            return [];
        }

        var rows = await db.EvaluationExperts.AsNoTracking().Where(e => e.UserId == userId)
            .Join(db.EvaluationProjects, e => e.ProjectId, p => p.Id, (e, p) => new { Expert = e.Id, p.Id, p.Title, p.Status, p.CurrentRound, p.CreatedAt })
            .OrderByDescending(x => x.CreatedAt).Take(Paging.MaxPageSize)
            .Select(x => new
            {
                x.Id,
                x.Title,
                x.Status,
                x.CurrentRound,
                Answered = db.EvaluationAnswers.Count(a => a.ExpertId == x.Expert
                    && db.EvaluationRounds.Any(r => r.Id == a.RoundId && r.Number == x.CurrentRound)),
                Parents = db.EvaluationNodes.Where(n => n.ProjectId == x.Id && n.ParentId != null).GroupBy(n => n.ParentId).Count(g => g.Count() >= 2),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new MyProjectRow(r.Id, r.Title, r.Status, r.CurrentRound, r.Parents, r.Answered))];
    }

    /// <summary>One question with the expert's current answer (this round's, else the previous round's) and feedback.</summary>
    public async Task<QuestionView> GetAsync(Guid projectId, Guid? nodeId, CancellationToken ct = default)
    {
        var (project, expert) = await access.LoadForExpertAsync(projectId, ct);
        if (project.Status == EvaluationStatus.Draft)
        {
            throw new ConflictException("评价尚未开始。");
        }

        var view = await projects.ViewAsync(project, ct);
        var rounds = await db.EvaluationRounds.AsNoTracking().Where(r => r.ProjectId == project.Id).OrderBy(r => r.Number).ToListAsync(ct);
        var current = rounds.First(r => r.Number == project.CurrentRound);
        var mine = await db.EvaluationAnswers.AsNoTracking().Where(a => a.ExpertId == expert.Id)
            .Join(db.EvaluationRounds, a => a.RoundId, r => r.Id, (a, r) => new { a.NodeId, a.Judgments, a.ConsistencyRatio, a.Version, r.Number })
            .ToListAsync(ct);
        var questions = view.Questions;
        var parent = nodeId is { } id ? questions.FirstOrDefault(q => q.Id == id) ?? throw new NotFoundException("比较指标") : questions[0];
        var children = view.ChildrenOf(parent.Id).ToList();
        var thisRound = mine.FirstOrDefault(a => a.NodeId == parent.Id && a.Number == current.Number);
        var previous = mine.Where(a => a.NodeId == parent.Id && a.Number < current.Number).MaxBy(a => a.Number);
        var shown = thisRound ?? previous;
        double[]? judgments = shown is null ? null : RoundAnswers.Parse(shown.Judgments);
        var hints = new List<string>();
        if (shown is not null && shown.ConsistencyRatio > project.CrThreshold)
        {
            var matrix = PairwiseMatrix.FromUpperTriangle(children.Count, judgments!, MatrixRules.Default);
            var best = InconsistencyDiagnosis.Diagnose(matrix, new AhpOptions(project.CrThreshold)).Take(2);
            hints.AddRange(best.Select(b => InconsistencyDiagnosis.Hint(b, [.. children.Select(c => c.Name)])));
        }

        var feedback = new Dictionary<(int, int), JudgmentFeedback>();
        var lastClosed = rounds.LastOrDefault(r => r.ClosedAt is not null);
        if (lastClosed is not null)
        {
            var answers = await RoundAnswers.LoadAsync(db, lastClosed.Id, ct);
            var own = answers.FirstOrDefault(a => a.ExpertId == expert.Id && a.NodeId == parent.Id);
            var group = answers.Where(a => a.NodeId == parent.Id).ToList();
            if (group.Count > 0)
            {
                var k = 0;
                for (var i = 0; i < children.Count; i++)
                {
                    for (var j = i + 1; j < children.Count; j++, k++)
                    {
                        var s = ItemStatistics.Of([.. group.Select(a => a.Judgments[k])]);
                        feedback[(i, j)] = new JudgmentFeedback(s.Median, s.LowerQuartile, s.UpperQuartile, s.CoefficientOfVariation, own?.Judgments[k]);
                    }
                }
            }
        }

        var status = questions.Select(q =>
        {
            var a = mine.FirstOrDefault(m => m.NodeId == q.Id && m.Number == current.Number);
            return (q, a is not null, a?.ConsistencyRatio);
        }).ToList();
        return new QuestionView(project.Id, project.Title, project.Status, current.Number, project.CrThreshold, parent, children, status,
            judgments, thisRound?.Version, shown?.ConsistencyRatio, hints, feedback);
    }

    /// <summary>提交判断矩阵 – the upper triangle, each judgment in [1/9, 9] ("3", "1/3" or a decimal such as 1.1018
    /// for an answer already averaged on paper). Re-submitting in the same round replaces the answer; a
    /// matrix above the CR threshold is saved and flagged. Returns the CR.</summary>
    public async Task<double> SubmitAsync(Guid projectId, Guid nodeId, IReadOnlyList<string?> judgments, int? version, CancellationToken ct = default)
    {
        var (project, expert) = await access.LoadForExpertAsync(projectId, ct);
        if (project.Status != EvaluationStatus.Open)
        {
            throw new ConflictException("当前没有进行中的评价轮次，不能提交。");
        }

        var view = await projects.ViewAsync(project, ct);
        var parent = view.Questions.FirstOrDefault(q => q.Id == nodeId) ?? throw new NotFoundException("比较指标");
        var children = view.ChildrenOf(parent.Id).ToList();
        var values = ParseAll(judgments, children);
        PairwiseMatrix matrix;
        try
        {
            matrix = PairwiseMatrix.FromUpperTriangle(children.Count, values, MatrixRules.Default, [.. children.Select(c => c.Name)]);
        }
        catch (EvaluationException e)
        {
            throw new ValidationFailedException("Judgments", e.Message);
        }

        var cr = Consistency.Check(matrix, new AhpOptions(project.CrThreshold)).CR;
        var round = await db.EvaluationRounds.AsNoTracking().FirstAsync(r => r.ProjectId == project.Id && r.Number == project.CurrentRound, ct);
        var answer = await db.EvaluationAnswers.FirstOrDefaultAsync(a => a.RoundId == round.Id && a.ExpertId == expert.Id && a.NodeId == nodeId, ct);
        if (answer is null)
        {
            if (version is not null)
            {
                throw new ConflictException(EvaluationAccess.ConcurrentMessage);
            }

            answer = new EvaluationAnswer { CommitteeId = project.CommitteeId, ProjectId = project.Id, RoundId = round.Id, ExpertId = expert.Id, NodeId = nodeId };
            db.EvaluationAnswers.Add(answer);
        }
        else
        {
            // The form carries the version it was loaded at: of two tabs saving the same matrix, the later one is told.
            db.ExpectVersion(answer, version ?? -1);
        }

        answer.Judgments = RoundAnswers.Format(values);
        answer.ConsistencyRatio = cr;
        answer.SubmittedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveEvaluationAsync(ct);
        return cr;
    }

    private static double[] ParseAll(IReadOnlyList<string?> judgments, List<NodeRow> children)
    {
        var n = children.Count;
        var expected = n * (n - 1) / 2;
        if (judgments.Count != expected)
        {
            throw new ValidationFailedException("Judgments", $"{n} 个指标需要 {expected} 个两两比较判断，实际收到 {judgments.Count} 个。");
        }

        var values = new double[expected];
        var k = 0;
        var errors = new Validation();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++, k++)
            {
                var v = ParseJudgment(judgments[k]);
                errors.Require(v is >= SaatyScale.Min * 0.9999 and <= SaatyScale.Max * 1.0001, $"Judgments[{k}]",
                    $"「{children[i].Name}」与「{children[j].Name}」的判断须在 1/9 至 9 之间。");
                values[k] = v ?? 0;
            }
        }

        errors.ThrowIfInvalid();
        return values;
    }

    /// <summary>"3", "1/3", "0.3333" or "1.1018".</summary>
    internal static double? ParseJudgment(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var slash = text.IndexOf('/');
        if (slash > 0
            && double.TryParse(text[..slash], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(text[(slash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && b > 0)
        {
            return a / b;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
    }
}
