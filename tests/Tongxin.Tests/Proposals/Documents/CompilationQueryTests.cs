using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Documents;

public class CompilationQueryTests
{
    /// <summary>The SQL the app sends, for counting what a request costs.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Commands.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_compilation_reads_the_proposers_of_a_whole_session_in_one_query(Db db)
    {
        var log = new CommandLog();
        await using var app = await TestApp.CreateIsolatedAsync(db, services: s =>
        {
            s.ConfigureDbContext<SqliteTongxinDbContext>(o => o.AddInterceptors(log));
            s.ConfigureDbContext<PostgresTongxinDbContext>(o => o.AddInterceptors(log));
        });
        var committee = await app.NewCommitteeAsync();
        var session = await app.NewSessionAsync(committee, 9, "第九届", 2, "九届二次会议");
        var a = await app.NewMemberAsync(committee, "张晓梅");
        var b = await app.NewMemberAsync(committee, "李建国");
        for (var n = 1; n <= 30; n++)
        {
            await app.NewProposalAsync(committee, session, new ProposalRow($"关于第{n}项事项的建议", ProposalStatus.Filed, n, a)
            {
                Kind = ProposerKind.Joint,
                CoSigners = [(b.Id, b.Name, SignerStatus.Confirmed)],
            });
        }

        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var web = await WebSession.LoginAsync(app, staff.UserName);
        log.Commands.Clear();

        var (bytes, _) = await web.DownloadAsync($"/Proposals/Documents/Compilation?sessionId={session}");

        using var doc = DocumentsTestData.OpenDocx(bytes);
        doc.Lines().Count(l => l == "提案人：张晓梅、李建国").ShouldBe(30);
        var commands = log.Commands.ToList();
        commands.Count(c => c.Contains("\"ProposalSigners\"", StringComparison.Ordinal) && c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        commands.Count(c => c.Contains("\"Proposals\"", StringComparison.Ordinal)).ShouldBe(3, string.Join("\n---\n", commands));
    }
}
