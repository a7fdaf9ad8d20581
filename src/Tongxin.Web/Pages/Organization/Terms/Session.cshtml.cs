using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Terms;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Terms;

/// <summary>New session of a term (<c>?termId=</c>) or an existing session (<c>/{id}</c>).</summary>
public class SessionModel(TermAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid? termId, CancellationToken ct)
    {
        if (Id is { } id)
        {
            Input = await admin.GetSessionForEditAsync(id, ct);
        }
        else if (!admin.CanManage || termId is null)
        {
            throw new ForbiddenException();
        }
        else
        {
            Input.TermId = termId.Value;
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(
            () => Id is { } id ? admin.UpdateSessionAsync(id, Input, ct) : admin.CreateSessionAsync(Input, ct),
            () => Task.CompletedTask,
            "会议已保存。",
            () => RedirectToPage("Index"));
}
