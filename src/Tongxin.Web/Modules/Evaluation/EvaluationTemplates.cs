namespace Tongxin.Modules.Evaluation;

/// <summary>One node of a template: its name and the nodes below.</summary>
public sealed record TemplateNode(string Name, IReadOnlyList<TemplateNode> Children)
{
    /// <summary>A node whose children are leaves.</summary>
    public static TemplateNode Of(string name, params string[] children) =>
        new(name, [.. children.Select(c => new TemplateNode(c, []))]);
}

/// <summary>A ready hierarchy staff may start a project from.</summary>
public sealed record EvaluationTemplate(string Key, string Title, EvaluationUse Use, string Description, TemplateNode Goal);

/// <summary>评价模板 – the paper's hierarchy (推动政协协商与基层协商有效衔接的实践路径研究, 图 3: five
/// dimensions, nine criteria under the first three) and the product's usual uses. Keys are stored on the project.</summary>
public static class EvaluationTemplates
{
    public const string Paper = "paper";
    public const string MemberPerformance = "member-performance";
    public const string ConsultationQuality = "consultation-quality";
    public const string ProposalQuality = "proposal-quality";

    public static IReadOnlyList<EvaluationTemplate> All { get; } =
    [
        new(Paper, "政协协商与基层协商有效衔接（论文五构面九准则）", EvaluationUse.General,
            "德尔菲法与层次分析法确定的五大构面、九项衡量准则（17 位专家，yaahp 12.7）。",
            new TemplateNode("政协协商与基层协商有效衔接之实践路径",
            [
                TemplateNode.Of("制度完善化", "落实反馈机制", "协同联动机制", "成果转化机制"),
                TemplateNode.Of("形式创新化", "搭建议政平台", "引介网络媒体", "推进信息化建设"),
                TemplateNode.Of("意识普及化", "强化党建指引", "提升配置能力", "创新宣传形式"),
                TemplateNode.Of("参与协商"),
                TemplateNode.Of("质效评价"),
            ])),
        new(MemberPerformance, "委员履职评价维度", EvaluationUse.DutyPerformance,
            "委员履职画像的维度权重：会议、提案、社情民意、协商监督、联系群众。",
            new TemplateNode("委员履职综合评价",
            [
                TemplateNode.Of("会议履职", "全体会议出席", "常委会及其他会议出席", "大会发言"),
                TemplateNode.Of("提案工作", "提案数量", "立案与重点提案", "优秀提案"),
                TemplateNode.Of("社情民意", "报送篇数", "采用与批示"),
                TemplateNode.Of("协商监督", "协商活动参与", "民主监督参与"),
                TemplateNode.Of("联系群众", "走访界别群众", "收集意见线索"),
            ])),
        new(ConsultationQuality, "协商质效评价", EvaluationUse.ConsultationQuality,
            "协商活动质效评价：选题、准备、过程、成果、转化。",
            new TemplateNode("协商质效综合评价",
            [
                TemplateNode.Of("选题质量", "党政所需", "群众所盼", "政协所能"),
                TemplateNode.Of("协商准备", "调研深度", "材料质量"),
                TemplateNode.Of("协商过程", "参与广泛性", "互动充分性"),
                TemplateNode.Of("成果质量", "建议针对性", "建议可操作性"),
                TemplateNode.Of("成果转化", "采纳落实", "反馈及时"),
            ])),
        new(ProposalQuality, "提案质量评价", EvaluationUse.ProposalQuality,
            "提案质量评价：选题价值、调研基础、建议质量、规范性。",
            new TemplateNode("提案质量综合评价",
            [
                TemplateNode.Of("选题价值", "紧扣中心工作", "反映群众关切"),
                TemplateNode.Of("调研基础", "情况掌握", "问题分析"),
                TemplateNode.Of("建议质量", "针对性", "可行性", "创新性"),
                TemplateNode.Of("规范性", "一事一案", "文字规范"),
            ])),
    ];

    public static EvaluationTemplate? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
}
