using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Drafting;

/// <summary>众人商量着提, 我的提案 across years, and the timeline steps.</summary>
public class DiscussionAndHistoryTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Members_discuss_a_shared_draft_and_the_comments_stay_with_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        var saved = await app.DraftAsync(w.Lead, DraftingTestData.Input());
        DiscussionHandler As(IServiceProvider sp) => sp.GetRequiredService<DiscussionHandler>();

        (await app.AsAsync(w.OtherMember.Actor, sp => As(sp).ListAsync(1))).Total.ShouldBe(0);
        await app.AsAsync(w.Lead.Actor, sp => As(sp).ShareAsync(saved.Id));

        var shared = await app.AsAsync(w.OtherMember.Actor, sp => As(sp).ListAsync(1));
        shared.Items.ShouldHaveSingleItem().Title.ShouldBe("关于加强老旧小区加装电梯的建议");
        (await app.AsAsync(w.ForeignMember.Actor, sp => As(sp).ListAsync(1))).Total.ShouldBe(0);
        await app.AsAsync(w.OtherMember.Actor, sp => As(sp).CommentAsync(saved.Id, "建议补充本市老旧小区数量。"));
        await Should.ThrowAsync<ValidationFailedException>(() => app.AsAsync(w.OtherMember.Actor, sp => As(sp).CommentAsync(saved.Id, "  ")));

        var view = await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().GetAsync(saved.Id));
        view.Comments.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.AuthorName.ShouldBe("孙委员"), c => c.Text.ShouldBe("建议补充本市老旧小区数量。"));
        (await app.StoredEventsAsync(saved.Id)).ShouldContain(e => e.RecipientMemberIds.Contains(w.Lead.Actor.MemberId!.Value));
        (await app.AsAsync(w.OtherMember.Actor, sp => As(sp).ListAsync(1))).Items.Single().CommentCount.ShouldBe(1);

        await app.AsAsync(w.Lead.Actor, sp => As(sp).UnshareAsync(saved.Id));

        (await app.AsAsync(w.OtherMember.Actor, sp => As(sp).ListAsync(1))).Total.ShouldBe(0);
        await Should.ThrowAsync<NotFoundException>(() => app.AsAsync(w.OtherMember.Actor, sp => As(sp).CommentAsync(saved.Id, "还有一点")));
        (await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().GetAsync(saved.Id))).Comments.Count.ShouldBe(1);

        // Submission ends the discussion; the comments are still part of the proposal.
        await app.AsAsync(w.Lead.Actor, sp => As(sp).ShareAsync(saved.Id));
        var version = (await app.StoredProposalAsync(saved.Id)).Version;
        await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().SubmitAsync(saved.Id, version));
        (await app.StoredProposalAsync(saved.Id)).SharedForDiscussion.ShouldBeFalse();
        (await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().GetAsync(saved.Id))).Comments.Count.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task My_proposals_list_every_year_with_co_signer_states_and_filters(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        var joint = await app.SubmitJointAsync(w);
        var draft = await app.DraftAsync(w.Lead, DraftingTestData.Input("关于去年的建议"));
        await app.AsSystemAsync(async d =>
        {
            var p = await d.Proposals.FindAsync(draft.Id);
            p!.Year = 2024;
            return await d.SaveChangesAsync();
        });
        var othersDraft = await app.DraftAsync(w.OtherMember, DraftingTestData.Input(kind: ProposerKind.Joint, coSigners: w.CoSigner));
        MyProposalsHandler As(IServiceProvider sp) => sp.GetRequiredService<MyProposalsHandler>();

        var mine = await app.AsAsync(w.Lead.Actor, sp => As(sp).ListAsync(null, null, 1));

        mine.Total.ShouldBe(2);
        var row = mine.Items.Single(r => r.Id == joint);
        row.ShouldSatisfyAllConditions(r => r.IsLead.ShouldBeTrue(), r => r.Status.ShouldBe(ProposalStatus.Submitted), r => r.DisplayNumber.ShouldBe("未编号"));
        row.CoSigners.Select(s => (s.Name, s.Status)).ShouldBe([("李联名", SignerStatus.Pending), ("赵联名", SignerStatus.Pending)]);
        (await app.AsAsync(w.Lead.Actor, sp => As(sp).ListAsync(2024, null, 1))).Items.ShouldHaveSingleItem().Id.ShouldBe(draft.Id);
        (await app.AsAsync(w.Lead.Actor, sp => As(sp).ListAsync(null, ProposalStatus.Submitted, 1))).Items.ShouldHaveSingleItem().Id.ShouldBe(joint);
        (await app.AsAsync(w.Lead.Actor, sp => As(sp).YearsAsync())).ShouldBe([2026, 2024]);

        var coSigned = await app.AsAsync(w.CoSigner.Actor, sp => As(sp).ListAsync(null, null, 1));
        coSigned.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Id.ShouldBe(joint), r => r.IsLead.ShouldBeFalse());
        coSigned.Items.ShouldNotContain(r => r.Id == othersDraft.Id);

        var bytes = await app.AsAsync(w.Lead.Actor, sp => As(sp).ExportAsync(null, ProposalStatus.Submitted));
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 3).GetString().ShouldBe("案由");
        sheet.Cell(2, 3).GetString().ShouldBe("关于加强老旧小区加装电梯的建议");
        sheet.Cell(2, 8).GetString().ShouldBe("李联名：待确认；赵联名：待确认");
        sheet.Cell(3, 1).IsEmpty().ShouldBeTrue();
    }

    [Fact]
    public void Timeline_steps_are_done_when_their_entries_exist_and_show_the_latest_date()
    {
        var day = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
        var view = ProposalTimelineView.From(
        [
            new(ProposalEventKind.Assigned, day.AddDays(10), "提案委", "交办"),
            new(ProposalEventKind.Submitted, day, "王提案", "提交提案"),
            new(ProposalEventKind.Returned, day.AddDays(1), "提案委", "退回修改"),
            new(ProposalEventKind.Submitted, day.AddDays(2), "王提案", "修改后重新提交"),
            new(ProposalEventKind.Filed, day.AddDays(3), "提案委", "立案"),
        ]);

        view.Steps.Select(s => s.Name).ShouldBe(["提交", "审查", "交办", "联系", "答复", "评价", "事项落实"]);
        view.Steps.Select(s => s.Done).ShouldBe([true, true, true, false, false, false, false]);
        view.Steps[0].At.ShouldBe(day.AddDays(2));
        view.Steps[1].At.ShouldBe(day.AddDays(3));
        view.Entries.First().Text.ShouldBe("提交提案");
        view.Entries.Last().Kind.ShouldBe(ProposalEventKind.Assigned);
    }
}
