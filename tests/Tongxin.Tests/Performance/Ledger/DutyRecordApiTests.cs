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
        var m = await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var m = world.AddMembers(d, 2).Select(x => x.Id).ToArray();
            world.Activity(d, ActivityType.Plenary, LedgerWorld.Bj(2026, 1, 20), AttendanceMode.MustAttend, 2, (m[0], Attendance.Present));
            world.Proposal(d, 2026, m[0], ProposalStatus.Filed);
            await d.SaveChangesAsync();
            await sp.GetRequiredService<DutyLedger>().RebuildAsync(committee.Id, 2026);
            return m;
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
            json.RootElement.GetProperty("entries").GetArrayLength().ShouldBe(2);
            json.RootElement.GetProperty("entries")[0].GetProperty("link").GetString().ShouldStartWith("/");
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
    }
}
