using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Tongxin.Evaluation;
using Tongxin.Modules.Evaluation;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Tongxin.BrowserTests;

/// <summary>The expert's questionnaire on a phone: moving the sliders shows the scale's words and the matrix's
/// CR at once, warns when the judgments contradict each other (CR &gt; 0.1), and the CR the page showed is the
/// CR the server computes on save.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluationAnswerTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_expert_moves_the_sliders_on_a_phone_and_sees_the_live_consistency_ratio_and_its_warning()
    {
        var app = fixture.App;
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Evaluation]);
        var expert = await app.NewUserAsync(committee, Roles.Member);
        var id = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProjectHandler>().CreateAsync(
            new ProjectInput { Title = "委员履职评价维度权重", Use = EvaluationUse.DutyPerformance, Template = EvaluationTemplates.MemberPerformance }));
        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProjectHandler>().InviteAsync(id, expert.Id));
        await app.AsAsync(staff.Actor, async sp =>
        {
            var projects = sp.GetRequiredService<ProjectHandler>();
            await projects.OpenRoundAsync(id, (await projects.GetAsync(id)).Version);
        });

        var page = await fixture.NewPhonePageAsync();
        await LoginTests.LogInAsync(page, expert.UserName, TestData.Password);
        await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
        await page.GotoAsync("/Evaluation/My");
        await page.GetByRole(AriaRole.Link, new() { Name = "填写问卷" }).ClickAsync();
        await Expect(page.GetByTestId("cr-live")).ToContainTextAsync("CR = 0.0000");
        await Expect(page.GetByTestId("cr-hint")).ToBeHiddenAsync();

        // Five dimensions, ten pairs: (会议履职, 提案工作) is pair 0, (会议履职, 社情民意) pair 1, (提案工作, 社情民意) pair 4.
        await page.Locator("#pair-0").FillAsync("-8");
        await Expect(page.Locator("#verdict-0")).ToHaveTextAsync("「会议履职」比「提案工作」绝对重要（9）");
        // One extreme judgment among "equal" ones already contradicts them, and the hint names it.
        await Expect(page.GetByTestId("cr-hint")).ToContainTextAsync("建议先检查「会议履职」对「提案工作」的判断（当前 9）");
        await page.Locator("#pair-4").FillAsync("-4");
        await page.Locator("#pair-1").FillAsync("6");
        await Expect(page.Locator("#verdict-1")).ToContainTextAsync("「社情民意」比「会议履职」");

        // 9 · 5 would make 会议履职 45 times 社情民意; 1/7 says the opposite.
        string[] triangle = ["9", "1/7", "1", "1", "5", "1", "1", "1", "1", "1"];
        var values = triangle.Select(t => t.StartsWith("1/", StringComparison.Ordinal) ? 1 / double.Parse(t[2..], CultureInfo.InvariantCulture) : double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var cr = Consistency.Check(PairwiseMatrix.FromUpperTriangle(5, values)).CR;
        cr.ShouldBeGreaterThan(0.1);
        var shown = cr.ToString("0.0000", CultureInfo.InvariantCulture);
        await Expect(page.Locator("#cr-value")).ToHaveTextAsync(shown);
        await Expect(page.GetByTestId("cr-hint")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cr-hint")).ToContainTextAsync("判断前后矛盾较大");

        // The server saves the flagged matrix and reports the same CR.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存本组判断" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"CR = {shown} 超过");

        // Taking the contradiction back restores consistency and hides the warning.
        await page.Locator("#pair-1").FillAsync("0");
        await page.Locator("#pair-4").FillAsync("0");
        await page.Locator("#pair-0").FillAsync("0");
        await Expect(page.Locator("#cr-value")).ToHaveTextAsync("0.0000");
        await Expect(page.GetByTestId("cr-hint")).ToBeHiddenAsync();
    }
}
