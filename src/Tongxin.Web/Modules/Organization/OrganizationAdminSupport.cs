using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization;

/// <summary>Small rules shared by the organisation administration handlers.</summary>
internal static class OrganizationAdminSupport
{
    /// <summary>The committee whose organisation a list shows: the one asked for, else the actor's own.</summary>
    public static Guid CommitteeToRead(this Actor actor, Guid? requested)
    {
        var committeeId = requested ?? actor.CommitteeId ?? throw new ForbiddenException();
        OrganizationPermissions.EnsureCanRead(actor, committeeId);
        return committeeId;
    }

    /// <summary>New records are always created in the actor's own committee.</summary>
    public static Guid CommitteeToManage(this Actor actor)
    {
        var committeeId = actor.CommitteeId ?? throw new ForbiddenException();
        OrganizationPermissions.EnsureCanManage(actor, committeeId);
        return committeeId;
    }

    /// <summary>The form was loaded at <paramref name="version"/>: refuse at once if someone saved since,
    /// and let the database refuse the save if someone saves in between.</summary>
    public static void ExpectVersion<T>(this TongxinDbContext db, T entity, int version)
        where T : Entity
    {
        if (entity.Version != version)
        {
            throw new ConflictException();
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
    }

    public static async Task<T> FindOrThrowAsync<T>(this IQueryable<T> query, Guid id, string what, CancellationToken ct)
        where T : Entity =>
        await query.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException(what);

    public static string Clean(string? text) => (text ?? "").Trim();

    public static Validation Name(this Validation v, string? value, string field, string label, int max = 50) =>
        v.NotBlank(value, field, label).MaxLength(Clean(value), max, field, label);
}
