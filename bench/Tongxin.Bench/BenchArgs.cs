namespace Tongxin.Bench;

/// <summary>The benches' command-line options (<c>--name value</c>).</summary>
internal static class BenchArgs
{
    /// <summary>A positive whole number, or <paramref name="fallback"/> when absent or not one.</summary>
    public static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } text && int.TryParse(text, out var n) && n > 0 ? n : fallback;

    /// <summary>A comma-separated list of positive whole numbers (<c>--workers 1,4,16</c>).</summary>
    public static int[] Ints(string[] args, string name, int[] fallback)
    {
        if (Value(args, name) is not { } text)
        {
            return fallback;
        }

        var parsed = text.Split(',').Select(v => int.TryParse(v, out var n) && n > 0 ? n : 0).ToArray();
        return parsed.Length > 0 && parsed.All(n => n > 0) ? parsed : fallback;
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
