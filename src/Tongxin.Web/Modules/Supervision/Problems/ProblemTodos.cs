using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Problems;

/// <summary>"我的待办": staff – problems to assign and replies to check (回访/销号); a unit – problems to answer.</summary>
public sealed class ProblemTodos(TongxinDbContext db) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (actor.CommitteeId is not { } committeeId)
        {
            return [];
        }

        if (SupervisionAccess.IsSupervisionStaff(actor))
        {
            var counts = await db.SupervisionProblems.AsNoTracking()
                .Where(p => p.CommitteeId == committeeId && (p.Status == ProblemStatus.Recorded || p.Status == ProblemStatus.Replied))
                .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            return
            [
                new TodoItem("待交办的监督问题", counts.Where(c => c.Key == ProblemStatus.Recorded).Sum(c => c.Count), "/Supervision/Problems?Filter.Status=Recorded", SupervisionModule.NavGroup),
                new TodoItem("待回访销号的监督问题", counts.Where(c => c.Key == ProblemStatus.Replied).Sum(c => c.Count), "/Supervision/Problems?Filter.Status=Replied", SupervisionModule.NavGroup),
            ];
        }

        if (SupervisionAccess.IsUnit(actor))
        {
            var unitId = actor.HandlingUnitId!.Value;
            var count = await db.SupervisionProblems.CountAsync(p => p.HandlingUnitId == unitId && p.Status == ProblemStatus.Assigned, ct);
            return [new TodoItem("待答复的监督问题", count, "/Supervision/Problems/Unit", SupervisionModule.NavGroup)];
        }

        return [];
    }
}
