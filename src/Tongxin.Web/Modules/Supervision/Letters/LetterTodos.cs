using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Letters;

/// <summary>我的待办 for letters: supervision staff the letters waiting for sign-off and for sending;
/// a unit the letters sent to it that wait for its response.</summary>
public sealed class LetterTodos(TongxinDbContext db) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        var items = new List<TodoItem>();
        if (SupervisionAccess.IsSupervisionStaff(actor) && actor.CommitteeId is { } committeeId)
        {
            var counts = await db.SupervisionLetters.AsNoTracking()
                .Where(l => l.CommitteeId == committeeId && (l.Status == LetterStatus.Submitted || l.Status == LetterStatus.SignedOff))
                .GroupBy(l => l.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var (status, title) in new[] { (LetterStatus.Submitted, "待签发的民主监督建议书"), (LetterStatus.SignedOff, "待送达的民主监督建议书") })
            {
                var count = counts.Where(c => c.Status == status).Sum(c => c.Count);
                if (count > 0)
                {
                    items.Add(new TodoItem(title, count, $"/Supervision/Letters?status={status}", SupervisionModule.NavGroup));
                }
            }
        }

        if (SupervisionAccess.IsUnit(actor))
        {
            var unitId = actor.HandlingUnitId!.Value;
            var count = await db.SupervisionLetters.AsNoTracking().CountAsync(l => l.HandlingUnitId == unitId && l.Status == LetterStatus.Sent, ct);
            if (count > 0)
            {
                items.Add(new TodoItem("待反馈的民主监督建议书", count, $"/Supervision/Letters?status={LetterStatus.Sent}", SupervisionModule.NavGroup));
            }
        }

        return items;
    }
}
