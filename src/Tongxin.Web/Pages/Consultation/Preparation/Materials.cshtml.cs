using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;
using Tongxin.Platform;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Preparation;

/// <summary>会议材料 – staff upload and remove the activity's materials and send them to the participants.</summary>
public class MaterialsModel(ConsultationAccess access, PreparationQuery query, PreparationHandler handler, IOptions<TongxinOptions> options) : PreparationPageModel
{
    [BindProperty]
    public string? MaterialTitle { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Activity Activity { get; private set; } = null!;

    public PreparationView View { get; private set; } = null!;

    public string Limit => AttachmentService.FormatSize(options.Value.MaxUploadBytes);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return await FormActionAsync(
            async () =>
            {
                if (Upload is null)
                {
                    throw new ValidationFailedException("file", "请选择要上传的文件。");
                }

                await using var content = Upload.OpenReadStream();
                await handler.UploadMaterialAsync(Id, MaterialTitle, content, Upload.FileName, ct);
            },
            () => LoadAsync(ct),
            "会议材料已上传。",
            () => RedirectToPage(new { id = Id }),
            "");
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid materialId, CancellationToken ct) =>
        ListActionAsync(async () =>
        {
            await handler.RemoveMaterialAsync(Id, materialId, ct);
            return "会议材料已删除。";
        });

    public Task<IActionResult> OnPostSendAsync(CancellationToken ct) =>
        ListActionAsync(async () =>
        {
            var told = await handler.SendMaterialsAsync(Id, ct);
            return $"会议材料已发送，已通知 {told} 位参加人员。";
        });

    private async Task LoadAsync(CancellationToken ct)
    {
        Activity = await access.LoadActivityForStaffAsync(Id, ct);
        View = await query.GetAsync(Id, ct);
    }
}
