using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>One letter waiting for moderation.</summary>
public sealed record ModerationRow(Guid Id, PublicChannel Channel, string ChannelName, string Title, string Content, string? SubmitterName, string? MatchedWords, DateTime CreatedAt, int Version);

/// <summary>来信审核 – letters in which a sensitive word matched wait here (staff with the 公众渠道
/// permission, own committee): 通过 releases them to the handler (待处理), 屏蔽 hides them for good
/// (the receipt then finds nothing).</summary>
public sealed class ModerationQueue(TongxinDbContext db, IActorAccessor actors, TimeProvider time, IEnumerable<IPublicLetterFollower> followers)
{
    private const string ConcurrentlyModerated = "该来信刚刚已被他人审核，请刷新后查看。";

    private Actor Actor => actors.Actor;

    public async Task<PagedList<ModerationRow>> ListAsync(int page, CancellationToken ct = default)
    {
        var committeeId = RequireModerator();
        return await db.PublicSubmissions.AsNoTracking()
            .Where(s => s.CommitteeId == committeeId && s.Status == PublicSubmissionStatus.PendingModeration)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new ModerationRow(
                s.Id,
                s.Channel,
                db.LiaisonPoints.Where(p => p.Id == s.LiaisonPointId).Select(p => p.Name).FirstOrDefault()
                    ?? db.MemberStudios.Where(x => x.Id == s.StudioId).Select(x => x.Name).FirstOrDefault() ?? "",
                s.Title,
                s.Content,
                s.SubmitterName,
                s.MatchedWords,
                s.CreatedAt,
                s.Version))
            .ToPagedListAsync(page, ct: ct);
    }

    public Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        var committeeId = RequireModerator();
        return db.PublicSubmissions.CountAsync(s => s.CommitteeId == committeeId && s.Status == PublicSubmissionStatus.PendingModeration, ct);
    }

    /// <summary>通过: the letter goes to its handler as if it had just arrived (who is notified).</summary>
    public async Task ApproveAsync(Guid id, int version, CancellationToken ct = default)
    {
        var s = await LoadAsync(id, version, ct);
        s.Status = PublicSubmissionStatus.Received;
        db.Raise(PublicSubmissionReceived.Of(s));
        s.LastActivityAt = time.GetUtcNow().UtcDateTime;
        db.Audit("审核通过群众来信", nameof(PublicSubmission), s.Id.ToString(), "成功", s.MatchedWords ?? "");
        // A follower numbering its rows may lose a number to a save at the same moment: it takes the next one.
        for (var attempt = 1; ; attempt++)
        {
            foreach (var follower in followers)
            {
                await follower.FollowAsync(s, ct);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException(ConcurrentlyModerated);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>屏蔽.</summary>
    public async Task BlockAsync(Guid id, int version, CancellationToken ct = default)
    {
        var s = await LoadAsync(id, version, ct);
        s.Status = PublicSubmissionStatus.Blocked;
        await SaveAsync(s, "屏蔽群众来信", ct);
    }

    private async Task<PublicSubmission> LoadAsync(Guid id, int version, CancellationToken ct)
    {
        var committeeId = RequireModerator();
        var s = await db.PublicSubmissions.FirstOrDefaultAsync(x => x.Id == id && x.CommitteeId == committeeId, ct)
            ?? throw new NotFoundException("来信");
        if (s.Status != PublicSubmissionStatus.PendingModeration)
        {
            throw new ConflictException($"该来信当前状态为“{s.Status.DisplayName()}”，不在待审核中。");
        }

        db.Entry(s).Property(x => x.Version).OriginalValue = version;
        return s;
    }

    private async Task SaveAsync(PublicSubmission s, string action, CancellationToken ct)
    {
        s.LastActivityAt = time.GetUtcNow().UtcDateTime;
        db.Audit(action, nameof(PublicSubmission), s.Id.ToString(), "成功", s.MatchedWords ?? "");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConcurrentlyModerated);
        }
    }

    private Guid RequireModerator() =>
        PointsAccess.IsPublicStaff(Actor) && Actor.CommitteeId is { } id
            ? id
            : throw new ForbiddenException("只有具有公众渠道权限的工作人员可以审核来信。");
}

/// <summary>敏感词管理 – the committee's list (公众渠道 staff, own committee). Edited as a whole
/// list, one word per line; the filter's cache is dropped on save.</summary>
public sealed class SensitiveWordAdmin(TongxinDbContext db, IActorAccessor actors, SensitiveWordFilter filter)
{
    public const int MaxWord = 50;
    public const int MaxWords = 2000;

    /// <summary>Words shipped for a new or demo committee (staff edit them).</summary>
    public static readonly string[] Defaults = ["赌博网站", "代开发票", "办证刻章", "枪支出售", "裸聊", "高利贷", "传销", "刷单返利"];

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken ct = default)
    {
        var committeeId = RequireAdmin();
        return await db.SensitiveWords.AsNoTracking()
            .Where(w => w.CommitteeId == committeeId)
            .OrderBy(w => w.Word)
            .Select(w => w.Word)
            .ToListAsync(ct);
    }

    /// <summary>Replaces the list with the given lines (blank lines and repeats ignored); returns (added, removed).</summary>
    public async Task<(int Added, int Removed)> SaveAsync(string? text, CancellationToken ct = default)
    {
        var committeeId = RequireAdmin();
        var wanted = (text ?? "").Split('\n')
            .Select(PublicText.Line)
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var v = new Validation()
            .Require(wanted.Count <= MaxWords, "Words", $"敏感词不能超过{MaxWords}个。");
        foreach (var w in wanted.Where(w => PublicText.Length(w) > MaxWord || w.Length > MaxWord).Take(3))
        {
            v.Require(false, "Words", $"敏感词“{w[..Math.Min(10, w.Length)]}…”超过{MaxWord}个字。");
        }

        foreach (var w in wanted.Where(w => SensitiveWordFilter.Fold(w).Length == 0).Take(3))
        {
            v.Require(false, "Words", $"“{w}”不含文字或数字，无法匹配。");
        }

        v.ThrowIfInvalid();
        var existing = await db.SensitiveWords.Where(w => w.CommitteeId == committeeId).ToListAsync(ct);
        var removed = existing.Where(e => !wanted.Contains(e.Word, StringComparer.Ordinal)).ToList();
        var added = wanted.Where(w => !existing.Any(e => e.Word == w)).ToList();
        db.SensitiveWords.RemoveRange(removed);
        db.SensitiveWords.AddRange(added.Select(w => new SensitiveWord { CommitteeId = committeeId, Word = w }));
        db.Audit("修改敏感词", nameof(SensitiveWord), committeeId.ToString(), "成功", $"新增{added.Count}个，删除{removed.Count}个");
        await db.SaveChangesAsync(ct);
        filter.Invalidate(committeeId);
        return (added.Count, removed.Count);
    }

    private Guid RequireAdmin() =>
        PointsAccess.IsPublicStaff(actors.Actor) && actors.Actor.CommitteeId is { } id
            ? id
            : throw new ForbiddenException("只有具有公众渠道权限的工作人员可以管理敏感词。");
}
