using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform.Audit;

/// <summary>The audit admin's page, export and API. Each test tags its rows with an action name of
/// its own, so it finds exactly its rows in the shared log.</summary>
public class AuditLogTests
{
    private static string Tag() => "测试" + Guid.NewGuid().ToString("N")[..8];

    private static Task RecordAsync(TestApp app, Actor actor, string action, string result = "成功") =>
        app.AsAsync(actor, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            ctx.Audit(action, "Test", "1", result);
            await ctx.SaveChangesAsync();
        });

    [Theory, ClassData(typeof(Databases))]
    public async Task An_audit_admin_sees_own_committee_and_anonymous_rows_but_not_another_committees(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var mine = await app.NewCommitteeAsync();
        var theirs = await app.NewCommitteeAsync();
        var auditor = await app.NewUserAsync(mine, Roles.AuditAdmin);
        var myStaff = await app.NewUserAsync(mine, Roles.Staff);
        var theirStaff = await app.NewUserAsync(theirs, Roles.Staff);
        var tag = Tag();
        await RecordAsync(app, myStaff.Actor, tag);
        await RecordAsync(app, theirStaff.Actor, tag);
        await RecordAsync(app, Actor.Anonymous("10.1.2.3"), tag, "失败：密码错误");

        var rows = await app.AsAsync(auditor.Actor, sp => sp.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter { Action = tag }, 1));

        rows.Total.ShouldBe(2);
        rows.Items.Select(r => r.UserName).ShouldBe(["anonymous", myStaff.UserName], "newest first");
        rows.Items[0].Ip.ShouldBe("10.1.2.3");
        rows.Items[1].CommitteeId.ShouldBe(mine.Id);
        rows.Items[1].Role.ShouldBe(Roles.Staff);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_filters_narrow_by_user_result_committee_and_beijing_day(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var mine = await app.NewCommitteeAsync();
        var auditor = await app.NewUserAsync(mine, Roles.AuditAdmin);
        var staff = await app.NewUserAsync(mine, Roles.Staff);
        var tag = Tag();
        await RecordAsync(app, staff.Actor, tag);
        await RecordAsync(app, staff.Actor, tag, "拒绝：无权限");
        await RecordAsync(app, Actor.Anonymous("10.1.2.3"), tag, "失败：密码错误");

        async Task<int> CountAsync(AuditFilter f) =>
            (await app.AsAsync(auditor.Actor, sp => sp.GetRequiredService<AuditLog>().SearchAsync(f with { Action = tag }, 1))).Total;

        // The shared clock stands at 2026-03-02 09:00 Beijing (01:00 UTC).
        (await CountAsync(new AuditFilter())).ShouldBe(3);
        (await CountAsync(new AuditFilter { UserName = staff.UserName[..12] })).ShouldBe(2);
        (await CountAsync(new AuditFilter { Result = "拒绝" })).ShouldBe(1);
        (await CountAsync(new AuditFilter { CommitteeId = mine.Id })).ShouldBe(2);
        (await CountAsync(new AuditFilter { From = new(2026, 3, 2), To = new(2026, 3, 2) })).ShouldBe(3);
        (await CountAsync(new AuditFilter { To = new(2026, 3, 1) })).ShouldBe(0);
        (await CountAsync(new AuditFilter { From = new(2026, 3, 3) })).ShouldBe(0);
        await Should.ThrowAsync<ValidationFailedException>(() => CountAsync(new AuditFilter { From = new(2026, 3, 3), To = new(2026, 3, 1) }));
    }

    [Theory]
    [InlineData(Db.Sqlite, Roles.SysAdmin)]
    [InlineData(Db.Sqlite, Roles.SecAdmin)]
    [InlineData(Db.Sqlite, Roles.Staff)]
    [InlineData(Db.Sqlite, Roles.Leader)]
    [InlineData(Db.Sqlite, Roles.Member)]
    [InlineData(Db.Sqlite, Roles.Unit)]
    [InlineData(Db.PostgreSql, Roles.SysAdmin)]
    [InlineData(Db.PostgreSql, Roles.SecAdmin)]
    public async Task No_one_but_the_audit_admin_may_search_export_or_verify(Db db, string role)
    {
        var app = await TestApp.SharedAsync(db);
        var user = await app.NewUserAsync(await app.NewCommitteeAsync(), role);

        await app.AsAsync(user.Actor, async sp =>
        {
            var log = sp.GetRequiredService<AuditLog>();
            await Should.ThrowAsync<ForbiddenException>(() => log.SearchAsync(new AuditFilter(), 1));
            await Should.ThrowAsync<ForbiddenException>(() => log.ExportAsync(new AuditFilter()));
            await Should.ThrowAsync<ForbiddenException>(() => log.VerifyAsync());
            await Should.ThrowAsync<ForbiddenException>(() => log.CommitteesAsync());
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_audit_page_is_closed_to_the_system_admin_and_open_to_the_audit_admin(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var sysadmin = await app.NewUserAsync(committee, Roles.SysAdmin);
        var auditor = await app.NewUserAsync(committee, Roles.AuditAdmin);
        var tag = Tag();
        await RecordAsync(app, sysadmin.Actor, tag);
        using var sysSession = await WebSession.LoginAsync(app, sysadmin.UserName);
        using var auditSession = await WebSession.LoginAsync(app, auditor.UserName);

        var refused = await sysSession.GetAsync("/Admin/Audit");
        var refusedApi = await sysSession.GetAsync("/api/v1/audit");
        var page = await auditSession.GetPageAsync($"/Admin/Audit?Action={Uri.EscapeDataString(tag)}");
        var home = await auditSession.GetPageAsync("/");

        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/Error/403");
        refusedApi.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        page.ShouldContain(tag);
        page.ShouldContain(sysadmin.UserName);
        page.ShouldContain("系统管理员");
        page.ShouldContain("共 1 条");
        home.ShouldContain("/Admin/Audit");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_verify_button_reports_an_intact_log_and_is_itself_recorded(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var auditor = await app.NewUserAsync(await app.NewCommitteeAsync(), Roles.AuditAdmin);
        using var session = await WebSession.LoginAsync(app, auditor.UserName);

        var response = await session.PostFormAsync("/Admin/Audit?handler=Verify", [], "/Admin/Audit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("审计日志完整：共");
        var recorded = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries
            .CountAsync(a => a.UserName == auditor.UserName && a.Action == "校验审计日志" && a.Result == "成功"));
        recorded.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_export_holds_exactly_the_filtered_rows_and_is_recorded(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var auditor = await app.NewUserAsync(committee, Roles.AuditAdmin);
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var tag = Tag();
        for (var i = 0; i < 3; i++)
        {
            await RecordAsync(app, staff.Actor, tag);
        }

        await RecordAsync(app, staff.Actor, tag, "失败：校验不通过");
        using var session = await WebSession.LoginAsync(app, auditor.UserName);

        var response = await session.GetAsync($"/Admin/Audit?handler=Export&Action={Uri.EscapeDataString(tag)}&Result=成功");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(AuditExportFile.ContentType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("审计日志");
        sheet.Cell(1, 1).GetString().ShouldBe("序号");
        sheet.Cell(1, 2).GetString().ShouldBe("时间（北京时间）");
        sheet.LastRowUsed().RowNumber().ShouldBe(4, "a header and three rows");
        sheet.Cell(2, 2).GetString().ShouldBe("2026-03-02 09:00:00");
        sheet.Cell(2, 3).GetString().ShouldBe(staff.UserName);
        sheet.Cell(2, 4).GetString().ShouldBe("机关工作人员");
        sheet.Cell(2, 5).GetString().ShouldBe(committee.Name);
        sheet.Cell(2, 6).GetString().ShouldBe(tag);
        long.Parse(sheet.Cell(2, 1).GetString(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(long.Parse(sheet.Cell(4, 1).GetString(), System.Globalization.CultureInfo.InvariantCulture), "newest first");
        var recorded = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(a => a.UserName == auditor.UserName && a.Action == "导出审计日志"));
        recorded.Details.ShouldStartWith("3 条；");
        recorded.Details.ShouldContain(tag);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_pages_the_filtered_rows_for_the_audit_admin(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var auditor = await app.NewUserAsync(committee, Roles.AuditAdmin);
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var tag = Tag();
        for (var i = 0; i < 3; i++)
        {
            await RecordAsync(app, staff.Actor, tag);
        }

        using var session = await WebSession.LoginAsync(app, auditor.UserName);

        var response = await session.GetAsync($"/api/v1/audit?action={Uri.EscapeDataString(tag)}&from=2026-03-02&pageSize=2&page=2");
        var bad = await session.GetAsync("/api/v1/audit?from=2026-3-x");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("total").GetInt32().ShouldBe(3);
        json.RootElement.GetProperty("page").GetInt32().ShouldBe(2);
        var items = json.RootElement.GetProperty("items");
        items.GetArrayLength().ShouldBe(1);
        items[0].GetProperty("userName").GetString().ShouldBe(staff.UserName);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("from 应为日期");
    }
}
