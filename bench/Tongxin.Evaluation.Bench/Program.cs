using BenchmarkDotNet.Running;
using Tongxin.Evaluation.Bench;

// dotnet run -c Release --project bench/Tongxin.Evaluation.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(AhpBenchmarks).Assembly).Run(args);
