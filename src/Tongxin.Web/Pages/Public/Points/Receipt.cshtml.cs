using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Public.Points;

/// <summary>回执查询 – with the receipt code the public reads status, reply and what became of the
/// report made from the letter, and rates once after a reply. Any channel (码上商, 委员工作室).</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Lookup)]
public class ReceiptModel(PublicReceipts receipts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public ReceiptView? Letter { get; private set; }

    [BindProperty]
    public PublicRating? Rating { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }

        return await RunAsync(async () => Letter = await receipts.LookupAsync(Code, ct));
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        var result = await RunAsync(async () =>
        {
            if (Rating is not { } rating)
            {
                throw new ValidationFailedException("Rating", "请选择评价。");
            }

            await receipts.RateAsync(Code, rating, Comment, ct);
            Letter = await receipts.LookupAsync(Code, ct);
        });
        if (Letter is not null && ModelState.IsValid)
        {
            TempData["Message"] = "感谢您的评价！";
            return RedirectToPage(new { code = Letter.ReceiptCode.Replace("-", "", StringComparison.Ordinal) });
        }

        return result;
    }

    /// <summary>Refusals become a Chinese message on this page with a 4xx status.</summary>
    private async Task<IActionResult> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return Page();
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }

            Response.StatusCode = invalid.Message == PublicReceipts.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (TooManyRequestsException tooMany)
        {
            ModelState.AddModelError("", tooMany.Message);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        return Page();
    }
}
