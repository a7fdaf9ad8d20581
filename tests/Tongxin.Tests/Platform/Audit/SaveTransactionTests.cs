using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform.Audit;

/// <summary>An audited save opens its own transaction (chain head, rows, audit entries, one commit).
/// EF would set a savepoint inside it before writing: one more round trip while the chain head is
/// locked, for nothing, since a failure rolls the whole transaction back. A caller that holds its
/// own transaction keeps EF's savepoint (a failed save leaves the caller's earlier work intact).</summary>
public class SaveTransactionTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_audited_save_in_its_own_transaction_sets_no_savepoint(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();

        var (savepoints, stored, enabledAfter) = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            using var watch = new EfEventWatch(ctx);
            ctx.Audit("测试", "SaveTransaction", committee.Id.ToString(), "成功");
            await ctx.SaveChangesAsync();
            var count = await ctx.AuditEntries.AsNoTracking().CountAsync(a => a.TargetType == "SaveTransaction" && a.TargetId == committee.Id.ToString());
            return (watch.Count(RelationalEventId.CreatingTransactionSavepoint), count, ctx.Database.AutoSavepointsEnabled);
        });

        stored.ShouldBe(1);
        savepoints.ShouldBe(0);
        enabledAfter.ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_save_inside_the_callers_transaction_keeps_its_savepoint(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();

        var savepoints = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            await using var transaction = await ctx.Database.BeginTransactionAsync();
            using var watch = new EfEventWatch(ctx);
            ctx.Audit("测试", "SaveTransaction", committee.Id.ToString(), "成功");
            await ctx.SaveChangesAsync();
            await transaction.RollbackAsync();
            return watch.Count(RelationalEventId.CreatingTransactionSavepoint);
        });

        savepoints.ShouldBe(1);
    }
}
