using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform;

public class TenancyTests
{
    private static Member NewMember(Guid committeeId, string name) =>
        new() { CommitteeId = committeeId, Name = name, Gender = Gender.Female, BirthYear = 1980, Party = "无党派人士", DutyCode = "D" + Guid.NewGuid().ToString("N")[..12] };

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_of_one_committee_sees_none_of_another_committees_members(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var mine = await app.NewCommitteeAsync();
        var theirs = await app.NewCommitteeAsync();
        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            ctx.Members.AddRange(NewMember(mine.Id, "本会委员"), NewMember(theirs.Id, "他会委员"));
            await ctx.SaveChangesAsync();
        });
        var staff = await app.NewUserAsync(mine, Roles.Staff);

        var names = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<TongxinDbContext>().Members.Select(m => m.Name).ToListAsync());

        names.ShouldBe(["本会委员"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Writing_into_another_committee_is_refused_and_nothing_is_stored(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var mine = await app.NewCommitteeAsync();
        var theirs = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(mine, Roles.Staff);

        await app.AsAsync(staff.Actor, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            ctx.Members.Add(NewMember(theirs.Id, "越权委员"));
            await Should.ThrowAsync<TenantViolationException>(() => ctx.SaveChangesAsync());
        });

        var stored = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Members.CountAsync(m => m.CommitteeId == theirs.Id));
        stored.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_parent_reads_a_child_only_when_granted(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var granted = await app.NewCommitteeAsync(city.Id, parentMayRead: true, level: CommitteeLevel.County);
        var closed = await app.NewCommitteeAsync(city.Id, parentMayRead: false, level: CommitteeLevel.County);
        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            ctx.Members.AddRange(NewMember(granted.Id, "授权县委员"), NewMember(closed.Id, "未授权县委员"));
            await ctx.SaveChangesAsync();
        });
        var cityStaff = await app.NewUserAsync(city, Roles.Staff);
        var countyStaff = await app.NewUserAsync(granted, Roles.Staff);

        var cityView = await app.AsAsync(cityStaff.Actor, sp => sp.GetRequiredService<TongxinDbContext>().Members.Select(m => m.Name).ToListAsync());
        var countyView = await app.AsAsync(countyStaff.Actor, sp => sp.GetRequiredService<TongxinDbContext>().Members.Select(m => m.Name).ToListAsync());

        cityView.ShouldBe(["授权县委员"]);
        countyView.ShouldBe(["授权县委员"]);
        cityStaff.Actor.CanWrite(granted.Id).ShouldBeFalse("read access to a child is not write access");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Of_two_concurrent_edits_one_wins_and_the_other_is_told(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var member = NewMember(committee.Id, "并发委员");
        await app.AsAsync(staff.Actor, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            ctx.Members.Add(member);
            await ctx.SaveChangesAsync();
        });

        await using var first = app.As(staff.Actor);
        await using var second = app.As(staff.Actor);
        var a = await first.ServiceProvider.GetRequiredService<TongxinDbContext>().Members.SingleAsync(m => m.Id == member.Id);
        var secondDb = second.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var b = await secondDb.Members.SingleAsync(m => m.Id == member.Id);
        a.WorkUnit = "甲单位";
        b.WorkUnit = "乙单位";

        await first.ServiceProvider.GetRequiredService<TongxinDbContext>().SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());

        var stored = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Members.AsNoTracking().SingleAsync(m => m.Id == member.Id));
        stored.WorkUnit.ShouldBe("甲单位");
        stored.Version.ShouldBe(1);

        // The loser reloads and saves again: its change is audited once, not once per attempt.
        await secondDb.Entry(b).ReloadAsync();
        b.WorkUnit = "乙单位";
        await secondDb.SaveChangesAsync();
        var trail = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries
            .Where(e => e.TargetType == nameof(Member) && e.TargetId == member.Id.ToString()).Select(e => e.Action).ToListAsync());
        trail.ShouldBe(["新增", "修改", "修改"], ignoreOrder: true);
        b.Version.ShouldBe(2);
    }
}
