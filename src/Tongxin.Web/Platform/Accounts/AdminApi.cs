using Tongxin.Platform.Web;

namespace Tongxin.Platform.Accounts;

/// <summary>The system and security admins' use cases over <c>/api/v1/admin</c>; the handlers
/// decide who may call them (三权分立), exactly as for the pages.</summary>
public static class AdminApi
{
    public sealed record PasswordReset(string? NewPassword);

    public sealed record Assignment(IReadOnlyCollection<string>? Roles, IReadOnlyCollection<string>? Permissions);

    public static void Map(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/admin/users").RequireSignedIn().WithTags("账号管理");
        users.MapGet("/", (UserAdminHandler h, string? search, int page = 1, CancellationToken ct = default) => h.ListAsync(search, page, ct));
        users.MapPost("/", async (UserAdminHandler.NewUser input, UserAdminHandler h) =>
        {
            var id = await h.CreateAsync(input);
            return Results.Created($"/api/v1/admin/users/{id}", new { id });
        });
        users.MapPost("/{id:guid}/disable", async (Guid id, UserAdminHandler h) =>
        {
            await h.SetDisabledAsync(id, true);
            return Results.NoContent();
        });
        users.MapPost("/{id:guid}/enable", async (Guid id, UserAdminHandler h) =>
        {
            await h.SetDisabledAsync(id, false);
            return Results.NoContent();
        });
        users.MapPost("/{id:guid}/unlock", async (Guid id, UserAdminHandler h) =>
        {
            await h.UnlockAsync(id);
            return Results.NoContent();
        });
        users.MapPost("/{id:guid}/reset-password", async (Guid id, PasswordReset input, UserAdminHandler h) =>
        {
            await h.ResetPasswordAsync(id, input.NewPassword);
            return Results.NoContent();
        });

        var grants = api.MapGroup("/admin/grants").RequireSignedIn().WithTags("角色与权限");
        grants.MapGet("/", (SecurityAdminHandler h, string? search, int page = 1, CancellationToken ct = default) => h.ListAsync(search, page, ct));
        grants.MapGet("/{id:guid}", (Guid id, SecurityAdminHandler h) => h.GetAsync(id));
        grants.MapPut("/{id:guid}", async (Guid id, Assignment input, SecurityAdminHandler h) =>
        {
            await h.AssignAsync(id, input.Roles ?? [], input.Permissions ?? []);
            return Results.NoContent();
        });
    }
}
