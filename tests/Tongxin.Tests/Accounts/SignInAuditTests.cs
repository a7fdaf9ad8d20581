using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Accounts;

public class SignInAuditTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Every_sign_in_attempt_and_sign_out_is_in_the_audit_log(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);

        await LockoutTests.LoginPageAsync(new WebSession(app), staff.UserName, "Wrong#2026");
        using (var session = await WebSession.LoginAsync(app, staff.UserName))
        {
            await session.PostFormAsync("/Account/Logout", [], "/");
        }

        await TokenApiTests.RequestTokenAsync(app, staff.UserName, TestData.Password);

        var entries = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries
            .Where(a => a.TargetType == nameof(AppUser) && a.TargetId == staff.UserName)
            .OrderBy(a => a.Sequence)
            .Select(a => new { a.Action, a.Result, a.Details })
            .ToListAsync());
        entries.Select(e => $"{e.Action}|{e.Result}|{e.Details}").ShouldBe(
        [
            "登录|失败|网页：用户名和密码",
            "登录|成功|网页：用户名和密码",
            "退出登录|成功|网页",
            "登录|成功|接口：用户名和密码",
        ]);
    }
}
