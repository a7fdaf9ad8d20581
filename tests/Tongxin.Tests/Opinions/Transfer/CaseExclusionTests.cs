using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions.Transfer;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Modules.Proposals.Search;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using Tongxin.Tests.Proposals.Search;

namespace Tongxin.Tests.Opinions.Transfer;

/// <summary>A 转办 case runs through the proposals' tables but is not a proposal: it never shows in
/// proposal lists, statistics, deadline lists, search, similarity, public pages, "我的提案", the
/// reply-review queue or the leader's reading — even for staff holding both permissions — while a
/// real proposal of the same committee next to it does.</summary>
public class CaseExclusionTests
{
    private const string Word = "鹦鹉螺号";

    [Theory, ClassData(typeof(Databases))]
    public async Task A_case_never_appears_where_proposals_are_listed_counted_or_searched(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        var proposalId = await app.AddProposalAsync(w.Committee.Id, $"关于{Word}单车调度的建议", "单车调度情况", status: ProposalStatus.Handling,
            leadMemberId: w.AuthorId, leadName: TransferWorld.AuthorName, sessionId: w.SessionId);
        var reportId = await w.ReportAsync(title: $"关于规范{Word}单车停放的建议");
        var caseId = await w.TransferSingleAsync(reportId);
        var replyId = await w.Unit1RepliesAsync(caseId, $"{Word}单车已整治。");

        // The reply waits for review: the 社情民意 list shows it, the proposals' queue does not.
        var waiting = await w.As(w.BothStaff, sp => sp.GetRequiredService<TransferCaseList>().ListAsync(true, 1));
        waiting.Items.ShouldHaveSingleItem().CaseId.ShouldBe(caseId);
        using (var staffPages = await WebSession.LoginAsync(app, w.BothStaff.UserName))
        {
            (await staffPages.GetPageAsync("/Proposals/Review/Queue?what=replies")).ShouldNotContain(caseId.ToString());
            (await staffPages.GetPageAsync("/Opinions/Transfer/Cases?waiting=true")).ShouldContain(caseId.ToString());
            var manage = await staffPages.GetPageAsync($"/Proposals/Manage?committeeId={w.Committee.Id}");
            manage.ShouldContain(proposalId.ToString());
            manage.ShouldNotContain(caseId.ToString());
        }

        await w.As(w.OpinionStaff, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(replyId));
        await w.As(w.Author, sp => sp.GetRequiredService<ProposalRatingHandler>()
            .RateAsync(caseId, new RatingInput(Satisfaction.Satisfied, Satisfaction.Satisfied, null, null, null)));
        // Even published-looking, a case stays off the public pages.
        await w.Read(d => d.Proposals.Where(p => p.Id == caseId).ExecuteUpdateAsync(u => u.SetProperty(p => p.MayPublish, true)));
        await app.IndexAsync();

        var list = await w.As(w.BothStaff, sp => sp.GetRequiredService<ProposalListHandler>()
            .ListAsync(new ProposalFilter { CommitteeId = w.Committee.Id }, 1));
        list.Items.Select(r => r.Id).ShouldBe([proposalId]);

        var stats = await w.As(w.BothStaff, sp => sp.GetRequiredService<ProposalStatisticsHandler>().GetAsync(w.SessionId));
        stats.Totals.Received.ShouldBe(1);
        stats.Units.ShouldBeEmpty();
        stats.Satisfaction.Rated.ShouldBe(0);
        stats.ItemsTotal.ShouldBe(0);

        var search = await w.As(w.BothStaff, sp => sp.GetRequiredService<ProposalSearch>()
            .SearchAsync(Word, new ProposalSearchFilter(CommitteeId: w.Committee.Id), 1));
        search.Items.Select(h => h.Id).ShouldBe([proposalId]);
        var similar = await w.As(w.BothStaff, sp => sp.GetRequiredService<ProposalSimilarity>()
            .FindAsync(w.Committee.Id, $"规范{Word}单车停放"));
        similar.Select(s => s.Id).ShouldNotContain(caseId);
        similar.Select(s => s.Id).ShouldContain(proposalId);
        using var scope = app.Services.CreateScope();
        var publicHits = scope.ServiceProvider.GetRequiredService<PublicProposals>()
            .Search(Word, new ProposalSearchFilter(CommitteeId: w.Committee.Id), 1);
        publicHits.Items.Select(h => h.Id).ShouldNotContain(caseId);
        await Should.ThrowAsync<NotFoundException>(app.AsAsync(Tongxin.Platform.Tenancy.Actor.System,
            sp => sp.GetRequiredService<PublicProposals>().GetAsync(caseId, CancellationToken.None)));

        var mine = await w.As(w.Author, sp => sp.GetRequiredService<MyProposalsHandler>().ListAsync(null, null, 1));
        mine.Items.Select(r => r.Id).ShouldBe([proposalId]);

        var leader = await app.NewUserAsync(w.Committee, Roles.Leader);
        await Should.ThrowAsync<NotFoundException>(w.As(leader, sp => sp.GetRequiredService<ProposalDetailQuery>().GetAsync(caseId)));
        (await w.As(leader, sp => sp.GetRequiredService<ProposalDetailQuery>().GetAsync(proposalId))).Proposal.Id.ShouldBe(proposalId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_due_case_is_left_out_of_the_proposal_deadline_lists_but_stays_in_the_units_inbox(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        var caseId = await w.TransferSingleAsync(await w.ReportAsync());
        var today = Tongxin.Platform.Calendar.BeijingTime.Today(app.Clock);
        await w.Read(d => d.ProposalAssignments.Where(a => a.ProposalId == caseId).ExecuteUpdateAsync(u => u.SetProperty(a => a.Deadline, today.AddDays(-1))));

        var overdue = await w.As(w.BothStaff, sp => sp.GetRequiredService<ProposalDeadlineHandler>().ListAsync(Tongxin.Modules.Proposals.Reporting.DueFilter.Overdue, 1));
        overdue.Items.Select(r => r.ProposalId).ShouldNotContain(caseId);
        var inbox = await w.As(w.Unit1.User, sp => sp.GetRequiredService<UnitInboxHandler>().ListAsync(new UnitInboxFilter(Due: Tongxin.Modules.Proposals.Handling.DueFilter.Overdue), 1));
        inbox.Items.ShouldHaveSingleItem().IsCase.ShouldBeTrue();
    }
}
