using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using Tongxin.Modules.PublicChannels.Points;
using static Microsoft.Playwright.Assertions;

namespace Tongxin.BrowserTests;

/// <summary>码上商 → 社情民意 → 期刊 in the browser: a citizen scans the school liaison point's QR code
/// on a phone and writes in without an account; the point's responsible staff member (demo.staff)
/// finds the letter, turns it into a report, adopts and signs it off, prints it in a new bulletin;
/// the citizen's receipt page then says the report was adopted.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OpinionPublicChannelTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_letter_from_a_phone_reaches_staff_is_printed_in_a_bulletin_and_the_receipt_shows_it_adopted()
    {
        var title = "学校门口早晚高峰拥堵（" + Guid.NewGuid().ToString("N")[..6] + "）";

        // 1. The citizen opens the point's page on a phone and submits a letter.
        var phone = await fixture.NewPhonePageAsync();
        await phone.GotoAsync("/q/" + PointsDemoSeeder.SchoolToken);
        await Expect(phone.GetByTestId("point-name")).ToHaveTextAsync("示例市实验中学联络点");
        await phone.GetByLabel("标题").FillAsync(title);
        await phone.GetByLabel("内容").FillAsync("实验中学门口学府路上下学时段车辆乱停，接送家长和学生混行，存在安全隐患，建议设置临时停车区并安排交警疏导。");
        await phone.GetByLabel("联系电话").FillAsync("13812345678");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(phone.GetByTestId("receipt")).ToContainTextAsync("提交成功");
        var code = (await phone.GetByTestId("receipt-code").InnerTextAsync()).Replace("-", "").Trim();
        code.Length.ShouldBe(10);
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the form fits the phone's width");

        // 2. The responsible staff member finds it among the letters and turns it into a report.
        var dialogs = new List<string>();
        var staff = await fixture.SignInAsync("demo.staff", dialogs);
        await staff.GotoAsync("/PublicChannels/Letters");
        await staff.GetByTestId("letters").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(staff.GetByTestId("letter-phone")).ToHaveTextAsync("13812345678");
        await staff.GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "转社情民意" }).ClickAsync();
        dialogs.ShouldContain(d => d.Contains("转为社情民意信息"));
        var reportLink = staff.GetByRole(AriaRole.Link, new() { Name = "查看转成的社情民意信息" });
        var href = await reportLink.GetAttributeAsync("href") ?? "";
        var reportId = Regex.Match(href, "/Opinions/Detail/([0-9a-f-]{36})").Groups[1].Value;
        reportId.ShouldNotBeEmpty();

        // 3. Screening: 采用; then 审签签发 on the report page.
        await staff.GotoAsync("/Opinions/Screening/Review/" + reportId);
        await staff.GetByRole(AriaRole.Button, new() { Name = "采用", Exact = true }).ClickAsync();
        await staff.GotoAsync("/Opinions/Detail/" + reportId);
        await staff.GetByRole(AriaRole.Button, new() { Name = "审签签发" }).ClickAsync();
        await Expect(staff.Locator("main")).ToContainTextAsync("已签发");

        // 4. A new bulletin carries it as a single article and is issued (印发).
        await staff.GotoAsync("/Opinions/Bulletins/New");
        await staff.GetByLabel("标题").FillAsync("社情民意快报（校园周边交通）");
        await staff.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex("/Opinions/Bulletins/Detail/"));
        await staff.GetByLabel("单篇：选择一篇信息").SelectOptionAsync(new SelectOptionValue { Value = reportId });
        await staff.GetByRole(AriaRole.Button, new() { Name = "添加单篇" }).ClickAsync();
        await Expect(staff.GetByTestId("article")).ToContainTextAsync(title);
        await staff.GetByRole(AriaRole.Button, new() { Name = "印发", Exact = true }).ClickAsync();
        dialogs.ShouldContain(d => d.Contains("确定印发本期期刊"));
        await Expect(staff.GetByTestId("bulletin-header")).ToContainTextAsync("期");
        await staff.GotoAsync("/Opinions/Detail/" + reportId);
        await Expect(staff.GetByTestId("report-outcomes")).ToContainTextAsync("本级政协采用");

        // 5. Back on the phone, the receipt page shows the outcome.
        await phone.GotoAsync("/q/receipt?code=" + code);
        await Expect(phone.GetByTestId("receipt-letter")).ToContainTextAsync(title);
        await Expect(phone.GetByTestId("receipt-report")).ToHaveTextAsync("已被采用");
    }
}
