using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Preparation;

public class SpeechTests
{
    internal static Task<Guid> RecordAsync(PreparationWorld w, Guid activityId, string title, Guid? memberId = null, string name = "", SpeechMode mode = SpeechMode.Oral) =>
        w.AsAsync(w.Staff, sp => sp.GetRequiredService<SpeechHandler>().RecordAsync(activityId,
            new SpeechInput { SpeakerMemberId = memberId, SpeakerName = name, Title = title, Text = $"{title}的发言全文。", Mode = mode }));

    internal static Task VoteAsync(PreparationWorld w, TestData.TestUser voter, Guid activityId, Guid speechId) =>
        w.AsAsync(voter, sp => sp.GetRequiredService<SpeechHandler>().VoteAsync(activityId, speechId));

    private static Task<ActivitySpeech> SpeechAsync(PreparationWorld w, Guid id) =>
        w.ReadAsync(d => d.ActivitySpeeches.AsNoTracking().SingleAsync(s => s.Id == id));

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_record_speeches_a_participant_submits_a_written_one_and_the_list_ranks_by_votes(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync();

        var oral = await RecordAsync(w, activityId, "加装电梯要算好民生账", w.Participant2.Actor.MemberId);
        var guest = await RecordAsync(w, activityId, "住建部门的工作打算", name: "市住建局副局长");
        var written = await w.AsAsync(w.Participant, sp => sp.GetRequiredService<SpeechHandler>().SubmitWrittenAsync(activityId,
            new SpeechInput { Title = "关于改造资金筹措的建议", Text = "建议设立改造基金。", Mode = SpeechMode.Oral, SpeakerName = "冒名" }));

        (await SpeechAsync(w, oral)).SpeakerName.ShouldBe("李参会");
        var g = await SpeechAsync(w, guest);
        g.SpeakerMemberId.ShouldBeNull();
        g.SpeakerName.ShouldBe("市住建局副局长");
        var mine = await SpeechAsync(w, written);
        mine.SpeakerMemberId.ShouldBe(w.ParticipantMemberId);
        mine.SpeakerName.ShouldBe("张参会");
        mine.Mode.ShouldBe(SpeechMode.Written);

        await VoteAsync(w, w.Participant, activityId, guest);
        await VoteAsync(w, w.Participant2, activityId, guest);
        await w.AsAsync(w.Staff, sp => sp.GetRequiredService<SpeechHandler>().MarkBestAsync(activityId, written, true));
        await w.AsAsync(w.Staff, sp => sp.GetRequiredService<SpeechHandler>().MarkBestAsync(activityId, guest, true));

        var ranked = await w.AsAsync(w.Outsider, sp => sp.GetRequiredService<PreparationQuery>().SpeechesAsync(activityId, 1));
        ranked.Items.Select(s => (s.Title, s.VoteCount, s.IsBest)).ShouldBe(
        [
            ("住建部门的工作打算", 2, true),
            ("加装电梯要算好民生账", 0, false),
            ("关于改造资金筹措的建议", 0, false),
        ]);

        // Deleting a speech takes its votes with it.
        await w.AsAsync(w.Staff, sp => sp.GetRequiredService<SpeechHandler>().DeleteAsync(activityId, guest));
        (await w.ReadAsync(d => d.SpeechVotes.CountAsync(v => v.ActivityId == activityId))).ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_votes_once_per_activity_not_for_themselves_and_not_after_the_window(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync();
        var first = await RecordAsync(w, activityId, "第一篇", name: "群众代表");
        var second = await RecordAsync(w, activityId, "第二篇", name: "部门代表");
        var own = await RecordAsync(w, activityId, "本人发言", w.ParticipantMemberId);

        await VoteAsync(w, w.Participant, activityId, first);
        var again = await Should.ThrowAsync<ConflictException>(() => VoteAsync(w, w.Participant, activityId, second));
        again.Message.ShouldBe(SpeechHandler.AlreadyVoted);
        var ownVote = await Should.ThrowAsync<ConflictException>(() => VoteAsync(w, w.Participant, activityId, own));
        ownVote.Message.ShouldBe("不能给自己的发言投票。");
        (await SpeechAsync(w, first)).VoteCount.ShouldBe(1);
        (await SpeechAsync(w, second)).VoteCount.ShouldBe(0);
        var view = await w.AsAsync(w.Participant, sp => sp.GetRequiredService<PreparationQuery>().GetAsync(activityId));
        view.MyVoteSpeechId.ShouldBe(first);
        view.CanVote.ShouldBeFalse();

        // Closed six days ago: still open; closed eight days ago: over.
        var now = app.Clock.GetUtcNow();
        var recent = await w.NewActivityAsync(ActivityStatus.Closed, now.AddDays(-6).AddHours(-3));
        var old = await w.NewActivityAsync(ActivityStatus.Closed, now.AddDays(-8).AddHours(-3));
        var recentSpeech = await RecordAsync(w, recent, "近期发言", name: "群众代表");
        var oldSpeech = await RecordAsync(w, old, "早前发言", name: "群众代表");
        await VoteAsync(w, w.Participant, recent, recentSpeech);
        var late = await Should.ThrowAsync<ConflictException>(() => VoteAsync(w, w.Participant, old, oldSpeech));
        late.Message.ShouldBe(SpeechHandler.VoteClosed);
        (await SpeechAsync(w, oldSpeech)).VoteCount.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_votes_of_one_member_at_the_same_moment_count_once_and_votes_of_two_members_both_count(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync();
        var a = await RecordAsync(w, activityId, "甲篇", name: "群众代表");
        var b = await RecordAsync(w, activityId, "乙篇", name: "部门代表");

        // The pre-check cannot see a vote not yet committed; the unique index decides.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Attempt(() => VoteAsync(w, w.Participant, activityId, i % 2 == 0 ? a : b))));
        results.Count(r => r is null).ShouldBe(1);
        results.Where(r => r is not null).ShouldAllBe(r => r == SpeechHandler.AlreadyVoted);
        var votes = await w.ReadAsync(d => d.SpeechVotes.AsNoTracking().Where(v => v.ActivityId == activityId).ToListAsync());
        votes.Count.ShouldBe(1);
        ((await SpeechAsync(w, a)).VoteCount + (await SpeechAsync(w, b)).VoteCount).ShouldBe(1);
        (await SpeechAsync(w, votes[0].SpeechId)).VoteCount.ShouldBe(1);

        // Two members on the same speech at once: the atomic increment loses neither.
        var voted = votes[0].SpeechId;
        await w.AddParticipantAsync(activityId, w.Outsider);
        await Task.WhenAll(VoteAsync(w, w.Participant2, activityId, voted), VoteAsync(w, w.Outsider, activityId, voted));
        (await SpeechAsync(w, voted)).VoteCount.ShouldBe(3);
        (await w.ReadAsync(d => d.SpeechVotes.CountAsync(v => v.SpeechId == voted))).ShouldBe(3);
    }

    private static async Task<string?> Attempt(Func<Task> vote)
    {
        try
        {
            await vote();
            return null;
        }
        catch (ConflictException e)
        {
            return e.Message;
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_speech_input_is_refused_in_chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync();
        var otherCommitteeMember = await app.NewPreparationWorldAsync();

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() =>
            w.AsAsync(w.Staff, sp => sp.GetRequiredService<SpeechHandler>().RecordAsync(activityId,
                new SpeechInput { SpeakerName = " ", Title = new string('题', 101), Text = "", Mode = (SpeechMode)9 })));
        invalid.Errors["SpeakerName"].ShouldBe(["请选择发言委员或填写发言人。"]);
        invalid.Errors["Title"].ShouldBe(["发言题目不能超过100个字符。"]);
        invalid.Errors["Text"].ShouldBe(["发言内容不能为空。"]);
        invalid.Errors["Mode"].ShouldBe(["请选择口头发言或书面发言。"]);

        var stranger = await Should.ThrowAsync<ValidationFailedException>(() =>
            RecordAsync(w, activityId, "外地委员", otherCommitteeMember.ParticipantMemberId));
        stranger.Errors["SpeakerMemberId"].ShouldBe(["所选委员不属于本政协组织。"]);

        var blank = await Should.ThrowAsync<ValidationFailedException>(() =>
            w.AsAsync(w.Participant, sp => sp.GetRequiredService<SpeechHandler>().SubmitWrittenAsync(activityId, new SpeechInput())));
        blank.Errors.Keys.Order().ShouldBe(["Text", "Title"]);
        (await w.ReadAsync(d => d.ActivitySpeeches.AnyAsync(s => s.ActivityId == activityId))).ShouldBeFalse();

        await Should.ThrowAsync<NotFoundException>(() => VoteAsync(w, w.Participant, activityId, Guid.NewGuid()));
    }
}
