using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Groups;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Groups;

/// <summary>小组详情 – the group, its supervisors (staff add by name search, change roles, remove), its
/// supervision activities (on the engine's pages), and links to its problems and letters.</summary>
public class DetailModel(GroupQueries queries, GroupHandler groups) : PageModel
{
    public GroupDetail Group { get; private set; } = null!;

    public IReadOnlyList<GroupMemberRow> Members { get; private set; } = [];

    public IReadOnlyList<GroupActivityRow> Activities { get; private set; } = [];

    public IReadOnlyList<MemberCandidate> Candidates { get; private set; } = [];

    public bool CanManage { get; private set; }

    /// <summary>The member search words (成员选择).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Group = await queries.DetailAsync(id, ct);
        CanManage = queries.MayManage(Group);
        Members = await queries.MembersAsync(id, ct);
        Activities = await queries.ActivitiesAsync(id, ct);
        if (CanManage)
        {
            Candidates = await queries.CandidatesAsync(id, Q, ct);
        }
    }

    public Task<IActionResult> OnPostAddAsync(Guid id, Guid memberId, SupervisorRole role, CancellationToken ct) =>
        ActAsync(id, async () => { await groups.AddMemberAsync(id, memberId, role, ct); return "已添加成员。"; });

    public Task<IActionResult> OnPostRoleAsync(Guid id, Guid groupMemberId, SupervisorRole role, CancellationToken ct) =>
        ActAsync(id, async () => { await groups.ChangeRoleAsync(id, groupMemberId, role, ct); return "已调整职务。"; });

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid groupMemberId, CancellationToken ct) =>
        ActAsync(id, async () => { await groups.RemoveMemberAsync(id, groupMemberId, ct); return "已移出小组。"; });

    /// <summary>Runs an action; a refusal the user can understand is shown above the page, which is reloaded either way.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string>> action)
    {
        try
        {
            TempData["Message"] = await action();
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            TempData["Error"] = e.Message;
        }

        return RedirectToPage(new { id });
    }
}
