using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Organization;

/// <summary>The organisation pages as a member of staff uses them: one form per area, posted over HTTP.</summary>
public class OrganizationAdminPageTests
{
    private static async Task<(TestData.TestCommittee Committee, WebSession Browser)> StaffBrowserAsync(TestApp app)
    {
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Organization]);
        return (committee, await WebSession.LoginAsync(app, staff.UserName));
    }

    private static Task<T> QueryAsync<T>(TestApp app, Func<TongxinDbContext, Task<T>> query) =>
        app.AsAsync(Actor.System, sp => query(sp.GetRequiredService<TongxinDbContext>()));

    private static async Task<string> ShouldRedirectAsync(HttpResponseMessage response, string to)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, body);
        response.Headers.Location!.OriginalString.ShouldStartWith(to);
        return body;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_add_a_sector_with_the_form_and_see_it_in_the_list(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (_, browser) = await StaffBrowserAsync(app);
        using var _ = browser;

        var blank = await browser.PostFormAsync("/Organization/Sectors/Edit", new() { ["Input.Name"] = " ", ["Input.SortOrder"] = "1" });
        (await blank.Content.ReadAsStringAsync()).ShouldContain("界别名称不能为空。");
        await ShouldRedirectAsync(await browser.PostFormAsync("/Organization/Sectors/Edit", new() { ["Input.Name"] = "新闻出版", ["Input.SortOrder"] = "9" }), "/Organization/Sectors");

        var list = await browser.GetPageAsync("/Organization/Sectors");
        list.ShouldContain("新闻出版");
        list.ShouldContain("共 3 个界别");
        list.ShouldContain("data-confirm=\"确定删除界别“新闻出版”吗？\"");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_stale_edit_form_shows_the_conflict_and_deleting_a_sector_in_use_says_why(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (committee, browser) = await StaffBrowserAsync(app);
        using var _ = browser;
        await app.AddMemberAsync(committee.Id, "郑委员", committee.SectorId);
        await ShouldRedirectAsync(await browser.PostFormAsync($"/Organization/Sectors/Edit/{committee.SectorId}", new() { ["Input.Name"] = "教育界", ["Input.Version"] = "0" }), "/Organization/Sectors");

        var stale = await browser.PostFormAsync($"/Organization/Sectors/Edit/{committee.SectorId}", new() { ["Input.Name"] = "教育科技", ["Input.Version"] = "0" });
        var refused = await browser.PostFormAsync($"/Organization/Sectors?handler=Delete&id={committee.SectorId}", new() { ["version"] = "1" }, "/Organization/Sectors");
        await ShouldRedirectAsync(refused, "/Organization/Sectors");

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("该记录已被他人修改，请刷新后重试。");
        (await browser.GetPageAsync("/Organization/Sectors")).ShouldContain("界别“教育界”下还有 1 名委员、0 个活动组，不能删除。");
        (await QueryAsync(app, d => d.Sectors.Where(s => s.Id == committee.SectorId).Select(s => s.Name).SingleAsync())).ShouldBe("教育界");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_add_a_special_committee_and_a_group_with_the_forms(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (committee, browser) = await StaffBrowserAsync(app);
        using var _ = browser;

        await ShouldRedirectAsync(await browser.PostFormAsync("/Organization/SpecialCommittees/Edit", new() { ["Input.Name"] = "教科卫体委", ["Input.SortOrder"] = "1" }), "/Organization/SpecialCommittees");
        await ShouldRedirectAsync(await browser.PostFormAsync("/Organization/Groups/Edit", new()
        {
            ["Input.Name"] = "第二界别活动组（经济）",
            ["Input.Kind"] = ((int)GroupKind.SectorActivityGroup).ToString(),
            ["Input.SectorId"] = committee.OtherSectorId.ToString(),
        }), "/Organization/Groups");

        (await browser.GetPageAsync("/Organization/SpecialCommittees")).ShouldContain("教科卫体委");
        var groups = await browser.GetPageAsync("/Organization/Groups?kind=1");
        groups.ShouldContain("第二界别活动组（经济）");
        groups.ShouldContain("<td>界别活动组</td>");
        groups.ShouldContain("共 1 条");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_add_a_term_and_its_sessions_and_choose_the_current_one(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (committee, browser) = await StaffBrowserAsync(app);
        using var _ = browser;

        await ShouldRedirectAsync(await browser.PostFormAsync("/Organization/Terms/Edit", new()
        {
            ["Input.Number"] = "10",
            ["Input.Name"] = "第十届",
            ["Input.StartDate"] = "2027-01-01",
            ["Input.EndDate"] = "2031-12-31",
        }), "/Organization/Terms");
        var termId = await QueryAsync(app, d => d.Terms.Where(t => t.CommitteeId == committee.Id).Select(t => t.Id).SingleAsync());
        var outside = await browser.PostFormAsync("/Organization/Terms/Session", new()
        {
            ["Input.TermId"] = termId.ToString(),
            ["Input.Number"] = "1",
            ["Input.Name"] = "十届一次会议",
            ["Input.StartDate"] = "2026-12-30",
            ["Input.EndDate"] = "2027-01-03",
        }, $"/Organization/Terms/Session?termId={termId}");
        (await outside.Content.ReadAsStringAsync()).ShouldContain("会议日期须在第十届的任期（2027-01-01 至 2031-12-31）之内。");
        foreach (var n in new[] { 1, 2 })
        {
            await ShouldRedirectAsync(await browser.PostFormAsync("/Organization/Terms/Session", new()
            {
                ["Input.TermId"] = termId.ToString(),
                ["Input.Number"] = n.ToString(),
                ["Input.Name"] = $"十届{n}次会议",
                ["Input.StartDate"] = $"{2026 + n}-01-10",
                ["Input.EndDate"] = $"{2026 + n}-01-14",
            }, $"/Organization/Terms/Session?termId={termId}"), "/Organization/Terms");
        }

        var second = await QueryAsync(app, d => d.Sessions.Where(s => s.TermId == termId && s.Number == 2).Select(s => s.Id).SingleAsync());
        await ShouldRedirectAsync(await browser.PostFormAsync($"/Organization/Terms?handler=MakeCurrent&id={second}", [], "/Organization/Terms"), "/Organization/Terms");

        var current = await QueryAsync(app, d => d.Sessions.Where(s => s.CommitteeId == committee.Id && s.IsCurrent).Select(s => s.Name).ToListAsync());
        current.ShouldBe(["十届2次会议"]);
        (await browser.GetPageAsync("/Organization/Terms")).ShouldContain("已设为当前会议。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_add_a_handling_unit_open_an_account_for_it_and_disable_the_account(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (committee, browser) = await StaffBrowserAsync(app);
        using var _ = browser;
        var userName = $"wsj{Guid.NewGuid():N}"[..14];

        await ShouldRedirectAsync(await browser.PostFormAsync("/Organization/HandlingUnits/Edit", new()
        {
            ["Input.Name"] = "市卫生健康委员会",
            ["Input.Kind"] = ((int)HandlingUnitKind.GovernmentDepartment).ToString(),
            ["Input.ContactPerson"] = "冯科长",
            ["Input.ContactPhone"] = "0571-88880000",
            ["Input.IsActive"] = "true",
        }), "/Organization/HandlingUnits");
        var unitId = await QueryAsync(app, d => d.HandlingUnits.Where(u => u.CommitteeId == committee.Id).Select(u => u.Id).SingleAsync());
        var weak = await browser.PostFormAsync($"/Organization/HandlingUnits/Users/{unitId}", new()
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "陈干事",
            ["Input.Password"] = "short",
        });
        (await weak.Content.ReadAsStringAsync()).ShouldContain("密码至少需要8个字符。");
        await ShouldRedirectAsync(await browser.PostFormAsync($"/Organization/HandlingUnits/Users/{unitId}", new()
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "陈干事",
            ["Input.Password"] = "Unit#Pass2026",
        }), $"/Organization/HandlingUnits/Users/{unitId}");
        var userId = await QueryAsync(app, d => d.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

        await ShouldRedirectAsync(await browser.PostFormAsync($"/Organization/HandlingUnits/Users/{unitId}?handler=Disable&userId={userId}", [], $"/Organization/HandlingUnits/Users/{unitId}"), $"/Organization/HandlingUnits/Users/{unitId}");

        var page = await browser.GetPageAsync($"/Organization/HandlingUnits/Users/{unitId}");
        page.ShouldContain("陈干事");
        page.ShouldContain("已停用");
        (await QueryAsync(app, d => d.Users.Where(u => u.Id == userId).Select(u => u.IsDisabled).SingleAsync())).ShouldBeTrue();
        (await browser.GetPageAsync("/Organization/HandlingUnits?search=卫生")).ShouldContain("冯科长");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_handling_unit_list_pages_through_a_long_list(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (committee, browser) = await StaffBrowserAsync(app);
        using var _ = browser;
        for (var i = 1; i <= 22; i++)
        {
            await app.AddAsync(new HandlingUnit { CommitteeId = committee.Id, Name = $"测试单位{i:D2}", Kind = HandlingUnitKind.GovernmentDepartment });
        }

        var first = await browser.GetPageAsync("/Organization/HandlingUnits");
        var second = await browser.GetPageAsync("/Organization/HandlingUnits?page=2");

        first.ShouldContain("共 22 条，第 1 / 2 页");
        first.ShouldContain("测试单位20");
        first.ShouldNotContain("测试单位21");
        second.ShouldContain("共 22 条，第 2 / 2 页");
        second.ShouldContain("测试单位22");
        second.ShouldNotContain("测试单位20");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_export_the_handling_units_to_excel(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (committee, browser) = await StaffBrowserAsync(app);
        using var _ = browser;
        await app.AddAsync(new HandlingUnit { CommitteeId = committee.Id, Name = "市人民法院", Kind = HandlingUnitKind.Court, ContactPerson = "蒋庭长", ContactPhone = "0571-80000001" });
        await app.AddAsync(new HandlingUnit { CommitteeId = committee.Id, Name = "市旧城办", Kind = HandlingUnitKind.GovernmentDepartment, IsActive = false });

        var response = await browser.GetAsync("/Organization/HandlingUnits?handler=Export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var rows = book.Worksheet("承办单位").RowsUsed().Select(r => string.Join("|", r.Cells(1, 6).Select(c => c.GetString()))).ToList();
        rows.ShouldBe(["单位名称|单位类型|联系人|联系电话|状态|用户数", "市人民法院|法院|蒋庭长|0571-80000001|在用|0", "市旧城办|政府部门|||已停用|0"]);
        (await QueryAsync(app, d => d.AuditEntries.CountAsync(a => a.Action == "导出" && a.TargetId == committee.Id.ToString()))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_add_a_venue_led_by_a_member_with_a_star_rating(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (committee, browser) = await StaffBrowserAsync(app);
        using var _ = browser;
        var lead = await app.AddMemberAsync(committee.Id, "褚委员");

        var form = await browser.GetPageAsync("/Organization/Venues/Edit");
        var sixStars = await browser.PostFormAsync("/Organization/Venues/Edit", new()
        {
            ["Input.Kind"] = ((int)VenueKind.ReceptionRoom).ToString(),
            ["Input.Name"] = "西溪委员会客厅",
            ["Input.StarRating"] = "6",
        });
        await ShouldRedirectAsync(await browser.PostFormAsync("/Organization/Venues/Edit", new()
        {
            ["Input.Kind"] = ((int)VenueKind.ReceptionRoom).ToString(),
            ["Input.Name"] = "西溪委员会客厅",
            ["Input.Address"] = "西溪路8号",
            ["Input.LeadMemberId"] = lead.ToString(),
            ["Input.StarRating"] = "5",
        }), "/Organization/Venues");

        form.ShouldContain("褚委员（市第一中学）");
        form.ShouldContain("社情民意信息联系点");
        (await sixStars.Content.ReadAsStringAsync()).ShouldContain("星级须在 0 到 5 之间。");
        var list = await browser.GetPageAsync("/Organization/Venues");
        list.ShouldContain("西溪委员会客厅");
        list.ShouldContain("★★★★★");
        list.ShouldContain("褚委员");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_create_a_child_committee_and_cannot_make_it_their_parent(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (committee, browser) = await StaffBrowserAsync(app);
        using var _ = browser;
        var code = $"Q{Guid.NewGuid():N}"[..9].ToUpperInvariant();

        await ShouldRedirectAsync(await browser.PostFormAsync("/Organization/Committees/Edit", new()
        {
            ["Input.Name"] = "测试区政协",
            ["Input.Code"] = code,
            ["Input.Level"] = ((int)CommitteeLevel.County).ToString(),
        }), "/Organization/Committees");
        var childId = await QueryAsync(app, d => d.Committees.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
        var loop = await browser.PostFormAsync($"/Organization/Committees/Edit/{committee.Id}", new()
        {
            ["Input.Name"] = committee.Name,
            ["Input.Code"] = $"T{committee.Name[^8..]}",
            ["Input.Level"] = ((int)CommitteeLevel.City).ToString(),
            ["Input.ParentId"] = childId.ToString(),
            ["Input.Version"] = "0",
        });

        (await loop.Content.ReadAsStringAsync()).ShouldContain("上级政协不能是本会自身或本会的下级政协。");
        var list = await browser.GetPageAsync("/Organization/Committees");
        list.ShouldContain("测试区政协");
        list.ShouldContain("未授权");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_and_staff_without_the_permission_get_the_403_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var member = await app.NewUserAsync(committee, Roles.Member);
        var clerk = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Proposals]);
        using var memberBrowser = await WebSession.LoginAsync(app, member.UserName);
        using var clerkBrowser = await WebSession.LoginAsync(app, clerk.UserName);

        var post = await memberBrowser.PostFormAsync("/Organization/Sectors/Edit", new() { ["Input.Name"] = "越权界别" }, "/");
        var list = await memberBrowser.GetAsync("/Organization/HandlingUnits");
        var form = await clerkBrowser.GetAsync("/Organization/Venues/Edit");
        var clerkPost = await clerkBrowser.PostFormAsync("/Organization/Sectors/Edit", new() { ["Input.Name"] = "越权界别" }, "/");

        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        form.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        clerkPost.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await QueryAsync(app, d => d.Sectors.CountAsync(s => s.CommitteeId == committee.Id))).ShouldBe(2);
        (await memberBrowser.GetPageAsync("/")).ShouldNotContain("组织管理");
    }
}
