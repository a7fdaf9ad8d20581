using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Preparation;

/// <summary>发言 as staff record it (a member of the committee or a free name) or as a member submits
/// a written one (speaker and mode are then fixed).</summary>
public sealed class SpeechInput
{
    [Display(Name = "发言委员")]
    public Guid? SpeakerMemberId { get; set; }

    [Display(Name = "发言人（非委员）")]
    public string SpeakerName { get; set; } = "";

    [Display(Name = "发言题目")]
    public string Title { get; set; } = "";

    [Display(Name = "发言内容")]
    public string Text { get; set; } = "";

    [Display(Name = "发言方式")]
    public SpeechMode? Mode { get; set; }

    /// <summary>The version the form was loaded with (edits only).</summary>
    public int Version { get; set; }
}

/// <summary>发言与最佳发言评选. Staff record, correct and delete speeches and mark the best one; a
/// member taking part submits a written speech and casts one vote per activity while the vote is
/// open (the activity is published, or closed less than <see cref="VoteDaysAfterEnd"/> days ago).
/// The unique index on (activity, voter) decides between two votes at the same moment, and the
/// speech's count goes up by an atomic increment in the same transaction as the vote row, so it
/// always equals the number of votes.</summary>
public sealed class SpeechHandler(TongxinDbContext db, ConsultationAccess access, PreparationAccess preparation, TimeProvider time)
{
    public const int VoteDaysAfterEnd = 7;
    public const int MaxSpeakerLength = 50;
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 20000;
    public const string AlreadyVoted = "您已在本次活动的最佳发言评选中投过票，每人限投一票。";
    public const string VoteClosed = "最佳发言评选已截止（活动结束7天后不再投票）。";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Whether the best-speech vote is open for <paramref name="activity"/> at <paramref name="now"/>.</summary>
    public static bool VoteOpen(Activity activity, DateTime now) =>
        activity.Status == ActivityStatus.Published
        || (activity.Status == ActivityStatus.Closed && now <= activity.EndsAt.AddDays(VoteDaysAfterEnd));

    /// <summary>Staff record a speech (oral or written) of a member or of a guest.</summary>
    public async Task<Guid> RecordAsync(Guid activityId, SpeechInput input, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForStaffAsync(activityId, ct);
        EnsureOpenForSpeeches(activity);
        var speaker = await SpeakerAsync(activity, input, ct);
        var speech = new ActivitySpeech
        {
            CommitteeId = activity.CommitteeId,
            ActivityId = activity.Id,
            SortOrder = await NextSortOrderAsync(activity.Id, ct),
            CreatedAt = Now,
        };
        Apply(speech, speaker, input);
        db.ActivitySpeeches.Add(speech);
        await db.SaveConsultationAsync(ct);
        return speech.Id;
    }

    /// <summary>A member taking part submits a written speech (书面发言) while the activity is published.</summary>
    public async Task<Guid> SubmitWrittenAsync(Guid activityId, SpeechInput input, CancellationToken ct = default)
    {
        var (activity, memberId) = await preparation.LoadForParticipantAsync(activityId, ct);
        if (activity.Status != ActivityStatus.Published)
        {
            throw new ConflictException("活动已结束，不能再提交书面发言。");
        }

        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        new Validation().Text(input).ThrowIfInvalid();
        var speech = new ActivitySpeech
        {
            CommitteeId = activity.CommitteeId,
            ActivityId = activity.Id,
            SortOrder = await NextSortOrderAsync(activity.Id, ct),
            CreatedAt = Now,
        };
        Apply(speech, (memberId, name), new SpeechInput { Title = input.Title, Text = input.Text, Mode = SpeechMode.Written });
        db.ActivitySpeeches.Add(speech);
        await db.SaveConsultationAsync(ct);
        return speech.Id;
    }

    public async Task<SpeechInput> GetForEditAsync(Guid activityId, Guid speechId, CancellationToken ct = default)
    {
        var (_, speech) = await LoadForStaffAsync(activityId, speechId, ct);
        return new SpeechInput
        {
            SpeakerMemberId = speech.SpeakerMemberId,
            SpeakerName = speech.SpeakerMemberId is null ? speech.SpeakerName : "",
            Title = speech.Title,
            Text = speech.Text,
            Mode = speech.Mode,
            Version = speech.Version,
        };
    }

    public async Task UpdateAsync(Guid activityId, Guid speechId, SpeechInput input, CancellationToken ct = default)
    {
        var (activity, speech) = await LoadForStaffAsync(activityId, speechId, ct);
        var speaker = await SpeakerAsync(activity, input, ct);
        if (speech.Version != input.Version)
        {
            throw new ConflictException(ConsultationSave.ConcurrentMessage);
        }

        Apply(speech, speaker, input);
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>Deletes a speech with its votes (the page asks first).</summary>
    public async Task DeleteAsync(Guid activityId, Guid speechId, CancellationToken ct = default)
    {
        var (activity, speech) = await LoadForStaffAsync(activityId, speechId, ct);
        var votes = await db.SpeechVotes.Where(v => v.SpeechId == speech.Id).ToListAsync(ct);
        db.SpeechVotes.RemoveRange(votes);
        db.ActivitySpeeches.Remove(speech);
        db.Audit("删除发言", nameof(ActivitySpeech), speech.Id.ToString(), "成功", $"《{activity.Title}》{speech.SpeakerName}《{speech.Title}》，{votes.Count}票");
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>评为最佳发言 (one per activity: marking one clears the others), or takes the mark away.</summary>
    public async Task MarkBestAsync(Guid activityId, Guid speechId, bool best, CancellationToken ct = default)
    {
        var (_, speech) = await LoadForStaffAsync(activityId, speechId, ct);
        if (best)
        {
            var others = await db.ActivitySpeeches.Where(s => s.ActivityId == activityId && s.IsBest && s.Id != speechId).ToListAsync(ct);
            others.ForEach(s => s.IsBest = false);
        }

        speech.IsBest = best;
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>投票 – one vote per member and activity, for someone else's speech, while the vote is open.</summary>
    public async Task VoteAsync(Guid activityId, Guid speechId, CancellationToken ct = default)
    {
        var (activity, memberId) = await preparation.LoadForParticipantAsync(activityId, ct);
        if (!VoteOpen(activity, Now))
        {
            throw new ConflictException(VoteClosed);
        }

        var speech = await db.ActivitySpeeches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == speechId && s.ActivityId == activityId, ct)
            ?? throw new NotFoundException("发言");
        if (speech.SpeakerMemberId == memberId)
        {
            throw new ConflictException("不能给自己的发言投票。");
        }

        if (await db.SpeechVotes.AnyAsync(v => v.ActivityId == activityId && v.VoterMemberId == memberId, ct))
        {
            throw new ConflictException(AlreadyVoted);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SpeechVotes.Add(new SpeechVote { CommitteeId = activity.CommitteeId, ActivityId = activityId, SpeechId = speechId, VoterMemberId = memberId, CastAt = Now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (activity, voter) index let the other of two simultaneous votes in.
            db.ChangeTracker.Clear();
            throw new ConflictException(AlreadyVoted);
        }

        await db.ActivitySpeeches.Where(s => s.Id == speechId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.VoteCount, s => s.VoteCount + 1), ct);
        await tx.CommitAsync(ct);
    }

    private static void EnsureOpenForSpeeches(Activity activity)
    {
        if (activity.Status == ActivityStatus.Cancelled)
        {
            throw new ConflictException("活动已取消，不能记录发言。");
        }
    }

    private async Task<(Activity Activity, ActivitySpeech Speech)> LoadForStaffAsync(Guid activityId, Guid speechId, CancellationToken ct)
    {
        var activity = await access.LoadActivityForStaffAsync(activityId, ct);
        EnsureOpenForSpeeches(activity);
        var speech = await db.ActivitySpeeches.FirstOrDefaultAsync(s => s.Id == speechId && s.ActivityId == activityId, ct)
            ?? throw new NotFoundException("发言");
        return (activity, speech);
    }

    /// <summary>The speaker: a member of the activity's committee, or a free name (a department's
    /// official, a representative).</summary>
    private async Task<(Guid? MemberId, string Name)> SpeakerAsync(Activity activity, SpeechInput input, CancellationToken ct)
    {
        var free = input.SpeakerName?.Trim() ?? "";
        string? memberName = null;
        if (input.SpeakerMemberId is { } memberId)
        {
            memberName = await db.Members.Where(m => m.Id == memberId && m.CommitteeId == activity.CommitteeId)
                .Select(m => m.Name).FirstOrDefaultAsync(ct);
        }

        new Validation()
            .Require(input.SpeakerMemberId is null || memberName is not null, nameof(input.SpeakerMemberId), "所选委员不属于本政协组织。")
            .Require(input.SpeakerMemberId is not null || free.Length > 0, nameof(input.SpeakerName), "请选择发言委员或填写发言人。")
            .MaxLength(free, MaxSpeakerLength, nameof(input.SpeakerName), "发言人")
            .Require(input.Mode is { } mode && Enum.IsDefined(mode), nameof(input.Mode), "请选择口头发言或书面发言。")
            .Text(input)
            .ThrowIfInvalid();
        return memberName is not null ? (input.SpeakerMemberId, memberName) : (null, free);
    }

    private static void Apply(ActivitySpeech speech, (Guid? MemberId, string Name) speaker, SpeechInput input)
    {
        speech.SpeakerMemberId = speaker.MemberId;
        speech.SpeakerName = speaker.Name;
        speech.Title = input.Title.Trim();
        speech.Text = input.Text.Trim();
        speech.Mode = input.Mode!.Value;
    }

    private async Task<int> NextSortOrderAsync(Guid activityId, CancellationToken ct) =>
        (await db.ActivitySpeeches.Where(s => s.ActivityId == activityId).MaxAsync(s => (int?)s.SortOrder, ct) ?? 0) + 1;
}

/// <summary>The rules every speech's title and text follow, whoever enters it.</summary>
internal static class SpeechRules
{
    public static Validation Text(this Validation v, SpeechInput input) =>
        v.NotBlank(input.Title, nameof(input.Title), "发言题目")
            .MaxLength(input.Title?.Trim(), SpeechHandler.MaxTitleLength, nameof(input.Title), "发言题目")
            .NotBlank(input.Text, nameof(input.Text), "发言内容")
            .MaxLength(input.Text?.Trim(), SpeechHandler.MaxTextLength, nameof(input.Text), "发言内容");
}
