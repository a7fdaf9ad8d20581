using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Accounts;

public class PasswordPolicyTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_new_password_needs_three_character_classes(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var session = await WebSession.LoginAsync(app, staff.UserName);

        var weak = await ChangeAsync(session, TestData.Password, "onlylower123");
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await weak.Content.ReadAsStringAsync()).ShouldContain("密码须至少包含大写字母、小写字母、数字、特殊字符中的三类");
        var tooShort = await ChangeAsync(session, TestData.Password, "Ab1!");
        (await tooShort.Content.ReadAsStringAsync()).ShouldContain("密码至少需要8个字符");

        var strong = await ChangeAsync(session, TestData.Password, "lower123!");
        strong.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CheckPasswordAsync(app, staff.UserName, "lower123!")).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task None_of_the_last_five_passwords_may_come_back_but_the_sixth_may(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        string[] passwords = [TestData.Password, "Second#2026", "Third#2026", "Fourth#2026", "Fifth#2026", "Sixth#2026"];
        for (var i = 1; i < passwords.Length; i++)
        {
            (await ChangeAsync(app, staff, passwords[i - 1], passwords[i])).Succeeded.ShouldBeTrue();
        }

        // The last five are Sixth (current), Fifth, Fourth, Third and Second.
        var reused = await ChangeAsync(app, staff, "Sixth#2026", "Second#2026");
        reused.Succeeded.ShouldBeFalse();
        reused.Errors.Single().Description.ShouldBe("新密码不能与最近5次使用过的密码相同。");
        (await ChangeAsync(app, staff, "Sixth#2026", "Sixth#2026")).Succeeded.ShouldBeFalse();

        (await ChangeAsync(app, staff, "Sixth#2026", TestData.Password)).Succeeded.ShouldBeTrue();

        var (history, changedAt) = await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var count = await data.PasswordHistory.CountAsync(h => h.UserId == staff.Id);
            var user = await data.Users.SingleAsync(u => u.Id == staff.Id);
            return (count, user.PasswordChangedAt);
        });
        history.ShouldBe(5, "only the last five old hashes are kept");
        changedAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_wrong_current_password_changes_nothing(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);

        var result = await ChangeAsync(app, staff, "Wrong#2026", "Another#2026");

        result.Errors.Single().Description.ShouldBe("原密码不正确。");
        var history = await app.AsAsync(Actor.System, sp =>
            sp.GetRequiredService<TongxinDbContext>().PasswordHistory.CountAsync(h => h.UserId == staff.Id));
        history.ShouldBe(0);
        (await CheckPasswordAsync(app, staff.UserName, TestData.Password)).ShouldBeTrue();
    }

    internal static Task<HttpResponseMessage> ChangeAsync(WebSession session, string current, string next) =>
        session.PostFormAsync("/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });

    private static Task<IdentityResult> ChangeAsync(TestApp app, TestData.TestUser user, string current, string next) =>
        app.AsAsync(user.Actor, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.ChangePasswordAsync((await users.FindByIdAsync(user.Id.ToString()))!, current, next);
        });

    internal static Task<bool> CheckPasswordAsync(TestApp app, string userName, string password) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
        });
}
