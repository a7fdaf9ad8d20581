using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Online;

/// <summary>What staff type when opening or editing a discussion.</summary>
public sealed record DiscussionInput(string? Title, string? Intro, bool PublicParticipation);

/// <summary>开启/管理网络议政 – staff with 协商议政 open a discussion for an activity or a plan
/// topic, edit it, switch public participation and move it between 进行中, 直播中 and 已结束.</summary>
public sealed class DiscussionAdmin(TongxinDbContext db, IActorAccessor actors, ConsultationAccess access, DiscussionAccess discussions, TimeProvider time)
{
    public const int TokenLength = 20;
    public const int MaxTitle = 100;
    public const int MaxIntro = 2000;

    private const string TokenAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Opens the discussion of an activity (at most one per activity) or of a topic.</summary>
    public async Task<Guid> OpenAsync(Guid? activityId, Guid? topicId, DiscussionInput input, CancellationToken ct = default)
    {
        access.RequireStaff();
        if (activityId is null == topicId is null)
        {
            throw new ValidationFailedException("", "请选择网络议政所属的活动或协商选题（二选一）。");
        }

        Guid committeeId;
        if (activityId is { } aid)
        {
            var activity = await access.LoadActivityForStaffAsync(aid, ct);
            if (await db.Discussions.AnyAsync(d => d.ActivityId == aid, ct))
            {
                throw new ConflictException("该活动已开启网络议政。");
            }

            committeeId = activity.CommitteeId;
        }
        else
        {
            committeeId = await db.ConsultationTopics.Where(t => t.Id == topicId).Select(t => (Guid?)t.CommitteeId).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("协商选题");
        }

        if (!actors.Actor.CanWrite(committeeId))
        {
            throw new ForbiddenException("只能管理本级政协的网络议政。");
        }

        var (title, intro) = Validate(input);
        var discussion = new Discussion
        {
            CommitteeId = committeeId,
            ActivityId = activityId,
            TopicId = topicId,
            Title = title,
            Intro = intro,
            PublicParticipation = input.PublicParticipation,
            Token = NewToken(),
            Status = DiscussionStatus.Open,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Discussions.Add(discussion);
        await db.SaveConsultationAsync(ct);
        return discussion.Id;
    }

    public async Task UpdateAsync(Guid id, DiscussionInput input, CancellationToken ct = default)
    {
        var discussion = await LoadTrackedAsync(id, ct);
        (discussion.Title, discussion.Intro) = Validate(input);
        discussion.PublicParticipation = input.PublicParticipation;
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>进行中 / 直播中 / 已结束; a closed discussion stays readable but takes no comments.</summary>
    public async Task SetStatusAsync(Guid id, DiscussionStatus status, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ValidationFailedException("Status", "状态无效。");
        }

        var discussion = await LoadTrackedAsync(id, ct);
        discussion.Status = status;
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>A new public link: the old one stops working (e.g. after it was posted where it should not be).</summary>
    public async Task RenewTokenAsync(Guid id, CancellationToken ct = default)
    {
        var discussion = await LoadTrackedAsync(id, ct);
        discussion.Token = NewToken();
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>20 characters of a 55-letter alphabet (≈115 bits) from the system's random source.</summary>
    public static string NewToken() => RandomNumberGenerator.GetString(TokenAlphabet, TokenLength);

    private async Task<Discussion> LoadTrackedAsync(Guid id, CancellationToken ct)
    {
        await discussions.LoadForModeratorAsync(id, ct);
        return await db.Discussions.FirstAsync(d => d.Id == id, ct);
    }

    private static (string Title, string Intro) Validate(DiscussionInput input)
    {
        var title = PublicText.Line(input.Title);
        var intro = PublicText.Block(input.Intro);
        new Validation()
            .Text(title, MaxTitle, "Title", "标题")
            .Text(intro, MaxIntro, "Intro", "简介", required: false)
            .ThrowIfInvalid();
        return (title, intro);
    }
}
