using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Topics;

/// <summary>One public topic suggestion, without personal data.</summary>
public sealed record PublishedTopic(Guid Id, string Title, string Description, int SupportCount, TopicSuggestionStatus Status, DateTime CreatedAt);

/// <summary>How the public list is ordered.</summary>
public enum TopicSort
{
    /// <summary>Most supported first (ties: newest).</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = "按附议数")]
    Support = 0,
    [System.ComponentModel.DataAnnotations.Display(Name = "按时间")]
    Newest = 1,
}

/// <summary>码上征题 as the consultation module reads it (issue 5 picks topics for the annual plan):
/// the published suggestions of a committee and year, most supported first. Suggestions already
/// taken into the topic pool (<see cref="TopicSuggestionStatus.TakenIntoPool"/>) are listed too, with
/// their status. Reads through the caller's committee filter, like every query.</summary>
public sealed class TopicSuggestionQuery(TongxinDbContext db)
{
    /// <summary>The suggestions the public can see (公开 or 已纳入选题库).</summary>
    public IQueryable<TopicSuggestion> Visible(Guid committeeId, int year) =>
        db.TopicSuggestions.AsNoTracking().Where(t => t.CommitteeId == committeeId && t.Year == year
            && (t.Status == TopicSuggestionStatus.Published || t.Status == TopicSuggestionStatus.TakenIntoPool));

    /// <summary>One page of the visible suggestions.</summary>
    public Task<PagedList<PublishedTopic>> ListAsync(Guid committeeId, int year, TopicSort sort = TopicSort.Support, int page = 1, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        var q = Visible(committeeId, year);
        q = sort == TopicSort.Newest
            ? q.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            : q.OrderByDescending(t => t.SupportCount).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id);
        return q.Select(t => new PublishedTopic(t.Id, t.Title, t.Description, t.SupportCount, t.Status, t.CreatedAt))
            .ToPagedListAsync(page, pageSize, ct);
    }
}
