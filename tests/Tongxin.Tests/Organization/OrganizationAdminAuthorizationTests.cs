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

/// <summary>Who may change a committee's organisation: role × action × own / another committee's record.</summary>
public class OrganizationAdminAuthorizationTests
{
    /// <summary>The organisation of a city committee (its parent, the province, has read access), with one record of each kind.</summary>
    private sealed record Target(TestData.TestCommittee Own, TestData.TestCommittee Parent, Guid SessionId, Guid UnitId, Guid UnitUserId, Guid VenueId);

    private sealed record Action(string Name, bool OnExistingRecord, Func<IServiceProvider, Target, Task> Run);

    private static readonly Action[] Actions =
    [
        new("新增界别", false, (sp, t) => sp.GetRequiredService<SectorAdmin>().CreateAsync(new SectorInput { Name = "越权界别" })),
        new("修改界别", true, async (sp, t) => await sp.GetRequiredService<SectorAdmin>().UpdateAsync(t.Own.SectorId, new SectorInput { Name = "越权改名", Version = await VersionAsync<Sector>(sp, t.Own.SectorId) })),
        new("删除界别", true, async (sp, t) => await sp.GetRequiredService<SectorAdmin>().DeleteAsync(t.Own.OtherSectorId, await VersionAsync<Sector>(sp, t.Own.OtherSectorId))),
        new("新增专委会", false, (sp, t) => sp.GetRequiredService<SpecialCommitteeAdmin>().CreateAsync(new SpecialCommitteeInput { Name = "越权专委会" })),
        new("新增小组", false, (sp, t) => sp.GetRequiredService<MemberGroupAdmin>().CreateAsync(new MemberGroupInput { Name = "越权小组" })),
        new("新增届次", false, (sp, t) => sp.GetRequiredService<TermAdmin>().CreateTermAsync(new TermInput { Number = 10, Name = "第十届", StartDate = new(2027, 1, 1), EndDate = new(2031, 12, 31) })),
        new("设为当前会议", true, (sp, t) => sp.GetRequiredService<TermAdmin>().MakeCurrentAsync(t.SessionId)),
        new("新增承办单位", false, (sp, t) => sp.GetRequiredService<HandlingUnitAdmin>().CreateAsync(new HandlingUnitInput { Name = "越权单位" })),
        new("修改承办单位", true, async (sp, t) => await sp.GetRequiredService<HandlingUnitAdmin>().UpdateAsync(t.UnitId, new HandlingUnitInput { Name = "越权改名", Version = await VersionAsync<HandlingUnit>(sp, t.UnitId) })),
        new("删除承办单位", true, async (sp, t) => await sp.GetRequiredService<HandlingUnitAdmin>().DeleteAsync(t.UnitId, await VersionAsync<HandlingUnit>(sp, t.UnitId))),
        new("新建单位用户", true, (sp, t) => sp.GetRequiredService<HandlingUnitUserAdmin>().CreateAsync(t.UnitId, new HandlingUnitUserInput { UserName = $"x{Guid.NewGuid():N}"[..12], DisplayName = "越权", Password = "Unit#Pass2026" })),
        new("停用单位用户", true, (sp, t) => sp.GetRequiredService<HandlingUnitUserAdmin>().SetDisabledAsync(t.UnitUserId, true)),
        new("新增履职平台", false, (sp, t) => sp.GetRequiredService<VenueAdmin>().CreateAsync(new VenueInput { Name = "越权客厅" })),
        new("修改履职平台", true, async (sp, t) => await sp.GetRequiredService<VenueAdmin>().UpdateAsync(t.VenueId, new VenueInput { Name = "越权改名", Version = await VersionAsync<Venue>(sp, t.VenueId) })),
        new("删除履职平台", true, async (sp, t) => await sp.GetRequiredService<VenueAdmin>().DeleteAsync(t.VenueId, await VersionAsync<Venue>(sp, t.VenueId))),
        new("新建下级政协", false, (sp, t) => sp.GetRequiredService<CommitteeAdmin>().CreateChildAsync(new CommitteeInput { Name = "越权政协", Level = CommitteeLevel.County, Code = $"X{Guid.NewGuid():N}"[..10].ToUpperInvariant() })),
        new("修改政协组织", true, (sp, t) => sp.GetRequiredService<CommitteeAdmin>().UpdateAsync(t.Own.Id, new CommitteeInput { Name = "越权改名", Code = "XXXX", Level = CommitteeLevel.City, ParentId = t.Parent.Id })),
    ];

    private static async Task<Target> ArrangeAsync(TestApp app)
    {
        var province = await app.NewCommitteeAsync(level: CommitteeLevel.Province);
        var city = await app.NewCommitteeAsync(province.Id, parentMayRead: true, level: CommitteeLevel.City);
        var term = await app.AddAsync(new Term { CommitteeId = city.Id, Number = 9, Name = "第九届", StartDate = new(2022, 1, 1), EndDate = new(2026, 12, 31) });
        var session = await app.AddAsync(new Session { CommitteeId = city.Id, TermId = term.Id, Number = 1, Name = "九届一次会议", StartDate = new(2022, 1, 10), EndDate = new(2022, 1, 14) });
        var unit = await app.AddAsync(new HandlingUnit { CommitteeId = city.Id, Name = "市教育局" });
        var unitUser = await app.NewUserAsync(city, Roles.Unit, unitId: unit.Id);
        var venue = await app.AddAsync(new Venue { CommitteeId = city.Id, Name = "市委员会客厅", Kind = VenueKind.ReceptionRoom });
        return new Target(city, province, session.Id, unit.Id, unitUser.Id, venue.Id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Nobody_but_the_committees_own_organisation_staff_changes_its_organisation(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var t = await ArrangeAsync(app);
        var unrelated = await app.NewCommitteeAsync();
        var actors = new (string Who, TestData.TestUser User, bool OwnCommittee)[]
        {
            ("委员", await app.NewUserAsync(t.Own, Roles.Member), true),
            ("承办单位用户", await app.NewUserAsync(t.Own, Roles.Unit, unitId: t.UnitId), true),
            ("领导", await app.NewUserAsync(t.Own, Roles.Leader), true),
            ("无组织权限的工作人员", await app.NewUserAsync(t.Own, Roles.Staff, [Permissions.Proposals]), true),
            ("上级政协工作人员（可查看）", await app.NewUserAsync(t.Parent, Roles.Staff), false),
            ("无关政协工作人员", await app.NewUserAsync(unrelated, Roles.Staff), false),
        };
        var wrong = new List<string>();

        foreach (var (who, user, own) in actors)
        {
            foreach (var action in Actions.Where(a => own || a.OnExistingRecord))
            {
                // Another committee's records are either read-only (the parent) or invisible (404).
                var expected = !own && who == "无关政协工作人员" && action.Name is not ("修改政协组织" or "停用单位用户")
                    ? typeof(NotFoundException)
                    : typeof(ForbiddenException);
                var thrown = await app.AsAsync(user.Actor, async sp =>
                {
                    try
                    {
                        await action.Run(sp, t);
                        return null;
                    }
                    catch (Exception e)
                    {
                        return e;
                    }
                });
                if (thrown?.GetType() != expected)
                {
                    wrong.Add($"{who} {action.Name}: {thrown?.GetType().Name ?? "允许了"}（应为 {expected.Name}）");
                }
            }
        }

        wrong.ShouldBeEmpty();
        await AssertUnchangedAsync(app, t);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Organisation_staff_of_the_committee_may_do_all_of_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var t = await ArrangeAsync(app);
        var staff = await app.NewUserAsync(t.Own, Roles.Staff, [Permissions.Organization]);

        foreach (var action in Actions.Where(a => a.Name is not ("修改政协组织" or "删除承办单位")))
        {
            await app.AsAsync(staff.Actor, sp => action.Run(sp, t));
        }

        // Allowed, but a unit with accounts is kept: the refusal is the business rule, not a permission.
        await app.AsAsync(staff.Actor, sp => Should.ThrowAsync<ConflictException>(() => Actions.Single(a => a.Name == "删除承办单位").Run(sp, t)));

        await app.AsAsync(staff.Actor, async sp =>
        {
            var form = await sp.GetRequiredService<CommitteeAdmin>().GetForEditAsync(t.Own.Id);
            form.Name = "改名后的市政协";
            await sp.GetRequiredService<CommitteeAdmin>().UpdateAsync(t.Own.Id, form);
        });
        var stored = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            return (
                Sectors: await ctx.Sectors.Where(s => s.CommitteeId == t.Own.Id).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(),
                Venues: await ctx.Venues.CountAsync(v => v.CommitteeId == t.Own.Id),
                Committee: await ctx.Committees.Where(c => c.Id == t.Own.Id).Select(c => c.Name).SingleAsync(),
                Children: await ctx.Committees.CountAsync(c => c.ParentId == t.Own.Id));
        });
        stored.Sectors.ShouldBe(["越权改名", "越权界别"], ignoreOrder: true);
        stored.Venues.ShouldBe(1, "one venue created, the existing one deleted");
        stored.Committee.ShouldBe("改名后的市政协");
        stored.Children.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Leaders_and_staff_read_the_organisation_members_and_units_do_not(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var t = await ArrangeAsync(app);
        var leader = await app.NewUserAsync(t.Own, Roles.Leader);
        var member = await app.NewUserAsync(t.Own, Roles.Member);
        var unit = await app.NewUserAsync(t.Own, Roles.Unit, unitId: t.UnitId);

        (await app.AsAsync(leader.Actor, sp => sp.GetRequiredService<SectorAdmin>().ListAsync())).Count.ShouldBe(2);
        (await app.AsAsync(leader.Actor, sp => sp.GetRequiredService<HandlingUnitAdmin>().ListAsync())).Total.ShouldBe(1);
        foreach (var user in new[] { member, unit })
        {
            await app.AsAsync(user.Actor, sp => Should.ThrowAsync<ForbiddenException>(() => sp.GetRequiredService<SectorAdmin>().ListAsync()));
            await app.AsAsync(user.Actor, sp => Should.ThrowAsync<ForbiddenException>(() => sp.GetRequiredService<VenueAdmin>().ListAsync()));
        }
    }

    /// <summary>The version a fresh edit form would carry (0 when the actor cannot see the record).</summary>
    private static Task<int> VersionAsync<T>(IServiceProvider sp, Guid id)
        where T : Entity =>
        sp.GetRequiredService<TongxinDbContext>().Set<T>().Where(e => e.Id == id).Select(e => e.Version).SingleOrDefaultAsync();

    private static async Task AssertUnchangedAsync(TestApp app, Target t)
    {
        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            (await ctx.Sectors.Where(s => s.CommitteeId == t.Own.Id).OrderBy(s => s.SortOrder).Select(s => s.Name).ToListAsync()).ShouldBe(["教育", "经济"]);
            (await ctx.HandlingUnits.Where(u => u.CommitteeId == t.Own.Id).Select(u => u.Name).ToListAsync()).ShouldBe(["市教育局"]);
            (await ctx.Venues.Where(v => v.CommitteeId == t.Own.Id).Select(v => v.Name).ToListAsync()).ShouldBe(["市委员会客厅"]);
            (await ctx.Sessions.SingleAsync(s => s.Id == t.SessionId)).IsCurrent.ShouldBeFalse();
            (await ctx.Users.SingleAsync(u => u.Id == t.UnitUserId)).IsDisabled.ShouldBeFalse();
            (await ctx.Users.CountAsync(u => u.HandlingUnitId == t.UnitId)).ShouldBe(2, "the unit's two users from the arrangement, no new one");
            (await ctx.Committees.Where(c => c.Id == t.Own.Id).Select(c => c.Name).SingleAsync()).ShouldBe(t.Own.Name);
            (await ctx.SpecialCommittees.CountAsync(s => s.CommitteeId == t.Own.Id)).ShouldBe(0);
            (await ctx.Terms.CountAsync(x => x.CommitteeId == t.Own.Id)).ShouldBe(1);
        });
    }
}
