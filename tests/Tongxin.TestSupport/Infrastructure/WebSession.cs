using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;

namespace Tongxin.Tests.Infrastructure;

/// <summary>A browser-like HTTP session against the in-memory app: keeps cookies, does not follow
/// redirects (tests assert on them), and fills in the anti-forgery token of the form it posts.</summary>
public sealed partial class WebSession(TestApp app) : IDisposable
{
    private readonly HttpClient client = new(new CookieContainerHandler { InnerHandler = app.App.GetTestServer().CreateHandler() })
    {
        BaseAddress = new Uri("http://localhost"),
    };

    public HttpClient Client => client;

    public static async Task<WebSession> LoginAsync(TestApp app, string userName, string password = TestData.Password)
    {
        var session = new WebSession(app);
        var response = await session.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var next = response.Headers.Location!.OriginalString;
        if (next.StartsWith("/Account/LoginTwoFactor", StringComparison.Ordinal))
        {
            // Two-factor accounts (every admin): answer the second step like an authenticator app.
            response = await session.PostFormAsync(next, new() { ["Code"] = await Totp.CodeForAsync(app, userName) });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        return session;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>GETs the form page first (for its anti-forgery token), then posts the fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPageUrl = null)
    {
        var page = await client.GetStringAsync(formPageUrl ?? url);
        var token = TokenPattern().Match(page);
        token.Success.ShouldBeTrue($"no anti-forgery token on {formPageUrl ?? url}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
