using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Organization.Members;

namespace Tongxin.Pages.Profile;

/// <summary>The signed-in member's duty code as a PNG QR image, for the &lt;img&gt; on 我的资料.</summary>
public class DutyCodeModel(MemberProfileHandler profiles) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var png = await profiles.DutyCodePngAsync(ct);
        Response.Headers.CacheControl = "private, no-store";
        return File(png, "image/png");
    }
}
