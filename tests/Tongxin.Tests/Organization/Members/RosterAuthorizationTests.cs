using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Organization.Members;

/// <summary>Role × action × own/other committee, decided by the handlers (pages and API call the same ones).</summary>
public class RosterAuthorizationTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Who_may_read_and_change_a_committees_roster(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(city.Id, parentMayRead: true, level: CommitteeLevel.County);
        var unrelated = await app.NewCommitteeAsync();
        var manager = await app.NewUserAsync(county, Roles.Staff);
        var memberId = await app.AddMemberAsync(manager, RosterTestData.Input(county, "矩阵委员"));
        var memberUser = await app.NewUserAsync(county, Roles.Member, memberId: memberId);
        var requestId = await FileChangeRequestAsync(app, memberUser);

        var actors = new (string Who, TestData.TestUser User, bool Read, bool Manage)[]
        {
            ("本会工作人员（无组织权限）", await app.NewUserAsync(county, Roles.Staff, [Permissions.Proposals]), true, false),
            ("本会领导", await app.NewUserAsync(county, Roles.Leader), true, false),
            ("本会承办单位用户", await app.NewUserAsync(county, Roles.Unit), false, false),
            ("本会委员", memberUser, false, false),
            ("无关政协的工作人员", await app.NewUserAsync(unrelated, Roles.Staff), false, false),
            ("已获授权查看的上级政协工作人员", await app.NewUserAsync(city, Roles.Staff), true, false),
            ("本会工作人员（有组织权限）", manager, true, true),
        };

        var wrong = new List<string>();
        foreach (var (who, user, read, manage) in actors)
        {
            var own = user.CommitteeId == county.Id;
            await Expect(wrong, who, "查看委员详情", read, () => app.AsAsync(user.Actor, sp => sp.GetRequiredService<MemberRosterHandler>().DetailsAsync(memberId)));
            await Expect(wrong, who, "打开编辑表单", manage, () => app.AsAsync(user.Actor, sp => sp.GetRequiredService<MemberRosterHandler>().EditAsync(memberId)));
            var version = (await app.StoredMemberAsync(memberId)).Version;
            var edit = RosterTestData.Input(county, "矩阵委员");
            edit.Version = version;
            edit.Title = who;
            await Expect(wrong, who, "修改委员", manage, () => app.AsAsync(user.Actor, sp => sp.GetRequiredService<MemberRosterHandler>().UpdateAsync(memberId, edit)));
            await Expect(wrong, who, "审核修改申请", manage, () => app.AsAsync(user.Actor, sp => sp.GetRequiredService<ChangeRequestHandler>().ApproveAsync(requestId, 0, null)));
            if (!own)
            {
                continue;
            }

            // Roster-wide actions work on the actor's own committee, so they are asked only of its own people.
            await Expect(wrong, who, "查看名册", read, () => app.AsAsync(user.Actor, sp => sp.GetRequiredService<MemberRosterHandler>().ListAsync(new MemberFilter(), 1)));
            await Expect(wrong, who, "导出名册", read, () => app.AsAsync(user.Actor, sp => sp.GetRequiredService<RosterExcelHandler>().ExportAsync(new MemberFilter())));
            await Expect(wrong, who, "新增委员", manage, () => app.AsAsync(user.Actor, sp => sp.GetRequiredService<MemberRosterHandler>().CreateAsync(RosterTestData.Input(county, "新增" + Guid.NewGuid().ToString("N")[..6]))));
            await Expect(wrong, who, "导入名册", manage, () => app.AsAsync(user.Actor, async sp =>
            {
                using var file = new MemoryStream(RosterExcelTests.Workbook(["导入" + Guid.NewGuid().ToString("N")[..6], "男", "1970", "", "", "教育"]));
                (await sp.GetRequiredService<RosterExcelHandler>().ImportAsync(file, "名册.xlsx")).Succeeded.ShouldBeTrue();
            }));
            await Expect(wrong, who, "查看审核队列", manage, () => app.AsAsync(user.Actor, sp => sp.GetRequiredService<ChangeRequestHandler>().ListAsync(null, 1)));
        }

        wrong.ShouldBeEmpty();
        (await app.StoredMemberAsync(memberId)).Title.ShouldBe("本会工作人员（有组织权限）", "only the manager's edit was stored");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Pages_answer_403_to_roles_that_may_not_use_them(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var leader = await app.NewUserAsync(committee, Roles.Leader);
        var unit = await app.NewUserAsync(committee, Roles.Unit);
        using var leaderSession = await WebSession.LoginAsync(app, leader.UserName);
        using var unitSession = await WebSession.LoginAsync(app, unit.UserName);

        (await leaderSession.GetAsync("/Organization/Members")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await leaderSession.GetAsync("/Organization/Members/Create")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leaderSession.GetAsync("/Organization/Members/Import")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leaderSession.GetAsync("/Profile")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await unitSession.GetAsync("/Organization/Members")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await unitSession.GetAsync("/Organization/Members?handler=Export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_lists_the_masked_roster_for_staff_and_the_own_profile_for_a_member(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var memberId = await app.AddMemberAsync(staff, RosterTestData.Input(committee, "接口委员", "13812345678"));
        var member = await app.NewUserAsync(committee, Roles.Member, memberId: memberId);
        using var staffSession = await WebSession.LoginAsync(app, staff.UserName);
        using var memberSession = await WebSession.LoginAsync(app, member.UserName);

        var list = await staffSession.GetAsync("/api/v1/members?name=接口");
        var own = await memberSession.GetAsync("/api/v1/profile");

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var row = json.RootElement.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("name").GetString().ShouldBe("接口委员");
        row.GetProperty("mobile").GetString().ShouldBe("138****5678");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).ShouldContain(memberId.ToString());
    }

    private static async Task<Guid> FileChangeRequestAsync(TestApp app, TestData.TestUser member) =>
        await app.AsAsync(member.Actor, async sp =>
        {
            var profiles = sp.GetRequiredService<MemberProfileHandler>();
            var own = await profiles.GetAsync();
            await profiles.RequestChangesAsync(new SensitiveInput { Party = "群众", Ethnicity = own.Ethnicity, WorkUnit = own.WorkUnit, Title = own.Title, SectorId = own.SectorId });
            return (await profiles.GetAsync()).Requests.Single().Id;
        });

    private static async Task Expect(List<string> wrong, string who, string action, bool allowed, Func<Task> act)
    {
        bool wasAllowed;
        try
        {
            await act();
            wasAllowed = true;
        }
        catch (Exception e) when (e is ForbiddenException or NotFoundException)
        {
            wasAllowed = false;
        }

        if (wasAllowed != allowed)
        {
            wrong.Add($"{who}{action}：应{(allowed ? "允许" : "拒绝")}，实际{(wasAllowed ? "允许" : "拒绝")}");
        }
    }
}
