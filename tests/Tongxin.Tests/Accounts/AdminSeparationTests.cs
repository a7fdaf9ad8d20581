using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Accounts;

/// <summary>三权分立: who may do what to accounts, roles and the audit log.</summary>
public class AdminSeparationTests
{
    public static TheoryData<Db, string> RolesOnBothDatabases()
    {
        var data = new TheoryData<Db, string>();
        foreach (var db in new[] { Db.Sqlite, Db.PostgreSql })
        {
            foreach (var role in new[] { Roles.SysAdmin, Roles.SecAdmin, Roles.AuditAdmin, Roles.Staff })
            {
                data.Add(db, role);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(RolesOnBothDatabases))]
    public async Task Only_the_system_admin_manages_accounts_and_only_the_security_admin_grants_roles(Db db, string role)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var actor = await app.NewUserAsync(committee, role);
        var target = await app.NewUserAsync(committee, Roles.Member);
        var isSys = role == Roles.SysAdmin;
        var isSec = role == Roles.SecAdmin;

        var userActions = new Dictionary<string, Func<UserAdminHandler, Task>>
        {
            ["list"] = h => h.ListAsync(null, 1),
            ["create"] = h => h.CreateAsync(new("new." + Guid.NewGuid().ToString("N")[..8], "新账号", Roles.Member, "Initial#2026")),
            ["disable"] = h => h.SetDisabledAsync(target.Id, true),
            ["enable"] = h => h.SetDisabledAsync(target.Id, false),
            ["reset"] = h => h.ResetPasswordAsync(target.Id, "Reset#2026x"),
            ["unlock"] = h => h.UnlockAsync(target.Id),
        };
        foreach (var (name, action) in userActions)
        {
            await ExpectAsync(app, actor, action, isSys, $"{role} {name}");
        }

        var securityActions = new Dictionary<string, Func<SecurityAdminHandler, Task>>
        {
            ["list"] = h => h.ListAsync(null, 1),
            ["get"] = h => h.GetAsync(target.Id),
            ["assign"] = h => h.AssignAsync(target.Id, [Roles.Staff], [Permissions.Proposals]),
            ["policy"] = h => Task.FromResult(h.Policy()),
        };
        foreach (var (name, action) in securityActions)
        {
            await ExpectAsync(app, actor, action, isSec, $"{role} {name}");
        }

        using var session = await WebSession.LoginAsync(app, actor.UserName);
        await ExpectPageAsync(session, "/Admin/Users", isSys);
        await ExpectPageAsync(session, "/Admin/Users/Create", isSys);
        await ExpectPageAsync(session, "/Admin/Security", isSec);
        await ExpectPageAsync(session, $"/Admin/Security/Edit?id={target.Id}", isSec);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_the_audit_admin_satisfies_the_audit_reader_policy(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        foreach (var role in Roles.All)
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
            (await authorization.AuthorizeAsync(principal, AdminPolicies.AuditReader)).Succeeded.ShouldBe(role == Roles.AuditAdmin, role);
            (await authorization.AuthorizeAsync(principal, AdminPolicies.AccountAdmin)).Succeeded.ShouldBe(role == Roles.SysAdmin, role);
            (await authorization.AuthorizeAsync(principal, AdminPolicies.SecurityAdmin)).Succeeded.ShouldBe(role == Roles.SecAdmin, role);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Admins_act_only_inside_their_own_committee(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var own = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var sysadmin = await app.NewUserAsync(own, Roles.SysAdmin);
        var secadmin = await app.NewUserAsync(own, Roles.SecAdmin);
        var stranger = await app.NewUserAsync(other, Roles.Staff);

        await Should.ThrowAsync<NotFoundException>(() => app.AsAsync(sysadmin.Actor, sp => sp.GetRequiredService<UserAdminHandler>().SetDisabledAsync(stranger.Id, true)));
        await Should.ThrowAsync<NotFoundException>(() => app.AsAsync(sysadmin.Actor, sp => sp.GetRequiredService<UserAdminHandler>().ResetPasswordAsync(stranger.Id, "Reset#2026x")));
        await Should.ThrowAsync<NotFoundException>(() => app.AsAsync(secadmin.Actor, sp => sp.GetRequiredService<SecurityAdminHandler>().AssignAsync(stranger.Id, [Roles.Leader], [])));
        var list = await app.AsAsync(sysadmin.Actor, sp => sp.GetRequiredService<UserAdminHandler>().ListAsync(null, 1));
        list.Items.Select(u => u.UserName).ShouldBe(new[] { sysadmin.UserName, secadmin.UserName }.Order(), ignoreOrder: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_system_admin_neither_creates_nor_touches_admin_accounts(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin);
        var auditadmin = await app.NewUserAsync(committee, Roles.AuditAdmin);

        var create = await Should.ThrowAsync<ValidationFailedException>(() => app.AsAsync(sysadmin.Actor, sp =>
            sp.GetRequiredService<UserAdminHandler>().CreateAsync(new("x." + Guid.NewGuid().ToString("N")[..8], "某人", Roles.AuditAdmin, "Initial#2026"))));
        create.Errors["Role"].ShouldBe(["请选择角色；管理员角色只能由安全管理员授予。"]);
        await Should.ThrowAsync<ForbiddenException>(() => app.AsAsync(sysadmin.Actor, sp => sp.GetRequiredService<UserAdminHandler>().SetDisabledAsync(auditadmin.Id, true)));
        await Should.ThrowAsync<ForbiddenException>(() => app.AsAsync(sysadmin.Actor, sp => sp.GetRequiredService<UserAdminHandler>().ResetPasswordAsync(sysadmin.Id, "Reset#2026x")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_security_admin_grants_roles_and_module_permissions_but_keeps_admin_roles_apart(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var secadmin = await app.NewUserAsync(committee, Roles.SecAdmin);
        var member = await app.NewUserAsync(committee, Roles.Member);
        using var session = await WebSession.LoginAsync(app, secadmin.UserName);

        var saved = await session.PostFormAsync($"/Admin/Security/Edit?id={member.Id}",
            new() { ["Roles"] = Roles.Staff, ["Permissions"] = Permissions.Opinions });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var grants = await app.AsAsync(secadmin.Actor, sp => sp.GetRequiredService<SecurityAdminHandler>().GetAsync(member.Id));
        grants.Roles.ShouldBe([Roles.Staff]);
        grants.Permissions.ShouldBe([Permissions.Opinions]);

        var combined = await Should.ThrowAsync<ValidationFailedException>(() => app.AsAsync(secadmin.Actor, sp =>
            sp.GetRequiredService<SecurityAdminHandler>().AssignAsync(member.Id, [Roles.SysAdmin, Roles.Staff], [])));
        combined.Errors["Roles"].ShouldContain("管理员角色不能与其他角色同时授予（三权分立）。");
        var self = await Should.ThrowAsync<ValidationFailedException>(() => app.AsAsync(secadmin.Actor, sp =>
            sp.GetRequiredService<SecurityAdminHandler>().AssignAsync(secadmin.Id, [Roles.SysAdmin], [])));
        self.Errors["Roles"].ShouldContain("不能修改自己的角色和权限。");

        await app.AsAsync(secadmin.Actor, sp => sp.GetRequiredService<SecurityAdminHandler>().AssignAsync(member.Id, [Roles.AuditAdmin], []));
        (await app.AsAsync(Actor.System, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetRolesAsync((await users.FindByIdAsync(member.Id.ToString()))!);
        })).ShouldBe([Roles.AuditAdmin]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_account_created_or_reset_by_the_system_admin_must_choose_its_own_password(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin);
        var leader = await app.NewUserAsync(committee, Roles.Leader);
        using var admin = await WebSession.LoginAsync(app, sysadmin.UserName);
        var userName = "new." + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["UserName"] = userName,
            ["DisplayName"] = "新同志",
            ["Role"] = Roles.Staff,
            ["InitialPassword"] = "Initial#2026",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetPageAsync($"/Admin/Users?search={userName}")).ShouldContain("新同志");
        var reset = await admin.PostFormAsync($"/Admin/Users/ResetPassword?id={leader.Id}", new() { ["NewPassword"] = "Reset#2026x" });
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var (name, password) in new[] { (userName, "Initial#2026"), (leader.UserName, "Reset#2026x") })
        {
            using var session = await WebSession.LoginAsync(app, name, password);
            var home = await session.GetAsync("/");
            home.Headers.Location!.OriginalString.ShouldBe("/Account/ChangePassword", name);
            (await session.GetPageAsync("/Account/ChangePassword")).ShouldContain("您的密码由管理员设置或重置，请修改密码后继续使用。");
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_disabled_account_cannot_sign_in_until_enabled_again(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin);
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var admin = await WebSession.LoginAsync(app, sysadmin.UserName);

        var disabled = await admin.PostFormAsync("/Admin/Users?handler=Disable", new() { ["id"] = staff.Id.ToString() }, "/Admin/Users");
        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await LockoutTests.LoginPageAsync(new WebSession(app), staff.UserName, TestData.Password)).ShouldContain("该账号不允许登录，请联系管理员。");
        (await TokenApiTests.RequestTokenAsync(app, staff.UserName, TestData.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await admin.PostFormAsync("/Admin/Users?handler=Enable", new() { ["id"] = staff.Id.ToString() }, "/Admin/Users");
        using var again = await WebSession.LoginAsync(app, staff.UserName);
        (await again.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_account_list_pages_and_searches(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin);
        var members = new List<TestData.TestUser>();
        for (var i = 0; i < 21; i++)
        {
            members.Add(await app.NewUserAsync(committee, Roles.Member));
        }

        using var session = await WebSession.LoginAsync(app, sysadmin.UserName);

        var second = await session.GetPageAsync("/Admin/Users?page=2");
        second.ShouldContain("共 22 条，第 2 / 2 页");
        var found = await session.GetPageAsync($"/Admin/Users?search={members[3].UserName}");
        found.ShouldContain("共 1 条，第 1 / 1 页");
        found.ShouldContain(members[3].UserName);
    }

    private static async Task ExpectAsync<THandler>(TestApp app, TestData.TestUser actor, Func<THandler, Task> action, bool allowed, string because)
        where THandler : notnull
    {
        var run = () => app.AsAsync(actor.Actor, sp => action(sp.GetRequiredService<THandler>()));
        if (allowed)
        {
            await run();
        }
        else
        {
            await Should.ThrowAsync<ForbiddenException>(run, because);
        }
    }

    private static async Task ExpectPageAsync(WebSession session, string url, bool allowed)
    {
        var response = await session.GetAsync(url);
        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldContain("/Error/403", Case.Insensitive, url);
        }
    }
}
