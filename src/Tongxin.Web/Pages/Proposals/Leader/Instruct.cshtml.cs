using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.Leader;

/// <summary>领导批示 – the form a leader records an instruction on a proposal with.</summary>
public class InstructModel(ProposalInstructionHandler instructions, ProposalAccess access, Tongxin.Platform.Tenancy.IActorAccessor actors) : PageModel
{
    [BindProperty]
    [Display(Name = "批示内容")]
    [Required(ErrorMessage = "请填写批示内容。")]
    [StringLength(ProposalInstructionHandler.MaxLength, ErrorMessage = "批示内容不能超过{1}个字。")]
    public string? Text { get; set; }

    public Proposal Proposal { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await instructions.GiveAsync(id, Text, ct);
                TempData["Message"] = "批示已记录。";
                return Redirect($"/Proposals/Detail/{id}");
            }
            catch (ValidationFailedException invalid)
            {
                foreach (var message in invalid.Errors.SelectMany(e => e.Value))
                {
                    ModelState.AddModelError(nameof(Text), message);
                }
            }
            catch (ConflictException conflict)
            {
                ModelState.AddModelError("", conflict.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError("", new ConflictException().Message);
            }
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        if (!ProposalInstructionHandler.CanInstruct(actors.Actor))
        {
            throw new ForbiddenException("只有领导可以对提案作出批示。");
        }

        Proposal = await access.LoadAsync(id, ct);
    }
}
