using Microsoft.EntityFrameworkCore;

namespace Tongxin.Modules.PublicChannels;

internal static class PublicChannelsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<LiaisonPoint>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Token).HasMaxLength(32);
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => new { x.CommitteeId, x.Purpose });
        });
        b.Entity<MemberStudio>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Token).HasMaxLength(32);
            e.HasIndex(x => x.Token).IsUnique();
        });
        b.Entity<MemberStudioHost>(e =>
        {
            e.HasIndex(x => new { x.StudioId, x.MemberId }).IsUnique();
            e.HasIndex(x => x.MemberId);
        });
        b.Entity<PublicSubmission>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.SubmitterName).HasMaxLength(50);
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.ReceiptCode).HasMaxLength(16);
            e.Property(x => x.IdempotencyKey).HasMaxLength(64);
            e.HasIndex(x => x.ReceiptCode).IsUnique();
            e.HasIndex(x => new { x.CommitteeId, x.IdempotencyKey }).IsUnique();
            e.HasIndex(x => new { x.CommitteeId, x.Status, x.CreatedAt });
            e.HasIndex(x => new { x.LiaisonPointId, x.Status });
            e.HasIndex(x => new { x.StudioId, x.Status });
            e.HasIndex(x => new { x.ForwardedUnitId, x.Status });
        });
        b.Entity<TopicSuggestion>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.ReceiptCode).HasMaxLength(16);
            e.Property(x => x.IdempotencyKey).HasMaxLength(64);
            e.HasIndex(x => x.ReceiptCode).IsUnique();
            e.HasIndex(x => new { x.CommitteeId, x.IdempotencyKey }).IsUnique();
            e.HasIndex(x => new { x.CommitteeId, x.Year, x.Status, x.SupportCount });
        });
        b.Entity<TopicSupport>(e => e.HasIndex(x => new { x.SuggestionId, x.SupporterHash }).IsUnique());
        b.Entity<SensitiveWord>(e =>
        {
            e.Property(x => x.Word).HasMaxLength(50);
            e.HasIndex(x => new { x.CommitteeId, x.Word }).IsUnique();
        });
    }
}
