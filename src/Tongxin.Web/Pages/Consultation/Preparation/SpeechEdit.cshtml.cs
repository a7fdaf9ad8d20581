using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;

namespace Tongxin.Pages.Consultation.Preparation;

/// <summary>记录/修改发言 (staff) or 提交书面发言 (a member taking part): the handler decides who may.</summary>
public class SpeechEditModel(ConsultationAccess access, PreparationAccess preparation, PreparationQuery query, SpeechHandler handler) : PreparationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? SpeechId { get; set; }

    [BindProperty]
    public SpeechInput Input { get; set; } = new();

    public Activity Activity { get; private set; } = null!;

    /// <summary>Staff form (speaker, mode); otherwise the member's own written speech.</summary>
    public bool AsStaff { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Speakers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (SpeechId is { } speechId)
        {
            Input = await handler.GetForEditAsync(Id, speechId, ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return await FormActionAsync(
            async () =>
            {
                if (SpeechId is { } speechId)
                {
                    await handler.UpdateAsync(Id, speechId, Input, ct);
                }
                else if (AsStaff)
                {
                    await handler.RecordAsync(Id, Input, ct);
                }
                else
                {
                    await handler.SubmitWrittenAsync(Id, Input, ct);
                }
            },
            () => Task.CompletedTask,
            AsStaff ? "发言已保存。" : "书面发言已提交。",
            () => Redirect(PreparationLinks.Speeches(Id)),
            nameof(Input));
    }

    /// <summary>Staff of the committee get the full form; a participant the written-speech form;
    /// anyone else is refused here already (the handler checks again on save).</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        Activity = await access.LoadActivityAsync(Id, ct);
        AsStaff = preparation.CanManage(Activity);
        if (AsStaff)
        {
            Speakers = await query.SpeakerOptionsAsync(Id, Activity.CommitteeId, ct);
        }
        else
        {
            if (SpeechId is not null)
            {
                access.RequireStaff();
            }

            await preparation.LoadForParticipantAsync(Id, ct);
        }
    }
}
