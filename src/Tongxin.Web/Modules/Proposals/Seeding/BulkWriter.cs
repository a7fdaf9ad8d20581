using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Proposals.Seeding;

/// <summary>Writes generated rows fast. On PostgreSQL through COPY … FROM STDIN (BINARY), with the
/// table and column names and value conversions taken from the EF model, so that 300,000
/// proposals with their signers, assignments, replies, items, ratings and timelines take about a
/// minute; elsewhere (SQLite) through EF in chunks without change tracking. Seeding only: no
/// tenancy check, audit or concurrency runs here, the caller records one summary audit entry.</summary>
internal sealed class BulkWriter(TongxinDbContext db)
{
    private const int EfChunk = 5000;

    public async Task WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!db.Database.IsNpgsql())
        {
            for (var i = 0; i < rows.Count; i += EfChunk)
            {
                db.Set<T>().AddRange(rows.Skip(i).Take(EfChunk));
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var (table, columns) = CopyImport.Describe(entity, clrOnly: true);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await CopyImport.WriteAsync(connection, table, columns, rows.Select(row => (Func<IProperty, object?>)(p => p.PropertyInfo!.GetValue(row))), ct);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
