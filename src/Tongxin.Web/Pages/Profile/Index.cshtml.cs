using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Organization.Members;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Profile;

/// <summary>我的资料: contact and tags change at once; identity and office fields become change requests.</summary>
public class IndexModel(MemberProfileHandler profiles) : PageModel
{
    public OwnProfile Profile { get; private set; } = null!;

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public SensitiveInput Sensitive { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        Contact = new ContactInput { Mobile = Profile.Mobile, Email = Profile.Email, Tags = Profile.Tags, Version = Profile.Version };
        Sensitive = new SensitiveInput { Party = Profile.Party, Ethnicity = Profile.Ethnicity, WorkUnit = Profile.WorkUnit, Title = Profile.Title, SectorId = Profile.SectorId };
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        Sensitive = new SensitiveInput { Party = Profile.Party, Ethnicity = Profile.Ethnicity, WorkUnit = Profile.WorkUnit, Title = Profile.Title, SectorId = Profile.SectorId };
        try
        {
            await profiles.UpdateContactAsync(Contact, ct);
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Contact));
            return Page();
        }

        TempData["Message"] = "已保存联系方式";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        Contact = new ContactInput { Mobile = Profile.Mobile, Email = Profile.Email, Tags = Profile.Tags, Version = Profile.Version };
        try
        {
            var filed = await profiles.RequestChangesAsync(Sensitive, ct);
            TempData["Message"] = $"已提交 {filed} 项修改申请，待政协机关审核";
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Sensitive));
            return Page();
        }

        return RedirectToPage();
    }
}
