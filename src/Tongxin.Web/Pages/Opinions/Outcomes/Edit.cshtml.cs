using Tongxin.Pages.Organization.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Outcomes;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions.Outcomes;

/// <summary>更正结果记录 – corrects a wrongly recorded upper-level adoption or instruction.</summary>
public class EditModel(OpinionOutcomeHandler handler) : PageModel
{
    [BindProperty]
    public AdoptionInput Adoption { get; set; } = new();

    [BindProperty]
    public InstructionInput Instruction { get; set; } = new();

    public OpinionReport Report { get; private set; } = null!;

    public OpinionOutcome Outcome { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Adoption = new AdoptionInput { Level = Outcome.Level, Date = Outcome.Date, Combined = Outcome.Combined };
        Instruction = new InstructionInput { Level = Outcome.InstructionLevel, LeaderName = Outcome.LeaderName, Date = Outcome.Date, Text = Outcome.Text };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var instruction = Outcome.Kind == OpinionOutcomeKind.Instruction;
        try
        {
            if (instruction)
            {
                await handler.UpdateInstructionAsync(id, Instruction, ct);
            }
            else
            {
                await handler.UpdateAdoptionAsync(id, Adoption, ct);
            }

            TempData["Message"] = "结果记录已更正。";
            return Redirect($"/Opinions/Outcomes/{Report.Id}");
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, instruction ? nameof(Instruction) : nameof(Adoption));
        }

        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct) =>
        (Report, Outcome) = await handler.LoadForCorrectionAsync(id, ct);
}
