using System.Net;
using ClosedXML.Excel;
using Tongxin.Modules.PublicChannels;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Studios;

/// <summary>The inbox pages as hosts and units use them: escaped text, masked phones, the actions.</summary>
public class StudioPageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Host_forwards_on_the_page_unit_answers_on_its_page_and_the_host_reports_back(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        var id = await w.NewMessageAsync(title: "<script>alert(1)</script>路灯不亮", content: "晚上<img src=x onerror=alert(2)>很黑");

        using var host = await WebSession.LoginAsync(w.App, w.Host.UserName);
        var list = await host.GetPageAsync("/PublicChannels/Studios/Messages");
        list.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;路灯不亮");
        list.ShouldNotContain("<script>alert(1)");
        list.ShouldContain("138****5678");
        var detail = await host.GetPageAsync($"/PublicChannels/Studios/Messages/Detail/{id}");
        detail.ShouldContain("13812345678");
        detail.ShouldContain("&lt;img src=x onerror=alert(2)&gt;");

        var noUnit = await host.PostFormAsync($"/PublicChannels/Studios/Messages/Detail/{id}?handler=Forward", new() { ["UnitId"] = "", ["Version"] = "0" });
        noUnit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noUnit.Content.ReadAsStringAsync()).ShouldContain("请选择本级政协的一个承办单位。");
        var forwarded = await host.PostFormAsync($"/PublicChannels/Studios/Messages/Detail/{id}?handler=Forward", new() { ["UnitId"] = w.UnitId.ToString(), ["Version"] = "0" });
        forwarded.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var unit = await WebSession.LoginAsync(w.App, w.Unit.UserName);
        (await unit.GetPageAsync("/PublicChannels/Studios/Forwarded?open=true")).ShouldContain($"/PublicChannels/Studios/Forwarded/Detail/{id}");
        var unitDetail = await unit.GetPageAsync($"/PublicChannels/Studios/Forwarded/Detail/{id}");
        unitDetail.ShouldContain("138****5678");
        unitDetail.ShouldNotContain("13812345678");
        var version = (await w.MessageAsync(id)).Version.ToString();
        (await unit.PostFormAsync($"/PublicChannels/Studios/Forwarded/Detail/{id}", new() { ["Answer"] = "已安排维修。", ["Version"] = version }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var other = await WebSession.LoginAsync(w.App, w.OtherUnit.UserName);
        (await other.GetAsync($"/PublicChannels/Studios/Forwarded/Detail/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var back = await host.GetPageAsync($"/PublicChannels/Studios/Messages/Detail/{id}");
        back.ShouldContain("向群众反馈办理结果");
        back.ShouldContain("已安排维修。</textarea>");
        version = (await w.MessageAsync(id)).Version.ToString();
        (await host.PostFormAsync($"/PublicChannels/Studios/Messages/Detail/{id}?handler=Reply", new() { ["Reply"] = "城管局已安排维修。", ["Version"] = version }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.MessageAsync(id)).Status.ShouldBe(PublicSubmissionStatus.Replied);

        using var outsider = await WebSession.LoginAsync(w.App, w.OtherMember.UserName);
        (await outsider.GetAsync($"/PublicChannels/Studios/Messages/Detail/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetPageAsync("/PublicChannels/Studios/Messages")).ShouldContain("您还没有主持委员工作室");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Host_exports_the_studios_messages_with_phones_masked(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        await w.NewMessageAsync(title: "第一封来信");
        await w.NewMessageAsync(PublicSubmissionStatus.Replied, title: "第二封来信");
        await w.NewMessageAsync(PublicSubmissionStatus.PendingModeration, title: "待审核来信");

        using var host = await WebSession.LoginAsync(w.App, w.Host.UserName);
        var response = await host.GetAsync("/PublicChannels/Studios/Messages?handler=Export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        sheet.LastRowUsed()!.RowNumber().ShouldBe(3);
        var titles = new[] { sheet.Cell(2, 2).GetString(), sheet.Cell(3, 2).GetString() };
        titles.ShouldBe(["第一封来信", "第二封来信"], ignoreOrder: true);
        (sheet.Cell(2, 5).GetString(), sheet.Cell(2, 1).GetString()).ShouldBe(("138****5678", "张主持委员工作室"));
    }
}
