using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Drafting;

/// <summary>Submission asks the co-signers; they confirm or decline within 3 hours during the plenary
/// and 24 hours otherwise; after that the request is 已过期.</summary>
public class CoSignTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task During_the_plenary_co_signers_have_three_hours_and_late_answers_expire(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var w = await app.NewWorldAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5));
        var submittedAt = app.Clock.GetUtcNow().UtcDateTime;

        var id = await app.SubmitJointAsync(w);

        var p = await app.StoredProposalAsync(id);
        p.ShouldSatisfyAllConditions(x => x.Status.ShouldBe(ProposalStatus.Submitted), x => x.IsPlenary.ShouldBeTrue(), x => x.SubmittedAt.ShouldBe(submittedAt));
        var asked = (await app.StoredSignersAsync(id)).Where(s => !s.IsLead).ToList();
        asked.Count.ShouldBe(2);
        asked.ShouldAllBe(s => s.Status == SignerStatus.Pending && s.RequestedAt == submittedAt && s.ExpiresAt == submittedAt.AddHours(3));
        var submitted = (await app.StoredEventsAsync(id)).Single(e => e.Kind == ProposalEventKind.Submitted);
        submitted.RecipientMemberIds.ShouldBe([w.CoSigner.Actor.MemberId!.Value, w.CoSigner2.Actor.MemberId!.Value], ignoreOrder: true);
        (await OpenRequestsAsync(app, id)).ShouldBe(2);
        var todos = await app.AsAsync(w.CoSigner.Actor, sp => sp.GetServices<ITodoSource>().OfType<CoSignTodos>().Single().GetAsync(w.CoSigner.Actor, default));
        todos.ShouldHaveSingleItem().Count.ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.AsAsync(w.CoSigner.Actor, sp => sp.GetRequiredService<CoSignHandler>().ConfirmAsync(id));
        (await OpenRequestsAsync(app, id)).ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        (await OpenRequestsAsync(app, id)).ShouldBe(0);
        var seen = await app.AsAsync(w.CoSigner2.Actor, sp => sp.GetRequiredService<CoSignHandler>().ListAsync(all: true, 1));
        seen.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Status.ShouldBe(SignerStatus.Expired), r => r.CanAnswer.ShouldBeFalse());
        (await app.AsAsync(w.CoSigner2.Actor, sp => sp.GetRequiredService<CoSignHandler>().ListAsync(all: false, 1))).Total.ShouldBe(0);

        var late = await Should.ThrowAsync<ConflictException>(() => app.AsAsync(w.CoSigner2.Actor, sp => sp.GetRequiredService<CoSignHandler>().ConfirmAsync(id)));

        late.Message.ShouldContain("已过期");
        var signers = await app.StoredSignersAsync(id);
        signers.Single(s => s.MemberName == "李联名").ShouldSatisfyAllConditions(s => s.Status.ShouldBe(SignerStatus.Confirmed), s => s.RespondedAt.ShouldBe(submittedAt.AddHours(2)));
        signers.Single(s => s.MemberName == "赵联名").Status.ShouldBe(SignerStatus.Expired);
        (await app.StoredTimelineAsync(id)).Count(h => h.Kind == ProposalEventKind.CoSigned).ShouldBe(2);

        // 退回修改 and resubmission: only the co-signer who has not confirmed is asked again.
        await app.ReturnAsync(id, "请补充数据");
        var resubmittedAt = app.Clock.GetUtcNow().UtcDateTime;
        var version = (await app.StoredProposalAsync(id)).Version;
        await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().SubmitAsync(id, version));

        signers = await app.StoredSignersAsync(id);
        signers.Single(s => s.MemberName == "李联名").ShouldSatisfyAllConditions(s => s.Status.ShouldBe(SignerStatus.Confirmed), s => s.RequestedAt.ShouldBe(submittedAt));
        signers.Single(s => s.MemberName == "赵联名").ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(SignerStatus.Pending), s => s.RequestedAt.ShouldBe(resubmittedAt), s => s.ExpiresAt.ShouldBe(resubmittedAt.AddHours(3)));
        (await app.StoredEventsAsync(id)).Where(e => e.Kind == ProposalEventKind.Submitted).ShouldContain(e =>
            e.RecipientMemberIds.Count == 1 && e.RecipientMemberIds[0] == w.CoSigner2.Actor.MemberId!.Value);
        await app.AsAsync(w.CoSigner2.Actor, sp => sp.GetRequiredService<CoSignHandler>().DeclineAsync(id));
        (await app.StoredSignersAsync(id)).Single(s => s.MemberName == "赵联名").Status.ShouldBe(SignerStatus.Declined);
        await Should.ThrowAsync<ConflictException>(() => app.AsAsync(w.CoSigner2.Actor, sp => sp.GetRequiredService<CoSignHandler>().ConfirmAsync(id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Outside_the_plenary_the_window_is_a_day_and_the_plenary_flag_follows_the_three_month_window(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var now = app.Clock.GetUtcNow().UtcDateTime; // 2 March 2026

        // Session in May: within three months before it, so 大会提案, but not in the plenary itself.
        var soon = await app.NewWorldAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 5));
        var soonId = await app.SubmitJointAsync(soon);
        (await app.StoredProposalAsync(soonId)).IsPlenary.ShouldBeTrue();
        (await app.StoredSignersAsync(soonId)).Where(s => !s.IsLead).ShouldAllBe(s => s.ExpiresAt == now.AddHours(24));

        // Session in August: more than three months away, so 平时提案.
        var later = await app.NewWorldAsync(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 5));
        var laterId = await app.SubmitJointAsync(later);
        (await app.StoredProposalAsync(laterId)).IsPlenary.ShouldBeFalse();
        (await app.StoredSignersAsync(laterId)).Where(s => !s.IsLead).ShouldAllBe(s => s.ExpiresAt == now.AddHours(24));

        // The plenary ended in January: 平时提案.
        var past = await app.NewWorldAsync(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 14));
        var pastId = await app.SubmitJointAsync(past);
        (await app.StoredProposalAsync(pastId)).IsPlenary.ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Committee_settings_decide_the_windows(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5));
        await app.AsSystemAsync(async d =>
        {
            d.ProposalSettings.Add(new ProposalSettings { CommitteeId = w.Committee.Id, CoSignHoursDuringPlenary = 6 });
            return await d.SaveChangesAsync();
        });
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var id = await app.SubmitJointAsync(w);

        (await app.StoredSignersAsync(id)).Where(s => !s.IsLead).ShouldAllBe(s => s.ExpiresAt == now.AddHours(6));
    }

    private static Task<int> OpenRequestsAsync(TestApp app, Guid id) =>
        app.AsAsync(Tongxin.Platform.Tenancy.Actor.System, sp =>
            CoSigning.OpenRequests(sp.GetRequiredService<TongxinDbContext>(), id, app.Clock.GetUtcNow().UtcDateTime).CountAsync());
}
