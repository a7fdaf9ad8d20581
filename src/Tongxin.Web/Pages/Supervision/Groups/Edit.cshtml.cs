using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision.Groups;
using Tongxin.Modules.Supervision.Topics;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Groups;

/// <summary>新建/修改民主监督员小组; <c>?topicId=</c> preselects the topic of a new group.</summary>
public class EditModel(GroupHandler groups, TopicHandler topics) : PageModel
{
    [BindProperty]
    public GroupInput Input { get; set; } = new();

    public IReadOnlyList<GroupOption> Units { get; private set; } = [];

    public IReadOnlyList<TopicOption> Topics { get; private set; } = [];

    public Guid? Id { get; private set; }

    public async Task OnGetAsync(Guid? id, Guid? topicId, CancellationToken ct)
    {
        Id = id;
        Input = id is { } existing ? await groups.GetInputAsync(existing, ct) : groups.NewInput();
        if (id is null)
        {
            Input.TopicId = topicId;
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            if (id is { } existing)
            {
                await groups.UpdateAsync(existing, Input, ct);
                TempData["Message"] = "小组已保存。";
                return RedirectToPage("Detail", new { id = existing });
            }

            var created = await groups.CreateAsync(Input, ct);
            TempData["Message"] = "小组已创建，请添加成员。";
            return RedirectToPage("Detail", new { id = created });
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await groups.UnitsAsync(ct);
        Topics = await topics.OptionsAsync(ct);
    }
}
