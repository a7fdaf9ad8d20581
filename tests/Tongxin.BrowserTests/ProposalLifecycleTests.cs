using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using static Microsoft.Playwright.Assertions;

namespace Tongxin.BrowserTests;

/// <summary>提案全流程 in the browser, as the demo accounts through the real pages: a joint proposal is
/// drafted, co-signed, filed, assigned 单办, handled, rated 不满意, handled again, rated 满意 and
/// completed, and the session statistics count it. Nothing else in the browser suite adds proposals
/// to 示例市政协, so the statistics' deltas are this proposal's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposalLifecycleTests(BrowserFixture fixture)
{
    private const string UnitName = "示例市住房和城乡建设局";

    [Fact]
    public async Task A_joint_proposal_goes_through_two_rounds_of_handling_to_completed_and_is_counted()
    {
        var title = "关于在老旧小区加装电梯的建议（" + Guid.NewGuid().ToString("N")[..6] + "）";
        var coSignerName = await MemberNameAsync("demo.member2");

        var staff = await SignInAsync("demo.staff");
        var before = await ReadStatisticsAsync(staff);

        // 1. demo.member drafts a joint proposal with demo.member2 and submits it.
        var member = await SignInAsync("demo.member");
        await member.Page.GotoAsync("/Proposals/My/Edit");
        await Expect(member.Page.GetByText("提交至：" + before.SessionName)).ToBeVisibleAsync();
        await member.Page.GetByLabel("案由").FillAsync(title);
        await member.Page.GetByLabel("情况分析").FillAsync("本市建成于2000年以前的老旧小区多为六层以下住宅，没有电梯，老年居民上下楼十分困难。");
        await member.Page.GetByLabel("具体建议").FillAsync("一是简化加装电梯审批流程；二是设立财政补贴；三是建立业主协商机制。");
        await member.Page.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "城市建设与管理" });
        await member.Page.GetByLabel("建议承办单位").FillAsync(UnitName);
        await member.Page.GetByLabel("提案方式").SelectOptionAsync(new SelectOptionValue { Label = "联名" });
        await member.Page.GetByLabel("联名委员", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = coSignerName });
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "提交提案" }).ClickAsync();
        await ExpectMessageAsync(member.Page, "提案已提交，已向联名委员发出确认邀请");
        await Expect(member.Page.GetByTestId("proposal-status")).ToHaveTextAsync("待审查");
        await Expect(member.Page.GetByTestId("signer-row").Filter(new() { HasText = coSignerName })).ToContainTextAsync("待确认");
        var id = Regex.Match(member.Page.Url, "/Proposals/My/Edit/([0-9a-f-]{36})").Groups[1].Value;
        id.ShouldNotBeEmpty();

        // 2. demo.member2 confirms the co-sign request.
        var coSigner = await SignInAsync("demo.member2");
        await ExpectInboxAsync(coSigner.Page, "联名提案邀请", title);
        await coSigner.Page.GotoAsync("/Proposals/My/CoSign");
        var request = coSigner.Page.GetByTestId("cosign-request").Filter(new() { HasText = title });
        await request.GetByRole(AriaRole.Button, new() { Name = "确认联名" }).ClickAsync();
        await ExpectMessageAsync(coSigner.Page, "已确认联名");
        await Expect(coSigner.Page.GetByTestId("cosign-request").Filter(new() { HasText = title })).ToHaveCountAsync(0);

        // 3. demo.staff finds it in the review queue, files it and assigns it 单办 to the housing bureau.
        await staff.Page.GotoAsync("/Proposals/Manage?status=Submitted");
        await staff.Page.GetByLabel("案由包含").FillAsync(title);
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await staff.Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(staff.Page).ToHaveURLAsync(new Regex("/Proposals/Detail/" + id + "$"));
        await Expect(staff.Page.Locator("#signers")).ToContainTextAsync(coSignerName);
        await staff.Page.Locator("#file-form").GetByRole(AriaRole.Button, new() { Name = "立案" }).ClickAsync();
        await ExpectMessageAsync(staff.Page, "已立案，编号第");
        await Expect(staff.Page.Locator("#proposal-status")).ToHaveTextAsync("已立案");
        await Expect(staff.Page.Locator("#proposal-number")).ToContainTextAsync("号");
        await staff.Page.GetByLabel("交办方式").SelectOptionAsync(new SelectOptionValue { Label = "单办" });
        await staff.Page.GetByLabel("承办单位（单办）/ 主办单位").SelectOptionAsync(new SelectOptionValue { Label = UnitName });
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        await Expect(staff.Page.Locator("#proposal-status")).ToHaveTextAsync("办理中");
        await Expect(staff.Page.Locator("#assignments tbody tr").First).ToContainTextAsync(UnitName);
        await Expect(staff.Page.Locator("#assignments tbody tr").First).ToContainTextAsync("待签收");

        // 4. demo.unit accepts, logs a contact, and replies class B with two handling items.
        var unit = await SignInAsync("demo.unit");
        await ExpectInboxAsync(unit.Page, "新交办提案", title);
        await unit.Page.GotoAsync("/Proposals/Unit");
        await unit.Page.GetByLabel("交办状态").SelectOptionAsync(new SelectOptionValue { Label = "待签收" });
        await unit.Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await unit.Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(unit.Page).ToHaveURLAsync(new Regex("/Proposals/Unit/Handle/" + id + "$"));
        await unit.Page.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await ExpectMessageAsync(unit.Page, "已签收。");
        await Expect(unit.Page.GetByTestId("assignment-status")).ToHaveTextAsync("办理中");
        await unit.Page.GetByLabel("联系方式").SelectOptionAsync(new SelectOptionValue { Label = "电话" });
        await unit.Page.GetByLabel("情况记录").FillAsync("电话联系第一提案人，听取对补贴标准的意见。");
        await unit.Page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await ExpectMessageAsync(unit.Page, "联系情况已登记。");
        await Expect(unit.Page.GetByTestId("contact")).ToContainTextAsync("电话联系第一提案人");
        await WriteReplyAsync(unit.Page, "B", "感谢您的建议。我局已会同有关部门研究，现答复如下……",
            ("修订老旧小区加装电梯审批办法", "2026-06-30", "已落实"),
            ("设立加装电梯市级补贴资金", "2026-12-31", "正在落实"));
        await ExpectMessageAsync(unit.Page, "答复已提交，请等待提案委审核。");
        await Expect(unit.Page.GetByTestId("reply-status")).ToHaveTextAsync("待审核");

        // 5. demo.staff passes the reply; the proposal waits for the proposer's rating.
        await ApproveReplyAsync(staff.Page, id, round: 1);

        await ExpectInboxAsync(member.Page, "提案答复待评价", title);

        // 6. demo.member rates the result 不满意 (and confirms the dialog): the proposal is handled again.
        await RateAsync(member, id, "基本满意", "不满意", "补贴标准不明确，希望进一步细化。");
        await ExpectMessageAsync(member.Page, "已提交评价。您对办理结果不满意，提案将重新办理。");
        member.Dialogs.ShouldContain(d => d.Contains("确定提交评价"));
        await Expect(member.Page.Locator("#proposal-status")).ToHaveTextAsync("办理中");
        await Expect(member.Page.GetByText("第2轮办理")).ToBeVisibleAsync();
        await Expect(member.Page.Locator("#rating-form")).ToHaveCountAsync(0);

        // 7. demo.unit replies again (round 2) and demo.staff passes it.
        await unit.Page.GotoAsync("/Proposals/Unit/Handle/" + id);
        await Expect(unit.Page.GetByRole(AriaRole.Heading, new() { Name = "答复（第2轮）" })).ToBeVisibleAsync();
        await WriteReplyAsync(unit.Page, "A", "关于补贴标准，我局已会同财政局制定细则，现补充答复如下……",
            ("出台加装电梯补贴实施细则", "2026-05-31", "已落实"));
        await ExpectMessageAsync(unit.Page, "答复已提交，请等待提案委审核。");
        await ApproveReplyAsync(staff.Page, id, round: 2);

        // 8. demo.member rates 满意: the proposal is completed.
        await RateAsync(member, id, "满意", "满意", "");
        await ExpectMessageAsync(member.Page, "已提交评价，感谢您的意见。");
        await Expect(member.Page.Locator("#proposal-status")).ToHaveTextAsync("已办结");
        var ratings = member.Page.Locator("#ratings tbody tr");
        await Expect(ratings).ToHaveCountAsync(2);
        // Columns: 轮次, 提案人, 办理态度, 办理结果, …
        await Expect(ratings.Filter(new() { HasText = "第1轮" }).Locator("td").Nth(3)).ToHaveTextAsync("不满意");
        await Expect(ratings.Filter(new() { HasText = "第2轮" }).Locator("td").Nth(3)).ToHaveTextAsync("满意");

        // 9. The session statistics count the proposal once, with its final (round 2) rating and the
        // items of both approved replies (2 in round 1, 1 in round 2; 2 of them done).
        var after = await ReadStatisticsAsync(staff);
        after.SessionName.ShouldBe(before.SessionName);
        after.Received.ShouldBe(before.Received + 1);
        after.Filed.ShouldBe(before.Filed + 1);
        after.AfterMerging.ShouldBe(before.AfterMerging + 1);
        after.NotFiled.ShouldBe(before.NotFiled);
        after.RepliedOnTime.ShouldBe(before.RepliedOnTime + 1);
        after.ItemsTotal.ShouldBe(before.ItemsTotal + 3);
        after.ItemsDone.ShouldBe(before.ItemsDone + 2);
        after.Rated.ShouldBe(before.Rated + 1);
        after.ResultUnsatisfied.ShouldBe(before.ResultUnsatisfied);
        after.Instructions.ShouldBe(before.Instructions);
        after.Unit.Assigned.ShouldBe(before.Unit.Assigned + 1);
        after.Unit.Replied.ShouldBe(before.Unit.Replied + 1);
        after.Unit.RepliedOnTime.ShouldBe(before.Unit.RepliedOnTime + 1);
        after.Unit.Rated.ShouldBe(before.Unit.Rated + 1);
        after.Unit.ItemsTotal.ShouldBe(before.Unit.ItemsTotal + 3);
        after.Unit.ItemsDone.ShouldBe(before.Unit.ItemsDone + 2);
    }

    private static async Task WriteReplyAsync(IPage page, string replyClass, string text, params (string Commitment, string Planned, string Status)[] items)
    {
        await page.GetByLabel("答复正文").FillAsync(text);
        await page.GetByLabel("签发人").FillAsync("刘建华");
        await page.GetByLabel("答复类别").SelectOptionAsync(replyClass);
        var rows = page.Locator("#reply-items tbody tr");
        // The form offers two blank rows; "增加一项" adds more, "删除" removes the extra ones.
        while (await rows.CountAsync() > items.Length)
        {
            var count = await rows.CountAsync();
            await rows.Last.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(rows).ToHaveCountAsync(count - 1);
        }

        for (var i = 0; i < items.Length; i++)
        {
            var row = rows.Nth(i);
            await row.GetByLabel("承诺事项").FillAsync(items[i].Commitment);
            await row.GetByLabel("责任单位").FillAsync(UnitName);
            await row.GetByLabel("计划完成日期").FillAsync(items[i].Planned);
            await row.GetByLabel("落实情况").SelectOptionAsync(new SelectOptionValue { Label = items[i].Status });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
    }

    private static async Task ApproveReplyAsync(IPage staff, string id, int round)
    {
        await staff.GotoAsync("/Proposals/Detail/" + id);
        var reply = staff.Locator("section.reply").Filter(new() { HasText = $"的答复（第{round}轮）" });
        await Expect(reply).ToContainTextAsync("待审核");
        await reply.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await ExpectMessageAsync(staff, "答复已审核通过。");
        await Expect(staff.Locator("section.reply").Filter(new() { HasText = $"的答复（第{round}轮）" })).ToContainTextAsync("已通过");
        await Expect(staff.Locator("#proposal-status")).ToHaveTextAsync("待评价");
    }

    private static async Task RateAsync(Participant member, string id, string attitude, string result, string comment)
    {
        await member.Page.GotoAsync("/Proposals/Detail/" + id);
        var form = member.Page.Locator("#rating-form");
        await form.GetByLabel("办理态度").SelectOptionAsync(new SelectOptionValue { Label = attitude });
        await form.GetByLabel("办理结果").SelectOptionAsync(new SelectOptionValue { Label = result });
        await form.GetByLabel("答复是否针对").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.GetByLabel("承办单位如何与您沟通").FillAsync("电话");
        await form.GetByLabel("意见建议").FillAsync(comment);
        await form.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
    }

    /// <summary>The event dispatcher fills the inbox in the background, after the action's request
    /// has returned: reload the inbox until the message is there (each look waits up to 2 s).</summary>
    private static async Task ExpectInboxAsync(IPage page, string kind, string proposalTitle)
    {
        var item = page.GetByTestId("inbox-item").Filter(new() { HasText = kind }).Filter(new() { HasText = "《" + proposalTitle + "》" });
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/Inbox");
            try
            {
                await item.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 2_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 15)
            {
            }
        }
    }

    private static Task ExpectMessageAsync(IPage page, string text) =>
        Expect(page.Locator("main > .alert-success")).ToContainTextAsync(text);

    /// <summary>Signs in in a fresh browser context; every confirmation dialog is accepted and kept.</summary>
    private async Task<Participant> SignInAsync(string userName)
    {
        var dialogs = new List<string>();
        return new Participant(await fixture.SignInAsync(userName, dialogs), dialogs);
    }

    /// <summary>The co-signer is chosen by name in the form; the demo seeder picks the names.</summary>
    private Task<string> MemberNameAsync(string userName) =>
        fixture.App.AsAsync(Actor.System, sp =>
            sp.GetRequiredService<TongxinDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.DisplayName).SingleAsync());

    private static async Task<Statistics> ReadStatisticsAsync(Participant staff)
    {
        var page = staff.Page;
        await page.GotoAsync("/Proposals/Manage/Statistics");
        async Task<string> Figure(string id) => (await page.Locator($"[data-figure='{id}']").InnerTextAsync()).Trim();
        static int[] Numbers(string text) => [.. Regex.Matches(text, @"\d+").Select(m => int.Parse(m.Value))];

        var onTime = Numbers(await Figure("on-time"));
        var items = Numbers(await Figure("items"));
        var note = await page.GetByText("满意率 = ").InnerTextAsync();
        var unitRow = page.GetByTestId("units").Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = UnitName, Exact = true }) });
        var cells = await unitRow.CountAsync() == 0 ? null : await unitRow.Locator("td").AllInnerTextsAsync();
        int Cell(int i) => cells is null ? 0 : int.Parse(cells[i].Trim());

        return new Statistics(
            (await page.Locator("h1 small").InnerTextAsync()).Split(' ', 2)[^1].Trim(),
            int.Parse(await Figure("received")),
            int.Parse(await Figure("filed")),
            int.Parse(await Figure("after-merging")),
            await Figure("not-filed"),
            onTime[0],
            items[0],
            items[1],
            int.Parse(Regex.Match(note, @"共 (\d+) 人次").Groups[1].Value),
            int.Parse(Regex.Match(note, @"结果不满意 (\d+)").Groups[1].Value),
            int.Parse(await Figure("instructions")),
            new UnitFigures(Cell(1), Cell(3), Cell(4), Cell(6), Cell(9), Cell(10)));
    }

    private sealed record Participant(IPage Page, List<string> Dialogs);

    private sealed record UnitFigures(int Assigned, int Replied, int RepliedOnTime, int Rated, int ItemsTotal, int ItemsDone);

    private sealed record Statistics(
        string SessionName, int Received, int Filed, int AfterMerging, string NotFiled, int RepliedOnTime,
        int ItemsDone, int ItemsTotal, int Rated, int ResultUnsatisfied, int Instructions, UnitFigures Unit);
}
