using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Accounts;

public class AdminApiTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_system_admin_creates_and_disables_an_account_through_the_api_and_the_security_admin_may_not(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin);
        var secadmin = await app.NewUserAsync(committee, Roles.SecAdmin);
        using var sys = await WebSession.LoginAsync(app, sysadmin.UserName);
        using var sec = await WebSession.LoginAsync(app, secadmin.UserName);
        var userName = $"api.{Guid.NewGuid():N}"[..20];

        var created = await sys.Client.PostAsJsonAsync("/api/v1/admin/users", new { userName, displayName = "接口新建", role = Roles.Staff, initialPassword = "Init#Pass2026" });
        var refused = await sec.Client.PostAsJsonAsync("/api/v1/admin/users", new { userName = userName + "x", displayName = "越权", role = Roles.Staff, initialPassword = "Init#Pass2026" });
        var weak = await sys.Client.PostAsJsonAsync("/api/v1/admin/users", new { userName = userName + "w", displayName = "弱口令", role = Roles.Staff, initialPassword = "abc" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weak.Content.ReadAsStringAsync()).ShouldContain("密码");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await sys.Client.PostAsync($"/api/v1/admin/users/{id}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var list = await sys.Client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?search={userName}");
        var row = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("userName").GetString().ShouldBe(userName);
        row.GetProperty("isDisabled").GetBoolean().ShouldBeTrue();
        (await sec.Client.GetAsync("/api/v1/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_security_admin_grants_module_permissions_through_the_api_and_the_system_admin_may_not(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, []);
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin);
        var secadmin = await app.NewUserAsync(committee, Roles.SecAdmin);
        using var sys = await WebSession.LoginAsync(app, sysadmin.UserName);
        using var sec = await WebSession.LoginAsync(app, secadmin.UserName);
        var grant = new { roles = new[] { Roles.Staff }, permissions = new[] { Permissions.Proposals, Permissions.Opinions } };

        (await sys.Client.PutAsJsonAsync($"/api/v1/admin/grants/{staff.Id}", grant)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sec.Client.PutAsJsonAsync($"/api/v1/admin/grants/{staff.Id}", grant)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var stored = await sec.Client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/grants/{staff.Id}");
        stored.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldBe([Permissions.Proposals, Permissions.Opinions], ignoreOrder: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_system_admin_enters_next_years_holidays_through_the_api(Db db)
    {
        // Edits the deployment-wide holiday table, so it needs an app of its own.
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin);
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var sys = await WebSession.LoginAsync(app, sysadmin.UserName);
        using var other = await WebSession.LoginAsync(app, staff.UserName);

        var imported = await sys.Client.PostAsJsonAsync("/api/v1/calendar/holidays/import", new { text = "2027-01-01 放假 元旦\n2027-02-06~2027-02-12 放假 春节\n2027-02-20 调休上班 春节调休" });
        var refused = await other.Client.PutAsJsonAsync("/api/v1/calendar/holidays/2027-05-01", new { kind = 1, name = "劳动节" });

        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32().ShouldBe(9);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var year = await sys.Client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/holidays/2027");
        year.GetProperty("entries").GetArrayLength().ShouldBe(9);
        var deadline = await other.Client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days?from=2027-02-05&days=1");
        deadline.GetProperty("date").GetString().ShouldBe("2027-02-15", "2-6..2-12 are off, 2-13/14 a weekend");
    }
}
