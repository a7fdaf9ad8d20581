using Microsoft.EntityFrameworkCore;
using Tongxin.Evaluation;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Evaluation;

/// <summary>One expert's consistency on one question.</summary>
public sealed record ExpertConsistency(string Alias, string Name, double Cr, bool Acceptable);

/// <summary>One question's consistency: of the aggregated matrix (AIJ only) and of each expert.</summary>
public sealed record QuestionConsistency(string Key, string Name, ConsistencyResult? Aggregated, IReadOnlyList<ExpertConsistency> Experts);

/// <summary>A project's weights from one round.</summary>
public sealed record ResultsView(
    Guid ProjectId, string Title, EvaluationUse Use, EvaluationStatus Status, ExpertAggregation Aggregation, int Round, bool RoundClosed,
    int ExpertCount, IReadOnlyList<NodeWeight> Nodes, IReadOnlyList<QuestionConsistency> Consistency, string? Missing, AdoptedWeightView? Adopted)
{
    public bool AllAcceptable => Missing is null && Consistency.All(c => c.Aggregated?.IsAcceptable ?? c.Experts.All(e => e.Acceptable));

    public bool CanAdopt => Use != EvaluationUse.General && RoundClosed && AllAcceptable && Nodes.Count > 0;
}

/// <summary>评价结果 – weights per level and global, consistency per expert and aggregated, Excel and adoption.
/// Staff with the 评估 permission of the project's committee only.</summary>
public sealed class ResultsHandler(TongxinDbContext db, EvaluationAccess access, ProjectHandler projects, AdoptedWeights adopted, IActorAccessor actors, TimeProvider time)
{
    /// <summary>Results of the latest round with answers (the open one included).</summary>
    public async Task<ResultsView> GetAsync(Guid projectId, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        return await ComputeAsync(project, ct);
    }

    private async Task<ResultsView> ComputeAsync(EvaluationProject project, CancellationToken ct)
    {
        var view = await projects.ViewAsync(project, ct);
        var current = await adopted.GetAsync(project.CommitteeId, project.Use, ct);
        var round = await db.EvaluationRounds.AsNoTracking().Where(r => r.ProjectId == project.Id && db.EvaluationAnswers.Any(a => a.RoundId == r.Id))
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return new ResultsView(project.Id, project.Title, project.Use, project.Status, project.Aggregation, 0, false, 0, [], [], "还没有专家作答。", current);
        }

        var answers = await RoundAnswers.LoadAsync(db, round.Id, ct);
        var options = new AhpOptions(project.CrThreshold);
        var nodes = view.TreeOrder().ToList();
        var built = nodes.ToDictionary(n => n.Id, n => new CriteriaNode(n.Key, n.Name));
        foreach (var n in nodes.Where(n => n.ParentId is not null))
        {
            built[n.ParentId!.Value].With(built[n.Id]);
        }

        var consistency = new List<QuestionConsistency>();
        string? missing = null;
        foreach (var q in view.Questions)
        {
            var mine = answers.Where(a => a.NodeId == q.Id).ToList();
            if (mine.Count == 0)
            {
                missing ??= $"「{q.Name}」下的指标尚无专家作答。";
                continue;
            }

            var matrices = mine.Select(a => PairwiseMatrix.FromUpperTriangle(view.ChildrenOf(q.Id).Count(), a.Judgments)).ToList();
            var experts = mine.Select((a, k) => new ExpertConsistency(a.Alias, a.ExpertName, a.Cr, a.Cr <= project.CrThreshold)).ToList();
            if (project.Aggregation == ExpertAggregation.Judgments)
            {
                var group = GroupAggregation.AggregateJudgments(matrices);
                built[q.Id].Comparisons = group;
                consistency.Add(new QuestionConsistency(q.Key, q.Name, Tongxin.Evaluation.Consistency.Check(group, options), experts));
            }
            else
            {
                built[q.Id].Comparisons = PairwiseMatrix.FromWeights(GroupAggregation.AggregatePriorities(matrices));
                consistency.Add(new QuestionConsistency(q.Key, q.Name, null, experts));
            }
        }

        var weights = missing is null ? HierarchyEvaluation.Evaluate(built[nodes[0].Id], WeightMethod.ColumnNormalizedRowMean, options).Nodes : [];
        return new ResultsView(project.Id, project.Title, project.Use, project.Status, project.Aggregation, round.Number, round.ClosedAt is not null,
            answers.Select(a => a.ExpertId).Distinct().Count(), weights, consistency, missing, current);
    }

    /// <summary>切换集结方式 (AIJ / AIP).</summary>
    public async Task SetAggregationAsync(Guid projectId, ExpertAggregation aggregation, int version, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        Tongxin.Modules.Organization.OrganizationAdminSupport.ExpectVersion(db, project, version);
        if (!Enum.IsDefined(aggregation))
        {
            throw new ValidationFailedException("Aggregation", "请选择集结方式。");
        }

        project.Aggregation = aggregation;
        await db.SaveEvaluationAsync(ct);
    }

    /// <summary>采用权重 for the project's use: replaces the committee's current set for that use.</summary>
    public async Task AdoptAsync(Guid projectId, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        var results = await ComputeAsync(project, ct);
        if (project.Use == EvaluationUse.General)
        {
            throw new ConflictException("通用评价项目的权重不供其他业务采用，请在创建时选择评价用途。");
        }

        if (!results.RoundClosed)
        {
            throw new ConflictException("请先结束本轮征询，再采用权重。");
        }

        if (!results.AllAcceptable)
        {
            throw new ConflictException("存在一致性比率超过阈值的判断矩阵，不能采用该权重。");
        }

        var set = await db.AdoptedWeightSets.FirstOrDefaultAsync(s => s.CommitteeId == project.CommitteeId && s.Use == project.Use, ct);
        if (set is null)
        {
            set = new AdoptedWeightSet { CommitteeId = project.CommitteeId, Use = project.Use };
            db.AdoptedWeightSets.Add(set);
        }

        set.ProjectId = project.Id;
        set.ProjectTitle = project.Title;
        set.Round = results.Round;
        set.AdoptedAt = time.GetUtcNow().UtcDateTime;
        set.AdoptedByName = actors.Actor.UserName;
        set.WeightsJson = AdoptedWeights.Serialize([.. results.Nodes.Select(n => new AdoptedWeight(n.Id, n.Name,
            n.ParentId, n.Level, Math.Round(n.Local, 6), Math.Round(n.Global, 6), n.IsLeaf))]);
        db.Audit("采用评价权重", nameof(AdoptedWeightSet), set.Id.ToString(), "成功", $"{project.Use.DisplayName()}；{project.Title}；第 {results.Round} 轮");
        await db.SaveEvaluationAsync(ct);
    }

    /// <summary>已采用权重 of the actor's committee, one set per use (evaluation staff).</summary>
    public async Task<IReadOnlyList<AdoptedWeightView>> AdoptedAsync(CancellationToken ct = default) =>
        await adopted.ListAsync(access.RequireStaff(), ct);

    /// <summary>Excel of every adopted set of the actor's committee (one row per node), audited.</summary>
    public async Task<Stream> AdoptedExcelAsync(CancellationToken ct = default)
    {
        var committeeId = access.RequireStaff();
        var sets = await adopted.ListAsync(committeeId, ct);
        var rows = sets.SelectMany(s => s.Weights.Select(w => (Set: s, Weight: w))).ToList();
        return await XlsxStreamWriter.ExportAsync(
            rows.ToAsyncEnumerable(),
            "已采用权重",
            [16, 30, 8, 8, 10, 30, 12, 12],
            ["评价用途", "来源项目", "轮次", "层级", "编号", "名称", "局部权重", "全局权重"],
            r => [r.Set.Use.DisplayName(), r.Set.ProjectTitle, r.Set.Round, r.Weight.Level, r.Weight.Key, r.Weight.Name, Math.Round(r.Weight.Local, 4), Math.Round(r.Weight.Global, 4)],
            async count =>
            {
                db.Audit("导出已采用权重", nameof(AdoptedWeightSet), committeeId.ToString(), "成功", $"{sets.Count} 套；{count} 行");
                await db.SaveChangesAsync(ct);
            },
            ct);
    }

    /// <summary>Excel of the weights (level, key, name, parent, local, global), audited.</summary>
    public async Task<(Stream File, string Title)> ExcelAsync(Guid projectId, CancellationToken ct = default)
    {
        var project = await access.LoadForStaffAsync(projectId, ct);
        var results = await ComputeAsync(project, ct);
        if (results.Missing is not null)
        {
            throw new ConflictException(results.Missing);
        }

        var names = results.Nodes.ToDictionary(n => n.Id, n => n.Name);
        var file = await XlsxStreamWriter.ExportAsync(
            results.Nodes.ToAsyncEnumerable(),
            "权重",
            [8, 10, 30, 24, 12, 12],
            ["层级", "编号", "名称", "上级", "局部权重", "全局权重"],
            n => [n.Level, n.Id, n.Name, n.ParentId is null ? "" : names[n.ParentId], Math.Round(n.Local, 4), Math.Round(n.Global, 4)],
            async count =>
            {
                db.Audit("导出评价权重", nameof(EvaluationProject), project.Id.ToString(), "成功", $"第 {results.Round} 轮；{count} 行");
                await db.SaveChangesAsync(ct);
            },
            ct);
        return (file, project.Title);
    }
}
