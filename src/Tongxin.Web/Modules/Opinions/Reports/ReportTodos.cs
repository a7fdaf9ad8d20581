using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>"我的待办" for members: their reports returned for 补充 (the screening queue is staff's to-do).</summary>
public sealed class ReportTodos(TongxinDbContext db) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (actor.IsSystem || !OpinionAccess.IsMember(actor))
        {
            return [];
        }

        var userId = actor.UserId;
        var memberId = actor.MemberId;
        var returned = await db.OpinionReports.CountAsync(r => r.Status == OpinionStatus.Returned
            && (r.CreatedByUserId == userId || r.LeadMemberId == memberId), ct);
        return [new TodoItem("退回补充的社情民意", returned, "/Opinions/My?status=Returned", ReportsModule.NavGroup)];
    }
}
