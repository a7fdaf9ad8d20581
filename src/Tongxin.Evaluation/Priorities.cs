namespace Tongxin.Evaluation;

/// <summary>权重计算方法 – how a priority vector is derived from a judgment matrix. The paper lists the four
/// approximations (§3.2); the principal eigenvector is the reference they approximate. All five return the
/// generating weights exactly for a perfectly consistent matrix.</summary>
public enum WeightMethod
{
    /// <summary>特征向量法 – the principal right eigenvector (power iteration), Saaty's definition.</summary>
    Eigenvector,

    /// <summary>和积法 – each column divided by its sum, then the row means (the paper's &lt;2&gt;, and the method
    /// whose results the paper publishes).</summary>
    ColumnNormalizedRowMean,

    /// <summary>方根法 – the n-th root of each row's product, normalised (the paper's &lt;4&gt;).</summary>
    GeometricMean,

    /// <summary>行和法 – the row sums, normalised by the sum of all entries (the paper's &lt;1&gt;).</summary>
    RowSum,

    /// <summary>列和求逆法 – the reciprocals of the column sums, normalised (the paper's &lt;3&gt;). The paper's
    /// printed formula has the row index in the numerator; its denominator, and Saaty's original list of
    /// approximations, use column sums – and only the column form returns w for a consistent matrix, since
    /// the column sums of (w_i/w_j) are 1/w_j.</summary>
    ReciprocalColumnSum,
}

/// <summary>Priority vectors (权重向量) of a judgment matrix.</summary>
public static class Priorities
{
    private const int MaxIterations = 1000;
    private const double Tolerance = 1e-13;

    /// <summary>The weights (summing to 1) by <paramref name="method"/>.</summary>
    public static double[] Compute(PairwiseMatrix matrix, WeightMethod method = WeightMethod.ColumnNormalizedRowMean) => method switch
    {
        WeightMethod.Eigenvector => PrincipalEigen(matrix).Vector,
        WeightMethod.ColumnNormalizedRowMean => ColumnNormalizedRowMean(matrix),
        WeightMethod.GeometricMean => GeometricMean(matrix),
        WeightMethod.RowSum => RowSum(matrix),
        WeightMethod.ReciprocalColumnSum => ReciprocalColumnSum(matrix),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    /// <summary>λmax and the principal eigenvector (normalised to sum 1) by power iteration. A positive
    /// matrix has a simple dominant eigenvalue (Perron), so the iteration converges; starting from the
    /// geometric-mean weights, which are already close, it takes a handful of steps for usual matrices.
    /// With w summing to 1, λ = Σ (Aw)_i.</summary>
    public static (double LambdaMax, double[] Vector) PrincipalEigen(PairwiseMatrix matrix)
    {
        var n = matrix.Order;
        var a = matrix.Cells;
        var w = GeometricMean(matrix);
        var next = new double[n];
        var lambda = (double)n;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var row = a.Slice(i * n, n);
                var s = 0.0;
                for (var j = 0; j < n; j++)
                {
                    s += row[j] * w[j];
                }

                next[i] = s;
                sum += s;
            }

            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                next[i] /= sum;
                change = Math.Max(change, Math.Abs(next[i] - w[i]));
            }

            lambda = sum;
            (w, next) = (next, w);
            if (change < Tolerance)
            {
                break;
            }
        }

        return (lambda, w);
    }

    private static double[] ColumnNormalizedRowMean(PairwiseMatrix matrix)
    {
        var n = matrix.Order;
        var a = matrix.Cells;
        var columnSums = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                columnSums[j] += a[(i * n) + j];
            }
        }

        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = 0.0;
            for (var j = 0; j < n; j++)
            {
                s += a[(i * n) + j] / columnSums[j];
            }

            w[i] = s / n;
        }

        return w;
    }

    private static double[] GeometricMean(PairwiseMatrix matrix)
    {
        var n = matrix.Order;
        var a = matrix.Cells;
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Sum of logs rather than a product: 15 judgments of 9 would be 2e14, fine, but logs keep the
            // rounding uniform across orders.
            var logs = 0.0;
            for (var j = 0; j < n; j++)
            {
                logs += Math.Log(a[(i * n) + j]);
            }

            w[i] = Math.Exp(logs / n);
        }

        return Normalize(w);
    }

    private static double[] RowSum(PairwiseMatrix matrix)
    {
        var n = matrix.Order;
        var a = matrix.Cells;
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                w[i] += a[(i * n) + j];
            }
        }

        return Normalize(w);
    }

    private static double[] ReciprocalColumnSum(PairwiseMatrix matrix)
    {
        var n = matrix.Order;
        var a = matrix.Cells;
        var columnSums = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                columnSums[j] += a[(i * n) + j];
            }
        }

        return Normalize([.. columnSums.Select(s => 1 / s)]);
    }

    internal static double[] Normalize(double[] values)
    {
        var sum = values.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }

        return values;
    }
}
