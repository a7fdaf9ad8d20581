using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Accounts;

public class TokenApiTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_user_exchanges_name_and_password_for_a_bearer_token_the_api_accepts(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Proposals]);

        var response = await RequestTokenAsync(app, staff.UserName, TestData.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await MeAsync(app, await AccessTokenAsync(response));
        me.GetProperty("userName").GetString().ShouldBe(staff.UserName);
        me.GetProperty("committeeId").GetGuid().ShouldBe(committee.Id);
        me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldBe([Permissions.Proposals]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_wrong_password_is_a_chinese_401_problem(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);

        var response = await RequestTokenAsync(app, staff.UserName, "Wrong#2026");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldBe("用户名、密码或动态口令不正确。");
        using var client = app.CreateClient();
        (await client.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_needs_the_totp_code_as_well(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var secadmin = await app.NewUserAsync(committee, Roles.SecAdmin);

        var withoutCode = await RequestTokenAsync(app, secadmin.UserName, TestData.Password);
        withoutCode.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await withoutCode.Content.ReadAsStringAsync()).ShouldContain("请提供动态口令（totpCode）");
        var wrongCode = await RequestTokenAsync(app, secadmin.UserName, TestData.Password, "000000");
        wrongCode.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrongCode.Content.ReadAsStringAsync()).ShouldContain("动态口令不正确");

        var response = await RequestTokenAsync(app, secadmin.UserName, TestData.Password, await Totp.CodeForAsync(app, secadmin.UserName));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await MeAsync(app, await AccessTokenAsync(response));
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.SecAdmin]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_token_stops_working_once_the_system_admin_disables_the_account(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin);
        var token = await AccessTokenAsync(await RequestTokenAsync(app, staff.UserName, TestData.Password));
        await MeAsync(app, token);

        await app.AsAsync(sysadmin.Actor, sp => sp.GetRequiredService<UserAdminHandler>().SetDisabledAsync(staff.Id, true));

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/api/v1/auth/me");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("账号已停用或密码已重置，请重新获取令牌。");
    }

    internal static async Task<HttpResponseMessage> RequestTokenAsync(TestApp app, string userName, string password, string? totpCode = null)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password, totpCode });
    }

    private static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        return body.GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> MeAsync(TestApp app, string token)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/api/v1/auth/me");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
