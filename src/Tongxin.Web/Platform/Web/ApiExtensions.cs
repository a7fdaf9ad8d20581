using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Tongxin.Platform.Web;

public static class ApiExtensions
{
    /// <summary>API endpoints accept the page cookie or a bearer token from <c>POST /api/v1/auth/token</c>.</summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute
        {
            AuthenticationSchemes = $"{IdentityConstants.ApplicationScheme},{IdentityConstants.BearerScheme}",
        });
}

/// <summary>Chinese display names of enum values, from their <c>[Display(Name = …)]</c> attribute.</summary>
public static class EnumNames
{
    public static string DisplayName(this Enum value)
    {
        var member = value.GetType().GetMember(value.ToString()).FirstOrDefault();
        var display = member?.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), false)
            .OfType<System.ComponentModel.DataAnnotations.DisplayAttribute>().FirstOrDefault();
        return display?.Name ?? value.ToString();
    }
}
