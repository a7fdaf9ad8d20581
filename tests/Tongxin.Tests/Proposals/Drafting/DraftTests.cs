using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Drafting;

/// <summary>A member drafts, edits, attaches, deletes, submits and withdraws a proposal.</summary>
public class DraftTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Member_drafts_a_proposal_in_the_current_session_as_its_lead_signer(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();

        var saved = await app.DraftAsync(w.Lead, DraftingTestData.Input("老旧小区加装电梯", ProposerKind.Joint, w.CoSigner));

        saved.Warnings.ShouldHaveSingleItem().ShouldContain("关于……的建议");
        var p = await app.StoredProposalAsync(saved.Id);
        p.Status.ShouldBe(ProposalStatus.Draft);
        p.SessionId.ShouldBe(w.SessionId);
        p.Year.ShouldBe(2026);
        p.CommitteeId.ShouldBe(w.Committee.Id);
        p.LeadMemberId.ShouldBe(w.Lead.Actor.MemberId!.Value);
        p.LeadMemberName.ShouldBe("王提案");
        p.Title.ShouldBe("老旧小区加装电梯");
        p.Category.ShouldBe("城市建设与管理");
        var signers = await app.StoredSignersAsync(saved.Id);
        signers.Count.ShouldBe(2);
        signers[0].ShouldSatisfyAllConditions(s => s.IsLead.ShouldBeTrue(), s => s.Order.ShouldBe(0), s => s.Status.ShouldBe(SignerStatus.Confirmed));
        signers[1].ShouldSatisfyAllConditions(s => s.MemberName.ShouldBe("李联名"), s => s.Status.ShouldBe(SignerStatus.Pending), s => s.RequestedAt.ShouldBeNull());
        (await app.StoredTimelineAsync(saved.Id)).ShouldHaveSingleItem().Kind.ShouldBe(ProposalEventKind.Drafted);
        (await app.StoredEventsAsync(saved.Id)).ShouldNotBeEmpty();

        var proper = await app.DraftAsync(w.Lead, DraftingTestData.Input());
        proper.Warnings.ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_draft_needs_a_title_and_suggestions_and_a_listed_category(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        var input = DraftingTestData.Input();
        input.Title = " ";
        input.Suggestions = "";
        input.Category = "不存在的类别";

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => app.DraftAsync(w.Lead, input));

        invalid.Errors.Keys.ShouldBe([nameof(DraftInput.Title), nameof(DraftInput.Suggestions), nameof(DraftInput.Category)], ignoreOrder: true);
        var tooLong = DraftingTestData.Input(new string('长', 201));
        (await Should.ThrowAsync<ValidationFailedException>(() => app.DraftAsync(w.Lead, tooLong))).Errors[nameof(DraftInput.Title)]
            .ShouldHaveSingleItem().ShouldBe("案由不能超过200个字符。");
        var foreignCoSigner = DraftingTestData.Input(kind: ProposerKind.Joint, coSigners: w.ForeignMember);
        (await Should.ThrowAsync<ValidationFailedException>(() => app.DraftAsync(w.Lead, foreignCoSigner))).Errors.Keys
            .ShouldBe([nameof(DraftInput.CoSignerIds)]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Without_a_current_session_drafting_is_refused_in_chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync(withSession: false);

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => app.DraftAsync(w.Lead, DraftingTestData.Input()));

        invalid.Message.ShouldContain("尚未设置当前会议");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Editing_replaces_co_signers_and_a_stale_version_is_refused(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        var saved = await app.DraftAsync(w.Lead, DraftingTestData.Input(kind: ProposerKind.Joint, coSigners: w.CoSigner));
        var edit = DraftingTestData.Input("关于完善社区养老服务的建议", ProposerKind.Joint, w.CoSigner2, w.OtherMember);
        edit.Version = saved.Version;

        var edited = await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().UpdateAsync(saved.Id, edit));

        (await app.StoredProposalAsync(saved.Id)).Title.ShouldBe("关于完善社区养老服务的建议");
        (await app.StoredSignersAsync(saved.Id)).Select(s => s.MemberName).ShouldBe(["王提案", "赵联名", "孙委员"]);
        await Should.ThrowAsync<ConflictException>(() => app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().UpdateAsync(saved.Id, edit)));
        edited.Version.ShouldBeGreaterThan(saved.Version);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_group_proposal_names_the_group_and_keeps_no_co_signers(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        var input = DraftingTestData.Input(kind: ProposerKind.Party, coSigners: w.CoSigner);
        var noName = await app.DraftAsync(w.Lead, input);

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() =>
            app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().SubmitAsync(noName.Id, noName.Version)));

        invalid.Errors.Keys.ShouldBe([nameof(DraftInput.GroupName)]);
        (await app.StoredSignersAsync(noName.Id)).ShouldHaveSingleItem().IsLead.ShouldBeTrue();
        input.GroupName = "民盟市委会";
        input.Version = noName.Version;
        var named = await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().UpdateAsync(noName.Id, input));
        await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().SubmitAsync(named.Id, named.Version));
        var p = await app.StoredProposalAsync(named.Id);
        p.ShouldSatisfyAllConditions(x => x.Status.ShouldBe(ProposalStatus.Submitted), x => x.GroupName.ShouldBe("民盟市委会"), x => x.Kind.ShouldBe(ProposerKind.Party));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_joint_proposal_is_not_submitted_without_co_signers_nor_without_a_category(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        var input = DraftingTestData.Input(kind: ProposerKind.Joint);
        input.Category = "";
        var saved = await app.DraftAsync(w.Lead, input);

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() =>
            app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().SubmitAsync(saved.Id, saved.Version)));

        invalid.Errors.Keys.ShouldBe([nameof(DraftInput.Category), nameof(DraftInput.CoSignerIds)], ignoreOrder: true);
        (await app.StoredProposalAsync(saved.Id)).Status.ShouldBe(ProposalStatus.Draft);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Files_attach_to_the_proposal_and_a_deleted_draft_leaves_nothing_behind(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        var saved = await app.DraftAsync(w.Lead, DraftingTestData.Input());
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("调研报告：加装电梯需求统计。"));

        var attached = await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().UploadAsync(saved.Id, file, "调研报告.txt"));

        var view = await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().GetAsync(saved.Id));
        view.Attachments.ShouldHaveSingleItem().FileName.ShouldBe("调研报告.txt");
        (await app.AsSystemAsync(d => d.Attachments.SingleAsync(a => a.Id == attached.Id))).ShouldSatisfyAllConditions(
            a => a.OwnerType.ShouldBe(DraftHandler.AttachmentOwner), a => a.OwnerId.ShouldBe(saved.Id));

        await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().DeleteAsync(saved.Id));

        (await app.AsSystemAsync(d => d.Proposals.AnyAsync(p => p.Id == saved.Id))).ShouldBeFalse();
        (await app.StoredSignersAsync(saved.Id)).ShouldBeEmpty();
        (await app.StoredTimelineAsync(saved.Id)).ShouldBeEmpty();
        (await app.AsSystemAsync(d => d.Attachments.AnyAsync(a => a.Id == attached.Id))).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_submitted_proposal_cannot_be_deleted_or_edited_but_can_be_withdrawn(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        var id = await app.SubmitJointAsync(w);
        var drafts = (IServiceProvider sp) => sp.GetRequiredService<DraftHandler>();

        await Should.ThrowAsync<ConflictException>(() => app.AsAsync(w.Lead.Actor, sp => drafts(sp).DeleteAsync(id)));
        var edit = DraftingTestData.Input();
        edit.Version = (await app.StoredProposalAsync(id)).Version;
        await Should.ThrowAsync<ConflictException>(() => app.AsAsync(w.Lead.Actor, sp => drafts(sp).UpdateAsync(id, edit)));

        await app.AsAsync(w.Lead.Actor, sp => drafts(sp).WithdrawAsync(id));

        (await app.StoredProposalAsync(id)).Status.ShouldBe(ProposalStatus.Withdrawn);
        (await app.StoredTimelineAsync(id)).ShouldContain(h => h.Kind == ProposalEventKind.Withdrawn);
        (await app.StoredEventsAsync(id)).ShouldContain(e => e.Kind == ProposalEventKind.Withdrawn && e.RecipientMemberIds.Contains(w.CoSigner.Actor.MemberId!.Value));
        await Should.ThrowAsync<ConflictException>(() => app.AsAsync(w.Lead.Actor, sp => drafts(sp).WithdrawAsync(id)));
    }
}
