using Microsoft.Playwright;
using Tongxin.Platform.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Tongxin.BrowserTests;

/// <summary>委员新增 in the browser. The page /Organization/Members/Create is built on the
/// organisation branch with this contract (labelled fields, button "保存", message "已新增委员");
/// until that branch is merged this test fails here by design.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberCreateTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Staff_adds_a_member_through_the_form_and_sees_the_new_record()
    {
        var page = await fixture.NewPageAsync();
        await LoginTests.LogInAsync(page, "demo.staff", DemoAccounts.Password);
        await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
        var name = "浏览器测" + Guid.NewGuid().ToString("N")[..4];

        await page.GotoAsync("/Organization/Members/Create");
        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByLabel("性别").SelectOptionAsync(new SelectOptionValue { Label = "女" });
        await page.GetByLabel("出生年份").FillAsync("1978");
        await page.GetByLabel("界别").SelectOptionAsync(new SelectOptionValue { Label = "教育" });
        await FillOrSelectAsync(page.GetByLabel("政治面貌"), "民进会员");
        await page.GetByLabel("工作单位").FillAsync("示例市第一中学");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(page.GetByText("已新增委员")).ToBeVisibleAsync();
        await Expect(page.GetByText(name).First).ToBeVisibleAsync();
    }

    // The contract names 政治面貌 a labelled field without fixing input or list; accept either.
    private static async Task FillOrSelectAsync(ILocator field, string value)
    {
        if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            await field.SelectOptionAsync(new SelectOptionValue { Label = value });
        }
        else
        {
            await field.FillAsync(value);
        }
    }
}
