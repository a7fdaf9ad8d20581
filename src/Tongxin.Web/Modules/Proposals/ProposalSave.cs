using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals;

/// <summary>Saving a workflow action: the proposal row's version decides which of two
/// concurrent actions wins; the loser is told in Chinese.</summary>
public static class ProposalSave
{
    public const string ConcurrentMessage = "该提案刚刚已被他人处理，您的操作未保存。请刷新后查看最新状态。";

    public static async Task SaveActionAsync(this TongxinDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConcurrentMessage);
        }
    }

    /// <summary>Marks the proposal row changed even when nothing on it differs (an action on one of
    /// its parts, or two actions within the same clock tick), so that its version decides between
    /// concurrent actions.</summary>
    public static void Touch(this TongxinDbContext db, Proposal proposal, DateTime now)
    {
        proposal.LastActivityAt = now;
        db.Entry(proposal).Property(p => p.LastActivityAt).IsModified = true;
    }

    /// <summary>The acting user's display name for the timeline (falls back to the account name).</summary>
    public static async Task<string> ActorNameAsync(this TongxinDbContext db, Actor actor, CancellationToken ct = default)
    {
        if (actor.UserId is not { } id)
        {
            return actor.IsSystem ? "系统" : "公众";
        }

        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(name) ? actor.UserName : name;
    }
}
