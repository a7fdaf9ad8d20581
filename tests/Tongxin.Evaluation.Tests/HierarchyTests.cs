namespace Tongxin.Evaluation.Tests;

public class HierarchyTests
{
    [Fact]
    public void A_criterions_global_weight_is_its_local_weight_times_its_dimensions()
    {
        var result = HierarchyEvaluation.Evaluate(PaperMatrices.Hierarchy());
        var byId = result.Nodes.ToDictionary(n => n.Id);

        byId["G"].Global.ShouldBe(1);
        byId["D1"].Global.ShouldBe(byId["D1"].Local);
        byId["C1.2"].Local.ShouldBe(0.4872, 5e-5);
        byId["C1.2"].Global.ShouldBe(byId["D1"].Global * byId["C1.2"].Local, 1e-15);
        Math.Round(byId["C1.2"].Global, 4).ShouldBe(0.1005);
        Math.Round(byId["C3.1"].Global, 4).ShouldBe(0.1048);
        // Note: the paper's Table 9 prints 0.1427 and 0.1506 for these two – local × 0.293 in every
        // dimension, whatever the dimension's weight – so its 整层次权重 column does not follow the
        // product rule of its own §3.2 and DOMAIN.md §9, and is not reproduced.
    }

    [Fact]
    public void The_leaves_global_weights_sum_to_one()
    {
        var result = HierarchyEvaluation.Evaluate(PaperMatrices.Hierarchy());

        result.Leaves.Select(n => n.Name).ShouldBe(
            ["落实反馈机制", "协同联动机制", "成果转化机制", "搭建议政平台", "引介网络媒体", "推进信息化建设", "强化党建指引", "提升配置能力", "创新宣传形式", "参与协商", "质效评价"]);
        result.Leaves.Sum(n => n.Global).ShouldBe(1, 1e-12);
        result.Consistency.Keys.ShouldBe(["G", "D1", "D2", "D3"], ignoreOrder: true);
        result.AllAcceptable.ShouldBeTrue();
    }

    [Fact]
    public void A_single_child_needs_no_matrix_and_takes_the_whole_weight()
    {
        var goal = new CriteriaNode("G", "委员履职评价");
        goal.Add("D1", "会议履职").Add("C1", "出席全体会议");

        var result = HierarchyEvaluation.Evaluate(goal);

        result.Leaves.Single().Global.ShouldBe(1);
    }

    [Fact]
    public void A_matrix_of_the_wrong_order_is_refused_with_the_nodes_name()
    {
        var goal = new CriteriaNode("G", "委员履职评价") { Comparisons = PairwiseMatrix.FromUpperTriangle(3, [2, 3, 2]) };
        goal.Add("D1", "会议履职");
        goal.Add("D2", "提案工作");

        Should.Throw<EvaluationException>(() => HierarchyEvaluation.Evaluate(goal))
            .Message.ShouldBe("「委员履职评价」下有 2 个指标，判断矩阵却是 3 阶。");
    }

    [Fact]
    public void Several_children_without_a_matrix_are_refused()
    {
        var goal = new CriteriaNode("G", "委员履职评价");
        goal.Add("D1", "会议履职");
        goal.Add("D2", "提案工作");

        Should.Throw<EvaluationException>(() => HierarchyEvaluation.Evaluate(goal))
            .Message.ShouldBe("「委员履职评价」下有 2 个指标，尚未给出判断矩阵。");
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var goal = new CriteriaNode("G", "委员履职评价") { Comparisons = PairwiseMatrix.FromUpperTriangle(2, [1]) };
        goal.Add("D1", "会议履职");
        goal.Add("D1", "提案工作");

        Should.Throw<EvaluationException>(() => HierarchyEvaluation.Evaluate(goal)).Message.ShouldBe("指标编号「D1」重复。");
    }
}
