using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Accounts;

public class LockoutTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Five_wrong_passwords_lock_the_account_for_thirty_minutes_until_the_system_admin_unlocks_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin);
        using var session = new WebSession(app);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await LoginPageAsync(session, staff.UserName, "Wrong#2026")).ShouldContain("用户名或密码不正确");
        }

        (await LoginPageAsync(session, staff.UserName, "Wrong#2026")).ShouldContain("登录失败次数过多，账号已锁定，请30分钟后再试。");
        (await LoginPageAsync(session, staff.UserName, TestData.Password)).ShouldContain("账号已锁定");

        // ASP.NET Core Identity (Microsoft.Extensions.Identity.Core 10) stamps the lockout from the
        // system clock, not from TimeProvider, so the end is compared with the real time.
        var lockoutEnd = await app.AsAsync(Actor.System, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetLockoutEndDateAsync((await users.FindByIdAsync(staff.Id.ToString()))!);
        });
        lockoutEnd.ShouldNotBeNull();
        lockoutEnd.Value.ShouldBe(TimeProvider.System.GetUtcNow().AddMinutes(30), TimeSpan.FromMinutes(1));

        await app.AsAsync(sysadmin.Actor, sp => sp.GetRequiredService<UserAdminHandler>().UnlockAsync(staff.Id));

        using var unlocked = await WebSession.LoginAsync(app, staff.UserName);
        (await unlocked.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    internal static async Task<string> LoginPageAsync(WebSession session, string userName, string password)
    {
        var response = await session.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
