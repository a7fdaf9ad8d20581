using Microsoft.Playwright;
using Shouldly;
using Tongxin.Modules.PublicChannels.Points;
using static Microsoft.Playwright.Assertions;

namespace Tongxin.BrowserTests;

/// <summary>民情一点通 in the browser: an enterprise reports a problem on a phone through the
/// 营商环境监测点's QR page; demo.staff assigns it to demo.unit, which replies 已整改; staff record
/// the return visit and close it out (销号); the enterprise's receipt page shows the reply and takes
/// its rating; the year's figures count the problem as found, assigned, replied, return-visited and
/// closed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionChainTests(BrowserFixture fixture)
{
    private const string Unit = "示例市住房和城乡建设局";

    [Fact]
    public async Task An_enterprise_problem_from_a_monitoring_point_is_assigned_replied_visited_closed_and_counted()
    {
        var title = "施工许可审批材料反复补正（" + Guid.NewGuid().ToString("N")[..6] + "）";
        var dialogs = new List<string>();
        var staff = await fixture.SignInAsync("demo.staff", dialogs);
        var before = await FiguresAsync(staff);

        // 1. The enterprise opens the monitoring point's page on a phone and reports the problem.
        var phone = await fixture.NewPhonePageAsync();
        await phone.GotoAsync("/q/" + PointsDemoSeeder.ParkToken);
        await Expect(phone.GetByTestId("point-name")).ToHaveTextAsync("高新区企业服务中心监测点");
        await phone.GetByLabel("标题").FillAsync(title);
        await phone.GetByLabel("内容").FillAsync("我公司办理厂房施工许可，住建窗口三次要求补正材料，每次只告知一部分，建议一次性告知并公开材料清单。");
        await phone.GetByLabel("联系电话").FillAsync("13912345678");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(phone.GetByTestId("receipt")).ToContainTextAsync("提交成功");
        var code = (await phone.GetByTestId("receipt-code").InnerTextAsync()).Replace("-", "").Trim();
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the form fits the phone's width");

        // 2. Staff find it in the problem list (待交办) and assign it to the unit.
        await staff.GotoAsync("/Supervision/Problems");
        await staff.Locator("#problems").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(staff.GetByTestId("problem-status")).ToHaveTextAsync("待交办");
        var problemUrl = staff.Url;
        await staff.GetByLabel("承办单位").SelectOptionAsync(new SelectOptionValue { Label = Unit });
        await staff.GetByLabel("交办意见（选填）").FillAsync("请一周内答复并一次性告知补正材料。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        await Expect(staff.GetByTestId("problem-status")).ToHaveTextAsync("办理中");

        // 3. The unit replies from its inbox: rectified.
        var unit = await fixture.SignInAsync("demo.unit");
        await unit.GotoAsync("/Supervision/Problems/Unit");
        await unit.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await unit.GetByLabel("答复内容").FillAsync("已在政务服务网公开施工许可材料清单，窗口实行一次性告知，并为该企业办结许可。");
        await unit.GetByLabel("已整改", new() { Exact = true }).CheckAsync();
        await unit.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        await Expect(unit.GetByTestId("problem-status")).ToHaveTextAsync("已答复");

        // 4. Staff record the return visit and close the problem out.
        await staff.GotoAsync(problemUrl);
        await staff.GetByLabel("回访方式").SelectOptionAsync(new SelectOptionValue { Label = "电话回访" });
        await staff.GetByLabel("回访对象").FillAsync("企业负责人王先生");
        await staff.GetByLabel("满意度").SelectOptionAsync(new SelectOptionValue { Label = "满意" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "记录回访" }).ClickAsync();
        await Expect(staff.GetByTestId("return-visit")).ToContainTextAsync("电话回访");
        await staff.GetByRole(AriaRole.Button, new() { Name = "销号" }).ClickAsync();
        dialogs.ShouldContain(d => d.Contains("确定对该问题销号"));
        await Expect(staff.GetByTestId("problem-status")).ToHaveTextAsync("已销号");
        await Expect(staff.GetByTestId("timeline")).ToContainTextAsync("回访");

        // 5. The enterprise's receipt page shows the unit's reply and takes its rating (群众评).
        await phone.GotoAsync("/q/receipt?code=" + code);
        await Expect(phone.GetByTestId("receipt-status")).ToHaveTextAsync("已办结");
        await Expect(phone.GetByTestId("receipt-reply")).ToContainTextAsync("一次性告知");
        await phone.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(phone.GetByTestId("receipt-letter")).ToContainTextAsync("您的评价：满意");
        await staff.GotoAsync(problemUrl);
        await Expect(staff.GetByTestId("public-rating")).ToContainTextAsync("满意");

        // 6. The figures count it.
        var after = await FiguresAsync(staff);
        after.Found.ShouldBe(before.Found + 1);
        after.ReturnVisited.ShouldBe(before.ReturnVisited + 1);
        after.Closed.ShouldBe(before.Closed + 1);
    }

    /// <summary>The committee's totals on the figures page for the current year: found, return-visited, closed.</summary>
    private static async Task<(int Found, int ReturnVisited, int Closed)> FiguresAsync(IPage staff)
    {
        await staff.GotoAsync("/Supervision/Figures");
        var cells = await staff.GetByTestId("figures").Locator("tbody tr.fw-bold td").AllInnerTextsAsync();
        cells.Count.ShouldBe(11);
        return (int.Parse(cells[3].Trim()), int.Parse(cells[6].Trim()), int.Parse(cells[7].Trim()));
    }
}
