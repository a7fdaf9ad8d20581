using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Organization.Members;

public class MemberRosterTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_adds_a_member_who_gets_a_duty_code_of_the_committee_and_a_MemberCreated_event(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);

        var id = await app.AddMemberAsync(staff, RosterTestData.Input(committee, "林晓雯"));

        var stored = await app.StoredMemberAsync(id);
        stored.Name.ShouldBe("林晓雯");
        stored.CommitteeId.ShouldBe(committee.Id);
        stored.SectorId.ShouldBe(committee.SectorId);
        stored.Party.ShouldBe("民盟盟员");
        stored.Tags.ShouldBe("教育、乡村振兴");
        var code = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Committees.Where(c => c.Id == committee.Id).Select(c => c.Code).SingleAsync());
        stored.DutyCode.ShouldMatch($"^{code}\\d{{6}}$");
        var events = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OutboxMessages
            .Where(o => o.Type == nameof(MemberCreated)).Select(o => o.Payload).ToListAsync());
        events.ShouldContain(p => p.Contains(id.ToString()) && p.Contains(committee.Id.ToString()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_form_with_bad_values_names_every_problem_in_chinese_and_stores_nothing(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var input = RosterTestData.Input(committee, " ");
        input.BirthYear = 2020;
        input.Mobile = "23812345678";
        input.Email = "not-an-email";
        input.Party = "某党";
        input.SectorId = other.SectorId;

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => app.AddMemberAsync(staff, input));

        invalid.Errors.Keys.ShouldBe(["Name", "BirthYear", "Party", "Mobile", "Email", "SectorId"], ignoreOrder: true);
        invalid.Errors["Mobile"].ShouldBe(["手机号码应为以1开头的11位数字。"]);
        invalid.Errors["BirthYear"].Single().ShouldStartWith("出生年份应在1920至2008之间");
        invalid.Errors["SectorId"].ShouldBe(["所选界别不存在。"]);
        (await app.StoredMembersAsync(committee.Id)).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_edits_a_member_and_the_duty_code_stays(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var id = await app.AddMemberAsync(staff, RosterTestData.Input(committee, "周明远"));
        var before = await app.StoredMemberAsync(id);

        await app.AsAsync(staff.Actor, async sp =>
        {
            var roster = sp.GetRequiredService<MemberRosterHandler>();
            var (input, _) = await roster.EditAsync(id);
            input.WorkUnit = "示例市第一医院";
            input.SectorId = committee.OtherSectorId;
            input.Position = Position.ViceChair;
            await roster.UpdateAsync(id, input);
        });

        var after = await app.StoredMemberAsync(id);
        after.WorkUnit.ShouldBe("示例市第一医院");
        after.SectorId.ShouldBe(committee.OtherSectorId);
        after.Position.ShouldBe(Position.ViceChair);
        after.DutyCode.ShouldBe(before.DutyCode);
        after.Version.ShouldBe(before.Version + 1);
        var changed = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OutboxMessages
            .Where(o => o.Type == nameof(MemberProfileChanged)).Select(o => o.Payload).ToListAsync());
        changed.ShouldContain(p => p.Contains(id.ToString()) && p.Contains("WorkUnit"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Of_two_staff_editing_the_same_member_the_second_is_told_it_changed(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var id = await app.AddMemberAsync(staff, RosterTestData.Input(committee, "并发编辑"));
        var first = await app.AsAsync(staff.Actor, async sp => (await sp.GetRequiredService<MemberRosterHandler>().EditAsync(id)).Input);
        var second = await app.AsAsync(staff.Actor, async sp => (await sp.GetRequiredService<MemberRosterHandler>().EditAsync(id)).Input);
        first.Title = "院长";
        second.Title = "副院长";

        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<MemberRosterHandler>().UpdateAsync(id, first));
        var conflict = await Should.ThrowAsync<ConflictException>(() => app.AsAsync(staff.Actor, sp => sp.GetRequiredService<MemberRosterHandler>().UpdateAsync(id, second)));

        conflict.Message.ShouldBe("该记录已被他人修改，请刷新后重试。");
        (await app.StoredMemberAsync(id)).Title.ShouldBe("院长");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_stale_edit_form_shows_the_conflict_on_the_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var id = await app.AddMemberAsync(staff, RosterTestData.Input(committee, "页面并发"));
        using var session = await WebSession.LoginAsync(app, staff.UserName);
        var fields = EditFields(committee, "页面并发", version: 0);
        fields["Input.Title"] = "主任";
        (await session.PostFormAsync($"/Organization/Members/Edit/{id}", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stale = EditFields(committee, "页面并发", version: 0);
        stale["Input.Title"] = "副主任";
        var response = await session.PostFormAsync($"/Organization/Members/Edit/{id}", stale);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("该记录已被他人修改，请刷新后重试。");
        (await app.StoredMemberAsync(id)).Title.ShouldBe("主任");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_adds_a_member_on_the_create_page_and_lands_on_the_details(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var session = await WebSession.LoginAsync(app, staff.UserName);

        var form = await session.GetPageAsync("/Organization/Members/Create");
        foreach (var label in new[] { "姓名", "性别", "出生年份", "界别", "政治面貌", "工作单位" })
        {
            form.ShouldContain($">{label}</label>");
        }

        var genders = Regex.Matches(form, "<select[^>]*id=\"Input_Gender\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Single().Groups[1].Value;
        Regex.Matches(genders, "<option[^>]*>([^<]*)</option>").Select(m => m.Groups[1].Value).ShouldBe(["男", "女"]);
        form.ShouldContain(">教育</option>");
        form.ShouldContain(">保存</button>");

        var response = await session.PostFormAsync("/Organization/Members/Create", new()
        {
            ["Input.Name"] = "页面新增委员",
            ["Input.Gender"] = "2",
            ["Input.BirthYear"] = "1981",
            ["Input.SectorId"] = committee.OtherSectorId.ToString(),
            ["Input.Party"] = "九三学社社员",
            ["Input.WorkUnit"] = "示例科技公司",
            ["Input.Position"] = "0",
            ["Input.IsActive"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldMatch("^/Organization/Members/Details/[0-9a-f-]{36}$");
        var details = await session.GetPageAsync(location);
        details.ShouldContain("已新增委员");
        details.ShouldContain("页面新增委员");
        details.ShouldContain("九三学社社员");
        var stored = await app.StoredMemberAsync(Guid.Parse(location.Split('/')[^1]));
        stored.Gender.ShouldBe(Gender.Female);
        stored.SectorId.ShouldBe(committee.OtherSectorId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_bad_create_form_comes_back_with_chinese_field_messages(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var session = await WebSession.LoginAsync(app, staff.UserName);

        var response = await session.PostFormAsync("/Organization/Members/Create", new()
        {
            ["Input.Name"] = "手机错误",
            ["Input.Gender"] = "1",
            ["Input.BirthYear"] = "1975",
            ["Input.SectorId"] = committee.SectorId.ToString(),
            ["Input.Mobile"] = "12345",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("手机号码应为以1开头的11位数字。");
        (await app.StoredMembersAsync(committee.Id)).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_roster_list_masks_mobile_numbers_and_filters_by_sector(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        await app.AddMemberAsync(staff, RosterTestData.Input(committee, "教育界委员", "13812345678"));
        var economy = RosterTestData.Input(committee, "经济界委员", "13987654321");
        economy.SectorId = committee.OtherSectorId;
        await app.AddMemberAsync(staff, economy);
        using var session = await WebSession.LoginAsync(app, staff.UserName);

        var all = await session.GetPageAsync("/Organization/Members");
        var education = await session.GetPageAsync($"/Organization/Members?sectorId={committee.SectorId}");

        all.ShouldContain("138****5678");
        all.ShouldContain("139****4321");
        all.ShouldNotContain("13812345678");
        all.ShouldContain("共 2 条");
        education.ShouldContain("教育界委员");
        education.ShouldNotContain("经济界委员");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_long_roster_pages_by_twenty_and_the_second_page_shows_the_rest(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        for (var i = 0; i < 23; i++)
        {
            await app.AddMemberAsync(staff, RosterTestData.Input(committee, $"分页委员{i:D2}", $"1380000{i:D4}"));
        }

        using var session = await WebSession.LoginAsync(app, staff.UserName);
        var first = await session.GetPageAsync("/Organization/Members");
        var second = await session.GetPageAsync("/Organization/Members?page=2");

        first.ShouldContain("共 23 条，第 1 / 2 页");
        second.ShouldContain("共 23 条，第 2 / 2 页");
        Regex.Matches(second, "分页委员\\d\\d").Select(m => m.Value).Distinct().Count().ShouldBe(3);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reading_a_members_details_is_recorded_as_access_to_sensitive_information(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var leader = await app.NewUserAsync(committee, Roles.Leader);
        var id = await app.AddMemberAsync(staff, RosterTestData.Input(committee, "敏感信息委员"));

        var seen = await app.AsAsync(leader.Actor, sp => sp.GetRequiredService<MemberRosterHandler>().DetailsAsync(id));

        seen.Party.ShouldBe("民盟盟员");
        seen.Mobile.ShouldBe("138****5678", "a leader reads, but does not manage, the roster");
        var audit = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries
            .Where(a => a.Action == "查看敏感信息" && a.TargetId == id.ToString()).ToListAsync());
        audit.ShouldHaveSingleItem().UserId.ShouldBe(leader.Id);
        audit[0].Details.ShouldBe("政治面貌");
    }

    private static Dictionary<string, string> EditFields(TestData.TestCommittee committee, string name, int version) => new()
    {
        ["Input.Name"] = name,
        ["Input.Gender"] = "2",
        ["Input.BirthYear"] = "1978",
        ["Input.SectorId"] = committee.SectorId.ToString(),
        ["Input.Party"] = "民盟盟员",
        ["Input.Position"] = "1",
        ["Input.Mobile"] = "13812345678",
        ["Input.IsActive"] = "true",
        ["Input.Version"] = version.ToString(),
    };
}
