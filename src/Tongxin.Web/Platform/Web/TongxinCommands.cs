using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Platform.Web;

/// <summary>The run command and the command-line tools:
/// <c>seed --scale demo|city|province</c> fills an empty database; <c>audit verify</c> checks the
/// audit log's hash chain; <c>search rebuild</c> rebuilds the proposal and the report search indexes.</summary>
public static class TongxinCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        var rest = args.Skip(command.Length).ToArray();
        switch (command)
        {
            case []:
                var app = TongxinApp.Build(args);
                await TongxinApp.InitializeAsync(app.Services);
                await app.RunAsync();
                return 0;
            case ["seed"]:
                return await SeedAsync(rest);
            case ["audit", "verify"]:
                return await AuditCommand.VerifyAsync(rest);
            case ["search", "rebuild"]:
                var rebuilt = await Tongxin.Modules.Proposals.Search.SearchModule.RebuildCommandAsync(rest);
                return rebuilt != 0 ? rebuilt : await Tongxin.Modules.Opinions.Search.OpinionSearchCommand.RebuildAsync(rest);
            default:
                await Console.Error.WriteLineAsync($"未知命令：{string.Join(' ', command)}。可用命令：seed --scale demo|city|province；audit verify；search rebuild");
                return 2;
        }
    }

    private static async Task<int> SeedAsync(string[] args)
    {
        var scaleText = Option(args, "--scale") ?? "demo";
        if (!Enum.TryParse<SeedScale>(scaleText, ignoreCase: true, out var scale))
        {
            await Console.Error.WriteLineAsync($"--scale 只能是 demo、city 或 province，而不是“{scaleText}”。");
            return 2;
        }

        var app = TongxinApp.Build(Strip(args, "--scale"));
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        await db.Database.MigrateAsync();
        await HolidayTable.SeedIfEmptyAsync(db, CancellationToken.None);
        try
        {
            var report = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(scale);
            Console.WriteLine($"已生成 {scale} 规模演示数据：{report.Committees} 个政协组织，{report.Members} 名委员，用时 {report.Elapsed.TotalSeconds:F1} 秒。");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static string[] Strip(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i < 0 ? args : [.. args.Take(i), .. args.Skip(i + 2)];
    }
}
