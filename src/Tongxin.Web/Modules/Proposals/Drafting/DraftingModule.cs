using Microsoft.AspNetCore.Mvc;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Drafting;

/// <summary>委员提案 – registration and API of the member's side: drafting, discussion, submission, co-signing and own proposals.</summary>
public static class DraftingModule
{
    public const string NavGroup = "提案";

    public static IServiceCollection AddProposalDrafting(this IServiceCollection services)
    {
        services.AddScoped<DraftHandler>();
        services.AddScoped<CoSignHandler>();
        services.AddScoped<DiscussionHandler>();
        services.AddScoped<MyProposalsHandler>();
        services.AddScoped<TimelineQuery>();
        services.AddScoped<ITodoSource, CoSignTodos>();
        services.AddSingleton(new NavItem(NavGroup, "我的提案", "/Proposals/My", ProposalAccess.IsMember, 30));
        services.AddSingleton(new NavItem(NavGroup, "起草提案", "/Proposals/My/Edit", ProposalAccess.IsMember, 31));
        services.AddSingleton(new NavItem(NavGroup, "联名确认", "/Proposals/My/CoSign", ProposalAccess.IsMember, 32));
        services.AddSingleton(new NavItem(NavGroup, "众人商量着提", "/Proposals/Discuss", ProposalAccess.IsMember, 33));
        return services;
    }

    /// <summary>The version the client saw, for actions that must not overwrite a newer state.</summary>
    public sealed record VersionInput(int Version);

    public sealed record CommentInput(string Text);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/member/proposals").RequireSignedIn().WithTags("委员提案");
        g.MapGet("/", (MyProposalsHandler h, CancellationToken ct, int? year, ProposalStatus? status, int page = 1) => h.ListAsync(year, status, page, ct))
            .WithSummary("我的提案（历年，按年度/状态筛选）");
        g.MapGet("/export", async (MyProposalsHandler h, CancellationToken ct, int? year, ProposalStatus? status) =>
            Results.File(await h.ExportAsync(year, status, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MyProposalsHandler.ExportName))
            .WithSummary("导出我的提案（Excel）");
        g.MapGet("/options", (DraftHandler h, CancellationToken ct) => h.OptionsAsync(ct)).WithSummary("起草选项：类别、承办单位、可联名委员、当前会议");
        g.MapPost("/", async (DraftInput input, DraftHandler h, CancellationToken ct) =>
        {
            var saved = await h.CreateAsync(input, ct);
            return Results.Created($"/api/v1/member/proposals/{saved.Id}", saved);
        }).WithSummary("起草提案");
        g.MapGet("/{id:guid}", (Guid id, DraftHandler h, CancellationToken ct) => h.GetAsync(id, ct)).WithSummary("查看提案（含联名状态、附件、讨论意见）");
        g.MapPut("/{id:guid}", (Guid id, DraftInput input, DraftHandler h, CancellationToken ct) => h.UpdateAsync(id, input, ct)).WithSummary("修改草稿或退回修改的提案");
        g.MapDelete("/{id:guid}", async (Guid id, DraftHandler h, CancellationToken ct) =>
        {
            await h.DeleteAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("删除草稿");
        g.MapPost("/{id:guid}/submit", async (Guid id, [FromBody] VersionInput input, DraftHandler h, CancellationToken ct) =>
        {
            await h.SubmitAsync(id, input.Version, ct);
            return Results.NoContent();
        }).WithSummary("提交提案（联名提案同时发出联名邀请）");
        g.MapPost("/{id:guid}/withdraw", async (Guid id, DraftHandler h, CancellationToken ct) =>
        {
            await h.WithdrawAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("撤回提案");
        g.MapPost("/{id:guid}/attachments/{attachmentId:guid}", (Guid id, Guid attachmentId, DraftHandler h, CancellationToken ct) => h.AttachAsync(id, attachmentId, ct))
            .WithSummary("把已上传的附件（POST /api/v1/attachments）加到提案");
        g.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, DraftHandler h, CancellationToken ct) =>
        {
            await h.RemoveAttachmentAsync(id, attachmentId, ct);
            return Results.NoContent();
        }).WithSummary("删除提案附件");
        g.MapGet("/{id:guid}/timeline", (Guid id, TimelineQuery h, CancellationToken ct) => h.LoadAsync(id, ct)).WithSummary("办理进程");

        g.MapGet("/discussion", (DiscussionHandler h, CancellationToken ct, int page = 1) => h.ListAsync(page, ct)).WithSummary("众人商量着提：本会发布讨论的草稿");
        g.MapPost("/{id:guid}/share", async (Guid id, DiscussionHandler h, CancellationToken ct) =>
        {
            await h.ShareAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("发布草稿供委员讨论");
        g.MapPost("/{id:guid}/unshare", async (Guid id, DiscussionHandler h, CancellationToken ct) =>
        {
            await h.UnshareAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("停止讨论");
        g.MapPost("/{id:guid}/comments", (Guid id, CommentInput input, DiscussionHandler h, CancellationToken ct) => h.CommentAsync(id, input.Text, ct))
            .WithSummary("发表讨论意见");

        g.MapGet("/cosign-requests", (CoSignHandler h, CancellationToken ct, bool all = false, int page = 1) => h.ListAsync(all, page, ct))
            .WithSummary("联名邀请（all=true 含已答复和已过期）");
        g.MapPost("/{id:guid}/cosign/confirm", async (Guid id, CoSignHandler h, CancellationToken ct) =>
        {
            await h.ConfirmAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("确认联名");
        g.MapPost("/{id:guid}/cosign/decline", async (Guid id, CoSignHandler h, CancellationToken ct) =>
        {
            await h.DeclineAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("拒绝联名");
    }
}
