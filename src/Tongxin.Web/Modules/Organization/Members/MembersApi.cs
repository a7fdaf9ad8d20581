using Microsoft.AspNetCore.Mvc;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.Members;

/// <summary>委员名册 API: the same handlers as the pages, so the same rules and authorization.</summary>
public static class MembersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").RequireSignedIn().WithTags("委员名册");
        members.MapGet("/", (MemberRosterHandler h, CancellationToken ct, string? name, Guid? sectorId, string? party, Position? position, bool? active, int page = 1) =>
            h.ListAsync(new MemberFilter(name, sectorId, party, position, active), page, ct));
        members.MapGet("/{id:guid}", (Guid id, MemberRosterHandler h, CancellationToken ct) => h.DetailsAsync(id, ct));
        members.MapPost("/", async (MemberInput input, MemberRosterHandler h, CancellationToken ct) =>
        {
            var id = await h.CreateAsync(input, ct);
            return Results.Created($"/api/v1/members/{id}", new { id });
        });
        members.MapPut("/{id:guid}", async (Guid id, MemberInput input, MemberRosterHandler h, CancellationToken ct) =>
        {
            await h.UpdateAsync(id, input, ct);
            return Results.NoContent();
        });
        members.MapGet("/export", async (RosterExcelHandler h, CancellationToken ct, string? name, Guid? sectorId, string? party, Position? position, bool? active) =>
            Results.File(await h.ExportAsync(new MemberFilter(name, sectorId, party, position, active), ct), RosterFiles.ContentType, RosterFiles.ExportName));

        var profile = api.MapGroup("/profile").RequireSignedIn().WithTags("委员自助");
        profile.MapGet("/", (MemberProfileHandler h, CancellationToken ct) => h.GetAsync(ct));
        profile.MapPut("/contact", async (ContactInput input, MemberProfileHandler h, CancellationToken ct) =>
        {
            await h.UpdateContactAsync(input, ct);
            return Results.NoContent();
        });
        profile.MapPost("/change-requests", async (SensitiveInput input, MemberProfileHandler h, CancellationToken ct) =>
            Results.Ok(new { filed = await h.RequestChangesAsync(input, ct) }));
        profile.MapGet("/duty-code.png", async (MemberProfileHandler h, CancellationToken ct) => Results.File(await h.DutyCodePngAsync(ct), "image/png"));

        var requests = api.MapGroup("/member-change-requests").RequireSignedIn().WithTags("委员名册");
        requests.MapGet("/", (ChangeRequestHandler h, CancellationToken ct, ProfileChangeStatus? status, int page = 1) => h.ListAsync(status, page, ct));
        requests.MapPost("/{id:guid}/approve", async (Guid id, [FromBody] Decision decision, ChangeRequestHandler h, CancellationToken ct) =>
        {
            await h.ApproveAsync(id, decision.Version, decision.Note, ct);
            return Results.NoContent();
        });
        requests.MapPost("/{id:guid}/reject", async (Guid id, [FromBody] Decision decision, ChangeRequestHandler h, CancellationToken ct) =>
        {
            await h.RejectAsync(id, decision.Version, decision.Note, ct);
            return Results.NoContent();
        });
    }

    /// <summary>审核意见: the version the reviewer saw and an optional note (required to reject).</summary>
    public sealed record Decision(int Version, string? Note);
}

/// <summary>File names and type of the roster workbooks.</summary>
public static class RosterFiles
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ExportName = "委员名册.xlsx";
    public const string TemplateName = "委员名册导入模板.xlsx";
}
