using System.Net;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Documents;

/// <summary>Who gets which document: role × document × own/other committee's record, through the
/// pages and the API alike.</summary>
public class DocumentAccessTests
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    [Theory, ClassData(typeof(Databases))]
    public async Task Each_document_goes_exactly_to_those_who_may_read_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var sister = await app.NewCommitteeAsync();
        var session = await app.NewSessionAsync(city, 9, "第九届", 2, "九届二次会议");
        var lead = await app.NewMemberAsync(city, "张晓梅");
        var co = await app.NewMemberAsync(city, "李建国");
        var outsider = await app.NewMemberAsync(city, "王旁观");
        var proposal = await app.NewProposalAsync(city, session, new ProposalRow("关于加强老旧小区停车管理的建议", ProposalStatus.AwaitingRating, 1, lead)
        {
            Kind = ProposerKind.Joint,
            CoSigners = [(co.Id, co.Name, SignerStatus.Confirmed)],
        });
        var unit = await app.NewUnitAsync(city, "测试市住房和城乡建设局");
        var idleUnit = await app.NewUnitAsync(city, "测试市文化旅游局");
        var reply = await app.NewReplyAsync(city, proposal, unit, "测试市住房和城乡建设局", ReplyStatus.Approved, "A", "已经解决。");

        var form = ($"/Proposals/Documents/Form/{proposal}", $"/api/v1/proposals/{proposal}/document");
        var letter = ($"/Proposals/Documents/Reply/{reply}", $"/api/v1/proposals/replies/{reply}/letter");
        var compilation = ($"/Proposals/Documents/Compilation?sessionId={session}", $"/api/v1/proposals/compilation?sessionId={session}");
        var sessions = ("/Proposals/Documents/Compilation", "/api/v1/proposals/compilation/sessions");

        var matrix = new (string Who, Func<Task<TestData.TestUser>> NewUser, HttpStatusCode Form, HttpStatusCode Letter, HttpStatusCode Compilation, HttpStatusCode Sessions)[]
        {
            ("第一提案人", () => app.NewUserAsync(city, Roles.Member, memberId: lead.Id), Ok, Ok, Forbidden, Forbidden),
            ("联名提案人", () => app.NewUserAsync(city, Roles.Member, memberId: co.Id), Ok, Ok, Forbidden, Forbidden),
            ("其他委员", () => app.NewUserAsync(city, Roles.Member, memberId: outsider.Id), NotFound, NotFound, Forbidden, Forbidden),
            ("承办单位", () => app.NewUserAsync(city, Roles.Unit, unitId: unit), Ok, Ok, Forbidden, Forbidden),
            ("未交办单位", () => app.NewUserAsync(city, Roles.Unit, unitId: idleUnit), NotFound, NotFound, Forbidden, Forbidden),
            ("提案工作人员", () => app.NewUserAsync(city, Roles.Staff, permissions: [Permissions.Proposals]), Ok, Ok, Ok, Ok),
            ("无提案权限的工作人员", () => app.NewUserAsync(city, Roles.Staff, permissions: [Permissions.Organization]), NotFound, NotFound, Forbidden, Forbidden),
            ("领导", () => app.NewUserAsync(city, Roles.Leader), Ok, Ok, Ok, Ok),
            ("其他政协的提案工作人员", () => app.NewUserAsync(sister, Roles.Staff, permissions: [Permissions.Proposals]), NotFound, NotFound, NotFound, Ok),
            ("其他政协的领导", () => app.NewUserAsync(sister, Roles.Leader), NotFound, NotFound, NotFound, Ok),
        };

        var failures = new List<string>();
        foreach (var (who, newUser, formCode, letterCode, compilationCode, sessionsCode) in matrix)
        {
            var user = await newUser();
            using var web = await WebSession.LoginAsync(app, user.UserName);
            foreach (var ((page, api), expected) in new[] { (form, formCode), (letter, letterCode), (compilation, compilationCode), (sessions, sessionsCode) })
            {
                foreach (var url in new[] { page, api })
                {
                    var actual = (await web.GetAsync(url)).StatusCode;
                    if (actual != expected)
                    {
                        failures.Add($"{who} GET {url}: {(int)actual}，应为 {(int)expected}");
                    }
                }
            }
        }

        using var anonymous = new WebSession(app);
        foreach (var (page, api) in new[] { form, letter, compilation, sessions })
        {
            var response = await anonymous.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal))
            {
                failures.Add($"公众 GET {page}: {(int)response.StatusCode}，应转到登录页");
            }

            var apiStatus = (await anonymous.GetAsync(api)).StatusCode;
            if (apiStatus != HttpStatusCode.Unauthorized)
            {
                failures.Add($"公众 GET {api}: {(int)apiStatus}，应为 401");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_session_list_offers_the_compilation_of_sessions_with_filed_proposals(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var session = await app.NewSessionAsync(committee, 9, "第九届", 2, "九届二次会议");
        var empty = await app.NewSessionInTermOfAsync(session, 1, "九届一次会议");
        var lead = await app.NewMemberAsync(committee, "张晓梅");
        await app.NewProposalAsync(committee, session, new ProposalRow("关于加强老旧小区停车管理的建议", ProposalStatus.Filed, 1, lead));
        await app.NewProposalAsync(committee, empty, new ProposalRow("关于待审查事项的建议", ProposalStatus.Submitted, null, lead));
        var leader = await app.NewUserAsync(committee, Roles.Leader);
        using var web = await WebSession.LoginAsync(app, leader.UserName);

        var html = await web.GetPageAsync("/Proposals/Documents/Compilation");

        html.ShouldContain($"href=\"?sessionId={session}\"");
        html.ShouldNotContain($"?sessionId={empty}");
        html.ShouldContain("暂无已立案提案");
        html.ShouldContain("共 2 条");
        (await web.GetAsync($"/api/v1/proposals/compilation")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var home = await web.GetPageAsync("/");
        home.ShouldContain("href=\"/Proposals/Documents/Compilation\"");
    }
}
