using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Evaluation;
using Tongxin.Modules.Performance.Portrait;

namespace Tongxin.Pages.Performance.Portrait;

/// <summary>画像维度设置 – staff with 委员履职 set their committee's radar dimensions (name, the
/// categories summed, weight, order), take weights from an adopted evaluation weight set or go
/// back to the defaults.</summary>
public class DimensionsModel(PortraitHandler portraits) : PageModel
{
    public const int FormRows = 8;

    [BindProperty]
    public List<PortraitDimensionInput> Rows { get; set; } = [];

    public bool IsDefault { get; private set; }

    public AdoptedWeightView? Adopted { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(true, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(false, ct);
        await portraits.SaveAsync(Rows, ct);
        TempData["Message"] = "画像维度已保存";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAdoptedAsync(CancellationToken ct)
    {
        await LoadAsync(true, ct);
        var missing = await portraits.ApplyAdoptedWeightsAsync(ct);
        TempData["Message"] = missing.Count == 0 ? "已采用评价权重" : $"已采用评价权重；以下维度在权重集中没有同名指标，保留原权重：{string.Join("、", missing)}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        await LoadAsync(true, ct);
        await portraits.ResetAsync(ct);
        TempData["Message"] = "已恢复默认维度";
        return RedirectToPage();
    }

    private async Task LoadAsync(bool rows, CancellationToken ct)
    {
        var (saved, isDefault, adopted) = await portraits.EditFormAsync(ct);
        IsDefault = isDefault;
        Adopted = adopted;
        if (rows)
        {
            Rows = saved;
        }

        while (Rows.Count < FormRows)
        {
            Rows.Add(new PortraitDimensionInput { Weight = null });
        }
    }
}
