using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision.Groups;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Groups;

/// <summary>新建监督活动 – a group's 视察/调研/座谈/暗访, created on the shared activity engine with the
/// group's supervisors invited; it then opens on the engine's activity page (publish, sign-in, close).</summary>
public class ActivityModel(GroupQueries queries, SupervisionActivityHandler handler) : PageModel
{
    [BindProperty]
    public SupervisionActivityInput Input { get; set; } = new();

    public GroupDetail Group { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Group = await queries.DetailAsync(id, ct);
        if (!queries.MayManage(Group))
        {
            throw new ForbiddenException("只能管理本级政协的民主监督工作。");
        }

        Input = handler.NewInput();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var activityId = await handler.CreateAsync(id, Input, ct);
            TempData["Message"] = "监督活动已创建（草稿），小组成员已列入邀请名单；请核对后发布。";
            return Redirect($"/Consultation/Activities/Detail/{activityId}");
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        Group = await queries.DetailAsync(id, ct);
        return Page();
    }
}
