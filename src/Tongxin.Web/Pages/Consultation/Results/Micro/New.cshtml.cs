using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Results.Micro;

/// <summary>提微建言 – a small form a member fills on the phone.</summary>
public class NewModel(SuggestionHandler handler, ConsultationAccess access) : PageModel
{
    [BindProperty]
    public MicroSuggestionInput Input { get; set; } = new();

    public void OnGet() => access.RequireMember();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await handler.RaiseMicroAsync(Input, ct);
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
            return Page();
        }

        TempData["Message"] = "微建言已提交，办理情况可在“我的微建言”中查看。";
        return Redirect("/Consultation/Results/Micro/My");
    }
}
