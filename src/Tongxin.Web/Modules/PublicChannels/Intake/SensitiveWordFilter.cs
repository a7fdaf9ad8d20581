using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>敏感词过滤 – a committee's <see cref="SensitiveWord"/> list, cached; a public text that
/// contains one goes to the moderation queue (待审核) instead of the handler. Matching ignores
/// case, full-/half-width differences and spaces or punctuation put between the characters.</summary>
public sealed class SensitiveWordFilter(TongxinDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    /// <summary>The committee's words that occur in any of the texts (distinct, in list order).</summary>
    public async Task<IReadOnlyList<string>> MatchAsync(Guid committeeId, IEnumerable<string?> texts, CancellationToken ct = default)
    {
        var words = await WordsAsync(committeeId, ct);
        if (words.Count == 0)
        {
            return [];
        }

        var haystack = Fold(string.Join("\n", texts.Where(t => !string.IsNullOrEmpty(t))));
        return [.. words.Where(w => w.Folded.Length > 0 && haystack.Contains(w.Folded, StringComparison.Ordinal)).Select(w => w.Word)];
    }

    /// <summary>Drops the cached list after an edit.</summary>
    public void Invalidate(Guid committeeId) => cache.Remove(Key(committeeId));

    private async Task<IReadOnlyList<(string Word, string Folded)>> WordsAsync(Guid committeeId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(Key(committeeId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            // Read by committee id regardless of who asks: the list is the committee's rule, not data for the reader.
            var words = await db.SensitiveWords.IgnoreQueryFilters().AsNoTracking()
                .Where(w => w.CommitteeId == committeeId)
                .OrderBy(w => w.Word)
                .Select(w => w.Word)
                .ToListAsync(ct);
            return (IReadOnlyList<(string, string)>)[.. words.Select(w => (w, Fold(w)))];
        }) ?? [];

    private static string Key(Guid committeeId) => $"tx:sensitive-words:{committeeId}";

    /// <summary>Compatibility-folded, lower-case, letters and digits only: "法 轮", "ＡＢＣ" and "a-b-c" match "法轮", "abc".</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
