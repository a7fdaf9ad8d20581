using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Organization;

/// <summary>The organisation API with a bearer token, as an integration would use it.</summary>
public class OrganizationAdminApiTests
{
    private static async Task<HttpClient> ClientWithTokenAsync(TestApp app, string userName)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = TestData.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_with_a_token_add_a_sector_and_read_the_list(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Organization]);
        using var client = await ClientWithTokenAsync(app, staff.UserName);

        var created = await client.PostAsJsonAsync("/api/v1/organization/sectors", new { name = "体育", sortOrder = 5 });
        var blank = await client.PostAsJsonAsync("/api/v1/organization/sectors", new { name = "" });
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/organization/sectors");

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("界别名称不能为空。");
        list.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["教育", "经济", "体育"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_with_a_token_is_refused_with_403_and_no_token_means_401(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var member = await app.NewUserAsync(committee, Roles.Member);
        using var client = await ClientWithTokenAsync(app, member.UserName);
        using var anonymous = app.CreateClient();

        var post = await client.PostAsJsonAsync("/api/v1/organization/venues", new { name = "越权客厅", kind = 1 });
        var get = await client.GetAsync("/api/v1/organization/handling-units");
        var noToken = await anonymous.GetAsync("/api/v1/organization/sectors");

        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("您没有管理该政协组织名册和机构的权限。");
        get.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        noToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
