using Microsoft.EntityFrameworkCore;

namespace Tongxin.Modules.Opinions;

internal static class OpinionsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<OpinionSettings>(e => e.HasIndex(s => s.CommitteeId).IsUnique());
        b.Entity<OpinionReport>(e =>
        {
            e.Property(r => r.Title).HasMaxLength(200);
            e.Property(r => r.Category).HasMaxLength(50);
            e.Property(r => r.Source).HasMaxLength(200);
            e.Property(r => r.SubmitterName).HasMaxLength(200);
            e.Property(r => r.ContactName).HasMaxLength(50);
            e.Property(r => r.ContactPhone).HasMaxLength(30);
            e.HasIndex(r => new { r.CommitteeId, r.Year, r.SerialNo }).IsUnique().HasFilter("\"SerialNo\" IS NOT NULL");
            // The screening queue: a committee's reports in a status, newest (urgent first) on top.
            e.HasIndex(r => new { r.CommitteeId, r.Status, r.SubmittedAt });
            e.HasIndex(r => new { r.CommitteeId, r.Year, r.Status });
            // Queue pages over every status filtered by urgency and/or submitter kind (全部 + 急报 + 党派).
            e.HasIndex(r => new { r.CommitteeId, r.IsUrgent, r.SubmittedAt });
            e.HasIndex(r => new { r.CommitteeId, r.SubmitterKind, r.IsUrgent, r.SubmittedAt });
            e.HasIndex(r => r.LeadMemberId);
            e.HasIndex(r => r.CreatedByUserId);
            e.HasIndex(r => r.ForwardedFromReportId);
            e.HasIndex(r => r.ConvertedFromProposalId);
            e.HasIndex(r => r.PublicSubmissionId);
        });
        b.Entity<OpinionReportAuthor>(e =>
        {
            e.HasIndex(x => new { x.ReportId, x.MemberId }).IsUnique();
            e.HasIndex(x => x.MemberId);
        });
        b.Entity<OpinionReportVersion>(e => e.HasIndex(v => new { v.ReportId, v.No }).IsUnique());
        b.Entity<OpinionHistoryEntry>(e => e.HasIndex(h => new { h.ReportId, h.At }));
        b.Entity<OpinionBulletin>(e =>
        {
            e.Property(x => x.Type).HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasIndex(x => new { x.CommitteeId, x.Year, x.Type, x.IssueNo }).IsUnique().HasFilter("\"IssueNo\" IS NOT NULL");
        });
        b.Entity<OpinionBulletinArticle>(e => e.HasIndex(x => new { x.BulletinId, x.Order }));
        b.Entity<OpinionBulletinArticleReport>(e =>
        {
            e.HasIndex(x => new { x.ArticleId, x.ReportId }).IsUnique();
            e.HasIndex(x => x.ReportId);
            e.HasIndex(x => x.BulletinId);
        });
        b.Entity<OpinionOutcome>(e =>
        {
            e.Property(x => x.LeaderName).HasMaxLength(50);
            e.HasIndex(x => x.ReportId);
            e.HasIndex(x => new { x.CommitteeId, x.Kind, x.Date });
        });
    }
}
