using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;

namespace Tongxin.Platform.Data;

internal static class PlatformModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AppUser>(e =>
        {
            e.HasIndex(u => u.CommitteeId);
            e.HasIndex(u => u.MemberId);
            e.HasIndex(u => u.HandlingUnitId);
        });

        b.Entity<PasswordHistoryEntry>(e => e.HasIndex(h => new { h.UserId, h.CreatedAt }));

        b.Entity<AuditEntry>(e =>
        {
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.HasIndex(a => a.Time);
            e.HasIndex(a => new { a.CommitteeId, a.Time });
            e.HasIndex(a => a.UserName);
        });
        b.Entity<AuditChainHead>(e =>
        {
            e.ToTable("AuditChainHead");
            e.Property(h => h.Id).ValueGeneratedNever();
            e.HasData(new AuditChainHead { Id = 1, LastSequence = 0, LastHash = "" });
        });

        b.Entity<Holiday>(e => e.HasKey(h => h.Date));

        b.Entity<OutboxMessage>(e => e.HasIndex(m => new { m.DispatchedAt, m.OccurredAt }));
        b.Entity<ProcessedEvent>(e => e.HasKey(p => new { p.MessageId, p.Handler }));

        b.Entity<Notification>(e => e.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt }));

        b.Entity<Attachment>(e =>
        {
            e.HasIndex(a => a.Sha256);
            e.HasIndex(a => new { a.OwnerType, a.OwnerId });
        });
    }
}
