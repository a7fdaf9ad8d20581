using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Groups;
using Tongxin.Modules.Supervision.Topics;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Topics;

/// <summary>专项监督详情 – the topic, its status moves, its groups, and the 三级联动 roll-up of every
/// joined committee's figures with the total.</summary>
public class DetailModel(TopicHandler topics, TopicRollup rollup, GroupQueries groups, IActorAccessor actors) : PageModel
{
    public TopicDetail Topic { get; private set; } = null!;

    public ParentTopic? Parent { get; private set; }

    public TopicRollupResult Rollup { get; private set; } = null!;

    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];

    /// <summary>Staff of the topic's own committee (upper staff reading a county's topic only read).</summary>
    public bool CanManage => SupervisionAccess.IsSupervisionStaff(actors.Actor) && actors.Actor.CanWrite(Topic.CommitteeId);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Topic = await topics.DetailAsync(id, ct);
        Parent = await topics.ParentAsync(Topic.ParentTopicId, ct);
        Rollup = await rollup.ForTopicAsync(id, ct);
        if (CanManage)
        {
            Groups = (await groups.ListAsync(new GroupFilter { TopicId = id }, 1, ct)).Items;
        }
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, SupervisionTopicStatus to, int version, CancellationToken ct)
    {
        try
        {
            await topics.MoveAsync(id, to, version, ct);
            TempData["Message"] = $"专项监督已改为{to.DisplayName()}。";
        }
        catch (ConflictException conflict)
        {
            TempData["Error"] = conflict.Message;
        }

        return RedirectToPage(new { id });
    }
}
