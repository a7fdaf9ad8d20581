using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>What a member of the public typed into a letter form (raw; the intake cleans it).</summary>
public sealed record PublicLetterInput(string? Title, string? Content, string? Name, string? Phone);

/// <summary>Where a letter goes: the channel and its point or studio.</summary>
public sealed record PublicLetterTarget(Guid CommitteeId, PublicChannel Channel, Guid? LiaisonPointId, Guid? StudioId);

/// <summary>The receipt the submitter is shown.</summary>
/// <param name="SubmissionId">The stored letter.</param>
/// <param name="ReceiptCode">回执码 (stored form, see <see cref="ReceiptCodes.Display"/>).</param>
/// <param name="Status">待审核 when a sensitive word matched, else 待处理.</param>
/// <param name="Repeated">True when the form had been sent before: this is the first post's receipt.</param>
public sealed record PublicReceipt(Guid SubmissionId, string ReceiptCode, PublicSubmissionStatus Status, bool Repeated);

/// <summary>群众来信已收到 – raised in the save that stores a letter (also when it waits for
/// moderation, and again when a moderator releases it with <see cref="PublicSubmissionStatus.Received"/>).</summary>
public sealed record PublicSubmissionReceived(Guid SubmissionId, Guid CommitteeId, PublicChannel Channel, Guid? LiaisonPointId, Guid? StudioId, PublicSubmissionStatus Status) : IDomainEvent
{
    public static PublicSubmissionReceived Of(PublicSubmission s) => new(s.Id, s.CommitteeId, s.Channel, s.LiaisonPointId, s.StudioId, s.Status);
}

/// <summary>收信 – stores one public letter (码上商 or 委员工作室) with every intake rule: one row per
/// form (idempotency key), cleaned and checked fields, sensitive words to moderation, a unique
/// receipt code, the client hash. One save: nothing is stored half.</summary>
public sealed class PublicSubmissionIntake(TongxinDbContext db, IActorAccessor actors, SensitiveWordFilter words, TimeProvider time,
    IEnumerable<IPublicLetterFollower> followers, PublicIntakeWriter writer)
{
    public const int MaxTitle = 100;
    public const int MaxContent = 2000;
    public const int MaxName = 50;

    public async Task<PublicReceipt> AcceptAsync(PublicLetterTarget target, PublicLetterInput input, IntakeTicket ticket, string clientHash, CancellationToken ct = default)
    {
        if (!actors.Actor.CanWrite(target.CommitteeId))
        {
            throw new ForbiddenException();
        }

        var title = PublicText.Line(input.Title);
        var content = PublicText.Block(input.Content);
        var name = PublicText.Line(input.Name);
        var phone = PublicPhone.Normalize(input.Phone, out var phoneOk);
        new Validation()
            .Text(title, MaxTitle, "Title", "标题")
            .Text(content, MaxContent, "Content", "内容")
            .Text(name, MaxName, "Name", "姓名", required: false)
            .Require(phoneOk, "Phone", PublicPhone.Invalid)
            .ThrowIfInvalid();

        var matched = await words.MatchAsync(target.CommitteeId, [title, content, name], ct);
        var now = time.GetUtcNow().UtcDateTime;
        var submission = new PublicSubmission
        {
            CommitteeId = target.CommitteeId,
            Channel = target.Channel,
            LiaisonPointId = target.LiaisonPointId,
            StudioId = target.StudioId,
            Title = title,
            Content = content,
            SubmitterName = name.Length == 0 ? null : name,
            Phone = phone,
            ReceiptCode = ReceiptCodes.NewCode(),
            IdempotencyKey = ticket.IdempotencyKey,
            Status = matched.Count > 0 ? PublicSubmissionStatus.PendingModeration : PublicSubmissionStatus.Received,
            MatchedWords = matched.Count > 0 ? string.Join("，", matched) : null,
            CreatedAt = now,
            LastActivityAt = now,
            ClientHash = clientHash,
        };
        // Letters arriving together share one save (see PublicIntakeWriter); a refused batch leaves
        // nothing stored, and the letter is then saved alone.
        if (await writer.WriteAsync(submission, actors.Actor))
        {
            return new PublicReceipt(submission.Id, submission.ReceiptCode, submission.Status, Repeated: false);
        }

        db.PublicSubmissions.Add(submission);
        db.Raise(PublicSubmissionReceived.Of(submission));
        // No look-ups before the insert (a public form is posted far more often than replayed): the
        // unique indexes decide, and only a refused insert asks why.
        for (var attempt = 1; ; attempt++)
        {
            if (submission.Status == PublicSubmissionStatus.Received)
            {
                foreach (var follower in followers)
                {
                    await follower.FollowAsync(submission, ct);
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The form's key is stored already (a double click, a resent form, two posts at
                // the same moment): answer with the first receipt.
                if (await FindAsync(target.CommitteeId, ticket.IdempotencyKey, ct) is { } earlier)
                {
                    return earlier;
                }

                // Otherwise the random code met an existing one (1 in 8·10^14 per stored code): take another.
                submission.ReceiptCode = ReceiptCodes.NewCode();
            }
        }

        return new PublicReceipt(submission.Id, submission.ReceiptCode, submission.Status, Repeated: false);
    }

    private Task<PublicReceipt?> FindAsync(Guid committeeId, string key, CancellationToken ct) =>
        db.PublicSubmissions.AsNoTracking()
            .Where(s => s.CommitteeId == committeeId && s.IdempotencyKey == key)
            .Select(s => new PublicReceipt(s.Id, s.ReceiptCode, s.Status, true))
            .FirstOrDefaultAsync(ct);
}
