using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Organization.Members;

namespace Tongxin.Pages.Organization.Members;

public class DetailsModel(MemberRosterHandler roster) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public MemberDetails Member { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Member = await roster.DetailsAsync(Id, ct);
}
