using System.Net;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Accounts;

public class PasswordExpiryTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task After_ninety_days_the_user_must_change_the_password_before_anything_else(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);

        app.Clock.Advance(TimeSpan.FromDays(89));
        using (var early = await WebSession.LoginAsync(app, staff.UserName))
        {
            (await early.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        app.Clock.Advance(TimeSpan.FromDays(2));
        using var session = await WebSession.LoginAsync(app, staff.UserName);
        var home = await session.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldBe("/Account/ChangePassword");
        (await session.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.GetPageAsync("/Account/ChangePassword")).ShouldContain("您的密码已超过90天未修改，请修改密码");

        var changed = await PasswordPolicyTests.ChangeAsync(session, TestData.Password, "Renewed#2026");

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.GetPageAsync("/Account/ChangePassword")).ShouldNotContain("未修改");
    }
}
