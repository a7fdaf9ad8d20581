using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>"我的待办": 码上商 letters not yet opened (for their handlers) and letters waiting for moderation (公众渠道 staff).</summary>
public sealed class PointsTodos(LetterInbox inbox, ModerationQueue moderation) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsAuthenticated || actor.CommitteeId is null || !(actor.IsInRole(Roles.Member) || actor.IsInRole(Roles.Staff)))
        {
            return [];
        }

        var items = new List<TodoItem>();
        var waiting = await inbox.WaitingCountAsync(ct);
        if (waiting > 0 || PointsAccess.IsPublicStaff(actor))
        {
            items.Add(new TodoItem("待处理的码上商来信", waiting, "/PublicChannels/Letters", "公众渠道"));
        }

        if (PointsAccess.IsPublicStaff(actor))
        {
            items.Add(new TodoItem("待审核的群众来信", await moderation.PendingCountAsync(ct), "/PublicChannels/Moderation", "公众渠道"));
        }

        return items;
    }
}
