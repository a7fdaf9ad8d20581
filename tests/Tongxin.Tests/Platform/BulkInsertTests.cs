using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;
using Tongxin.Tests.PublicChannels.Points;

namespace Tongxin.Tests.Platform;

/// <summary><see cref="TongxinDbContext.InsertInBulk"/>: on PostgreSQL a save that only adds rows
/// sends one INSERT per table (no EF INSERT statement per row), and what is stored, audited and refused is
/// exactly what EF's INSERTs would store, audit and refuse. On SQLite the same saves go through EF.</summary>
public class BulkInsertTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Added_rows_go_in_bulk_on_postgres_and_read_back_as_written(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var letter = FullLetter(w);

        var commands = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            using var watch = new EfEventWatch(ctx);
            ctx.InsertInBulk = true;
            ctx.PublicSubmissions.Add(letter);
            ctx.Raise(PublicSubmissionReceived.Of(letter));
            (await ctx.SaveChangesAsync()).ShouldBe(4); // the letter, its audit entry, its event, the chain head
            return watch.Commands;
        });

        var (stored, audited, events, chain) = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            var row = await ctx.PublicSubmissions.AsNoTracking().SingleAsync(s => s.Id == letter.Id);
            var entries = await ctx.AuditEntries.AsNoTracking().CountAsync(a => a.TargetType == nameof(PublicSubmission) && a.TargetId == letter.Id.ToString());
            var messages = await ctx.OutboxMessages.AsNoTracking().CountAsync(m => m.Type == nameof(PublicSubmissionReceived) && m.Payload.Contains(letter.Id.ToString()));
            return (row, entries, messages, await sp.GetRequiredService<AuditChainVerifier>().VerifyAsync());
        });

        foreach (var property in typeof(PublicSubmission).GetProperties())
        {
            property.GetValue(stored).ShouldBe(property.GetValue(letter), property.Name);
        }

        (audited, events).ShouldBe((1, 1));
        chain.Intact.ShouldBeTrue(chain.Message);
        var inserts = commands.Count(c => c.Contains("INSERT INTO \"PublicSubmissions\"") || c.Contains("INSERT INTO \"AuditEntries\"") || c.Contains("INSERT INTO \"OutboxMessages\""));
        inserts.ShouldBe(db == Db.PostgreSql ? 0 : 3);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_save_that_also_changes_a_row_is_written_by_ef(Db db)
    {
        var (app, w, first) = await StoredLetterAsync(db);
        var second = FullLetter(w);

        var commands = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            using var watch = new EfEventWatch(ctx);
            ctx.InsertInBulk = true;
            var stored = await ctx.PublicSubmissions.SingleAsync(s => s.Id == first.Id);
            stored.Reply = "已转交医院办公室。";
            ctx.PublicSubmissions.Add(second);
            await ctx.SaveChangesAsync();
            return watch.Commands;
        });

        var (reply, added) = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            return (await ctx.PublicSubmissions.Where(s => s.Id == first.Id).Select(s => s.Reply).SingleAsync(),
                await ctx.PublicSubmissions.CountAsync(s => s.Id == second.Id));
        });
        (reply, added).ShouldBe(("已转交医院办公室。", 1));
        commands.ShouldContain(c => c.Contains("INSERT INTO \"PublicSubmissions\""));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_refused_save_leaves_the_context_as_built_and_the_corrected_save_audits_each_row_once(Db db)
    {
        var (app, w, first) = await StoredLetterAsync(db);
        var repeat = FullLetter(w);
        repeat.IdempotencyKey = first.IdempotencyKey;

        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            ctx.InsertInBulk = true;
            ctx.PublicSubmissions.Add(repeat);
            ctx.Raise(PublicSubmissionReceived.Of(repeat));
            await Should.ThrowAsync<DbUpdateException>(() => ctx.SaveChangesAsync());

            ctx.Entry(repeat).State.ShouldBe(EntityState.Added);
            repeat.IdempotencyKey = Guid.NewGuid().ToString("N");
            await ctx.SaveChangesAsync();
        });

        var (stored, audited, events) = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            return (await ctx.PublicSubmissions.CountAsync(s => s.Id == repeat.Id),
                await ctx.AuditEntries.CountAsync(a => a.TargetType == nameof(PublicSubmission) && a.TargetId == repeat.Id.ToString()),
                await ctx.OutboxMessages.CountAsync(m => m.Type == nameof(PublicSubmissionReceived) && m.Payload.Contains(repeat.Id.ToString())));
        });
        (stored, audited, events).ShouldBe((1, 1, 1));
    }

    /// <summary>A world with one letter stored the usual way (EF, no bulk insert).</summary>
    private static async Task<(TestApp App, PointsWorld World, PublicSubmission Letter)> StoredLetterAsync(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var letter = FullLetter(w);
        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            ctx.PublicSubmissions.Add(letter);
            await ctx.SaveChangesAsync();
        });
        return (app, w, letter);
    }

    /// <summary>A letter with every column set (nullable ones too, text with emoji), times in microseconds (what both databases keep).</summary>
    private static PublicSubmission FullLetter(PointsWorld w)
    {
        var at = new DateTime(2026, 3, 2, 1, 2, 3, DateTimeKind.Utc).AddTicks(4_567_890);
        return new PublicSubmission
        {
            CommitteeId = w.Committee.Id,
            Channel = PublicChannel.LiaisonPoint,
            LiaisonPointId = w.PointId,
            Title = "门诊排队😀太长",
            Content = "第一行\n第二行：挂号要等两小时。",
            SubmitterName = "张三",
            Phone = "13812345678",
            ReceiptCode = ReceiptCodes.NewCode(),
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            Status = PublicSubmissionStatus.Processing,
            MatchedWords = "无",
            Reply = "已收到",
            RepliedAt = at.AddDays(1),
            RepliedByName = "李主任",
            UnitReply = "单位答复",
            UnitRepliedAt = at.AddDays(2),
            Rating = PublicRating.Satisfied,
            RatingComment = "很好",
            RatedAt = at.AddDays(3),
            CreatedAt = at,
            LastActivityAt = at.AddDays(3),
            ClientHash = "hash",
        };
    }
}
