using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Tongxin.Bench;

// dotnet run -c Release --project bench/Tongxin.Bench -- --job short --filter '*'
// dotnet run -c Release --project bench/Tongxin.Bench -- proposals   (proposal list, statistics and export; see ProposalLoad)
// dotnet run -c Release --project bench/Tongxin.Bench -- opinions    (1,000,000 reports: screening queue and search; see OpinionLoad)
// dotnet run -c Release --project bench/Tongxin.Bench -- public-intake   (码上商 submissions vs raw inserts, PostgreSQL; see PublicIntakeLoad)
// dotnet run -c Release --project bench/Tongxin.Bench -- discussion      (网络议政: pages at 10,000 comments, posting with live viewers, PostgreSQL; see DiscussionLoad)
// dotnet run -c Release --project bench/Tongxin.Bench -- activity-signin   (500 members signing in to one plenary, PostgreSQL; see ActivitySignInLoad)
// dotnet run -c Release --project bench/Tongxin.Bench -- ledger   (委员履职: rebuilding the duty ledger of a province, PostgreSQL; see LedgerLoad)
// dotnet run -c Release --project bench/Tongxin.Bench -- annual-reports   (500 annual duty reports streamed into a ZIP, after `ledger`; see AnnualReportLoad)
// The province data is seeded once into a cached database (see BenchDatabase) before any run.
// Building the web project for BenchmarkDotNet's separate process takes minutes on a 2-core
// machine, longer than the default 2-minute limit; add --inProcess to skip that build.
if (args is ["public-intake", ..])
{
    return await PublicIntakeLoad.RunAsync(args);
}

if (args is ["discussion", ..])
{
    return await DiscussionLoad.RunAsync(args);
}

if (args is ["activity-signin", ..])
{
    return await ActivitySignInLoad.RunAsync(args);
}

if (args is ["annual-reports", ..])
{
    return await AnnualReportLoad.RunAsync(args);
}

if (args is ["ledger", ..])
{
    return await LedgerLoad.RunAsync(args);
}

if (args is ["proposals", ..])
{
    return await ProposalLoad.RunAsync(args);
}

if (args is ["opinions", ..])
{
    return await OpinionLoad.RunAsync(args);
}

var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(RosterBenchmarks).Assembly).Run(args, config);
return 0;
