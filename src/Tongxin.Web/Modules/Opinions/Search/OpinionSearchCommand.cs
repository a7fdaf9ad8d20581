using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Search;

/// <summary>The report half of <c>search rebuild</c>: re-reads every report into its index. Stop the
/// app first: the running app holds the index's write lock.</summary>
public static class OpinionSearchCommand
{
    public static async Task<int> RebuildAsync(string[] args)
    {
        var app = TongxinApp.Build(args);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        try
        {
            var count = await scope.ServiceProvider.GetRequiredService<OpinionIndexer>().RebuildAsync(CancellationToken.None);
            Console.WriteLine($"社情民意检索索引已重建：{count} 条信息。");
            return 0;
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            await Console.Error.WriteLineAsync("社情民意检索索引正被运行中的系统使用，请先停止系统再重建。");
            return 1;
        }
    }
}
