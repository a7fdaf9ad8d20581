using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Search;

/// <summary>提案检索 – registration of the index, its upkeep, the search services, navigation,
/// the API and the <c>search rebuild</c> command.</summary>
public static class SearchModule
{
    public static IServiceCollection AddProposalSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton<ProposalIndex>();
        services.AddScoped<ProposalIndexer>();
        services.AddScoped<SearchAccess>();
        services.AddScoped<ProposalSearch>();
        services.AddScoped<ProposalSimilarity>();
        services.AddScoped<PublicProposals>();
        services.AddEventHandler<ProposalChanged, ProposalIndexHandler>();
        services.AddHostedService<SearchIndexStartup>();
        services.AddSingleton(new NavItem("提案", "提案检索", "/Proposals/Search",
            a => ProposalAccess.IsProposalStaff(a) || ProposalAccess.IsLeader(a) || ProposalAccess.IsMember(a) || ProposalAccess.IsUnit(a), 60));
        services.AddSingleton(new NavItem("提案", "公开提案", "/Public/Proposals", a => a.IsAuthenticated, 61));
        return services;
    }

    /// <summary>Body of <c>POST /api/v1/proposals/similar</c>.</summary>
    /// <param name="Text">The draft's text (案由 + 情况分析 + 具体建议, in any form).</param>
    /// <param name="CommitteeId">The committee to compare in; default: the caller's own.</param>
    /// <param name="ExcludeId">The proposal being drafted or reviewed, left out of the results.</param>
    /// <param name="Linked">Also compare with the parent and child committees.</param>
    /// <param name="Top">How many (default 10, at most 50).</param>
    public sealed record SimilarRequest(string? Text, Guid? CommitteeId = null, Guid? ExcludeId = null, bool Linked = false, int? Top = null);

    public sealed record SearchPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/proposals/search", async (ProposalSearch search, string? q, Guid? committeeId, Guid? sessionId, int? year, ProposalStatus? status, string? category, int? page, int? pageSize, CancellationToken ct) =>
            {
                var result = await search.SearchAsync(q, new ProposalSearchFilter(committeeId, sessionId, year, status, category), page ?? 1, pageSize ?? Paging.DefaultPageSize, ct);
                return new SearchPage<ProposalSearchHit>(result.Items, result.Page, result.PageSize, result.Total);
            })
            .RequireSignedIn()
            .WithName("SearchProposals")
            .WithSummary("提案全文检索（案由、正文、答复；可按会次、年度、状态、类别、政协筛选；命中处以 <mark> 标出）");

        api.MapPost("/proposals/similar", async (ProposalSimilarity similarity, IActorAccessor actors, [FromBody] SimilarRequest request, CancellationToken ct) =>
            {
                var committeeId = request.CommitteeId ?? actors.Actor.CommitteeId ?? throw new ForbiddenException("账号未归属任何政协组织。");
                return await similarity.FindAsync(committeeId, request.Text ?? "", request.ExcludeId, request.Linked, request.Top ?? 10, ct);
            })
            .RequireSignedIn()
            .WithName("FindSimilarProposals")
            .WithSummary("相似提案：与给定文本最相近的本级（可含上下级）提案，分值 0–1");

        api.MapGet("/public/proposals", (PublicProposals proposals, string? q, Guid? committeeId, int? year, int? page, int? pageSize) =>
            {
                var result = proposals.Search(q, new ProposalSearchFilter(committeeId, Year: year), page ?? 1, pageSize ?? Paging.DefaultPageSize);
                return new SearchPage<ProposalSearchHit>(result.Items, result.Page, result.PageSize, result.Total);
            })
            .AllowAnonymous()
            .WithName("SearchPublicProposals")
            .WithSummary("公开提案检索（无需登录；仅已立案且同意公开的提案）");

        api.MapGet("/public/proposals/{id:guid}", async (PublicProposals proposals, Guid id, CancellationToken ct) => await proposals.GetAsync(id, ct))
            .AllowAnonymous()
            .WithName("GetPublicProposal")
            .WithSummary("公开提案全文及已通过审核的答复（无需登录）");
    }

    /// <summary><c>search rebuild</c>: re-reads every proposal into the index. Stop the app first:
    /// the running app holds the index's write lock.</summary>
    public static async Task<int> RebuildCommandAsync(string[] args)
    {
        var app = TongxinApp.Build(args);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        await scope.ServiceProvider.GetRequiredService<TongxinDbContext>().Database.MigrateAsync();
        try
        {
            var count = await scope.ServiceProvider.GetRequiredService<ProposalIndexer>().RebuildAsync(CancellationToken.None);
            Console.WriteLine($"检索索引已重建：{count} 件提案。");
            return 0;
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            await Console.Error.WriteLineAsync("检索索引正被运行中的系统使用，请先停止系统再重建。");
            return 1;
        }
    }
}
