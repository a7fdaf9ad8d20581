using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Search;

/// <summary>Proposals in a given state for the search tests, written directly (the workflow
/// handlers belong to other parts), each save raising <see cref="ProposalChanged"/> like a
/// workflow action does.</summary>
public static class SearchTestData
{
    public sealed record Reply(string Text, ReplyStatus Status = ReplyStatus.Approved, string Unit = "市民政局");

    public static async Task<Guid> AddProposalAsync(
        this TestApp app,
        Guid committeeId,
        string title,
        string situation,
        string suggestions = "",
        ProposalStatus status = ProposalStatus.Filed,
        bool mayPublish = true,
        Guid? leadMemberId = null,
        string leadName = "王建华",
        Guid? sessionId = null,
        int year = 2026,
        string category = "社会法制",
        params Reply[] replies)
    {
        return await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var filed = status is ProposalStatus.Filed or ProposalStatus.Handling or ProposalStatus.AwaitingRating or ProposalStatus.Completed;
            var p = new Proposal
            {
                CommitteeId = committeeId,
                SessionId = sessionId ?? Guid.NewGuid(),
                Year = year,
                Number = filed ? Random.Shared.Next(1, 999_999) : null,
                Title = title,
                Situation = situation,
                Suggestions = suggestions,
                Category = category,
                MayPublish = mayPublish,
                LeadMemberId = leadMemberId ?? Guid.NewGuid(),
                LeadMemberName = leadName,
                Status = status,
                CreatedAt = now,
                SubmittedAt = status == ProposalStatus.Draft ? null : now,
                LastActivityAt = now,
            };
            db.Proposals.Add(p);
            db.ProposalSigners.Add(new ProposalSigner
            {
                CommitteeId = committeeId,
                ProposalId = p.Id,
                MemberId = p.LeadMemberId,
                MemberName = leadName,
                IsLead = true,
                Status = SignerStatus.Confirmed,
            });
            foreach (var r in replies)
            {
                db.ProposalReplies.Add(new ProposalReply
                {
                    CommitteeId = committeeId,
                    ProposalId = p.Id,
                    AssignmentId = Guid.NewGuid(),
                    HandlingUnitName = r.Unit,
                    Text = r.Text,
                    Status = r.Status,
                    ReplyClass = "B",
                    ReviewedAt = r.Status == ReplyStatus.Approved ? now : null,
                });
            }

            db.Raise(new ProposalChanged(p.Id, committeeId, ProposalEventKind.Submitted, title, [], []));
            await db.SaveChangesAsync();
            return p.Id;
        });
    }

    /// <summary>Changes a proposal the way a workflow action would: in one save with its event.</summary>
    public static async Task ChangeAsync(this TestApp app, Guid proposalId, Action<Proposal> change) =>
        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var p = await db.Proposals.SingleAsync(x => x.Id == proposalId);
            change(p);
            db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Marked, p.Title, [], []));
            await db.SaveChangesAsync();
        });

    /// <summary>Delivers the pending events (the index handler among them) now.</summary>
    public static Task IndexAsync(this TestApp app) =>
        app.DeliverEventsAsync();
}
