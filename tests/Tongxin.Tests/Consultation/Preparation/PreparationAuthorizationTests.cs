using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Preparation;

/// <summary>Who may do what (DESIGN.md "Who may do what"): tasks, materials, speeches and best
/// marks are for the consultation staff of the activity's own committee; the vote is for the
/// members taking part. Every refusal leaves nothing behind.</summary>
public class PreparationAuthorizationTests
{
    private enum Act
    {
        AddTask,
        Upload,
        Send,
        RecordSpeech,
        Vote,
        MarkBest,
    }

    private static async Task RunAsync(PreparationWorld w, TestData.TestUser user, Act act, Guid activityId, Guid speechId)
    {
        await w.AsAsync(user, async sp =>
        {
            switch (act)
            {
                case Act.AddTask:
                    await sp.GetRequiredService<PreparationHandler>().AddTaskAsync(activityId,
                        new ActivityTaskInput { Kind = ActivityTaskKind.Research, Title = "调研", Date = new DateOnly(2026, 3, 9) });
                    break;
                case Act.Upload:
                    await sp.GetRequiredService<PreparationHandler>().UploadMaterialAsync(activityId, "材料", new MemoryStream(MaterialTests.Pdf()), "材料.pdf");
                    break;
                case Act.Send:
                    await sp.GetRequiredService<PreparationHandler>().SendMaterialsAsync(activityId);
                    break;
                case Act.RecordSpeech:
                    await sp.GetRequiredService<SpeechHandler>().RecordAsync(activityId,
                        new SpeechInput { SpeakerName = "来宾", Title = "发言", Text = "内容", Mode = SpeechMode.Oral });
                    break;
                case Act.Vote:
                    await sp.GetRequiredService<SpeechHandler>().VoteAsync(activityId, speechId);
                    break;
                case Act.MarkBest:
                    await sp.GetRequiredService<SpeechHandler>().MarkBestAsync(activityId, speechId, true);
                    break;
            }
        });
    }

    private static Task<(int Tasks, int Materials, int Speeches, int Votes, bool Best, bool Sent)> StateAsync(PreparationWorld w, Guid activityId) =>
        w.ReadAsync(async d => (
            await d.ActivityTasks.CountAsync(t => t.ActivityId == activityId),
            await d.ActivityMaterials.CountAsync(m => m.ActivityId == activityId),
            await d.ActivitySpeeches.CountAsync(s => s.ActivityId == activityId),
            await d.SpeechVotes.CountAsync(v => v.ActivityId == activityId),
            await d.ActivitySpeeches.AnyAsync(s => s.ActivityId == activityId && s.IsBest),
            await d.Activities.Where(a => a.Id == activityId).Select(a => a.MaterialsSentAt != null).SingleAsync()));

    [Theory, ClassData(typeof(Databases))]
    public async Task Everyone_but_the_committees_consultation_staff_is_refused_staff_actions_and_only_participants_vote(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync();
        await MaterialTests.UploadAsync(w, w.Staff, activityId);
        var speechId = await SpeechTests.RecordAsync(w, activityId, "已有发言", name: "来宾");
        var before = await StateAsync(w, activityId);

        var refusals = new (TestData.TestUser User, Act[] Acts)[]
        {
            (w.Participant, [Act.AddTask, Act.Upload, Act.Send, Act.RecordSpeech, Act.MarkBest]),
            (w.Outsider, Enum.GetValues<Act>()),
            (w.Declined, [Act.Vote]),
            (w.StaffWithoutPermission, Enum.GetValues<Act>()),
            (w.OtherCommitteeStaff, Enum.GetValues<Act>()),
            (w.Unit, Enum.GetValues<Act>()),
            (w.Leader, Enum.GetValues<Act>()),
            (w.Staff, [Act.Vote]),
        };
        foreach (var (user, acts) in refusals)
        {
            foreach (var act in acts)
            {
                await Should.ThrowAsync<ForbiddenException>(() => RunAsync(w, user, act, activityId, speechId), $"{user.UserName} {act}");
            }
        }

        (await StateAsync(w, activityId)).ShouldBe(before);

        foreach (var act in new[] { Act.AddTask, Act.Upload, Act.Send, Act.RecordSpeech, Act.MarkBest })
        {
            await RunAsync(w, w.Staff, act, activityId, speechId);
        }

        await RunAsync(w, w.Participant, Act.Vote, activityId, speechId);
        (await StateAsync(w, activityId)).ShouldBe((before.Tasks + 1, before.Materials + 1, before.Speeches + 1, 1, true, true));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_draft_is_invisible_to_members_and_staff_of_the_parent_committee_may_read_but_not_manage(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var draft = await w.NewActivityAsync(ActivityStatus.Draft);

        await Should.ThrowAsync<NotFoundException>(() => w.AsAsync(w.Participant, sp => sp.GetRequiredService<PreparationQuery>().GetAsync(draft)));
        var parentView = await w.AsAsync(w.OtherCommitteeStaff, sp => sp.GetRequiredService<PreparationQuery>().GetAsync(draft));
        parentView.CanManage.ShouldBeFalse();
        parentView.Deadlines.ShouldBeEmpty();
        var own = await w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationQuery>().GetAsync(draft));
        own.CanManage.ShouldBeTrue();
        own.Deadlines.Count.ShouldBe(2);
    }
}
