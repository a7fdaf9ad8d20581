using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>One line of 我的码上商来信.</summary>
public sealed record LetterRow(Guid Id, string PointName, string Title, string? SubmitterName, string Phone, PublicSubmissionStatus Status, DateTime CreatedAt, PublicRating? Rating);

/// <summary>A letter as its handler sees it.</summary>
public sealed record LetterDetail(
    Guid Id,
    Guid PointId,
    string PointName,
    string Title,
    string Content,
    string? SubmitterName,
    string Phone,
    string ReceiptCode,
    PublicSubmissionStatus Status,
    DateTime CreatedAt,
    string? Reply,
    DateTime? RepliedAt,
    string? RepliedByName,
    Guid? ReportId,
    PublicRating? Rating,
    string? RatingComment,
    int Version,
    string? TakenOverBy = null);

/// <summary>我的码上商来信 – the letters of the points an actor answers for (一码直达), or of every
/// point of the committee for 公众渠道 staff: open (处理中), reply (已答复), close (已办结), or turn
/// into a 社情民意 report (已转社情民意). Letters waiting for moderation or blocked are not here.
/// Phones are shown in full to these handlers only.</summary>
public sealed class LetterInbox(TongxinDbContext db, ReportSubmission submission, IActorAccessor actors, TimeProvider time, IEnumerable<IPublicLetterFollower> followers)
{
    public const int MaxReply = 2000;
    private Actor Actor => actors.Actor;

    public static readonly PublicSubmissionStatus[] Visible =
    [
        PublicSubmissionStatus.Received,
        PublicSubmissionStatus.Processing,
        PublicSubmissionStatus.Replied,
        PublicSubmissionStatus.ConvertedToReport,
        PublicSubmissionStatus.Closed,
    ];

    public async Task<PagedList<LetterRow>> ListAsync(PublicSubmissionStatus? status, int page, CancellationToken ct = default)
    {
        var q = Letters();
        q = status is { } st ? q.Where(s => s.Status == st) : q;
        return await q.OrderBy(s => s.Status == PublicSubmissionStatus.Received ? 0 : s.Status == PublicSubmissionStatus.Processing ? 1 : 2)
            .ThenByDescending(s => s.CreatedAt)
            .Select(s => new LetterRow(
                s.Id,
                db.LiaisonPoints.Where(p => p.Id == s.LiaisonPointId).Select(p => p.Name).FirstOrDefault() ?? "",
                s.Title,
                s.SubmitterName,
                s.Phone ?? "",
                s.Status,
                s.CreatedAt,
                s.Rating))
            .ToPagedListAsync(page, ct: ct);
    }

    /// <summary>Letters that wait for the actor's first look (the home page's 待办).</summary>
    public Task<int> WaitingCountAsync(CancellationToken ct = default) =>
        Letters().CountAsync(s => s.Status == PublicSubmissionStatus.Received, ct);

    public async Task<LetterDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var letter = await Letters().Where(s => s.Id == id)
            .Select(s => new LetterDetail(
                s.Id,
                s.LiaisonPointId!.Value,
                db.LiaisonPoints.Where(p => p.Id == s.LiaisonPointId).Select(p => p.Name).FirstOrDefault() ?? "",
                s.Title,
                s.Content,
                s.SubmitterName,
                s.Phone ?? "",
                s.ReceiptCode,
                s.Status,
                s.CreatedAt,
                s.Reply,
                s.RepliedAt,
                s.RepliedByName,
                s.ReportId,
                s.Rating,
                s.RatingComment,
                s.Version))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("来信");
        return letter with { TakenOverBy = await TakenOverByAsync(id, ct) };
    }

    private async Task<string?> TakenOverByAsync(Guid id, CancellationToken ct)
    {
        foreach (var follower in followers)
        {
            if (await follower.TakenOverByAsync(id, ct) is { } chain)
            {
                return chain;
            }
        }

        return null;
    }

    /// <summary>受理: Received → Processing (the public sees 正在处理).</summary>
    public async Task OpenAsync(Guid id, int version, CancellationToken ct = default)
    {
        var (s, _) = await LoadAsync(id, version, ct);
        Require(s, "受理", PublicSubmissionStatus.Received);
        s.Status = PublicSubmissionStatus.Processing;
        await SaveAsync(s, "受理群众来信", ct);
    }

    /// <summary>答复: the reply the public reads with the receipt code; it can be corrected until rated.</summary>
    public async Task ReplyAsync(Guid id, int version, string? reply, CancellationToken ct = default)
    {
        var (s, _) = await LoadAsync(id, version, ct);
        Require(s, "答复", PublicSubmissionStatus.Received, PublicSubmissionStatus.Processing, PublicSubmissionStatus.Replied, PublicSubmissionStatus.ConvertedToReport);
        if (s.Rating is not null)
        {
            throw new ConflictException("来信人已评价，答复不能再修改。");
        }

        var text = PublicText.Block(reply);
        new Validation().Text(text, MaxReply, "Reply", "答复内容").ThrowIfInvalid();
        s.Reply = text;
        s.RepliedAt = time.GetUtcNow().UtcDateTime;
        s.RepliedByName = await db.ActorNameAsync(Actor, ct);
        if (s.Status != PublicSubmissionStatus.ConvertedToReport)
        {
            s.Status = PublicSubmissionStatus.Replied;
        }

        await SaveAsync(s, "答复群众来信", ct);
    }

    /// <summary>办结 without waiting for a rating (the public may still rate a replied letter).</summary>
    public async Task CloseAsync(Guid id, int version, CancellationToken ct = default)
    {
        var (s, _) = await LoadAsync(id, version, ct);
        Require(s, "办结", PublicSubmissionStatus.Processing, PublicSubmissionStatus.Replied);
        s.Status = PublicSubmissionStatus.Closed;
        await SaveAsync(s, "办结群众来信", ct);
    }

    /// <summary>转社情民意: a submitted report (kind 联络点, or 群众反映人 when the writer gave a name)
    /// with the letter's text as the author version and the next 收稿编号 of the year.</summary>
    public async Task<Guid> ConvertToReportAsync(Guid id, int version, CancellationToken ct = default)
    {
        var (s, point) = await LoadAsync(id, version, ct);
        Require(s, "转社情民意", PublicSubmissionStatus.Received, PublicSubmissionStatus.Processing, PublicSubmissionStatus.Replied);
        var now = time.GetUtcNow().UtcDateTime;
        var actorName = await db.ActorNameAsync(Actor, ct);
        var named = !string.IsNullOrEmpty(s.SubmitterName);
        var report = new OpinionReport
        {
            CommitteeId = s.CommitteeId,
            Title = s.Title,
            Situation = s.Content,
            Category = "",
            Source = $"码上商联络点：{point.Name}",
            SubmitterKind = named ? OpinionSubmitterKind.PublicReporter : OpinionSubmitterKind.LiaisonPoint,
            SubmitterName = named ? s.SubmitterName! : point.Name,
            ContactName = s.SubmitterName ?? "",
            ContactPhone = s.Phone ?? "",
            CreatedByUserId = Actor.UserId,
            PublicSubmissionId = s.Id,
        };
        await submission.AddSubmittedAsync(report, actorName, null, now, ct);
        db.AddHistory(report, actorName, $"由码上商联络点“{point.Name}”的群众来信转为社情民意信息并报送", now);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.Submit, $"码上商来信《{report.Title}》已转为社情民意信息", []));
        s.ReportId = report.Id;
        s.Status = PublicSubmissionStatus.ConvertedToReport;
        Stamp(s, "群众来信转社情民意");
        await submission.SaveNumberedAsync(report, () => CommitAsync(ct), null, ct);
        return report.Id;
    }

    /// <summary>The letters the actor handles: every point's for 公众渠道 staff, else the points the
    /// actor is responsible for; own committee, 码上商 channel, not waiting for moderation or blocked.</summary>
    private IQueryable<PublicSubmission> Letters()
    {
        var a = Actor;
        var committeeId = a.CommitteeId;
        var all = PointsAccess.IsPublicStaff(a);
        var memberId = a.MemberId;
        var userId = a.UserId;
        if (!all && memberId is null && userId is null)
        {
            throw new ForbiddenException();
        }

        return db.PublicSubmissions.AsNoTracking()
            .Where(s => s.CommitteeId == committeeId
                && s.Channel == PublicChannel.LiaisonPoint
                && Visible.Contains(s.Status)
                && db.LiaisonPoints.Any(p => p.Id == s.LiaisonPointId
                    && (all || (memberId != null && p.ResponsibleMemberId == memberId) || (userId != null && p.ResponsibleUserId == userId))));
    }

    private async Task<(PublicSubmission Letter, LiaisonPoint Point)> LoadAsync(Guid id, int version, CancellationToken ct)
    {
        if (!await Letters().AnyAsync(s => s.Id == id, ct))
        {
            throw new NotFoundException("来信");
        }

        var letter = await db.PublicSubmissions.FirstAsync(s => s.Id == id, ct);
        var point = await db.LiaisonPoints.AsNoTracking().FirstAsync(p => p.Id == letter.LiaisonPointId, ct);
        if (!Actor.CanWrite(letter.CommitteeId))
        {
            throw new ForbiddenException();
        }

        if (await TakenOverByAsync(letter.Id, ct) is { } chain)
        {
            throw new ConflictException($"该来信已进入{chain}，请在那里办理；群众可凭回执码查看办理结果。");
        }

        db.Entry(letter).Property(x => x.Version).OriginalValue = version;
        return (letter, point);
    }

    private static void Require(PublicSubmission s, string action, params PublicSubmissionStatus[] from)
    {
        if (!from.Contains(s.Status))
        {
            throw new ConflictException($"该来信当前状态为“{s.Status.DisplayName()}”，不能{action}。");
        }
    }

    private async Task SaveAsync(PublicSubmission s, string action, CancellationToken ct)
    {
        Stamp(s, action);
        await CommitAsync(ct);
    }

    private void Stamp(PublicSubmission s, string action)
    {
        s.LastActivityAt = time.GetUtcNow().UtcDateTime;
        db.Audit(action, nameof(PublicSubmission), s.Id.ToString(), "成功", s.Title);
    }

    private async Task CommitAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该来信刚刚已被他人处理，您的操作未保存。请刷新后查看最新状态。");
        }
    }
}
