using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform;

public class DenialAuditTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_opening_the_roster_is_refused_and_the_refusal_is_audited(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var member = await app.NewUserAsync(committee, Roles.Member);
        using var session = await WebSession.LoginAsync(app, member.UserName);

        var page = await session.GetAsync("/Organization/Members");
        var api = await session.GetAsync("/api/v1/members");

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await page.Content.ReadAsStringAsync()).ShouldContain("没有权限");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var denials = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries
            .Where(e => e.UserName == member.UserName && e.Result == "拒绝")
            .Select(e => new { e.Action, e.TargetId, e.CommitteeId, e.Role })
            .ToListAsync());
        denials.Select(d => d.TargetId).ShouldBe(["GET /Organization/Members", "GET /api/v1/members"], ignoreOrder: true);
        denials.ShouldAllBe(d => d.Action == "访问被拒绝" && d.CommitteeId == committee.Id && d.Role == Roles.Member);
    }
}
