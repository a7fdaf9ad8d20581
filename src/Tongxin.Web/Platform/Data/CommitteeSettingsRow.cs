using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Data;

/// <summary>A module's per-committee settings row (one per committee, defaults until the first
/// save), loaded for an edit made on a form of version <c>formVersion</c>.</summary>
public static class CommitteeSettingsRow
{
    /// <summary>The committee's row, tracked, with the form's version as the original (so a stale
    /// form fails on save); a new row when there is none yet. A new row starts at version 1: a form
    /// filled from the defaults carries 0, so a second person saving from the defaults after the
    /// first save is told instead of overwriting it.</summary>
    public static async Task<T> ForEditAsync<T>(this TongxinDbContext db, Guid committeeId, int formVersion, string conflictMessage, CancellationToken ct = default)
        where T : CommitteeEntity, new()
    {
        var row = await db.Set<T>().FirstOrDefaultAsync(x => x.CommitteeId == committeeId, ct);
        if (row is null)
        {
            if (formVersion != 0)
            {
                throw new ConflictException(conflictMessage);
            }

            row = new T { CommitteeId = committeeId, Version = 1 };
            db.Set<T>().Add(row);
            return row;
        }

        db.Entry(row).Property(x => x.Version).OriginalValue = formVersion;
        return row;
    }
}
