using System.Net;
using System.Text.RegularExpressions;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Accounts;

public partial class TwoFactorTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_user_sets_up_an_authenticator_and_then_signs_in_with_a_code(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using (var setup = await WebSession.LoginAsync(app, staff.UserName))
        {
            var page = await setup.GetPageAsync("/Account/TwoFactor");
            page.ShouldContain("src=\"data:image/png;base64,");
            var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", "");
            key.Length.ShouldBe(32);

            var wrong = await setup.PostFormAsync("/Account/TwoFactor?handler=Enable", new() { ["Code"] = "000000" }, "/Account/TwoFactor");
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("动态口令不正确");

            var enabled = await setup.PostFormAsync("/Account/TwoFactor?handler=Enable",
                new() { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()) }, "/Account/TwoFactor");
            var html = await enabled.Content.ReadAsStringAsync();
            html.ShouldContain("请抄写并妥善保管以下恢复码");
            html.ShouldContain("双因素认证<strong>已启用</strong>");
        }

        using var session = new WebSession(app);
        var login = await session.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = staff.UserName, ["Input.Password"] = TestData.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = login.Headers.Location!.OriginalString;
        second.ShouldStartWith("/Account/LoginTwoFactor");
        (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password alone does not sign in");

        var wrongCode = await session.PostFormAsync(second, new() { ["Code"] = "123456" });
        (await wrongCode.Content.ReadAsStringAsync()).ShouldContain("动态口令或恢复码不正确");

        var right = await session.PostFormAsync(second, new() { ["Code"] = await Totp.CodeForAsync(app, staff.UserName) });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_recovery_code_signs_in_once(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, twoFactor: true);
        string recovery;
        using (var first = await WebSession.LoginAsync(app, staff.UserName))
        {
            var codes = await first.PostFormAsync("/Account/TwoFactor?handler=RecoveryCodes", [], "/Account/TwoFactor");
            recovery = RecoveryPattern().Match(await codes.Content.ReadAsStringAsync()).Groups[1].Value;
            recovery.ShouldNotBeEmpty();
        }

        (await SignInWithRecoveryAsync(app, staff.UserName, recovery)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await SignInWithRecoveryAsync(app, staff.UserName, recovery);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("动态口令或恢复码不正确");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_without_two_factors_can_use_nothing_but_the_setup_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin, twoFactor: false);
        using var session = await WebSession.LoginAsync(app, sysadmin.UserName);

        foreach (var url in new[] { "/", "/Admin/Users" })
        {
            var blocked = await session.GetAsync(url);
            blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            blocked.Headers.Location!.OriginalString.ShouldBe("/Account/TwoFactor");
        }

        var api = await session.GetAsync("/api/v1/auth/me");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.Content.ReadAsStringAsync()).ShouldContain("管理员账号必须先启用双因素认证");
        var token = await TokenApiTests.RequestTokenAsync(app, sysadmin.UserName, TestData.Password);
        token.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await token.Content.ReadAsStringAsync()).ShouldContain("管理员账号必须先在网页上启用双因素认证");

        var page = await session.GetPageAsync("/Account/TwoFactor");
        page.ShouldContain("管理员账号必须启用双因素认证后才能使用系统");
        page.ShouldNotContain("关闭双因素认证");
        var enabled = await session.PostFormAsync("/Account/TwoFactor?handler=Enable",
            new() { ["Code"] = await Totp.CodeForAsync(app, sysadmin.UserName) }, "/Account/TwoFactor");
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await session.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var disable = await session.PostFormAsync("/Account/TwoFactor?handler=Disable", [], "/Account/TwoFactor");
        disable.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "an admin cannot switch two factors off");
        (await session.GetPageAsync("/Account/TwoFactor")).ShouldContain("双因素认证<strong>已启用</strong>");
    }

    private static async Task<HttpResponseMessage> SignInWithRecoveryAsync(TestApp app, string userName, string recovery)
    {
        using var session = new WebSession(app);
        var login = await session.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = TestData.Password });
        return await session.PostFormAsync(login.Headers.Location!.OriginalString, new() { ["RecoveryCode"] = recovery });
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li class=\"col-6 col-md-3\">([A-Za-z0-9-]+)</li>")]
    private static partial Regex RecoveryPattern();
}
