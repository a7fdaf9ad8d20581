using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform;

/// <summary>演示数据 – the accounts and organisation the README and the demo walk-through promise.</summary>
public class SeedTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_city_has_its_sectors_special_committees_handling_units_and_300_members(Db db)
    {
        var app = await TestApp.SharedAsync(db);

        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var city = await data.Committees.SingleAsync(c => c.Name == DemoSeeder.CityCommitteeName);

            city.Level.ShouldBe(CommitteeLevel.City);
            (await data.Sectors.CountAsync(s => s.CommitteeId == city.Id)).ShouldBeInRange(24, 30);
            (await data.SpecialCommittees.CountAsync(s => s.CommitteeId == city.Id)).ShouldBe(9);
            (await data.HandlingUnits.CountAsync(u => u.CommitteeId == city.Id)).ShouldBeInRange(38, 42);
            (await data.Members.CountAsync(m => m.CommitteeId == city.Id)).ShouldBe(300);
            (await data.Terms.CountAsync(t => t.CommitteeId == city.Id)).ShouldBe(1);
            (await data.Sessions.CountAsync(s => s.CommitteeId == city.Id && s.IsCurrent)).ShouldBe(1);
            (await data.Members.Where(m => m.CommitteeId == city.Id).Select(m => m.DutyCode).Distinct().CountAsync()).ShouldBe(300);
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_two_demo_members_are_city_members_of_different_sectors(Db db)
    {
        var app = await TestApp.SharedAsync(db);

        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var cityId = await data.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => c.Id).SingleAsync();
            var first = await MemberOfAsync(users, data, "demo.member");
            var second = await MemberOfAsync(users, data, "demo.member2");

            first.CommitteeId.ShouldBe(cityId);
            second.CommitteeId.ShouldBe(cityId);
            first.SectorId.ShouldNotBeNull();
            second.SectorId.ShouldNotBeNull();
            second.SectorId.ShouldNotBe(first.SectorId);
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Demo_unit_is_bound_to_the_city_housing_bureau(Db db)
    {
        var app = await TestApp.SharedAsync(db);

        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("demo.unit");

            user.ShouldNotBeNull();
            var unit = await data.HandlingUnits.SingleAsync(u => u.Id == user.HandlingUnitId);
            unit.Name.ShouldBe("示例市住房和城乡建设局");
            unit.Kind.ShouldBe(HandlingUnitKind.GovernmentDepartment);
            (await data.Committees.Where(c => c.Id == unit.CommitteeId).Select(c => c.Name).SingleAsync()).ShouldBe(DemoSeeder.CityCommitteeName);
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Demo_county_staff_works_in_a_county_committee_under_the_city(Db db)
    {
        var app = await TestApp.SharedAsync(db);

        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("demo.county.staff");

            user.ShouldNotBeNull();
            var county = await data.Committees.SingleAsync(c => c.Id == user.CommitteeId);
            county.Level.ShouldBe(CommitteeLevel.County);
            county.ParentMayRead.ShouldBeTrue();
            (await data.Committees.Where(c => c.Id == county.ParentId).Select(c => c.Name).SingleAsync()).ShouldBe(DemoSeeder.CityCommitteeName);
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_demo_account_has_its_role_and_staff_accounts_have_every_module_permission(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var expected = new Dictionary<string, string>
        {
            ["demo.member"] = Roles.Member,
            ["demo.member2"] = Roles.Member,
            ["demo.staff"] = Roles.Staff,
            ["demo.unit"] = Roles.Unit,
            ["demo.leader"] = Roles.Leader,
            ["demo.county.staff"] = Roles.Staff,
            ["demo.sysadmin"] = Roles.SysAdmin,
            ["demo.secadmin"] = Roles.SecAdmin,
            ["demo.auditadmin"] = Roles.AuditAdmin,
        };
        expected.Keys.ShouldBe(DemoAccounts.UserNames, ignoreOrder: true);

        await app.AsAsync(Actor.System, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            foreach (var (userName, role) in expected)
            {
                var user = await users.FindByNameAsync(userName);
                user.ShouldNotBeNull(userName);
                (await users.GetRolesAsync(user)).ShouldBe([role], userName);
                (await users.CheckPasswordAsync(user, DemoAccounts.Password)).ShouldBeTrue(userName);
                if (role == Roles.Staff)
                {
                    user.PermissionList.ShouldBe(Permissions.All, ignoreOrder: true);
                }
            }
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Seeding_a_database_that_already_has_committees_is_refused_in_chinese_with_exit_code_1(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var config = app.Services.GetRequiredService<IConfiguration>();
        var error = new StringWriter();
        var original = Console.Error;

        int exitCode;
        Console.SetError(error);
        try
        {
            exitCode = await TongxinCommands.RunAsync(
            [
                "seed", "--scale", "demo",
                "--Tongxin:Database:Provider", config["Tongxin:Database:Provider"]!,
                "--Tongxin:Database:ConnectionString", config["Tongxin:Database:ConnectionString"]!,
                "--Logging:LogLevel:Default", "Warning",
            ]);
        }
        finally
        {
            Console.SetError(original);
        }

        exitCode.ShouldBe(1);
        error.ToString().ShouldContain("数据库中已有政协组织数据，演示数据只能写入空数据库。");
    }

    [Theory]
    [InlineData(SeedScale.Demo, 3, 420)]
    [InlineData(SeedScale.City, 11, 3_000)]
    [InlineData(SeedScale.Province, 100, 30_000)]
    public void A_scale_plans_its_committees_and_members_parents_first(SeedScale scale, int committees, int members)
    {
        var plan = DemoSeeder.Plan(scale);

        plan.Count.ShouldBe(committees);
        plan.Sum(p => p.MemberCount).ShouldBe(members);
        plan.Select(p => p.Name).Distinct().Count().ShouldBe(committees);
        plan.Select(p => p.Code).Distinct().Count().ShouldBe(committees);
        for (var i = 0; i < plan.Count; i++)
        {
            if (plan[i].ParentName is { } parent)
            {
                plan.Take(i).ShouldContain(p => p.Name == parent, $"{plan[i].Name} comes after its parent");
            }
        }
    }

    private static async Task<Member> MemberOfAsync(UserManager<AppUser> users, TongxinDbContext data, string userName)
    {
        var user = await users.FindByNameAsync(userName);
        user.ShouldNotBeNull(userName);
        user.MemberId.ShouldNotBeNull(userName);
        return await data.Members.SingleAsync(m => m.Id == user.MemberId);
    }
}
