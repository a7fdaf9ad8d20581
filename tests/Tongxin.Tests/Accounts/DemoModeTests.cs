using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Accounts;

public class DemoModeTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Production_refuses_to_start_while_a_demo_password_is_unchanged_and_then_refuses_the_demo_accounts(Db db)
    {
        await using var demo = await TestApp.CreateIsolatedAsync(db);
        var connection = demo.Services.GetRequiredService<IConfiguration>()["Tongxin:Database:ConnectionString"]!;
        var production = new Dictionary<string, string?>
        {
            ["Tongxin:DemoMode"] = "false",
            ["Tongxin:Database:ConnectionString"] = connection,
        };

        await using (var refused = BuildProduction(demo, db, production))
        {
            var error = await Should.ThrowAsync<InvalidOperationException>(() => TongxinApp.InitializeAsync(refused.Services));
            error.Message.ShouldStartWith("生产模式下拒绝启动");
            error.Message.ShouldContain("demo.sysadmin");
        }

        await demo.AsAsync(Actor.System, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            foreach (var name in DemoAccounts.UserNames)
            {
                var user = (await users.FindByNameAsync(name))!;
                var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "Changed#2026");
                reset.Succeeded.ShouldBeTrue();
            }
        });

        await using var app = await TestApp.CreateIsolatedAsync(db, settings: production);
        using var session = new WebSession(app);
        var login = await session.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = "demo.staff", ["Input.Password"] = "Changed#2026" });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await login.Content.ReadAsStringAsync()).ShouldContain("演示账号仅在演示模式下可用。");
        var token = await TokenApiTests.RequestTokenAsync(app, "demo.staff", "Changed#2026");
        token.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("演示账号仅在演示模式下可用。");

        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var own = await WebSession.LoginAsync(app, staff.UserName);
        (await own.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "only the demo accounts are refused");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_startup_check_passes_when_no_demo_account_keeps_the_published_password(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        await Should.ThrowAsync<InvalidOperationException>(() =>
            app.AsAsync(Actor.System, sp => DemoAccounts.EnsureNoDemoPasswordAsync(sp, CancellationToken.None)));

        await app.AsAsync(Actor.System, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            foreach (var name in DemoAccounts.UserNames)
            {
                var user = (await users.FindByNameAsync(name))!;
                (await users.ChangePasswordAsync(user, DemoAccounts.Password, "Private#2026")).Succeeded.ShouldBeTrue();
            }

            await DemoAccounts.EnsureNoDemoPasswordAsync(sp, CancellationToken.None);
        });
    }

    /// <summary>A second, production-configured app on the demo app's database; not started.</summary>
    private static WebApplication BuildProduction(TestApp demo, Db db, Dictionary<string, string?> production) =>
        TongxinApp.Build(
            new WebApplicationOptions { ContentRootPath = demo.App.Environment.ContentRootPath, EnvironmentName = "Testing" },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(production)
                {
                    ["Tongxin:Database:Provider"] = db == Db.PostgreSql ? "PostgreSQL" : "Sqlite",
                    ["Tongxin:DataDirectory"] = demo.App.Configuration["Tongxin:DataDirectory"],
                    ["Logging:LogLevel:Default"] = "Warning",
                });
                builder.Services.AddSingleton<TimeProvider>(demo.Clock);
                builder.WebHost.UseTestServer();
            });
}
