using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Reporting;

public class ReportingAuthorizationTests
{
    private static readonly string[] Actions = ["list", "export", "statistics", "dashboard", "instruction", "deadlines"];

    /// <summary>Who may do what on the city's proposals: allowed exactly where the design says.</summary>
    [Theory, ClassData(typeof(Databases))]
    public async Task Each_role_may_use_exactly_its_reports(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var w = await ReportingTestData.CreateAsync(app, city);
        var county = await app.NewCommitteeAsync(city.Id, parentMayRead: true, level: CommitteeLevel.County);
        var actors = new Dictionary<string, Actor>
        {
            ["member"] = (await app.NewUserAsync(city, Roles.Member, memberId: w.Member1)).Actor,
            ["unit"] = (await app.NewUserAsync(city, Roles.Unit, unitId: w.Unit1)).Actor,
            ["staff without 提案"] = (await app.NewUserAsync(city, Roles.Staff, [Permissions.Organization])).Actor,
            ["proposal staff"] = (await app.NewUserAsync(city, Roles.Staff, [Permissions.Proposals])).Actor,
            ["leader"] = (await app.NewUserAsync(city, Roles.Leader)).Actor,
            ["county staff"] = (await app.NewUserAsync(county, Roles.Staff, [Permissions.Proposals])).Actor,
            ["anonymous"] = Actor.Anonymous("127.0.0.1"),
        };
        var allowed = new Dictionary<string, string[]>
        {
            ["member"] = [],
            ["unit"] = ["deadlines"],
            ["staff without 提案"] = [],
            ["proposal staff"] = ["list", "export", "statistics", "dashboard", "deadlines"],
            ["leader"] = ["statistics", "dashboard", "instruction"],
            // County staff read their county, not the city: the city's session and committee are out of reach;
            // their own deadline list works and shows none of the city's assignments.
            ["county staff"] = ["deadlines"],
            ["anonymous"] = [],
        };

        var seen = new List<string>();
        foreach (var (name, actor) in actors)
        {
            foreach (var action in Actions)
            {
                var outcome = await TryAsync(app, actor, action, w);
                var expected = allowed[name].Contains(action);
                seen.Add($"{name}/{action}: {(outcome is null ? "allowed" : outcome)}");
                (outcome is null).ShouldBe(expected, $"{name} {action}: {outcome ?? "allowed"}");
            }
        }

        var countyDeadlines = await app.AsAsync(actors["county staff"], sp => sp.GetRequiredService<ProposalDeadlineHandler>().ListAsync(DueFilter.Overdue, 1));
        countyDeadlines.Total.ShouldBe(0);
        seen.Count.ShouldBe(actors.Count * Actions.Length);
    }

    private static async Task<string?> TryAsync(TestApp app, Actor actor, string action, ReportingWorld w)
    {
        try
        {
            await app.AsAsync(actor, async sp =>
            {
                switch (action)
                {
                    case "list":
                        await sp.GetRequiredService<ProposalListHandler>().ListAsync(new() { CommitteeId = w.Committee.Id }, 1);
                        break;
                    case "export":
                        await using (var file = await sp.GetRequiredService<ProposalExcelExport>().ExportAsync(new() { CommitteeId = w.Committee.Id }))
                        {
                            file.Length.ShouldBeGreaterThan(0);
                        }

                        break;
                    case "statistics":
                        await sp.GetRequiredService<ProposalStatisticsHandler>().GetAsync(w.SessionId);
                        break;
                    case "dashboard":
                        await sp.GetRequiredService<LeaderDashboardHandler>().GetAsync();
                        break;
                    case "instruction":
                        await sp.GetRequiredService<ProposalInstructionHandler>().GiveAsync(w.P["P4"], "请加快办理。");
                        break;
                    case "deadlines":
                        await sp.GetRequiredService<ProposalDeadlineHandler>().ListAsync(DueFilter.Overdue, 1);
                        break;
                }
            });
            return null;
        }
        catch (ForbiddenException e)
        {
            return "403 " + e.Message;
        }
        catch (NotFoundException e)
        {
            return "404 " + e.Message;
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Pages_and_api_refuse_those_without_the_right(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReportingTestData.CreateAsync(app);
        var member = await app.NewUserAsync(w.Committee, Roles.Member, memberId: w.Member1);

        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/proposals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/v1/proposals/statistics?sessionId={w.SessionId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var web = await WebSession.LoginAsync(app, member.UserName);
        (await web.GetAsync("/Proposals/Manage")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await web.GetAsync("/Proposals/Manage?handler=Export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await web.GetAsync("/Proposals/Leader")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await web.GetAsync($"/Proposals/Leader/Instruct/{w.P["P1"]}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await web.GetAsync("/api/v1/proposals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await web.GetAsync("/api/v1/proposals/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
