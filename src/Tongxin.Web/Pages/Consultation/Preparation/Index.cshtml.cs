using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation;

namespace Tongxin.Pages.Consultation.Preparation;

/// <summary>会前准备与发言 – the preparation partial on a page of its own (the address the
/// materials notification links to).</summary>
public class IndexModel(ConsultationAccess access) : PageModel
{
    public Activity Activity { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Activity = await access.LoadActivityAsync(id, ct);
}
