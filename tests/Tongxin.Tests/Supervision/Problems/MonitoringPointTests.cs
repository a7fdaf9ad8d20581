using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Modules.Supervision;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Problems;

/// <summary>优化营商环境监测点: an enterprise reports through the point's QR page, the problem runs
/// the chain, the enterprise follows it with its receipt code and rates it (群众评).</summary>
public partial class MonitoringPointTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_enterprise_report_through_a_monitoring_point_runs_the_chain_and_the_enterprise_follows_and_rates_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        var token = await PointAsync(w, LiaisonPointPurpose.BusinessEnvironment);
        using var phone = new WebSession(app);

        var code = await SubmitAsync(phone, token, "办理施工许可材料反复退回", "同一份材料被要求修改三次，每次意见不同。", "陈经理", "138 1234 5678");

        var p = await ProblemOfAsync(w, code);
        (p.Source, p.Status, p.Title, p.ConcernedPerson, p.ConcernedPhone).ShouldBe(
            (ProblemSource.MonitoringPoint, ProblemStatus.Recorded, "办理施工许可材料反复退回", (string?)"陈经理", (string?)"13812345678"));
        p.LiaisonPointId.ShouldNotBeNull();
        p.Location.ShouldStartWith("开发区企业服务中心监测点");
        p.Number.ShouldBe(1);
        (await w.StepsAsync(p.Id)).ShouldHaveSingleItem().ActorName.ShouldBe("营商环境监测点");
        (await ReceiptAsync(phone, code)).ShouldContain("已收到，等待处理");

        // The point's own inbox shows the letter but leaves the answer to the chain.
        await w.App.AsAsync(w.Staff.Actor, async sp =>
        {
            var inbox = sp.GetRequiredService<LetterInbox>();
            var row = (await inbox.ListAsync(null, 1)).Items.ShouldHaveSingleItem();
            var letter = await inbox.GetAsync(row.Id);
            letter.TakenOverBy.ShouldBe("民主监督问题清单");
            var refused = await Should.ThrowAsync<ConflictException>(() => inbox.ReplyAsync(row.Id, letter.Version, "已收到"));
            refused.Message.ShouldContain("民主监督问题清单");
            await Should.ThrowAsync<ConflictException>(() => inbox.ConvertToReportAsync(row.Id, letter.Version));
        });

        await w.AssignAsync(p.Id);
        (await ReceiptAsync(phone, code)).ShouldContain("已转交有关单位办理");

        await w.ReplyAsync(p.Id, text: "已统一审查口径，一次性告知企业所需材料。");
        var receipt = await ReceiptAsync(phone, code);
        receipt.ShouldContain("已答复");
        receipt.ShouldContain("已统一审查口径，一次性告知企业所需材料。");
        receipt.ShouldNotContain("13812345678");
        receipt.ShouldNotContain("138****5678");

        // 群众评 with the receipt code; the rating shows on the problem page.
        var rated = await phone.PostFormAsync("/q/receipt?handler=Rate", new() { ["Code"] = code, ["Rating"] = "Satisfied", ["Comment"] = "效率很高" }, $"/q/receipt?code={code}");
        rated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.DetailAsync(p.Id, w.Staff)).PublicRating.ShouldBe(PublicRating.Satisfied);
        using (var staff = await WebSession.LoginAsync(app, w.Staff.UserName))
        {
            var page = await staff.GetPageAsync($"/Supervision/Problems/Detail/{p.Id}");
            page.ShouldContain("data-testid=\"public-rating\">满意：效率很高");
            page.ShouldContain("13812345678");
        }

        await w.VisitAsync(p.Id);
        await w.CloseAsync(p.Id);
        (await ReceiptAsync(phone, code)).ShouldContain("已办结");

        // Without the code nothing is found.
        var wrong = await phone.GetAsync("/q/receipt?code=ABCDEFGHJK");
        wrong.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain(PublicReceipts.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_business_environment_points_feed_the_chain_and_a_moderated_letter_enters_it_when_approved(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        using var phone = new WebSession(app);

        var opinionToken = await PointAsync(w, LiaisonPointPurpose.Opinion);
        var opinionCode = await SubmitAsync(phone, opinionToken, "小区路灯不亮", "晚上很危险。");
        (await ProblemOrNullAsync(w, opinionCode)).ShouldBeNull();

        var token = await PointAsync(w, LiaisonPointPurpose.BusinessEnvironment);
        await app.AsAsync(Actor.System, async sp =>
        {
            var dbc = sp.GetRequiredService<TongxinDbContext>();
            dbc.SensitiveWords.Add(new SensitiveWord { CommitteeId = w.Committee.Id, Word = "代开发票" });
            await dbc.SaveChangesAsync();
            sp.GetRequiredService<SensitiveWordFilter>().Invalidate(w.Committee.Id);
        });
        var code = await SubmitAsync(phone, token, "有人上门推销代开发票", "园区多家企业接到推销电话。");
        (await ProblemOrNullAsync(w, code)).ShouldBeNull();

        var moderator = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Public]);
        var letter = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().PublicSubmissions.AsNoTracking().SingleAsync(s => s.ReceiptCode == code));
        await app.AsAsync(moderator.Actor, sp => sp.GetRequiredService<ModerationQueue>().ApproveAsync(letter.Id, letter.Version));

        var p = (await ProblemOrNullAsync(w, code)).ShouldNotBeNull();
        (p.Source, p.Status).ShouldBe((ProblemSource.MonitoringPoint, ProblemStatus.Recorded));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_enterprise_phone_is_shown_to_staff_and_masked_for_the_unit(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        var token = await PointAsync(w, LiaisonPointPurpose.BusinessEnvironment);
        using var phone = new WebSession(app);
        var code = await SubmitAsync(phone, token, "用电报装时间过长", "报装两个月仍未通电。", "刘总", "13912345678");
        var p = await ProblemOfAsync(w, code);
        await w.AssignAsync(p.Id);

        (await w.DetailAsync(p.Id, w.Staff)).ConcernedPhone.ShouldBe("13912345678");
        (await w.DetailAsync(p.Id, w.Unit1)).ConcernedPhone.ShouldBe("139****5678");
        await Should.ThrowAsync<NotFoundException>(() => w.DetailAsync(p.Id, w.Supervisor));
    }

    internal static async Task<string> PointAsync(ProblemWorld w, LiaisonPointPurpose purpose) =>
        await w.App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var point = new LiaisonPoint
            {
                CommitteeId = w.Committee.Id,
                Name = purpose == LiaisonPointPurpose.BusinessEnvironment ? "开发区企业服务中心监测点" : "社区联络点",
                Kind = LiaisonPointKind.Enterprise,
                Purpose = purpose,
                Address = "创业路1号",
                Token = Guid.NewGuid().ToString("N")[..20],
                ResponsibleUserId = w.Staff.Id,
            };
            db.LiaisonPoints.Add(point);
            await db.SaveChangesAsync();
            return point.Token;
        });

    /// <summary>Opens the point's form like a phone and posts it; returns the receipt code.</summary>
    internal static async Task<string> SubmitAsync(WebSession phone, string token, string title, string content, string? name = null, string? tel = null)
    {
        var url = $"/q/{token}";
        var form = await phone.GetPageAsync(url);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Content"] = content,
            [PublicFormStamps.StampField] = WebUtility.HtmlDecode(StampPattern().Match(form).Groups[1].Value),
        };
        if (name is not null)
        {
            fields["Input.Name"] = name;
        }

        if (tel is not null)
        {
            fields["Input.Phone"] = tel;
        }

        var response = await phone.PostFormAsync(url, fields, url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return ReceiptPattern().Match(body).Groups[1].Value.Replace("-", "", StringComparison.Ordinal);
    }

    private static Task<string> ReceiptAsync(WebSession phone, string code) => phone.GetPageAsync($"/q/receipt?code={code}");

    private static async Task<SupervisionProblem> ProblemOfAsync(ProblemWorld w, string code) =>
        (await ProblemOrNullAsync(w, code)).ShouldNotBeNull();

    private static Task<SupervisionProblem?> ProblemOrNullAsync(ProblemWorld w, string code) =>
        w.App.AsAsync(Actor.System, sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            return db.SupervisionProblems.AsNoTracking()
                .Where(p => db.PublicSubmissions.Any(s => s.Id == p.PublicSubmissionId && s.ReceiptCode == code))
                .FirstOrDefaultAsync();
        });

    [GeneratedRegex("name=\"_stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampPattern();

    [GeneratedRegex("data-testid=\"receipt-code\">([^<]+)<")]
    private static partial Regex ReceiptPattern();
}
