using System.Net;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform;

public class HomePageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Demo_member_logs_in_and_sees_a_home_page_with_a_todo_area(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        using var session = await WebSession.LoginAsync(app, "demo.member", "Tongxin#2026");

        var html = await session.GetPageAsync("/");

        html.ShouldContain("委员，您好");
        html.ShouldContain("我的待办");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        using var session = new WebSession(app);

        var response = await session.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/Account/Login");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_wrong_password_is_answered_in_chinese_on_the_login_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        using var session = new WebSession(app);

        var response = await session.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = "nobody", ["Input.Password"] = "wrong" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("用户名或密码不正确");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_unknown_page_shows_the_chinese_404_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        using var session = await WebSession.LoginAsync(app, "demo.staff", "Tongxin#2026");

        var response = await session.GetAsync("/no/such/page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_openapi_document_lists_the_token_endpoint_and_the_module_endpoints(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/auth/token");
        paths.ShouldContain("/api/v1/members");
        paths.ShouldContain(p => p.StartsWith("/api/v1/organization/"));
        paths.ShouldContain("/api/v1/audit");
        paths.ShouldContain(p => p.StartsWith("/api/v1/calendar/"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Health_and_readiness_answer(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        using var client = app.CreateClient();

        (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetStringAsync("/readyz")).ShouldBe("Healthy");
    }
}
