namespace Tongxin.Evaluation;

/// <summary>层次结构节点 – the goal (目标层), a dimension (构面/准则层) or a criterion (指标), with the
/// judgment matrix comparing its children (absent for a leaf, and optional for a single child, whose
/// local weight is 1).</summary>
public sealed class CriteriaNode
{
    private readonly List<CriteriaNode> children = [];

    /// <summary>A node; <paramref name="id"/> must be unique in its hierarchy.</summary>
    public CriteriaNode(string id, string name)
    {
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(name))
        {
            throw new EvaluationException("指标的编号和名称都不能为空。");
        }

        Id = id;
        Name = name;
    }

    /// <summary>Stable key (e.g. "C1.2").</summary>
    public string Id { get; }

    /// <summary>Shown name, e.g. 协同联动机制.</summary>
    public string Name { get; }

    /// <summary>The nodes below, in the order of the rows of <see cref="Comparisons"/>.</summary>
    public IReadOnlyList<CriteriaNode> Children => children;

    /// <summary>The children's judgment matrix.</summary>
    public PairwiseMatrix? Comparisons { get; set; }

    /// <summary>Adds a child and returns it, for building a tree fluently.</summary>
    public CriteriaNode Add(string id, string name)
    {
        var child = new CriteriaNode(id, name);
        children.Add(child);
        return child;
    }

    /// <summary>Adds a child and returns this node.</summary>
    public CriteriaNode With(CriteriaNode child)
    {
        children.Add(child);
        return this;
    }
}

/// <summary>One node's weights in the evaluated hierarchy.</summary>
/// <param name="Id">The node's key.</param>
/// <param name="Name">The node's name.</param>
/// <param name="ParentId">The parent's key (null for the goal).</param>
/// <param name="Level">0 for the goal, 1 for its children, …</param>
/// <param name="Local">层次单排序 weight among its siblings (1 for the goal).</param>
/// <param name="Global">层次总排序 weight: the product of the local weights from the goal down.</param>
/// <param name="IsLeaf">Whether the node has no children (a criterion that is scored).</param>
public sealed record NodeWeight(string Id, string Name, string? ParentId, int Level, double Local, double Global, bool IsLeaf);

/// <summary>The whole hierarchy's weights and the consistency of each judgment matrix (keyed by the parent's id).</summary>
public sealed record HierarchyResult(IReadOnlyList<NodeWeight> Nodes, IReadOnlyDictionary<string, ConsistencyResult> Consistency)
{
    /// <summary>The leaves' global weights (they sum to 1), in tree order.</summary>
    public IEnumerable<NodeWeight> Leaves => Nodes.Where(n => n.IsLeaf);

    /// <summary>Whether every matrix passes its CR threshold.</summary>
    public bool AllAcceptable => Consistency.Values.All(c => c.IsAcceptable);
}

/// <summary>层次分析 down a hierarchy: local weights from each node's matrix, global weight = local × parent's global.</summary>
public static class HierarchyEvaluation
{
    /// <summary>Evaluates the tree below <paramref name="goal"/>, nodes in depth-first order.</summary>
    public static HierarchyResult Evaluate(CriteriaNode goal, WeightMethod method = WeightMethod.ColumnNormalizedRowMean, AhpOptions? options = null)
    {
        options ??= AhpOptions.Default;
        var nodes = new List<NodeWeight>();
        var consistency = new Dictionary<string, ConsistencyResult>();
        var ids = new HashSet<string>();
        Visit(goal, null, 0, 1, 1);
        return new HierarchyResult(nodes, consistency);

        void Visit(CriteriaNode node, string? parentId, int level, double local, double global)
        {
            if (!ids.Add(node.Id))
            {
                throw new EvaluationException($"指标编号「{node.Id}」重复。");
            }

            nodes.Add(new NodeWeight(node.Id, node.Name, parentId, level, local, global, node.Children.Count == 0));
            if (node.Children.Count == 0)
            {
                return;
            }

            double[] weights;
            if (node.Comparisons is null && node.Children.Count == 1)
            {
                weights = [1];
            }
            else if (node.Comparisons is null)
            {
                throw new EvaluationException($"「{node.Name}」下有 {node.Children.Count} 个指标，尚未给出判断矩阵。");
            }
            else if (node.Comparisons.Order != node.Children.Count)
            {
                throw new EvaluationException($"「{node.Name}」下有 {node.Children.Count} 个指标，判断矩阵却是 {node.Comparisons.Order} 阶。");
            }
            else
            {
                var result = Ahp.Analyze(node.Comparisons, method, options);
                weights = [.. result.Weights];
                consistency[node.Id] = result.Consistency;
            }

            for (var k = 0; k < node.Children.Count; k++)
            {
                Visit(node.Children[k], node.Id, level + 1, weights[k], global * weights[k]);
            }
        }
    }
}
