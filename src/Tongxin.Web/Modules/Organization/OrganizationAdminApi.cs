using Tongxin.Modules.Organization.Committees;
using Tongxin.Modules.Organization.Groups;
using Tongxin.Modules.Organization.HandlingUnits;
using Tongxin.Modules.Organization.Sectors;
using Tongxin.Modules.Organization.SpecialCommittees;
using Tongxin.Modules.Organization.Terms;
using Tongxin.Modules.Organization.Venues;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization;

/// <summary><c>/api/v1/organization/…</c>: the organisation administration over the same handlers as the pages.</summary>
public static class OrganizationAdminApi
{
    private const string Base = "/api/v1/organization";

    public static void Map(RouteGroupBuilder api)
    {
        var org = api.MapGroup("/organization").RequireSignedIn().WithTags("组织管理");

        org.MapGet("/committees", (CommitteeAdmin h, string? search, int? page, CancellationToken ct) => h.ListAsync(search, page ?? 1, ct))
            .WithSummary("本会及下级政协组织");
        org.MapPost("/committees", async (CommitteeAdmin h, CommitteeInput input, CancellationToken ct) =>
            Created("committees", await h.CreateChildAsync(input, ct))).WithSummary("新建下级政协");
        org.MapPut("/committees/{id:guid}", async (CommitteeAdmin h, Guid id, CommitteeInput input, CancellationToken ct) =>
        {
            await h.UpdateAsync(id, input, ct);
            return Results.NoContent();
        }).WithSummary("修改本会");

        org.MapGet("/terms", (TermAdmin h, Guid? committeeId, CancellationToken ct) => h.ListAsync(committeeId, ct))
            .WithSummary("届次及其会议");
        org.MapPost("/terms", async (TermAdmin h, TermInput input, CancellationToken ct) =>
            Created("terms", await h.CreateTermAsync(input, ct)));
        org.MapPut("/terms/{id:guid}", async (TermAdmin h, Guid id, TermInput input, CancellationToken ct) =>
        {
            await h.UpdateTermAsync(id, input, ct);
            return Results.NoContent();
        });
        org.MapDelete("/terms/{id:guid}", async (TermAdmin h, Guid id, int version, CancellationToken ct) =>
        {
            await h.DeleteTermAsync(id, version, ct);
            return Results.NoContent();
        });
        org.MapPost("/sessions", async (TermAdmin h, SessionInput input, CancellationToken ct) =>
            Created("sessions", await h.CreateSessionAsync(input, ct)));
        org.MapPut("/sessions/{id:guid}", async (TermAdmin h, Guid id, SessionInput input, CancellationToken ct) =>
        {
            await h.UpdateSessionAsync(id, input, ct);
            return Results.NoContent();
        });
        org.MapPost("/sessions/{id:guid}/current", async (TermAdmin h, Guid id, CancellationToken ct) =>
        {
            await h.MakeCurrentAsync(id, ct);
            return Results.NoContent();
        }).WithSummary("设为当前会议");
        org.MapDelete("/sessions/{id:guid}", async (TermAdmin h, Guid id, int version, CancellationToken ct) =>
        {
            await h.DeleteSessionAsync(id, version, ct);
            return Results.NoContent();
        });

        org.MapGet("/sectors", (SectorAdmin h, Guid? committeeId, CancellationToken ct) => h.ListAsync(committeeId, ct));
        org.MapPost("/sectors", async (SectorAdmin h, SectorInput input, CancellationToken ct) =>
            Created("sectors", await h.CreateAsync(input, ct)));
        org.MapPut("/sectors/{id:guid}", async (SectorAdmin h, Guid id, SectorInput input, CancellationToken ct) =>
        {
            await h.UpdateAsync(id, input, ct);
            return Results.NoContent();
        });
        org.MapDelete("/sectors/{id:guid}", async (SectorAdmin h, Guid id, int version, CancellationToken ct) =>
        {
            await h.DeleteAsync(id, version, ct);
            return Results.NoContent();
        });

        org.MapGet("/special-committees", (SpecialCommitteeAdmin h, Guid? committeeId, CancellationToken ct) => h.ListAsync(committeeId, ct));
        org.MapPost("/special-committees", async (SpecialCommitteeAdmin h, SpecialCommitteeInput input, CancellationToken ct) =>
            Created("special-committees", await h.CreateAsync(input, ct)));
        org.MapPut("/special-committees/{id:guid}", async (SpecialCommitteeAdmin h, Guid id, SpecialCommitteeInput input, CancellationToken ct) =>
        {
            await h.UpdateAsync(id, input, ct);
            return Results.NoContent();
        });
        org.MapDelete("/special-committees/{id:guid}", async (SpecialCommitteeAdmin h, Guid id, int version, CancellationToken ct) =>
        {
            await h.DeleteAsync(id, version, ct);
            return Results.NoContent();
        });

        org.MapGet("/groups", (MemberGroupAdmin h, GroupKind? kind, int? page, Guid? committeeId, CancellationToken ct) =>
            h.ListAsync(kind, page ?? 1, committeeId, ct));
        org.MapPost("/groups", async (MemberGroupAdmin h, MemberGroupInput input, CancellationToken ct) =>
            Created("groups", await h.CreateAsync(input, ct)));
        org.MapPut("/groups/{id:guid}", async (MemberGroupAdmin h, Guid id, MemberGroupInput input, CancellationToken ct) =>
        {
            await h.UpdateAsync(id, input, ct);
            return Results.NoContent();
        });
        org.MapDelete("/groups/{id:guid}", async (MemberGroupAdmin h, Guid id, int version, CancellationToken ct) =>
        {
            await h.DeleteAsync(id, version, ct);
            return Results.NoContent();
        });

        org.MapGet("/handling-units", (HandlingUnitAdmin h, string? search, bool? includeInactive, int? page, Guid? committeeId, CancellationToken ct) =>
            h.ListAsync(search, includeInactive ?? true, page ?? 1, committeeId, ct));
        org.MapPost("/handling-units", async (HandlingUnitAdmin h, HandlingUnitInput input, CancellationToken ct) =>
            Created("handling-units", await h.CreateAsync(input, ct)));
        org.MapPut("/handling-units/{id:guid}", async (HandlingUnitAdmin h, Guid id, HandlingUnitInput input, CancellationToken ct) =>
        {
            await h.UpdateAsync(id, input, ct);
            return Results.NoContent();
        });
        org.MapDelete("/handling-units/{id:guid}", async (HandlingUnitAdmin h, Guid id, int version, CancellationToken ct) =>
        {
            await h.DeleteAsync(id, version, ct);
            return Results.NoContent();
        });
        org.MapGet("/handling-units/{id:guid}/users", (HandlingUnitUserAdmin h, Guid id, CancellationToken ct) => h.ListAsync(id, ct));
        org.MapPost("/handling-units/{id:guid}/users", async (HandlingUnitUserAdmin h, Guid id, HandlingUnitUserInput input, CancellationToken ct) =>
            Results.Created($"{Base}/handling-units/{id}/users", new { id = await h.CreateAsync(id, input, ct) }));
        org.MapPost("/handling-unit-users/{id:guid}/disable", async (HandlingUnitUserAdmin h, Guid id, CancellationToken ct) =>
        {
            await h.SetDisabledAsync(id, true, ct);
            return Results.NoContent();
        }).WithSummary("停用承办单位用户");
        org.MapPost("/handling-unit-users/{id:guid}/enable", async (HandlingUnitUserAdmin h, Guid id, CancellationToken ct) =>
        {
            await h.SetDisabledAsync(id, false, ct);
            return Results.NoContent();
        }).WithSummary("启用承办单位用户");

        org.MapGet("/venues", (VenueAdmin h, VenueKind? kind, string? search, int? page, Guid? committeeId, CancellationToken ct) =>
            h.ListAsync(kind, search, page ?? 1, committeeId, ct));
        org.MapPost("/venues", async (VenueAdmin h, VenueInput input, CancellationToken ct) =>
            Created("venues", await h.CreateAsync(input, ct)));
        org.MapPut("/venues/{id:guid}", async (VenueAdmin h, Guid id, VenueInput input, CancellationToken ct) =>
        {
            await h.UpdateAsync(id, input, ct);
            return Results.NoContent();
        });
        org.MapDelete("/venues/{id:guid}", async (VenueAdmin h, Guid id, int version, CancellationToken ct) =>
        {
            await h.DeleteAsync(id, version, ct);
            return Results.NoContent();
        });
    }

    private static IResult Created(string collection, Guid id) => Results.Created($"{Base}/{collection}/{id}", new { id });
}
