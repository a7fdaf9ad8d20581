using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Results.Minutes;

/// <summary>协商纪要 of one activity: staff write or upload and 报送; leaders read and record their 阅批.</summary>
public class ActivityModel(MinutesHandler minutes) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Instruction { get; set; }

    public MinutesView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid activityId, CancellationToken ct)
    {
        await LoadAsync(activityId, ct);
        Text = View.Minutes?.Text;
    }

    public async Task<IActionResult> OnPostTextAsync(Guid activityId, CancellationToken ct)
    {
        await LoadAsync(activityId, ct);
        await minutes.SaveTextAsync(activityId, Text, ct);
        return Done(activityId, "纪要已保存。");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid activityId, CancellationToken ct)
    {
        await LoadAsync(activityId, ct);
        if (Upload is null)
        {
            throw new ValidationFailedException("Upload", "请选择要上传的纪要文件。");
        }

        await using var content = Upload.OpenReadStream();
        try
        {
            await minutes.UploadAsync(activityId, content, Upload.FileName, ct);
        }
        catch (ValidationFailedException invalid) when (invalid.Errors.ContainsKey("file"))
        {
            throw new ValidationFailedException("Upload", string.Join("；", invalid.Errors["file"]));
        }

        return Done(activityId, "纪要文件已上传。");
    }

    public async Task<IActionResult> OnPostSendAsync(Guid activityId, CancellationToken ct)
    {
        await LoadAsync(activityId, ct);
        var leaders = await minutes.SendAsync(activityId, ct);
        return Done(activityId, $"纪要已报送 {leaders} 位领导。");
    }

    public async Task<IActionResult> OnPostReadAsync(Guid activityId, CancellationToken ct)
    {
        await LoadAsync(activityId, ct);
        await minutes.ReadAsync(activityId, Instruction, ct);
        return Done(activityId, "阅批已记录。");
    }

    private RedirectResult Done(Guid activityId, string message)
    {
        TempData["Message"] = message;
        return Redirect($"/Consultation/Results/Minutes/{activityId}");
    }

    private async Task LoadAsync(Guid activityId, CancellationToken ct) => View = await minutes.GetAsync(activityId, ct);
}
