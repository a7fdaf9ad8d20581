using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Accounts;

public class IdleTimeoutTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_session_survives_activity_but_ends_after_thirty_idle_minutes(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var session = await WebSession.LoginAsync(app, staff.UserName);

        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, $"active after {(i + 1) * 20} minutes");
        }

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await session.GetAsync("/");

        idle.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        idle.Headers.Location!.ToString().ShouldStartWith("http://localhost/Account/Login");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_cookie_and_the_bearer_token_use_the_configured_idle_timeout(Db db)
    {
        var app = await TestApp.SharedAsync(db);

        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        cookie.ExpireTimeSpan.ShouldBe(TimeSpan.FromMinutes(30));
        cookie.SlidingExpiration.ShouldBeTrue();
        var bearer = app.Services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        bearer.BearerTokenExpiration.ShouldBe(TimeSpan.FromMinutes(30));
        var identity = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        identity.Lockout.MaxFailedAccessAttempts.ShouldBe(5);
        identity.Lockout.DefaultLockoutTimeSpan.ShouldBe(TimeSpan.FromMinutes(30));
        identity.Password.RequiredLength.ShouldBe(8);
    }
}
