using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Topics;

/// <summary>What the public typed into the suggestion form (raw; cleaned here).</summary>
public sealed record TopicSuggestionInput(string? Title, string? Description, string? Name, string? Phone);

/// <summary>The receipt of a suggestion: <paramref name="Repeated"/> when the same form was sent before.</summary>
public sealed record TopicReceipt(Guid SuggestionId, string ReceiptCode, TopicSuggestionStatus Status, bool Repeated);

/// <summary>A committee the public can choose.</summary>
public sealed record PublicCommittee(Guid Id, string Name);

/// <summary>码上征题公开页 – the public, without signing in, reads a committee's suggestions of the
/// year with their support, suggests a topic (published at once, or held for moderation when a
/// sensitive word matched) and supports (附议) others' once per client.</summary>
public sealed class TopicPublicPage(
    TongxinDbContext db, ActorAccessor actors, PublicFormStamps stamps, SensitiveWordFilter words, TopicSuggestionQuery query, TimeProvider time)
{
    public const int MaxTitle = 100;
    public const int MaxDescription = 1000;
    public const int MaxName = 50;
    public const string AlreadySupported = "您已附议过该建议，感谢支持。";

    /// <summary>The year suggestions are collected for: the current one, Beijing time.</summary>
    public int Year => BeijingTime.FromUtc(time.GetUtcNow().UtcDateTime).Year;

    /// <summary>Every committee, to choose from (names only).</summary>
    public async Task<IReadOnlyList<PublicCommittee>> CommitteesAsync(CancellationToken ct = default) =>
        await db.Committees.AsNoTracking().IgnoreQueryFilters().OrderBy(c => c.Level).ThenBy(c => c.Name)
            .Select(c => new PublicCommittee(c.Id, c.Name)).ToListAsync(ct);

    /// <summary>Acts as the public of <paramref name="committeeId"/> (404 when there is no such committee).</summary>
    public async Task<PublicCommittee> EnterAsync(Guid committeeId, CancellationToken ct = default)
    {
        var committee = await db.Committees.AsNoTracking().IgnoreQueryFilters().Where(c => c.Id == committeeId)
            .Select(c => new PublicCommittee(c.Id, c.Name)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("政协组织");
        PublicActor.Enter(actors, committee.Id);
        return committee;
    }

    public Task<PagedList<PublishedTopic>> ListAsync(Guid committeeId, TopicSort sort, int page, CancellationToken ct = default) =>
        query.ListAsync(committeeId, Year, sort, page, Paging.DefaultPageSize, ct);

    /// <summary>提交征题 – one row per form (a resent form returns the first receipt), checked and
    /// cleaned fields, a sensitive word holds it for moderation. One save: nothing is stored half.</summary>
    public async Task<TopicReceipt> SuggestAsync(Guid committeeId, TopicSuggestionInput input, string? stamp, string? honeypot, string clientHash, CancellationToken ct = default)
    {
        var ticket = stamps.Verify(FormScope(committeeId), stamp, honeypot);
        if (await FindAsync(committeeId, ticket.IdempotencyKey, ct) is { } earlier)
        {
            return earlier;
        }

        var title = PublicText.Line(input.Title);
        var description = PublicText.Block(input.Description);
        var name = PublicText.Line(input.Name);
        var phone = PublicPhone.Normalize(input.Phone, out var phoneOk);
        new Validation()
            .Text(title, MaxTitle, "Title", "题目")
            .Text(description, MaxDescription, "Description", "说明")
            .Text(name, MaxName, "Name", "姓名", required: false)
            .Require(phoneOk, "Phone", PublicPhone.Invalid)
            .ThrowIfInvalid();

        var matched = await words.MatchAsync(committeeId, [title, description, name], ct);
        var suggestion = new TopicSuggestion
        {
            CommitteeId = committeeId,
            Year = Year,
            Title = title,
            Description = description,
            SubmitterName = name.Length == 0 ? null : name,
            Phone = phone,
            ReceiptCode = ReceiptCodes.NewCode(),
            IdempotencyKey = ticket.IdempotencyKey,
            Status = matched.Count > 0 ? TopicSuggestionStatus.PendingModeration : TopicSuggestionStatus.Published,
            MatchedWords = matched.Count > 0 ? string.Join("，", matched) : null,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            ClientHash = clientHash,
        };
        db.TopicSuggestions.Add(suggestion);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two posts of one form at the same moment: the unique key let one in; answer with it.
            db.ChangeTracker.Clear();
            return await FindAsync(committeeId, ticket.IdempotencyKey, ct) ?? throw new ConflictException(SaveFailure.Message);
        }

        return new TopicReceipt(suggestion.Id, suggestion.ReceiptCode, suggestion.Status, Repeated: false);
    }

    /// <summary>附议 – once per client (the unique index decides between two at the same moment);
    /// the count goes up in the same transaction as the support row, by an atomic increment, so
    /// concurrent supports never lose one. Returns the new count.</summary>
    public async Task<int> SupportAsync(Guid committeeId, Guid suggestionId, string clientHash, CancellationToken ct = default)
    {
        var visible = await query.Visible(committeeId, Year).AnyAsync(t => t.Id == suggestionId, ct);
        if (!visible)
        {
            throw new NotFoundException("征题建议");
        }

        if (await db.TopicSupports.AnyAsync(s => s.SuggestionId == suggestionId && s.SupporterHash == clientHash, ct))
        {
            throw new ConflictException(AlreadySupported);
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.TopicSupports.Add(new TopicSupport { CommitteeId = committeeId, SuggestionId = suggestionId, SupporterHash = clientHash, At = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                throw new ConflictException(AlreadySupported);
            }

            await db.TopicSuggestions.Where(t => t.Id == suggestionId)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.SupportCount, t => t.SupportCount + 1), ct);
            await tx.CommitAsync(ct);
        }

        return await db.TopicSuggestions.AsNoTracking().Where(t => t.Id == suggestionId).Select(t => t.SupportCount).FirstAsync(ct);
    }

    /// <summary>The form stamp's scope: one committee's suggestion form.</summary>
    public static string FormScope(Guid committeeId) => $"topic:{committeeId:N}";

    private Task<TopicReceipt?> FindAsync(Guid committeeId, string key, CancellationToken ct) =>
        db.TopicSuggestions.AsNoTracking()
            .Where(t => t.CommitteeId == committeeId && t.IdempotencyKey == key)
            .Select(t => new TopicReceipt(t.Id, t.ReceiptCode, t.Status, true))
            .FirstOrDefaultAsync(ct);
}
