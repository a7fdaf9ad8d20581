using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Reporting;

public class ProposalListTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_filter_the_list_by_each_criterion(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReportingTestData.CreateAsync(app);
        var staff = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Proposals]);

        async Task<List<Guid>> Ids(ProposalFilter f) =>
            [.. (await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProposalListHandler>().ListAsync(f, 1))).Items.Select(r => r.Id)];
        string[] Keys(IEnumerable<Guid> ids) => [.. ids.Select(id => w.P.Single(p => p.Value == id).Key).Order()];

        // Drafts are never on the staff list; the previous session's P12 is, until a session is chosen.
        Keys(await Ids(new() { CommitteeId = w.Committee.Id })).Length.ShouldBe(11);
        Keys(await Ids(new() { SessionId = w.SessionId })).ShouldNotContain("P12");
        Keys(await Ids(new() { SessionId = w.SessionId, Status = ProposalStatus.Submitted })).ShouldBe(["P8"]);
        Keys(await Ids(new() { SessionId = w.SessionId, Category = "经济建设" })).ShouldBe(["P1", "P10", "P3", "P4", "P5"]);
        Keys(await Ids(new() { UnitId = w.Unit2 })).ShouldBe(["P2", "P3"]);
        Keys(await Ids(new() { KeyOrImportant = true })).ShouldBe(["P1", "P4"]);
        Keys(await Ids(new() { Kind = ProposerKind.Party })).ShouldBe(["P4"]);
        Keys(await Ids(new() { Due = DueFilter.Overdue })).ShouldBe(["P4"]);
        Keys(await Ids(new() { Text = "公交" })).ShouldBe(["P1", "P5"]);

        var byNumber = await Ids(new() { SessionId = w.SessionId, Sort = ProposalSort.Number });
        Keys(byNumber.Take(4)).ShouldBe(["P1", "P2", "P3", "P4"]);
        byNumber[..4].ShouldBe([w.P["P1"], w.P["P2"], w.P["P3"], w.P["P4"]]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_page_shows_its_rows_with_their_units_and_the_total(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReportingTestData.CreateAsync(app);
        var staff = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Proposals]);

        var page = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProposalListHandler>().ListAsync(new() { SessionId = w.SessionId }, 1));

        page.Total.ShouldBe(10);
        page.Items.Single(r => r.Id == w.P["P3"]).Units.ShouldBe("测试市交通运输局、测试市教育局（协办）");
        // The returned assignment of P4 is not shown.
        page.Items.Single(r => r.Id == w.P["P4"]).Units.ShouldBe("测试市交通运输局");

        using var web = await WebSession.LoginAsync(app, staff.UserName);
        var html = await web.GetPageAsync($"/Proposals/Manage?sessionId={w.SessionId}&status=Submitted");
        html.ShouldContain("审查队列");
        html.ShouldContain($"/Proposals/Detail/{w.P["P8"]}");
        html.ShouldNotContain($"/Proposals/Detail/{w.P["P1"]}");
        html.ShouldContain("共 1 条");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_exported_column_matches_the_list_row_in_list_order(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReportingTestData.CreateAsync(app);
        var staff = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Proposals]);

        foreach (var sort in Enum.GetValues<ProposalSort>())
        {
            var filter = new ProposalFilter { CommitteeId = w.Committee.Id, Sort = sort };
            var page = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProposalListHandler>().ListAsync(filter, 1));
            using var buffer = new MemoryStream();
            var count = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProposalExcelExport>().WriteAsync(filter, buffer));

            count.ShouldBe(page.Total);
            buffer.Position = 0;
            using var workbook = new XLWorkbook(buffer);
            var exported = workbook.Worksheet(1).RowsUsed().Skip(1)
                .Select(r => string.Join("|", Enumerable.Range(1, 13).Select(c => r.Cell(c).GetString()))).ToList();
            var shown = page.Items.Select(r => string.Join("|",
                r.CommitteeName, r.SessionName, r.Number is null ? "" : r.DisplayNumber, r.Title, r.Proposer, r.Kind.DisplayName(), r.Category,
                r.Status.DisplayName(), r.SubmittedAt is { } at ? BeijingTime.FromUtc(at).ToString("yyyy-MM-dd HH:mm") : "", r.Units,
                r.Deadline?.ToString("yyyy-MM-dd") ?? "", r.IsKey ? "重点" : r.IsImportant ? "重要" : "", r.ReplyClass ?? "")).ToList();
            exported.ShouldBe(shown, $"sort {sort}");
            // The world has a co-unit, a returned assignment and a group proposer: all of them on the sheet.
            exported.ShouldContain(x => x.Contains("测试市交通运输局、测试市教育局（协办）"));
            page.Items.ShouldContain(r => r.GroupName != null);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_excel_export_holds_exactly_the_filtered_rows(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReportingTestData.CreateAsync(app);
        var staff = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Proposals]);
        using var web = await WebSession.LoginAsync(app, staff.UserName);

        var response = await web.GetAsync($"/api/v1/proposals/export?sessionId={w.SessionId}&category=经济建设&sort=Number");

        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe(ProposalFiles.ContentType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 4).GetString().ShouldBe("案由");
        var titles = sheet.RowsUsed().Skip(1).Select(r => r.Cell(4).GetString()).ToList();
        titles.ShouldBe(["关于优化公交线网的建议", "关于发展夜间经济的建议", "关于支持小微企业融资的建议", "关于改善公交出行的建议", "关于撤回的建议"]);
        sheet.Cell(2, 3).GetString().ShouldBe("第0001号");
        sheet.Cell(2, 10).GetString().ShouldBe("测试市交通运输局");
        sheet.Cell(2, 12).GetString().ShouldBe("重点");
    }

    [Fact]
    public void The_streamed_workbook_is_a_valid_xlsx_with_text_and_numbers()
    {
        using var buffer = new MemoryStream();
        using (var xlsx = new XlsxStreamWriter(buffer, "测试", [10, 20]))
        {
            xlsx.WriteHeader(["名称", "数量"]);
            xlsx.WriteRow(["养老服务\u0001体系", 42]);
            xlsx.WriteRow([null, 3.5]);
            xlsx.Finish();
        }

        buffer.Position = 0;
        using var workbook = new XLWorkbook(buffer);
        var sheet = workbook.Worksheet("测试");
        sheet.Cell(1, 1).GetString().ShouldBe("名称");
        sheet.Cell(2, 1).GetString().ShouldBe("养老服务体系");
        sheet.Cell(2, 2).GetValue<int>().ShouldBe(42);
        sheet.Cell(3, 2).GetValue<double>().ShouldBe(3.5);
        sheet.Cell(3, 1).IsEmpty().ShouldBeTrue();
    }
}
