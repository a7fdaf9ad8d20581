using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform.Audit;

/// <summary>The audit log is append-only in the database, and the hash chain catches whoever gets
/// around that (a DBA who drops the triggers).</summary>
public class AuditChainTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_untouched_log_verifies_as_intact(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        await app.NewUserAsync(committee, Roles.Staff);

        var report = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync());

        report.Intact.ShouldBeTrue(report.Message);
        report.Count.ShouldBeGreaterThan(3);
        report.Message.ShouldStartWith("审计日志完整");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Updating_or_deleting_an_audit_row_through_sql_is_refused_by_the_database(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        await app.NewCommitteeAsync();

        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            var update = await Should.ThrowAsync<Exception>(() =>
                ctx.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "Result" = '成功' WHERE "Sequence" = 1"""));
            var delete = await Should.ThrowAsync<Exception>(() =>
                ctx.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 1"""));
            update.Message.ShouldContain("审计日志只能追加");
            delete.Message.ShouldContain("审计日志只能追加");
        });

        var first = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries.AsNoTracking().CountAsync(a => a.Sequence == 1));
        first.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_dba_who_drops_the_trigger_and_changes_row_n_is_caught_at_row_n(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var n = await MiddleRowAfterSomeWorkAsync(app);

        await AsDbaAsync(app, db, $"""UPDATE "AuditEntries" SET "Result" = '成功（已改）' WHERE "Sequence" = {n}""");
        var report = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync());

        report.Intact.ShouldBeFalse();
        report.BrokenSequence.ShouldBe(n);
        report.Problem.ShouldBe(AuditChainProblem.HashMismatch);
        report.Count.ShouldBe(n - 1);
        report.Message.ShouldBe($"审计日志被篡改：第 {n} 条记录的内容与其哈希不符（记录被修改）。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_dba_who_also_rewrites_row_ns_hash_is_caught_at_row_n_plus_1(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var n = await MiddleRowAfterSomeWorkAsync(app);
        var forged = await app.AsAsync(Actor.System, async sp =>
        {
            var row = await sp.GetRequiredService<TongxinDbContext>().AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == n);
            row.Result = "成功（已改）";
            return AuditHasher.Compute(row);
        });

        await AsDbaAsync(app, db, $"""UPDATE "AuditEntries" SET "Result" = '成功（已改）', "Hash" = '{forged}' WHERE "Sequence" = {n}""");
        var report = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync());

        report.BrokenSequence.ShouldBe(n + 1);
        report.Problem.ShouldBe(AuditChainProblem.PreviousHashMismatch);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_deleted_middle_row_is_reported_as_a_gap_and_the_command_fails(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var n = await MiddleRowAfterSomeWorkAsync(app);
        var args = await app.AsAsync(Actor.System, sp => Task.FromResult(CommandArgs(db, sp.GetRequiredService<TongxinDbContext>())));
        (await TongxinCommands.RunAsync(args)).ShouldBe(0, "intact before the deletion");

        await AsDbaAsync(app, db, $"""DELETE FROM "AuditEntries" WHERE "Sequence" = {n}""");
        var report = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync());

        report.BrokenSequence.ShouldBe(n);
        report.Problem.ShouldBe(AuditChainProblem.Gap);
        report.Message.ShouldBe($"审计日志被篡改：第 {n} 条记录缺失（序号不连续）。");
        (await TongxinCommands.RunAsync(args)).ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Cutting_off_the_end_of_the_log_is_caught_by_the_chain_head(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        await MiddleRowAfterSomeWorkAsync(app);
        var last = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries.MaxAsync(a => a.Sequence));

        await AsDbaAsync(app, db, $"""DELETE FROM "AuditEntries" WHERE "Sequence" = {last}""");
        var report = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync());

        report.BrokenSequence.ShouldBe(last);
        report.Problem.ShouldBe(AuditChainProblem.Gap);
    }

    /// <summary>Some ordinary work (a committee, its sectors, a user) so the log has rows on both
    /// sides of the one a test tampers with; returns a row in the middle.</summary>
    private static async Task<long> MiddleRowAfterSomeWorkAsync(TestApp app)
    {
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        await app.AsAsync(staff.Actor, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            ctx.Audit("测试操作", "Test", "1", "成功");
            await ctx.SaveChangesAsync();
        });
        var last = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries.MaxAsync(a => a.Sequence));
        last.ShouldBeGreaterThan(4);
        return last / 2;
    }

    private static Task AsDbaAsync(TestApp app, Db db, string tamper) => app.AsAsync(Actor.System, async sp =>
    {
        var ctx = sp.GetRequiredService<TongxinDbContext>();
        var dropTriggers = db == Db.Sqlite
            ? "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;"
            : """DROP TRIGGER audit_entries_append_only ON "AuditEntries";""";
        await ctx.Database.ExecuteSqlRawAsync(dropTriggers);
        (await ctx.Database.ExecuteSqlRawAsync(tamper)).ShouldBe(1);
    });

    private static string[] CommandArgs(Db db, TongxinDbContext ctx) =>
    [
        "audit", "verify",
        $"--Tongxin:Database:Provider={(db == Db.Sqlite ? "Sqlite" : "PostgreSQL")}",
        $"--Tongxin:Database:ConnectionString={ctx.Database.GetConnectionString()}",
        "--Logging:LogLevel:Default=Warning",
    ];
}
