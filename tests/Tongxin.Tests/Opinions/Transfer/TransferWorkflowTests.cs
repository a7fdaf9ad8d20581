using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Transfer;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Transfer;

public class TransferWorkflowTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_transferred_report_runs_the_proposals_handling_loop_and_its_page_shows_the_reply_and_rating(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        var reportId = await w.ReportAsync();

        var caseId = await w.TransferSingleAsync(reportId);

        // The case: a Filed-then-assigned row carrying the report's current (edited) text, no number.
        var c = await w.Read(d => d.Proposals.SingleAsync(p => p.Id == caseId));
        c.SourceReportId.ShouldBe(reportId);
        c.Status.ShouldBe(ProposalStatus.Handling);
        c.Number.ShouldBeNull();
        c.SessionId.ShouldBe(w.SessionId);
        c.Title.ShouldBe("关于规范共享单车停放秩序的建议（核稿）");
        c.Situation.ShouldBe("核稿：地铁站口共享单车堆放，影响通行。\n\n核稿：投放总量缺乏调控。");
        c.Suggestions.ShouldBe("核稿：一是划定停放区；二是实行总量调控。");
        c.LeadMemberId.ShouldBe(w.AuthorId);
        c.AssignmentMode.ShouldBe(AssignmentMode.Single);
        c.Deadline.ShouldBe(new DateOnly(2026, 6, 2)); // 3 months after 2026-03-02, a working day
        var signer = await w.Read(d => d.ProposalSigners.SingleAsync(s => s.ProposalId == caseId));
        (signer.MemberId, signer.IsLead, signer.Status).ShouldBe((w.AuthorId, true, SignerStatus.Confirmed));
        var assignment = await w.Read(d => d.ProposalAssignments.SingleAsync(a => a.ProposalId == caseId));
        (assignment.HandlingUnitId, assignment.Role, assignment.Status).ShouldBe((w.Unit1.Id, AssignmentRole.Single, AssignmentStatus.Pending));

        var report = await w.Read(d => d.OpinionReports.SingleAsync(r => r.Id == reportId));
        report.HandlingCaseId.ShouldBe(caseId);
        report.Status.ShouldBe(OpinionStatus.SignedOff);
        (await w.Read(d => d.OpinionHistory.Where(h => h.ReportId == reportId).Select(h => h.Text).ToListAsync()))
            .ShouldHaveSingleItem().ShouldStartWith("转办单办：市住房和城乡建设局（单办）");
        (await w.Read(d => d.OutboxMessages.CountAsync(m => m.Type == nameof(OpinionChanged) && m.Payload.Contains(reportId.ToString()))))
            .ShouldBe(1);

        // The unit sees it in its inbox, labelled, and handles it on its usual pages.
        var inbox = await w.As(w.Unit1.User, sp => sp.GetRequiredService<UnitInboxHandler>().ListAsync(new UnitInboxFilter(), 1));
        var row = inbox.Items.ShouldHaveSingleItem();
        (row.ProposalId, row.IsCase, row.DisplayNumber).ShouldBe((caseId, true, "社情民意转办"));
        using (var unitPages = await WebSession.LoginAsync(app, w.Unit1.User.UserName))
        {
            (await unitPages.GetPageAsync("/Proposals/Unit")).ShouldContain("data-testid=\"case-label\"");
            (await unitPages.GetPageAsync($"/Proposals/Unit/Handle/{caseId}")).ShouldContain("社情民意信息转办件");
        }

        var replyId = await w.Unit1RepliesAsync(caseId);

        // 社情民意 staff review the reply; the author is asked to rate.
        await w.As(w.OpinionStaff, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(replyId));
        (await w.Read(d => d.Proposals.SingleAsync(p => p.Id == caseId))).Status.ShouldBe(ProposalStatus.AwaitingRating);

        await w.As(w.Author, sp => sp.GetRequiredService<ProposalRatingHandler>()
            .RateAsync(caseId, new RatingInput(Satisfaction.Satisfied, Satisfaction.BasicallySatisfied, OnPoint.OnPoint, "电话", "希望持续跟踪")));
        c = await w.Read(d => d.Proposals.SingleAsync(p => p.Id == caseId));
        c.Status.ShouldBe(ProposalStatus.Completed);

        var handling = await w.As(w.Author, sp => sp.GetRequiredService<ReportHandlingQuery>().GetAsync(reportId));
        handling.CaseStatus.ShouldBe(ProposalStatus.Completed);
        handling.Units.ShouldHaveSingleItem().Name.ShouldBe("市住房和城乡建设局");
        handling.Replies.ShouldHaveSingleItem().Text.ShouldBe("我局已在地铁站口划定停放区，并约谈运营企业。");
        var rating = handling.Ratings.ShouldHaveSingleItem();
        (rating.MemberName, rating.Attitude, rating.Result).ShouldBe((TransferWorld.AuthorName, Satisfaction.Satisfied, Satisfaction.BasicallySatisfied));
        handling.CanOpenCase.ShouldBeTrue();

        // The 转办 page renders the report's handling section (the same partial the report page shows).
        using var staff = await WebSession.LoginAsync(app, w.OpinionStaff.UserName);
        var page = await staff.GetPageAsync($"/Opinions/Transfer/{reportId}");
        page.ShouldContain("我局已在地铁站口划定停放区，并约谈运营企业。");
        page.ShouldContain("办理态度满意，办理结果基本满意");
        page.ShouldContain("id=\"already-transferred\"");
        var casePage = await staff.GetPageAsync($"/Proposals/Detail/{caseId}");
        casePage.ShouldContain("id=\"case-banner\"");
        casePage.ShouldNotContain("id=\"staff-actions\"");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_transfer_through_the_form_to_a_lead_and_a_co_unit(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        var reportId = await w.ReportAsync(OpinionStatus.Published, joint: true);
        using var s = await WebSession.LoginAsync(app, w.OpinionStaff.UserName);

        var response = await s.PostFormAsync($"/Opinions/Transfer/{reportId}", new()
        {
            ["Mode"] = nameof(AssignmentMode.LeadWithCo),
            ["LeadUnitId"] = w.Unit1.Id.ToString(),
            ["OtherUnitIds"] = w.Unit2.Id.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Opinions/Detail/{reportId}");
        var caseId = (await w.Read(d => d.OpinionReports.SingleAsync(r => r.Id == reportId))).HandlingCaseId!.Value;
        var roles = await w.Read(d => d.ProposalAssignments.Where(a => a.ProposalId == caseId).OrderBy(a => a.Role).Select(a => new { a.HandlingUnitId, a.Role }).ToListAsync());
        roles.Select(r => (r.HandlingUnitId, r.Role)).ShouldBe([(w.Unit1.Id, AssignmentRole.Lead), (w.Unit2.Id, AssignmentRole.Co)]);
        (await w.Read(d => d.Proposals.SingleAsync(p => p.Id == caseId))).Kind.ShouldBe(ProposerKind.Joint);

        // A second 转办 is refused, and a wrong unit choice is a form error, not a case.
        var other = await w.ReportAsync();
        var invalid = await s.PostFormAsync($"/Opinions/Transfer/{other}", new() { ["Mode"] = nameof(AssignmentMode.Split), ["LeadUnitId"] = w.Unit1.Id.ToString() });
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("分办须选择至少两个承办单位。");
        (await w.Read(d => d.OpinionReports.SingleAsync(r => r.Id == other))).HandlingCaseId.ShouldBeNull();
        (await w.Read(d => d.Proposals.CountAsync(p => p.SourceReportId == other))).ShouldBe(0);
        var again = await Should.ThrowAsync<ConflictException>(w.TransferSingleAsync(reportId));
        again.Message.ShouldContain("已转办");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_signed_off_or_published_reports_can_be_transferred(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        foreach (var status in new[] { OpinionStatus.Submitted, OpinionStatus.Adopted, OpinionStatus.Rejected, OpinionStatus.Kept })
        {
            var reportId = await w.ReportAsync(status);
            var refused = await Should.ThrowAsync<ConflictException>(w.TransferSingleAsync(reportId));
            refused.Message.ShouldContain("不能转办");
            (await w.Read(d => d.Proposals.CountAsync(p => p.SourceReportId == reportId))).ShouldBe(0);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_report_without_a_member_author_completes_once_the_reply_is_approved(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        var reportId = await w.ReportAsync(byMember: false);
        var caseId = await w.TransferSingleAsync(reportId);
        var c = await w.Read(d => d.Proposals.SingleAsync(p => p.Id == caseId));
        (c.LeadMemberId, c.LeadMemberName).ShouldBe((Guid.Empty, "市民赵六"));
        (await w.Read(d => d.ProposalSigners.CountAsync(s => s.ProposalId == caseId))).ShouldBe(0);

        var replyId = await w.Unit1RepliesAsync(caseId);
        await w.As(w.OpinionStaff, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(replyId));

        c = await w.Read(d => d.Proposals.SingleAsync(p => p.Id == caseId));
        c.Status.ShouldBe(ProposalStatus.Completed);
        c.CompletedAt.ShouldNotBeNull();
        (await w.Read(d => d.ProposalHistory.Where(h => h.ProposalId == caseId && h.Kind == ProposalEventKind.Completed).Select(h => h.Text).SingleAsync()))
            .ShouldContain("无需征询意见");
    }
}
