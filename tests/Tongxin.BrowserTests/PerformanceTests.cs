using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using Tongxin.Platform.Calendar;
using static Microsoft.Playwright.Assertions;

namespace Tongxin.BrowserTests;

/// <summary>委员履职 in the browser: demo.member reads 我的履职, logs a visit to sector masses and
/// turns its clue into a 社情民意 draft in one step; the ledger credits the visit; demo.staff raises
/// the visit's points in the rule table, which recomputes the year, and the member's total follows;
/// the committee table, the leaderboards and the portrait show the member.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PerformanceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visit_is_logged_turned_into_a_report_credited_and_repriced_by_the_rules()
    {
        // The visit's points as the committee's rules stand now (the fixture's app is shared).
        var dialogs = new List<string>();
        var staff = await fixture.SignInAsync("demo.staff", dialogs);
        await staff.GotoAsync("/Performance/Rules");
        var points = decimal.Parse(await staff.GetByLabel("联系界别群众 分值").InputValueAsync(), CultureInfo.InvariantCulture);

        var member = await fixture.SignInAsync("demo.member");
        await member.GotoAsync("/Performance");
        await Expect(member.GetByTestId("rank")).ToHaveTextAsync(new Regex("^第\\d+名$"));
        var before = await TotalAsync(member);
        var visitsBefore = await member.Locator("[data-testid=category-7] tbody tr").CountAsync();

        // 1. Log a visit with a clue.
        var clue = "社区菜市场缺少无障碍通道（" + Guid.NewGuid().ToString("N")[..6] + "）";
        await member.GotoAsync("/Performance/Visits/Edit");
        var today = DateOnly.FromDateTime(BeijingTime.FromUtc(fixture.App.Clock.GetUtcNow().UtcDateTime));
        await member.GetByLabel("走访日期").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await member.GetByLabel("走访地点").FillAsync("北塘社区服务中心");
        await member.GetByLabel("服务群众人数").FillAsync("12");
        await member.GetByLabel("走访情况").FillAsync("与社区居民代表座谈，听取对菜市场改造的意见。");
        await member.GetByLabel("收集的线索（每行一条）").FillAsync(clue);
        await member.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(member.GetByTestId("clues").Filter(new() { HasText = clue })).ToHaveCountAsync(1);

        // 2. The clue becomes a 社情民意 draft in one step.
        await member.GetByTestId("clues").Filter(new() { HasText = clue }).GetByRole(AriaRole.Button, new() { Name = "转为社情民意" }).ClickAsync();
        await member.WaitForURLAsync(new Regex("/Opinions/Edit"));

        // 3. The ledger credits the visit.
        await fixture.App.DeliverEventsAsync();
        await member.GotoAsync("/Performance");
        (await TotalAsync(member)).ShouldBe(before + points);
        await Expect(member.Locator("[data-testid=category-7] tbody tr")).ToHaveCountAsync(visitsBefore + 1);
        decimal visits = visitsBefore + 1;

        // 4. Staff raise a visit's points by one: saving recomputes the year.
        var raised = (points + 1).ToString(CultureInfo.InvariantCulture);
        await staff.ReloadAsync();
        await staff.GetByLabel("联系界别群众 分值").FillAsync(raised);
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存并重新计算" }).ClickAsync();
        await Expect(staff.GetByLabel("联系界别群众 分值")).ToHaveValueAsync(new Regex($"^{Regex.Escape(raised)}(\\.0+)?$"));
        dialogs.ShouldContain(d => d.Contains("重新计算", StringComparison.Ordinal));
        await member.ReloadAsync();
        (await TotalAsync(member)).ShouldBe(before + points + visits);

        // 5. The committee table, the leaderboards and the portrait.
        await staff.GotoAsync("/Performance/Committee");
        await Expect(staff.GetByTestId("scores").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(staff.GetByTestId("grades")).ToBeVisibleAsync();
        await member.GotoAsync("/Performance/Leaderboards");
        await Expect(member.GetByTestId("board").Locator("tbody tr").First).ToBeVisibleAsync();
        await member.GotoAsync("/Performance/Portrait");
        await Expect(member.GetByTestId("radar")).ToBeVisibleAsync();
        await Expect(member.Locator("canvas").First).ToBeVisibleAsync();
    }

    private static async Task<decimal> TotalAsync(IPage page) =>
        decimal.Parse((await page.GetByTestId("total").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
}
