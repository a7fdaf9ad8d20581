using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongxin.Evaluation;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Evaluation;

/// <summary>One stored answer, parsed.</summary>
internal sealed record StoredAnswer(Guid ExpertId, string Alias, string ExpertName, Guid NodeId, double[] Judgments, double Cr);

/// <summary>Reading a round's answers and feeding them to the library (Delphi summary, group weights).</summary>
internal static class RoundAnswers
{
    public static string Format(IEnumerable<double> judgments) =>
        string.Join(";", judgments.Select(j => j.ToString("R", CultureInfo.InvariantCulture)));

    public static double[] Parse(string text) =>
        text.Length == 0 ? [] : [.. text.Split(';').Select(s => double.Parse(s, CultureInfo.InvariantCulture))];

    public static async Task<List<StoredAnswer>> LoadAsync(TongxinDbContext db, Guid roundId, CancellationToken ct)
    {
        var rows = await db.EvaluationAnswers.AsNoTracking().Where(a => a.RoundId == roundId)
            .Join(db.EvaluationExperts, a => a.ExpertId, e => e.Id, (a, e) => new { a.ExpertId, e.Alias, e.Name, a.NodeId, a.Judgments, a.ConsistencyRatio })
            .ToListAsync(ct);
        return [.. rows.Select(r => new StoredAnswer(r.ExpertId, r.Alias, r.Name, r.NodeId, Parse(r.Judgments), r.ConsistencyRatio)).OrderBy(r => r.Alias, StringComparer.Ordinal)];
    }

    /// <summary>The item key of judgment a_ij of a question (1-based positions, as shown).</summary>
    public static string ItemKey(NodeRow parent, int i, int j) => $"{parent.Key}:{i + 1}-{j + 1}";

    /// <summary>The Delphi summary of a round (items = every judgment), or null when a question has no answer.</summary>
    public static DelphiRoundSummary? Summarize(ProjectView view, IReadOnlyList<StoredAnswer> answers, int round, EvaluationProject rule)
    {
        var items = new List<string>();
        var byExpert = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        foreach (var q in view.Questions)
        {
            var n = view.ChildrenOf(q.Id).Count();
            if (!answers.Any(a => a.NodeId == q.Id))
            {
                return null;
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    items.Add(ItemKey(q, i, j));
                }
            }
        }

        foreach (var expert in answers.GroupBy(a => a.Alias))
        {
            var values = new Dictionary<string, double>();
            foreach (var a in expert)
            {
                var q = view.Questions.First(x => x.Id == a.NodeId);
                var n = view.ChildrenOf(q.Id).Count();
                var k = 0;
                for (var i = 0; i < n; i++)
                {
                    for (var j = i + 1; j < n; j++)
                    {
                        values[ItemKey(q, i, j)] = a.Judgments[k++];
                    }
                }
            }

            byExpert[expert.Key] = values;
        }

        return Delphi.Summarize(round, items, byExpert, new DelphiStoppingRule(rule.MaxRounds, rule.MinKendallW, rule.MaxCoefficientOfVariation));
    }
}
