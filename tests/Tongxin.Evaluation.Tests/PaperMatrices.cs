namespace Tongxin.Evaluation.Tests;

/// <summary>The judgment matrices of the seed paper (推动政协协商与基层协商有效衔接的实践路径研究, Tables 1–4),
/// as printed: the geometric means of 17 experts' judgments, rounded to four decimals.</summary>
internal static class PaperMatrices
{
    public static readonly string[] Dimensions = ["制度完善化", "形式创新化", "意识普及化", "参与协商", "质效评价"];

    public static readonly double[][] Table1 =
    [
        [1.0000, 1.1018, 1.0133, 0.9665, 1.1027],
        [0.9077, 1.0000, 1.0019, 0.9013, 0.9787],
        [0.9869, 0.9981, 1.0000, 1.2364, 0.8912],
        [1.0347, 1.1095, 0.8088, 1.0000, 1.2203],
        [0.9069, 1.0218, 1.1221, 0.8195, 1.0000],
    ];

    public static readonly string[] Institutions = ["落实反馈机制", "协同联动机制", "成果转化机制"];

    public static readonly double[][] Table2 =
    [
        [1.0000, 0.6934, 2.8127],
        [1.4422, 1.0000, 3.1162],
        [0.3556, 0.3210, 1.0000],
    ];

    public static readonly string[] Forms = ["搭建议政平台", "引介网络媒体", "推进信息化建设"];

    public static readonly double[][] Table3 =
    [
        [1.0000, 1.1126, 0.5719],
        [0.8988, 1.0000, 0.8364],
        [1.7486, 1.1956, 1.0000],
    ];

    public static readonly string[] Awareness = ["强化党建指引", "提升配置能力", "创新宣传形式"];

    public static readonly double[][] Table4 =
    [
        [1.0000, 2.4349, 1.8514],
        [0.4107, 1.0000, 0.9365],
        [0.5401, 1.0678, 1.0000],
    ];

    public static PairwiseMatrix Matrix(double[][] rows) => PairwiseMatrix.FromRows(rows);

    /// <summary>The paper's hierarchy (图 3): goal → five dimensions → nine criteria under the first three.</summary>
    public static CriteriaNode Hierarchy()
    {
        var goal = new CriteriaNode("G", "政协协商与基层协商有效衔接") { Comparisons = Matrix(Table1) };
        var institutions = goal.Add("D1", Dimensions[0]);
        var forms = goal.Add("D2", Dimensions[1]);
        var awareness = goal.Add("D3", Dimensions[2]);
        goal.Add("D4", Dimensions[3]);
        goal.Add("D5", Dimensions[4]);
        Fill(institutions, "C1", Institutions, Table2);
        Fill(forms, "C2", Forms, Table3);
        Fill(awareness, "C3", Awareness, Table4);
        return goal;

        static void Fill(CriteriaNode parent, string prefix, string[] names, double[][] table)
        {
            for (var k = 0; k < names.Length; k++)
            {
                parent.Add($"{prefix}.{k + 1}", names[k]);
            }

            parent.Comparisons = Matrix(table);
        }
    }
}
