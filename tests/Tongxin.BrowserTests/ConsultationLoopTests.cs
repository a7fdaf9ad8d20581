using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using Tongxin.Platform.Calendar;
using static Microsoft.Playwright.Assertions;

namespace Tongxin.BrowserTests;

/// <summary>请你来协商 from the notice to the figures in the browser: demo.staff creates and publishes
/// the activity, demo.member signs up and, on a phone, signs in by the URL the hall screen's QR
/// code carries; staff record two suggestions, close the activity, write and upload the minutes and
/// assign both suggestions to demo.unit, which answers one 采纳 and one 未采纳; the year's figures
/// then count the activity, the attendance and both answers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsultationLoopTests(BrowserFixture fixture)
{
    private const string Unit = "示例市住房和城乡建设局";

    [Fact]
    public async Task A_please_come_consult_activity_runs_from_publishing_to_answered_suggestions_and_the_figures_show_it()
    {
        var title = "请你来协商：老旧小区加装电梯（" + Guid.NewGuid().ToString("N")[..6] + "）";
        var dialogs = new List<string>();
        var staff = await fixture.SignInAsync("demo.staff", dialogs);
        var before = await PleaseComeConsultFiguresAsync(staff);

        // 1. Staff create the activity (sign-up mode, starting in an hour) and publish it.
        var now = BeijingTime.FromUtc(fixture.App.Clock.GetUtcNow().UtcDateTime);
        await staff.GotoAsync("/Consultation/Activities/Edit");
        await staff.GetByLabel("活动类型").SelectOptionAsync(new SelectOptionValue { Label = "请你来协商" });
        await staff.GetByLabel("活动名称").FillAsync(title);
        await staff.GetByLabel("协商议题 / 活动内容").FillAsync("老旧小区加装电梯的资金分摊、审批流程与低层住户利益平衡。");
        await staff.GetByLabel("开始时间").FillAsync(now.AddHours(1).ToString("yyyy-MM-ddTHH:mm"));
        await staff.GetByLabel("结束时间").FillAsync(now.AddHours(3).ToString("yyyy-MM-ddTHH:mm"));
        await staff.GetByLabel("地点").FillAsync("市政协三楼协商议事厅");
        await staff.GetByLabel("其他组织者").FillAsync("提案委员会");
        await staff.GetByLabel("参加方式").SelectOptionAsync(new SelectOptionValue { Label = "报名参加" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex("/Consultation/Activities/Detail/"));
        var activityId = Regex.Match(staff.Url, "Detail/([0-9a-f-]{36})").Groups[1].Value;
        activityId.ShouldNotBeEmpty();
        var detail = "/Consultation/Activities/Detail/" + activityId;
        await staff.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        dialogs.ShouldContain(d => d.Contains("确定发布该活动"));
        await Expect(staff.Locator("#activity-status")).ToHaveTextAsync("已发布");

        // 2. The member signs up on the activity page.
        var member = await fixture.SignInAsync("demo.member");
        await member.GotoAsync(detail);
        await Expect(member.Locator("#activity-title")).ToHaveTextAsync(title);
        await member.GetByRole(AriaRole.Button, new() { Name = "报名参加" }).ClickAsync();
        await Expect(member.Locator("main")).ToContainTextAsync("已报名");

        // 3. The hall screen shows the rotating code; the member's phone opens the URL its QR
        //    carries, signs in to the platform first and is signed in to the activity.
        await staff.GotoAsync("/Consultation/Activities/Screen/" + activityId);
        await Expect(staff.Locator("#signin-qr")).ToBeVisibleAsync();
        var state = await staff.Context.APIRequest.GetAsync($"/Consultation/Activities/Screen/{activityId}?handler=State");
        state.Ok.ShouldBeTrue();
        using var json = JsonDocument.Parse(await state.TextAsync());
        var qrUrl = json.RootElement.GetProperty("url").GetString() ?? "";
        qrUrl.ShouldContain($"/c/s/{activityId}/" + (await staff.Locator("#signin-code").InnerTextAsync()).Trim());

        var phone = await fixture.NewPhonePageAsync();
        await phone.GotoAsync(qrUrl);
        await phone.GetByLabel("用户名").FillAsync("demo.member");
        await phone.GetByLabel("密码").FillAsync(Platform.Accounts.DemoAccounts.Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(phone.Locator("#signin-result")).ToContainTextAsync("签到成功");
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the sign-in page fits the phone's width");

        // 4. Staff record two suggestions raised at the activity.
        string[] suggestions = ["设立加装电梯专项补助资金", "简化加装电梯审批为一窗受理"];
        foreach (var suggestion in suggestions)
        {
            await staff.GotoAsync("/Consultation/Results/Record/" + activityId);
            await staff.GetByLabel("标题").FillAsync(suggestion);
            await staff.GetByLabel("建议内容").FillAsync(suggestion + "，由市住建局牵头，年内出台实施细则。");
            await staff.GetByLabel("或提出人").FillAsync("群众代表 王某");
            await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        }

        await staff.GotoAsync(detail);
        await Expect(staff.GetByTestId("activity-suggestion")).ToHaveCountAsync(2);

        // 5. After the end, staff close the activity: the member who signed in is 出席. (Four hours
        //    on, the idle sessions have expired: both sign in again.)
        fixture.App.Clock.Advance(TimeSpan.FromHours(4));
        staff = await fixture.SignInAsync("demo.staff", dialogs);
        member = await fixture.SignInAsync("demo.member");
        await staff.GotoAsync(detail);
        await staff.GetByRole(AriaRole.Button, new() { Name = "结束活动并确定出勤" }).ClickAsync();
        dialogs.ShouldContain(d => d.Contains("确定结束活动"));
        await Expect(staff.Locator("#activity-status")).ToHaveTextAsync("已结束");
        await member.GotoAsync(detail);
        await Expect(member.Locator("#my-attendance")).ToHaveTextAsync("出席");

        // 6. Minutes: text and the signed file, then 报送领导.
        await staff.GotoAsync("/Consultation/Results/Minutes/" + activityId);
        await staff.GetByLabel("纪要内容").FillAsync("会议就老旧小区加装电梯形成两条建议，报市委、市政府领导阅示。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存纪要" }).ClickAsync();
        await staff.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "协商纪要.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        });
        await staff.GetByRole(AriaRole.Button, new() { Name = "上传文件" }).ClickAsync();
        await Expect(staff.Locator("main")).ToContainTextAsync("协商纪要.pdf");
        await staff.GetByRole(AriaRole.Button, new() { Name = "报送领导" }).ClickAsync();
        dialogs.ShouldContain(d => d.Contains("确定报送领导"));
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "报送领导" })).ToHaveCountAsync(0);

        // 7. Both suggestions go to the housing bureau.
        var suggestionUrls = new List<string>();
        foreach (var suggestion in suggestions)
        {
            await staff.GotoAsync(detail);
            await staff.GetByTestId("activity-suggestion").GetByRole(AriaRole.Link, new() { Name = suggestion }).ClickAsync();
            await Expect(staff).ToHaveURLAsync(new Regex("/Consultation/Results/Suggestion/"));
            suggestionUrls.Add(new Uri(staff.Url).AbsolutePath);
            await staff.GetByLabel("交承办单位办理").SelectOptionAsync(new SelectOptionValue { Label = Unit });
            await staff.GetByRole(AriaRole.Button, new() { Name = "交办" }).ClickAsync();
            await Expect(staff.GetByTestId("status")).ToContainTextAsync("办理中");
        }

        // 8. The unit answers one 采纳 and one 未采纳, each with its reason.
        var unit = await fixture.SignInAsync("demo.unit");
        foreach (var (url, answer) in suggestionUrls.Zip(["采纳", "未采纳"]))
        {
            await unit.GotoAsync(url);
            await unit.GetByLabel(answer, new() { Exact = true }).CheckAsync();
            await unit.GetByLabel("答复理由").FillAsync(answer == "采纳" ? "已列入明年财政预算。" : "审批权限在省级，已向省厅反映。");
            await unit.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
            await Expect(unit.GetByTestId("answer")).ToContainTextAsync(answer);
        }

        // 9. The year's figures count the activity, the attendance and both answers.
        var after = await PleaseComeConsultFiguresAsync(staff);
        after.ShouldBe([before[0] + 1, before[1] + 1, before[2] + 2, before[3] + 1, before[4] + 1, before[5], before[6] + 1]);
    }

    /// <summary>The 请你来协商 row of the by-type table (场次, 人次, 意见建议, 采纳含部分, 采纳, 部分采纳,
    /// 未采纳); zeros when the year has none yet.</summary>
    private static async Task<int[]> PleaseComeConsultFiguresAsync(IPage staff)
    {
        await staff.GotoAsync("/Consultation/Results/Figures");
        await Expect(staff.GetByTestId("headline")).ToBeVisibleAsync();
        var row = staff.GetByTestId("figures-row").Filter(new() { Has = staff.Locator("th", new() { HasTextRegex = new Regex("^请你来协商$") }) }).First;
        if (await row.CountAsync() == 0)
        {
            return new int[7];
        }

        var cells = await row.Locator("td").AllInnerTextsAsync();
        return [.. cells.Select(c => int.Parse(c.Trim(), System.Globalization.CultureInfo.InvariantCulture))];
    }
}
