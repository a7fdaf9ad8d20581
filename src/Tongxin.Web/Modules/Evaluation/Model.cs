using System.ComponentModel.DataAnnotations;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Evaluation;

/// <summary>评价用途 – what a project's weights are for; adopted weights are kept per committee and use.</summary>
public enum EvaluationUse
{
    [Display(Name = "通用评价")]
    General = 0,
    [Display(Name = "委员履职画像")]
    DutyPerformance = 1,
    [Display(Name = "提案质量评价")]
    ProposalQuality = 2,
    [Display(Name = "协商质效评价")]
    ConsultationQuality = 3,
}

/// <summary>评价项目状态.</summary>
public enum EvaluationStatus
{
    [Display(Name = "筹备中")]
    Draft = 0,
    [Display(Name = "征询中")]
    Open = 1,
    [Display(Name = "轮次已结束")]
    Closed = 2,
    [Display(Name = "已完成")]
    Finished = 3,
}

/// <summary>专家意见的集结方式.</summary>
public enum ExpertAggregation
{
    [Display(Name = "判断矩阵几何平均")]
    Judgments = 0,
    [Display(Name = "权重向量几何平均")]
    Priorities = 1,
}

/// <summary>评价项目 – a committee's AHP/Delphi weighting project: a criteria hierarchy, invited experts
/// and rounds of anonymous pairwise answers.</summary>
public class EvaluationProject : CommitteeEntity
{
    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public EvaluationUse Use { get; set; }

    /// <summary>The template it started from (<see cref="EvaluationTemplates"/> key), empty for a blank one.</summary>
    public string Template { get; set; } = "";

    public EvaluationStatus Status { get; set; }

    /// <summary>The number of the last round opened (0 before the first).</summary>
    public int CurrentRound { get; set; }

    /// <summary>Stopping rule: at most this many rounds.</summary>
    public int MaxRounds { get; set; } = 3;

    /// <summary>Stopping rule: consensus needs every judgment's coefficient of variation at most this.</summary>
    public double MaxCoefficientOfVariation { get; set; } = 0.25;

    /// <summary>Stopping rule: consensus needs Kendall's W at least this.</summary>
    public double MinKendallW { get; set; } = 0.5;

    /// <summary>The largest acceptable CR (0.1 by convention).</summary>
    public double CrThreshold { get; set; } = 0.1;

    public ExpertAggregation Aggregation { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedByName { get; set; } = "";
}

/// <summary>层次结构节点 – the goal (no parent), a dimension or a criterion of a project.</summary>
public class EvaluationNode : CommitteeEntity
{
    public Guid ProjectId { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>Stable short key shown to users (G, D1, C1.2 …), unique in the project.</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public int SortOrder { get; set; }
}

/// <summary>评价专家 – an account invited to answer a project, known to other experts only by its alias.</summary>
public class EvaluationExpert : CommitteeEntity
{
    public Guid ProjectId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The account's name, for staff.</summary>
    public string Name { get; set; } = "";

    /// <summary>专家1, 专家2 … – what the results show instead of the name where anonymity matters.</summary>
    public string Alias { get; set; } = "";

    public DateTime InvitedAt { get; set; }
}

/// <summary>德尔菲轮次 – one round of answers; closing stores the round's Delphi summary.</summary>
public class EvaluationRound : CommitteeEntity
{
    public Guid ProjectId { get; set; }

    public int Number { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Kendall's W over the experts who answered every judgment (null when fewer than two did).</summary>
    public double? KendallW { get; set; }

    public double? KendallP { get; set; }

    /// <summary>Largest coefficient of variation of any judgment.</summary>
    public double? MaxCoefficientOfVariation { get; set; }

    public Tongxin.Evaluation.DelphiDecision? Decision { get; set; }

    public string Explanation { get; set; } = "";
}

/// <summary>专家判断矩阵 – one expert's pairwise judgments of one parent node's children in one round.</summary>
public class EvaluationAnswer : CommitteeEntity
{
    public Guid ProjectId { get; set; }

    public Guid RoundId { get; set; }

    public Guid ExpertId { get; set; }

    /// <summary>The parent node whose children are compared.</summary>
    public Guid NodeId { get; set; }

    /// <summary>The upper triangle a_12, a_13, …, a_1n, a_23, … in the children's order, invariant culture, ";"-separated.</summary>
    public string Judgments { get; set; } = "";

    public double ConsistencyRatio { get; set; }

    public DateTime SubmittedAt { get; set; }
}

/// <summary>已采用权重 – the weights a committee uses for one purpose, copied from a project's results.</summary>
public class AdoptedWeightSet : CommitteeEntity
{
    public EvaluationUse Use { get; set; }

    public Guid ProjectId { get; set; }

    public string ProjectTitle { get; set; } = "";

    public int Round { get; set; }

    public DateTime AdoptedAt { get; set; }

    public string AdoptedByName { get; set; } = "";

    /// <summary>Every node's weights as JSON (<see cref="AdoptedWeight"/> list, tree order).</summary>
    public string WeightsJson { get; set; } = "[]";
}
