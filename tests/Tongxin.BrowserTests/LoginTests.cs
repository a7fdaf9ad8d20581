using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Tongxin.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_member_logs_in_and_sees_the_greeting_and_the_todo_area()
    {
        var page = await fixture.NewPageAsync();

        await LogInAsync(page, "demo.member", DemoAccounts.Password);

        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.GetByTestId("home-title")).ToContainTextAsync("委员，您好");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的待办" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("委员");
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_form_whose_inputs_have_labels()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        // Screen readers announce these labels; GetByLabel finds an input only through its label.
        await Expect(page.GetByLabel("用户名")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("密码")).ToHaveAttributeAsync("type", "password");
    }

    [Fact]
    public async Task The_login_form_works_with_the_keyboard_alone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        // The user name field has focus on arrival; Tab moves to the password, Enter submits.
        await page.Keyboard.TypeAsync("demo.staff");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoAccounts.Password);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("王晓东");
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_against_the_right_password()
    {
        var committee = await fixture.App.NewCommitteeAsync();
        var user = await fixture.App.NewUserAsync(committee, Roles.Member);
        var page = await fixture.NewPageAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await LogInAsync(page, user.UserName, "Wrong#Pass" + attempt);
            await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        }

        await LogInAsync(page, user.UserName, TestData.Password);

        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("账号已锁定");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task A_wrong_password_is_answered_in_chinese_without_saying_which_part_was_wrong()
    {
        var page = await fixture.NewPageAsync();

        await LogInAsync(page, "no.such.user", "whatever1");

        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("用户名或密码不正确");
    }

    internal static async Task LogInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }
}
