using Microsoft.AspNetCore.Mvc;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>社情民意信息 – registration and API of the report itself: writing and submitting,
/// staff entry, 我的社情民意, the detail, 编辑核稿 with versions, 审签/签发 and the settings.</summary>
public static class ReportsModule
{
    public const string NavGroup = "社情民意";

    public static IServiceCollection AddOpinionReports(this IServiceCollection services)
    {
        services.AddScoped<ReportSubmission>();
        services.AddScoped<ReportHandler>();
        services.AddScoped<EntryHandler>();
        services.AddScoped<MyReportsHandler>();
        services.AddScoped<ReportDetailQuery>();
        services.AddScoped<EditingHandler>();
        services.AddScoped<OpinionSettingsHandler>();
        services.AddEventHandler<OpinionChanged, NotifyReportAuthors>();
        services.AddScoped<ITodoSource, ReportTodos>();
        services.AddSingleton(new NavItem(NavGroup, "我的社情民意", "/Opinions/My", OpinionAccess.IsMember, 40));
        services.AddSingleton(new NavItem(NavGroup, "撰写社情民意", "/Opinions/Edit", OpinionAccess.IsMember, 41));
        services.AddSingleton(new NavItem(NavGroup, "代为录入", "/Opinions/Enter", OpinionAccess.IsOpinionStaff, 48));
        services.AddSingleton(new NavItem(NavGroup, "社情民意设置", "/Opinions/Settings", OpinionAccess.IsOpinionStaff, 49));
        return services;
    }

    /// <summary>The version the client saw, for actions that must not overwrite a newer state.</summary>
    public sealed record VersionInput(int Version);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/opinions").RequireSignedIn().WithTags("社情民意信息");
        g.MapGet("/options", (ReportHandler h, CancellationToken ct) => h.OptionsAsync(ct)).WithSummary("撰写选项：类别、可联名委员、字数上限、默认联系人");
        g.MapPost("/", async (ReportInput input, ReportHandler h, CancellationToken ct) =>
        {
            var saved = await h.CreateAsync(input, ct);
            return Results.Created($"/api/v1/opinions/{saved.Id}", saved);
        }).WithSummary("撰写社情民意（保存草稿）");
        g.MapGet("/my", (MyReportsHandler h, CancellationToken ct, int? year, OpinionStatus? status, int page = 1) => h.ListAsync(year, status, page, ct))
            .WithSummary("我的社情民意（历年，按年度/状态筛选）");
        g.MapGet("/{id:guid}", (Guid id, ReportDetailQuery h, CancellationToken ct) => h.GetAsync(id, ct)).WithSummary("社情民意详情");
        g.MapGet("/{id:guid}/draft", (Guid id, ReportHandler h, CancellationToken ct) => h.GetAsync(id, ct)).WithSummary("作者编辑用的内容");
        g.MapPut("/{id:guid}", (Guid id, ReportInput input, ReportHandler h, CancellationToken ct) => h.UpdateAsync(id, input, ct))
            .WithSummary("修改草稿或退回补充的信息");
        g.MapDelete("/{id:guid}", async (Guid id, ReportHandler h, CancellationToken ct) =>
        {
            await h.DeleteAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("删除草稿");
        g.MapPost("/{id:guid}/submit", async (Guid id, [FromBody] VersionInput input, ReportHandler h, CancellationToken ct) =>
            Results.Ok(new { serialNo = await h.SubmitAsync(id, input.Version, ct) })).WithSummary("报送（退回补充后重新报送）");
        g.MapPost("/{id:guid}/withdraw", async (Guid id, ReportHandler h, CancellationToken ct) =>
        {
            await h.WithdrawAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("撤回");
        g.MapPost("/entries", async (EntryInput input, EntryHandler h, CancellationToken ct) =>
        {
            var (id, serial) = await h.EnterAsync(input, ct);
            return Results.Created($"/api/v1/opinions/{id}", new { id, serialNo = serial });
        }).WithSummary("工作人员代为录入非委员报送的信息");
        g.MapGet("/{id:guid}/versions", (Guid id, EditingHandler h, CancellationToken ct) => h.VersionsAsync(id, ct)).WithSummary("版本列表");
        g.MapGet("/{id:guid}/versions/{no:int}/diff", (Guid id, int no, EditingHandler h, CancellationToken ct) => h.DiffAsync(id, no, ct))
            .WithSummary("与作者最新原稿逐字比较");
        g.MapPost("/{id:guid}/text", async (Guid id, EditTextInput input, EditingHandler h, CancellationToken ct) =>
            Results.Ok(new { versionNo = await h.EditTextAsync(id, input, ct) })).WithSummary("编辑核稿：保存新稿");
        g.MapPost("/{id:guid}/signoff", async (Guid id, EditingHandler h, CancellationToken ct) =>
        {
            await h.SignOffAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("审签/签发");
        g.MapPost("/{id:guid}/reopen", async (Guid id, EditingHandler h, CancellationToken ct) =>
        {
            await h.ReopenAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("撤回签发");
        g.MapGet("/settings", (OpinionSettingsHandler h, CancellationToken ct) => h.GetAsync(ct)).WithSummary("社情民意工作设置");
        g.MapPut("/settings", async (OpinionSettingsInput input, OpinionSettingsHandler h, CancellationToken ct) =>
        {
            await h.SaveAsync(input, ct);
            return Results.NoContent();
        }).WithSummary("保存社情民意工作设置");
    }
}
