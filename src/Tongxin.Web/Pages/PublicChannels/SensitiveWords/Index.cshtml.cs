using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.PublicChannels.SensitiveWords;

/// <summary>敏感词 – the committee's list, edited as text, one word per line.</summary>
public class IndexModel(SensitiveWordAdmin admin) : PublicChannelsPageModel
{
    [BindProperty]
    public string? Words { get; set; }

    public int Count { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var (added, removed) = await admin.SaveAsync(Words, ct);
            TempData["Message"] = $"敏感词已保存：新增{added}个，删除{removed}个。";
            return RedirectToPage();
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError("Words", message);
            }

            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var words = await admin.ListAsync(ct);
        Count = words.Count;
        Words = string.Join("\n", words);
    }
}
