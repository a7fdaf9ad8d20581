using System.Net;
using System.Text.RegularExpressions;
using Shouldly;
using Tongxin.Modules.Proposals;
using Tongxin.Tests.Infrastructure;
using Xunit;

namespace Tongxin.Tests.Proposals.Review;

/// <summary>The staff's proposal page over HTTP: the review forms post, refusals come back as a
/// Chinese message on the page, and the similar-proposals panel can load (its form carries a token).</summary>
public partial class ReviewPageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_file_a_proposal_on_its_page_and_the_similar_panel_loads(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var id = await w.SubmittedAsync("关于加快老旧小区加装电梯的建议");
        using var s = await WebSession.LoginAsync(app, w.Staff.UserName);

        var page = await s.GetPageAsync($"/Proposals/Detail/{id}");
        page.ShouldContain("id=\"file-form\"");
        var similarForm = SimilarForm().Match(page);
        similarForm.Success.ShouldBeTrue("相似提案表单");
        var token = Token().Match(similarForm.Value);
        token.Success.ShouldBeTrue("相似提案表单须带防伪令牌");
        var similar = await s.Client.PostAsync("/Proposals/Similar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["text"] = "老旧小区加装电梯",
            ["excludeId"] = id.ToString(),
        }));
        similar.StatusCode.ShouldBe(HttpStatusCode.OK);

        var filed = await s.PostFormAsync($"/Proposals/Detail/{id}?handler=File", new() { ["category"] = "城市建设与管理" }, $"/Proposals/Detail/{id}");
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.ReadAsync(id)).Status.ShouldBe(ProposalStatus.Filed);
        (await s.GetPageAsync($"/Proposals/Detail/{id}")).ShouldContain("第0001号");

        // A second 立案 on the same page is refused in Chinese, not with an error page.
        await s.PostFormAsync($"/Proposals/Detail/{id}?handler=Return", new() { ["note"] = "补充材料" }, $"/Proposals/Detail/{id}");
        (await s.GetPageAsync($"/Proposals/Detail/{id}")).ShouldContain("不能退回修改");
    }

    [GeneratedRegex("<form[^>]*id=\"similar-form\"[\\s\\S]*?</form>")]
    private static partial Regex SimilarForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
