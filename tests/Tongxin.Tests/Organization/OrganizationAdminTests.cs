using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Committees;
using Tongxin.Modules.Organization.Groups;
using Tongxin.Modules.Organization.HandlingUnits;
using Tongxin.Modules.Organization.Sectors;
using Tongxin.Modules.Organization.SpecialCommittees;
using Tongxin.Modules.Organization.Terms;
using Tongxin.Modules.Organization.Venues;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Organization;

/// <summary>The organisation administration use cases, through the handlers.</summary>
public class OrganizationAdminTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_creates_a_sector_and_sees_it_listed(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);

        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<SectorAdmin>().CreateAsync(new SectorInput { Name = " 医药卫生 ", SortOrder = 3 }));
        var list = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<SectorAdmin>().ListAsync());

        list.Select(s => s.Name).ShouldBe(["教育", "经济", "医药卫生"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_second_sector_of_the_same_name_is_refused(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);

        var error = await app.AsAsync(staff.Actor, sp =>
            Should.ThrowAsync<ValidationFailedException>(() => sp.GetRequiredService<SectorAdmin>().CreateAsync(new SectorInput { Name = "教育" })));

        error.Errors["name"].ShouldBe(["界别“教育”已存在。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Making_session_3_current_means_session_2_no_longer_is(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var (_, sessions) = await app.AddTermAsync(staff, sessions: 3, current: 2);

        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<TermAdmin>().MakeCurrentAsync(sessions[2]));

        var term = (await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<TermAdmin>().ListAsync())).ShouldHaveSingleItem();
        term.Sessions.Where(s => s.IsCurrent).Select(s => s.Number).ShouldBe([3]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_session_outside_its_term_is_refused(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var (termId, _) = await app.AddTermAsync(staff, sessions: 1, current: 1);

        var error = await app.AsAsync(staff.Actor, sp => Should.ThrowAsync<ValidationFailedException>(() =>
            sp.GetRequiredService<TermAdmin>().CreateSessionAsync(new SessionInput
            {
                TermId = termId,
                Number = 6,
                Name = "九届六次会议",
                StartDate = new(2027, 1, 10),
                EndDate = new(2027, 1, 14),
            })));

        error.Errors["startDate"].ShouldHaveSingleItem().ShouldContain("会议日期须在第九届的任期");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_current_session_cannot_be_deleted(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var (_, sessions) = await app.AddTermAsync(staff, sessions: 2, current: 2);

        await app.AsAsync(staff.Actor, sp =>
            Should.ThrowAsync<ConflictException>(() => sp.GetRequiredService<TermAdmin>().DeleteSessionAsync(sessions[1], 0)));
        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<TermAdmin>().DeleteSessionAsync(sessions[0], 1));

        var term = (await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<TermAdmin>().ListAsync())).ShouldHaveSingleItem();
        term.Sessions.Select(s => (s.Number, s.IsCurrent)).ShouldBe([(2, true)]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Deleting_a_sector_that_has_members_is_refused(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        await app.AddMemberAsync(committee.Id, "张老师", committee.SectorId);

        var error = await app.AsAsync(staff.Actor, sp =>
            Should.ThrowAsync<ConflictException>(() => sp.GetRequiredService<SectorAdmin>().DeleteAsync(committee.SectorId, 0)));
        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<SectorAdmin>().DeleteAsync(committee.OtherSectorId, 0));

        error.Message.ShouldBe("界别“教育”下还有 1 名委员、0 个活动组，不能删除。请先调整他们的界别。");
        var left = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<SectorAdmin>().ListAsync());
        left.Select(s => s.Name).ShouldBe(["教育"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Special_committees_and_groups_in_use_are_kept(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var (specialId, groupId) = await app.AsAsync(staff.Actor, async sp => (
            await sp.GetRequiredService<SpecialCommitteeAdmin>().CreateAsync(new SpecialCommitteeInput { Name = "提案委" }),
            await sp.GetRequiredService<MemberGroupAdmin>().CreateAsync(new MemberGroupInput { Name = "第一界别活动组（教育）", Kind = GroupKind.SectorActivityGroup, SectorId = committee.SectorId })));
        var memberId = await app.AddMemberAsync(committee.Id, "李委员", committee.SectorId);
        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            ctx.Add(new MemberSpecialCommittee { MemberId = memberId, SpecialCommitteeId = specialId });
            ctx.Add(new MemberGroupMembership { MemberId = memberId, GroupId = groupId });
            await ctx.SaveChangesAsync();
        });

        await app.AsAsync(staff.Actor, async sp =>
        {
            (await Should.ThrowAsync<ConflictException>(() => sp.GetRequiredService<SpecialCommitteeAdmin>().DeleteAsync(specialId, 0)))
                .Message.ShouldContain("还有 1 名委员");
            (await Should.ThrowAsync<ConflictException>(() => sp.GetRequiredService<MemberGroupAdmin>().DeleteAsync(groupId, 0)))
                .Message.ShouldContain("还有 1 名委员");
            (await Should.ThrowAsync<ConflictException>(() => sp.GetRequiredService<SectorAdmin>().DeleteAsync(committee.SectorId, 0)))
                .Message.ShouldContain("1 个活动组");
        });

        var groups = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<MemberGroupAdmin>().ListAsync());
        groups.Items.ShouldHaveSingleItem().ShouldBe(new MemberGroupRow(groupId, "第一界别活动组（教育）", GroupKind.SectorActivityGroup, "教育", 1, 0));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_edit_from_a_stale_form_is_refused_and_the_first_edit_kept(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var form = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<SectorAdmin>().GetForEditAsync(committee.SectorId));

        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<SectorAdmin>().UpdateAsync(committee.SectorId, new SectorInput { Name = "教育界", Version = form.Version }));
        await app.AsAsync(staff.Actor, sp => Should.ThrowAsync<ConflictException>(() =>
            sp.GetRequiredService<SectorAdmin>().UpdateAsync(committee.SectorId, new SectorInput { Name = "教育科技", Version = form.Version })));

        var list = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<SectorAdmin>().ListAsync());
        list.First(s => s.Id == committee.SectorId).ShouldSatisfyAllConditions(s => s.Name.ShouldBe("教育界"), s => s.Version.ShouldBe(1));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_new_handling_unit_user_can_log_in_as_a_unit(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var userName = $"jyj{Guid.NewGuid():N}"[..16];
        var unitId = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitAdmin>().CreateAsync(new HandlingUnitInput { Name = "市教育局", Kind = HandlingUnitKind.GovernmentDepartment }));

        var userId = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitUserAdmin>().CreateAsync(unitId,
            new HandlingUnitUserInput { UserName = userName, DisplayName = "王科长", Password = "Unit#Pass2026" }));

        using var session = await WebSession.LoginAsync(app, userName, "Unit#Pass2026");
        (await session.GetPageAsync("/")).ShouldContain("王科长，您好（承办单位）");
        await app.AsAsync(Actor.System, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId.ToString());
            user.ShouldNotBeNull().ShouldSatisfyAllConditions(
                u => u.HandlingUnitId.ShouldBe(unitId),
                u => u.CommitteeId.ShouldBe(committee.Id));
            (await users.GetRolesAsync(user)).ShouldBe([Roles.Unit]);
        });
        var listed = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitUserAdmin>().ListAsync(unitId));
        listed.ShouldBe([new HandlingUnitUserRow(userId, userName, "王科长", false)]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_weak_initial_password_is_refused_in_chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var unitId = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitAdmin>().CreateAsync(new HandlingUnitInput { Name = "市财政局" }));

        var error = await app.AsAsync(staff.Actor, sp => Should.ThrowAsync<ValidationFailedException>(() =>
            sp.GetRequiredService<HandlingUnitUserAdmin>().CreateAsync(unitId, new HandlingUnitUserInput { UserName = $"cz{Guid.NewGuid():N}"[..12], DisplayName = "赵", Password = "password" })));

        error.Errors["password"].ShouldContain("密码须至少包含大写字母、小写字母、数字、特殊字符中的三类。");
        (await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitUserAdmin>().ListAsync(unitId))).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_disabled_unit_user_cannot_log_in_until_enabled_again(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var userName = $"gaj{Guid.NewGuid():N}"[..16];
        var unitId = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitAdmin>().CreateAsync(new HandlingUnitInput { Name = "市公安局" }));
        var userId = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitUserAdmin>().CreateAsync(unitId,
            new HandlingUnitUserInput { UserName = userName, DisplayName = "钱警官", Password = "Unit#Pass2026" }));

        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitUserAdmin>().SetDisabledAsync(userId, true));

        using (var browser = new WebSession(app))
        {
            var response = await browser.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = "Unit#Pass2026" });
            (await response.Content.ReadAsStringAsync()).ShouldContain("该账号不允许登录");
        }

        using var client = app.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Unit#Pass2026" });
        token.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);

        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitUserAdmin>().SetDisabledAsync(userId, false));
        using var again = await WebSession.LoginAsync(app, userName, "Unit#Pass2026");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_handling_unit_with_accounts_is_deactivated_not_deleted(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var unitId = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitAdmin>().CreateAsync(new HandlingUnitInput { Name = "市民政局", ContactPerson = "孙科长" }));
        await app.NewUserAsync(committee, Roles.Unit, unitId: unitId);

        var refused = await app.AsAsync(staff.Actor, sp =>
            Should.ThrowAsync<ConflictException>(() => sp.GetRequiredService<HandlingUnitAdmin>().DeleteAsync(unitId, 0)));
        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitAdmin>().UpdateAsync(unitId,
            new HandlingUnitInput { Name = "市民政局", ContactPerson = "孙科长", IsActive = false, Version = 0 }));

        refused.Message.ShouldBe("“市民政局”已有 1 个用户账号，不能删除。如不再承办，请将其停用。");
        var active = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitAdmin>().ListAsync(includeInactive: false));
        active.Total.ShouldBe(0);
        var all = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<HandlingUnitAdmin>().ListAsync());
        all.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(u => u.IsActive.ShouldBeFalse(), u => u.UserCount.ShouldBe(1));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_committee_cannot_become_its_own_or_its_childs_child(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(city, Roles.Staff);
        var code = $"C{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        var countyId = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<CommitteeAdmin>().CreateChildAsync(
            new CommitteeInput { Name = "测试县政协", Code = code, Level = CommitteeLevel.County }));

        foreach (var parent in new[] { city.Id, countyId })
        {
            var error = await app.AsAsync(staff.Actor, sp => Should.ThrowAsync<ValidationFailedException>(() =>
                sp.GetRequiredService<CommitteeAdmin>().UpdateAsync(city.Id, new CommitteeInput { Name = city.Name, Code = $"T{city.Name[^8..]}", Level = CommitteeLevel.City, ParentId = parent })));
            error.Errors["parentId"].ShouldBe(["上级政协不能是本会自身或本会的下级政协。"]);
        }

        var county = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Committees.AsNoTracking().SingleAsync(c => c.Id == countyId));
        county.ShouldSatisfyAllConditions(
            c => c.ParentId.ShouldBe(city.Id),
            c => c.ParentMayRead.ShouldBeFalse("only the child's own staff grant the parent read access"),
            c => c.Code.ShouldBe(code));
        (await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Committees.AsNoTracking().SingleAsync(c => c.Id == city.Id))).ParentId.ShouldBeNull();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_committee_code_is_unique_in_the_deployment(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(city, Roles.Staff);
        var otherCode = $"T{other.Name[^8..]}";

        var error = await app.AsAsync(staff.Actor, sp => Should.ThrowAsync<ValidationFailedException>(() =>
            sp.GetRequiredService<CommitteeAdmin>().CreateChildAsync(new CommitteeInput { Name = "重复县政协", Code = otherCode.ToLowerInvariant(), Level = CommitteeLevel.County })));

        error.Errors["code"].ShouldBe([$"代码“{otherCode.ToUpperInvariant()}”已被其他政协组织使用。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_child_grants_its_parent_read_access_and_the_parent_then_reads_its_data(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(city.Id, parentMayRead: false, level: CommitteeLevel.County);
        var countyStaff = await app.NewUserAsync(county, Roles.Staff);
        var form = await app.AsAsync(countyStaff.Actor, sp => sp.GetRequiredService<CommitteeAdmin>().GetForEditAsync(county.Id));
        form.ParentMayRead = true;

        await app.AsAsync(countyStaff.Actor, sp => sp.GetRequiredService<CommitteeAdmin>().UpdateAsync(county.Id, form));

        var cityStaff = await app.NewUserAsync(city, Roles.Staff);
        cityStaff.Actor.ReadableCommitteeIds.ShouldContain(county.Id);
        var countySectors = await app.AsAsync(cityStaff.Actor, sp => sp.GetRequiredService<SectorAdmin>().ListAsync(county.Id));
        countySectors.Count.ShouldBe(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_venue_is_led_by_an_active_member_and_rated_up_to_five_stars(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var lead = await app.AddMemberAsync(committee.Id, "周委员");
        var retired = await app.AddMemberAsync(committee.Id, "吴委员", active: false);

        var options = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<VenueAdmin>().LeadMemberOptionsAsync());
        var error = await app.AsAsync(staff.Actor, sp => Should.ThrowAsync<ValidationFailedException>(() =>
            sp.GetRequiredService<VenueAdmin>().CreateAsync(new VenueInput { Kind = VenueKind.ReceptionRoom, Name = "东湖委员会客厅", LeadMemberId = retired, StarRating = 6 })));
        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<VenueAdmin>().CreateAsync(
            new VenueInput { Kind = VenueKind.ReceptionRoom, Name = "东湖委员会客厅", Address = "东湖路1号", LeadMemberId = lead, StarRating = 5 }));

        options.Select(o => o.Name).ShouldBe(["周委员"]);
        error.Errors.Keys.Order().ShouldBe(["leadMemberId", "starRating"]);
        var venue = (await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<VenueAdmin>().ListAsync(VenueKind.ReceptionRoom))).Items.ShouldHaveSingleItem();
        venue.ShouldSatisfyAllConditions(v => v.LeadMemberName.ShouldBe("周委员"), v => v.StarRating.ShouldBe(5), v => v.Address.ShouldBe("东湖路1号"));
    }
}
