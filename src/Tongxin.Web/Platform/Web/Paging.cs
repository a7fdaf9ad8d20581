using Microsoft.EntityFrameworkCore;

namespace Tongxin.Platform.Web;

/// <summary>One page of a long list and the total, for the pager partial (<c>_Pager</c>).</summary>
public interface IPagerModel
{
    int Page { get; }
    int PageCount { get; }
    int Total { get; }
    bool HasPrevious { get; }
    bool HasNext { get; }
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total) : IPagerModel
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    /// <summary>Counts and fetches one page; out-of-range page numbers are clamped, never an error.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<T>(items, page, pageSize, total);
    }

    /// <summary>One page of a list already in memory (a ranking computed in full); clamped like <see cref="ToPagedListAsync"/>.</summary>
    public static PagedList<T> ToPagedList<T>(this IReadOnlyList<T> all, int page, int pageSize = DefaultPageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var pageCount = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        return new PagedList<T>([.. all.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, all.Count);
    }
}
