using Microsoft.EntityFrameworkCore;

namespace Tongxin.Modules.Proposals;

internal static class ProposalsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ProposalSettings>(e => e.HasIndex(s => s.CommitteeId).IsUnique());
        b.Entity<Proposal>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.Category).HasMaxLength(50);
            e.Property(p => p.LeadMemberName).HasMaxLength(50);
            e.HasIndex(p => new { p.CommitteeId, p.SessionId, p.Number }).IsUnique().HasFilter("\"Number\" IS NOT NULL");
            e.HasIndex(p => new { p.CommitteeId, p.SessionId, p.Status, p.SubmittedAt });
            e.HasIndex(p => new { p.CommitteeId, p.Status, p.Deadline });
            e.HasIndex(p => p.LeadMemberId);
            e.HasIndex(p => p.MergedIntoId);
            e.HasIndex(p => p.ProjectId);
            e.HasIndex(p => p.SourceReportId);
            e.Ignore(p => p.DisplayNumber);
        });
        b.Entity<ProposalSigner>(e =>
        {
            e.HasIndex(s => new { s.ProposalId, s.MemberId }).IsUnique();
            e.HasIndex(s => new { s.MemberId, s.Status });
        });
        b.Entity<ProposalComment>(e => e.HasIndex(c => c.ProposalId));
        b.Entity<ProposalAssignment>(e =>
        {
            e.HasIndex(a => a.ProposalId);
            e.HasIndex(a => new { a.HandlingUnitId, a.Status });
            e.Ignore(a => a.Replies);
        });
        b.Entity<ProposalDeadlineChange>(e => e.HasIndex(c => c.ProposalId));
        b.Entity<ProposalContact>(e => e.HasIndex(c => c.ProposalId));
        b.Entity<ProposalReply>(e =>
        {
            e.HasIndex(r => r.ProposalId);
            e.HasIndex(r => new { r.AssignmentId, r.Round }).IsUnique();
            e.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ReplyId);
        });
        b.Entity<ProposalReplyItem>(e => e.HasIndex(i => i.ProposalId));
        b.Entity<ProposalRating>(e =>
        {
            e.HasIndex(r => new { r.ForProposalId, r.MemberId, r.Round }).IsUnique();
            e.HasIndex(r => r.ProposalId);
        });
        b.Entity<ProposalInstruction>(e => e.HasIndex(i => i.ProposalId));
        b.Entity<ProposalProject>(e => e.HasIndex(p => new { p.CommitteeId, p.SessionId, p.Name }).IsUnique());
        b.Entity<ProposalHistoryEntry>(e => e.HasIndex(h => new { h.ProposalId, h.At }));
    }
}
