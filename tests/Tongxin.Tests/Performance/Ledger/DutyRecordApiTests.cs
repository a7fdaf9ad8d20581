using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Performance.Ledger;

/// <summary>The duty record through the API: a member reads their own year; another member is
/// refused; staff with 委员履职 read any member of their committee.</summary>
public class DutyRecordApiTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_reads_their_own_year_and_only_staff_read_others(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var world = new LedgerWorld(committee.Id);
        var (m, activityId, proposalId) = await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var m = world.AddMembers(d, 2).Select(x => x.Id).ToArray();
            var plenary = world.Activity(d, ActivityType.Plenary, LedgerWorld.Bj(2026, 1, 20), AttendanceMode.MustAttend, 2, (m[0], Attendance.Present));
            var proposal = world.Proposal(d, 2026, m[0], ProposalStatus.Filed);
            await d.SaveChangesAsync();
            await sp.GetRequiredService<DutyLedger>().RebuildAsync(committee.Id, 2026);
            return (m, plenary.Id, proposal.Id);
        });
        var member = await app.NewUserAsync(committee, Roles.Member, memberId: m[0]);
        var other = await app.NewUserAsync(committee, Roles.Member, memberId: m[1]);
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Performance]);

        using (var web = await WebSession.LoginAsync(app, member.UserName))
        {
            var me = await web.GetAsync("/api/v1/performance/me?year=2026");
            me.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
            json.RootElement.GetProperty("total").GetDecimal().ShouldBe(25); // 2 half-days × 5 + filed as lead 15
            json.RootElement.GetProperty("rank").GetInt32().ShouldBe(1);
            var entries = json.RootElement.GetProperty("entries").EnumerateArray()
                .Select(e => (e.GetProperty("points").GetDecimal(), e.GetProperty("link").GetString())).ToList();
            entries.ShouldBe([(10m, $"/Consultation/Activities/Detail/{activityId}"), (15m, $"/Proposals/Detail/{proposalId}")], ignoreOrder: true);
        }

        using (var web = await WebSession.LoginAsync(app, other.UserName))
        {
            (await web.GetAsync($"/api/v1/performance/members/{m[0]}?year=2026")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await web.GetAsync($"/api/v1/performance/members/{m[1]}?year=2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var web = await WebSession.LoginAsync(app, staff.UserName))
        {
            (await web.GetAsync($"/api/v1/performance/members/{m[0]}?year=2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await web.GetAsync("/api/v1/performance/me?year=2026")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await web.GetAsync($"/api/v1/performance/members/{Guid.NewGuid()}?year=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // The rest of the matrix: who reads member m[0]'s year.
        var parent = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(parent.Id, parentMayRead: true);
        var cases = new (TestData.TestUser User, HttpStatusCode Expected, string Who)[]
        {
            (await app.NewUserAsync(committee, Roles.Leader), HttpStatusCode.OK, "本级领导"),
            (await app.NewUserAsync(committee, Roles.Staff, [Permissions.Proposals]), HttpStatusCode.Forbidden, "无委员履职权限的工作人员"),
            (await app.NewUserAsync(parent, Roles.Staff, [Permissions.Performance]), HttpStatusCode.Forbidden, "无权查看本级的其他政协工作人员"),
            (await app.NewUserAsync(parent, Roles.Leader), HttpStatusCode.Forbidden, "其他政协的领导"),
        };
        foreach (var (user, expected, who) in cases)
        {
            using var web = await WebSession.LoginAsync(app, user.UserName);
            (await web.GetAsync($"/api/v1/performance/members/{m[0]}?year=2026")).StatusCode.ShouldBe(expected, who);
        }

        // Staff of a committee that reads the one below it (the county granted it) read the county's members.
        var countyMember = await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var id = new LedgerWorld(county.Id).AddMembers(d, 1)[0].Id;
            await d.SaveChangesAsync();
            return id;
        });
        var parentStaff = await app.NewUserAsync(parent, Roles.Staff, [Permissions.Performance]);
        using (var web = await WebSession.LoginAsync(app, parentStaff.UserName))
        {
            (await web.GetAsync($"/api/v1/performance/members/{countyMember}?year=2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}
