using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>What the receipt page shows: no phone, no name, nothing about other letters.</summary>
public sealed record ReceiptView(
    string ReceiptCode,
    PublicChannel Channel,
    string ChannelName,
    string Title,
    string Content,
    DateTime CreatedAt,
    PublicSubmissionStatus Status,
    string StatusText,
    string? Reply,
    DateTime? RepliedAt,
    string? UnitReply,
    string? ReportProgress,
    PublicRating? Rating,
    string? RatingComment,
    bool CanRate);

/// <summary>回执查询与评价 – with the receipt code (and only with it) the public reads a letter's
/// status and reply and rates the outcome once. Works for every channel (one table). Each code
/// allows few look-ups per minute whatever the address (<see cref="ReceiptLookupLimiter"/>).</summary>
public sealed class PublicReceipts(TongxinDbContext db, ActorAccessor actors, ReceiptLookupLimiter limiter, TimeProvider time)
{
    public const string NotFound = "未找到该回执码对应的来信，请核对后重新输入。";
    public const string TooMany = "该回执码查询过于频繁，请稍后再试。";
    public const int MaxRatingComment = 500;

    public async Task<ReceiptView> LookupAsync(string? code, CancellationToken ct = default)
    {
        var s = await FindAsync(code, ct);
        var channelName = s.LiaisonPointId is { } pointId
            ? await db.LiaisonPoints.Where(p => p.Id == pointId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            : s.StudioId is { } studioId
                ? await db.MemberStudios.Where(x => x.Id == studioId).Select(x => x.Name).FirstOrDefaultAsync(ct)
                : null;
        string? progress = null;
        if (s.ReportId is { } reportId)
        {
            var report = await db.OpinionReports.Where(r => r.Id == reportId)
                .Select(r => new { r.Status, Instructed = db.OpinionOutcomes.Any(o => o.ReportId == r.Id && o.Kind == OpinionOutcomeKind.Instruction) })
                .FirstOrDefaultAsync(ct);
            progress = report is null ? null : ReportProgress(report.Status, report.Instructed);
        }

        return new ReceiptView(
            ReceiptCodes.Display(s.ReceiptCode),
            s.Channel,
            channelName ?? s.Channel.DisplayName(),
            s.Title,
            s.Content,
            s.CreatedAt,
            s.Status,
            StatusText(s.Status),
            s.Reply,
            s.RepliedAt,
            s.UnitReply,
            progress,
            s.Rating,
            s.RatingComment,
            CanRate(s));
    }

    /// <summary>满意/基本满意/不满意 + comment, once, after a reply; a replied letter is then closed.</summary>
    public async Task RateAsync(string? code, PublicRating rating, string? comment, CancellationToken ct = default)
    {
        var s = await FindAsync(code, ct);
        var text = PublicText.Block(comment);
        new Validation()
            .Require(Enum.IsDefined(rating), "Rating", "请选择评价。")
            .Text(text, MaxRatingComment, "Comment", "评价意见", required: false)
            .ThrowIfInvalid();
        if (s.Rating is not null)
        {
            throw new ConflictException("该来信已评价过，每条来信只能评价一次。");
        }

        if (!CanRate(s))
        {
            throw new ConflictException("答复后才能评价。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        s.Rating = rating;
        s.RatingComment = text.Length == 0 ? null : text;
        s.RatedAt = now;
        s.LastActivityAt = now;
        if (s.Status == PublicSubmissionStatus.Replied)
        {
            s.Status = PublicSubmissionStatus.Closed;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该来信刚刚有了新的处理，请刷新后再评价。");
        }
    }

    private static bool CanRate(PublicSubmission s) => s.Rating is null && s.Reply is not null;

    /// <summary>Finds a letter by its code across committees (the code is the capability) and acts
    /// as the public of its committee from then on. Blocked letters are reported as not found.</summary>
    private async Task<PublicSubmission> FindAsync(string? code, CancellationToken ct)
    {
        var normalized = ReceiptCodes.Normalize(code) ?? throw new ValidationFailedException("Code", NotFound);
        if (!limiter.TryAcquire(normalized))
        {
            throw new TooManyRequestsException(TooMany);
        }

        var committeeId = await db.PublicSubmissions.IgnoreQueryFilters()
            .Where(s => s.ReceiptCode == normalized && s.Status != PublicSubmissionStatus.Blocked)
            .Select(s => (Guid?)s.CommitteeId)
            .FirstOrDefaultAsync(ct) ?? throw new ValidationFailedException("Code", NotFound);
        PublicActor.Enter(actors, committeeId);
        return await db.PublicSubmissions.FirstAsync(s => s.ReceiptCode == normalized, ct);
    }

    /// <summary>The letter's status in plain words for the public.</summary>
    public static string StatusText(PublicSubmissionStatus status) => status switch
    {
        PublicSubmissionStatus.PendingModeration => "已收到，正在审核",
        PublicSubmissionStatus.Received => "已收到，等待处理",
        PublicSubmissionStatus.Processing => "正在处理",
        PublicSubmissionStatus.ForwardedToUnit => "已转交有关单位办理",
        PublicSubmissionStatus.Replied => "已答复",
        PublicSubmissionStatus.ConvertedToReport => "已转为社情民意信息报送",
        PublicSubmissionStatus.Closed => "已办结",
        _ => status.DisplayName(),
    };

    /// <summary>What became of the report made from a letter, in plain words.</summary>
    public static string ReportProgress(OpinionStatus status, bool instructed) => status switch
    {
        OpinionStatus.Draft or OpinionStatus.Submitted => "已报送政协，正在筛选",
        OpinionStatus.Kept => "已留存备用",
        OpinionStatus.Returned => "正在补充完善",
        OpinionStatus.Adopted or OpinionStatus.SignedOff => "已被采用，正在编发",
        OpinionStatus.Published => instructed ? "已被采用，并获得领导批示" : "已被采用",
        OpinionStatus.Rejected => "经研究未予采用",
        OpinionStatus.ProposalClue => "已作为提案线索",
        OpinionStatus.Withdrawn => "已撤回",
        _ => status.DisplayName(),
    };
}

/// <summary>Too many requests for one receipt code (429).</summary>
public sealed class TooManyRequestsException(string message) : Exception(message);
