using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Letters;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Letters;

/// <summary>起草/修改建议书 – a supervisor of the group writes the letter; 插入问题清单 appends the
/// group's problems to the text (not saved until 保存).</summary>
public class EditModel(LetterHandler handler, LetterQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? GroupId { get; set; }

    [BindProperty]
    public string Title { get; set; } = "";

    [BindProperty]
    public Guid? HandlingUnitId { get; set; }

    [BindProperty]
    public string Recipient { get; set; } = "";

    [BindProperty]
    public string Body { get; set; } = "";

    public string GroupName { get; private set; } = "";

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public bool Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } letterId)
        {
            var view = await queries.GetAsync(letterId, ct);
            if (!view.CanEdit)
            {
                throw new ForbiddenException("只有本小组的民主监督员可以修改起草中的建议书。");
            }

            var l = view.Letter;
            GroupId = l.GroupId;
            Title = l.Title;
            HandlingUnitId = l.HandlingUnitId;
            Recipient = l.HandlingUnitId is null ? l.Recipient : "";
            Body = l.Body;
            await LoadAsync(id, ct);
        }
        else
        {
            var group = await LoadAsync(null, ct);
            HandlingUnitId = group.HandlingUnitId;
            Recipient = group.HandlingUnitId is null ? group.Department : "";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var input = new LetterInput { Title = Title ?? "", HandlingUnitId = HandlingUnitId, Recipient = Recipient ?? "", Body = Body ?? "" };
        if (id is { } letterId)
        {
            await handler.UpdateAsync(letterId, input, ct);
            TempData["Message"] = "建议书已保存。";
            return Redirect($"/Supervision/Letters/Detail/{letterId}");
        }

        var created = await handler.CreateAsync(GroupId!.Value, input, ct);
        TempData["Message"] = "建议书草稿已保存。确认无误后请提交签发。";
        return Redirect($"/Supervision/Letters/Detail/{created}");
    }

    /// <summary>Appends the group's problem list to the text and shows the form again.</summary>
    public async Task<IActionResult> OnPostInsertProblemsAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var summary = await queries.ProblemSummaryAsync(GroupId!.Value, ct);
        if (summary.Length == 0)
        {
            ModelState.AddModelError(nameof(Body), "本小组还没有记录问题，无法插入问题清单。");
            return Page();
        }

        ModelState.Remove(nameof(Body));
        Body = string.IsNullOrWhiteSpace(Body) ? summary : Body.TrimEnd() + "\n" + summary;
        return Page();
    }

    /// <summary>The group (from the letter when editing, else <c>?groupId=</c>) and the units; 403 for
    /// anyone but its supervisors.</summary>
    private async Task<(Guid CommitteeId, string Name, Guid? HandlingUnitId, string Department)> LoadAsync(Guid? id, CancellationToken ct)
    {
        Editing = id is not null;
        if (id is { } letterId)
        {
            GroupId = (await queries.GetAsync(letterId, ct)).Letter.GroupId;
        }

        if (GroupId is not { } groupId)
        {
            throw new NotFoundException("监督小组");
        }

        var group = await queries.DraftingGroupAsync(groupId, ct);
        GroupName = group.Name;
        Units = await queries.UnitsAsync(group.CommitteeId, ct);
        return group;
    }
}
