using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions.Transfer;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Transfer;

/// <summary>Who may transfer, handle, review and rate a 转办 case: 社情民意 staff of the own
/// committee manage it, proposal-only staff and other committees do not see it, only assigned
/// units handle it, only the report's lead author rates it.</summary>
public class TransferAuthorizationTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Only_opinion_staff_of_the_own_committee_transfer(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        var reportId = await w.ReportAsync();

        Task<Guid> Transfer(TestData.TestUser who) => w.As(who, sp => sp.GetRequiredService<OpinionTransferHandler>()
            .TransferAsync(reportId, AssignmentMode.Single, [new UnitChoice(w.Unit1.Id, AssignmentRole.Single)]));

        await Should.ThrowAsync<ForbiddenException>(Transfer(w.ProposalStaff));
        await Should.ThrowAsync<ForbiddenException>(Transfer(w.Author));
        await Should.ThrowAsync<ForbiddenException>(Transfer(w.Unit1.User));
        // Another committee's staff cannot even read the report.
        await Should.ThrowAsync<NotFoundException>(Transfer(w.OtherCommitteeOpinionStaff));
        (await w.Read(d => d.Proposals.CountAsync(p => p.SourceReportId == reportId))).ShouldBe(0);

        using (var proposalStaff = await WebSession.LoginAsync(app, w.ProposalStaff.UserName))
        {
            (await proposalStaff.GetAsync($"/Opinions/Transfer/{reportId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await Transfer(w.OpinionStaff)).ShouldNotBe(Guid.Empty);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reply_review_of_a_case_belongs_to_opinion_staff_and_proposal_staff_keep_real_proposals(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        var caseId = await w.TransferSingleAsync(await w.ReportAsync());
        var replyId = await w.Unit1RepliesAsync(caseId);

        Task Approve(TestData.TestUser who) => w.As(who, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(replyId));

        // Proposal-only staff do not see cases; other committees' staff neither.
        await Should.ThrowAsync<NotFoundException>(Approve(w.ProposalStaff));
        await Should.ThrowAsync<NotFoundException>(Approve(w.OtherCommitteeOpinionStaff));
        await Should.ThrowAsync<ForbiddenException>(Approve(w.Author));
        await Should.ThrowAsync<ForbiddenException>(Approve(w.Unit1.User));
        // The case's deadline is the 社情民意 office's to extend, not the 提案委's.
        var assignmentId = await w.Read(d => d.ProposalAssignments.Where(a => a.ProposalId == caseId).Select(a => a.Id).SingleAsync());
        await Should.ThrowAsync<NotFoundException>(w.As(w.ProposalStaff, sp => sp.GetRequiredService<ProposalAssignmentHandler>()
            .ExtendDeadlineAsync(assignmentId, new DateOnly(2026, 7, 1), "需要调研")));
        // Staff actions for proposals only (marks) refuse a case even for staff holding both permissions.
        await Should.ThrowAsync<NotFoundException>(w.As(w.BothStaff, sp => sp.GetRequiredService<ProposalReviewHandler>()
            .MarkAsync(caseId, true, false, "王副主席", null)));
        (await w.Read(d => d.ProposalReplies.SingleAsync(r => r.Id == replyId))).Status.ShouldBe(ReplyStatus.Submitted);

        await w.As(w.OpinionStaff, sp => sp.GetRequiredService<ProposalAssignmentHandler>()
            .ExtendDeadlineAsync(assignmentId, new DateOnly(2026, 7, 1), "需要调研"));
        await Approve(w.OpinionStaff);
        (await w.Read(d => d.ProposalReplies.SingleAsync(r => r.Id == replyId))).Status.ShouldBe(ReplyStatus.Approved);

        // A real proposal's reply: 社情民意-only staff cannot review it, proposal staff can.
        var proposalId = await RealProposalInHandlingAsync(w);
        var proposalReply = await w.Unit1RepliesAsync(proposalId, "提案答复");
        await Should.ThrowAsync<NotFoundException>(w.As(w.OpinionStaff, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(proposalReply)));
        await w.As(w.ProposalStaff, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(proposalReply));
        (await w.Read(d => d.ProposalReplies.SingleAsync(r => r.Id == proposalReply))).Status.ShouldBe(ReplyStatus.Approved);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_assigned_units_handle_a_case_and_only_the_lead_author_rates(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        var caseId = await w.TransferSingleAsync(await w.ReportAsync(joint: true));

        await Should.ThrowAsync<NotFoundException>(w.As(w.Unit3.User, sp => sp.GetRequiredService<UnitHandlingHandler>().AcceptAsync(caseId)));
        await Should.ThrowAsync<NotFoundException>(w.As(w.Unit3.User, sp => sp.GetRequiredService<UnitHandlingQueries>().GetAsync(caseId)));
        using (var unassigned = await WebSession.LoginAsync(app, w.Unit3.User.UserName))
        {
            (await unassigned.GetAsync($"/Proposals/Unit/Handle/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var replyId = await w.Unit1RepliesAsync(caseId);
        await w.As(w.OpinionStaff, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(replyId));

        var input = new RatingInput(Satisfaction.Satisfied, Satisfaction.Satisfied, null, null, null);
        await Should.ThrowAsync<NotFoundException>(w.As(w.OtherMember, sp => sp.GetRequiredService<ProposalRatingHandler>().RateAsync(caseId, input)));
        // The co-author reads the report but the 征询意见 goes to the lead author only.
        await Should.ThrowAsync<NotFoundException>(w.As(w.CoAuthor, sp => sp.GetRequiredService<ProposalRatingHandler>().RateAsync(caseId, input)));
        (await w.Read(d => d.ProposalRatings.CountAsync(r => r.ProposalId == caseId))).ShouldBe(0);

        await w.As(w.Author, sp => sp.GetRequiredService<ProposalRatingHandler>().RateAsync(caseId, input));
        (await w.Read(d => d.ProposalRatings.SingleAsync(r => r.ProposalId == caseId))).MemberId.ShouldBe(w.AuthorId);
    }

    /// <summary>A real proposal of the world's committee, filed and assigned to Unit1 by proposal staff.</summary>
    private static async Task<Guid> RealProposalInHandlingAsync(TransferWorld w)
    {
        var id = await w.App.AsAsync(Tongxin.Platform.Tenancy.Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<Tongxin.Platform.Data.TongxinDbContext>();
            var now = w.App.Clock.GetUtcNow().UtcDateTime;
            var p = new Proposal
            {
                CommitteeId = w.Committee.Id,
                SessionId = w.SessionId,
                Year = 2026,
                Number = 1,
                Title = "关于完善社区养老服务的建议",
                Situation = "情况",
                Suggestions = "建议",
                Category = "社会法制",
                LeadMemberId = w.AuthorId,
                LeadMemberName = TransferWorld.AuthorName,
                Status = ProposalStatus.Filed,
                CreatedAt = now,
                SubmittedAt = now,
                ReviewedAt = now,
                LastActivityAt = now,
            };
            db.Proposals.Add(p);
            db.ProposalSigners.Add(new ProposalSigner { CommitteeId = w.Committee.Id, ProposalId = p.Id, MemberId = w.AuthorId, MemberName = TransferWorld.AuthorName, IsLead = true, Status = SignerStatus.Confirmed });
            await db.SaveChangesAsync();
            return p.Id;
        });
        await w.As(w.ProposalStaff, sp => sp.GetRequiredService<ProposalAssignmentHandler>()
            .AssignAsync(id, AssignmentMode.Single, [new UnitChoice(w.Unit1.Id, AssignmentRole.Single)]));
        return id;
    }
}
