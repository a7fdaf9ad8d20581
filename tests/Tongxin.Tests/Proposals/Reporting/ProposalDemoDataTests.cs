using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Reporting;

public class ProposalDemoDataTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_city_has_a_current_session_in_every_status_and_history(Db db)
    {
        var app = await TestApp.SharedAsync(db);

        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var city = await data.Committees.SingleAsync(c => c.Name == DemoSeeder.CityCommitteeName);
            var current = await data.Sessions.SingleAsync(s => s.CommitteeId == city.Id && s.IsCurrent);
            var statuses = await data.Proposals.Where(p => p.SessionId == current.Id).Select(p => p.Status).ToListAsync();
            statuses.Count.ShouldBeInRange(55, 80);
            statuses.Distinct().Count().ShouldBe(Enum.GetValues<ProposalStatus>().Length);
            (await data.Proposals.CountAsync(p => p.CommitteeId == city.Id && p.SessionId != current.Id)).ShouldBeGreaterThanOrEqualTo(100);

            var housing = await data.Users.Where(u => u.UserName == "demo.unit").Select(u => u.HandlingUnitId).SingleAsync();
            (await data.ProposalAssignments.CountAsync(a => a.HandlingUnitId == housing)).ShouldBeGreaterThan(5);
            var member2 = await data.Users.Where(u => u.UserName == "demo.member2").Select(u => u.MemberId).SingleAsync();
            (await data.ProposalSigners.AnyAsync(s => s.MemberId == member2)).ShouldBeFalse();
            var member = await data.Users.Where(u => u.UserName == "demo.member").Select(u => u.MemberId).SingleAsync();
            (await data.Proposals.CountAsync(p => p.LeadMemberId == member && p.Status == ProposalStatus.Draft)).ShouldBe(2);
            (await data.Proposals.AnyAsync(p => p.LeadMemberId == member && p.Status == ProposalStatus.AwaitingRating)).ShouldBeFalse();
        });

        var stats = await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var staffId = await data.Users.Where(u => u.UserName == "demo.staff").Select(u => new { u.Id, u.CommitteeId }).SingleAsync();
            var readable = await sp.GetRequiredService<CommitteeTree>().ReadableFromAsync(staffId.CommitteeId);
            var staff = new Actor(staffId.Id, "demo.staff", staffId.CommitteeId, [Tongxin.Platform.Accounts.Roles.Staff], [Tongxin.Platform.Accounts.Permissions.Proposals], readable, null);
            return await app.AsAsync(staff, s => s.GetRequiredService<ProposalStatisticsHandler>().GetAsync(null));
        });
        stats.Totals.Received.ShouldBeGreaterThan(50);
        stats.Totals.AfterMerging.ShouldBeLessThan(stats.Totals.Filed);
        stats.Satisfaction.Rated.ShouldBeGreaterThan(0);
        stats.ItemsTotal.ShouldBeGreaterThan(0);
        stats.Instructions.ShouldBeGreaterThan(0);
        stats.Units.ShouldNotBeEmpty();
    }
}
