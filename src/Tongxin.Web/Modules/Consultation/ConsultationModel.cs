using Microsoft.EntityFrameworkCore;

namespace Tongxin.Modules.Consultation;

internal static class ConsultationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ConsultationSettings>(e =>
        {
            e.Property(x => x.PlanPattern).HasMaxLength(20);
            e.HasIndex(x => x.CommitteeId).IsUnique();
        });
        b.Entity<ConsultationTopic>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.ProposedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.CommitteeId, x.Year, x.Status });
            e.HasIndex(x => new { x.CommitteeId, x.SuggestionId }).IsUnique();
        });
        b.Entity<ConsultationPlan>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Pattern).HasMaxLength(20);
            e.HasIndex(x => new { x.CommitteeId, x.Year }).IsUnique();
        });
        b.Entity<ConsultationPlanItem>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.LeadLeader).HasMaxLength(50);
            e.Property(x => x.Organizer).HasMaxLength(100);
            e.HasIndex(x => new { x.PlanId, x.Month });
        });
        b.Entity<Activity>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Venue).HasMaxLength(200);
            e.Property(x => x.OnlineLink).HasMaxLength(500);
            e.Property(x => x.Organizer).HasMaxLength(100);
            e.Property(x => x.LeadLeader).HasMaxLength(50);
            e.Property(x => x.SignInSecret).HasMaxLength(64);
            e.HasIndex(x => new { x.CommitteeId, x.Status, x.StartsAt });
            e.HasIndex(x => new { x.CommitteeId, x.Type, x.StartsAt });
        });
        b.Entity<ActivityParticipant>(e =>
        {
            e.Property(x => x.LeaveReason).HasMaxLength(200);
            e.Property(x => x.LeaveDecidedBy).HasMaxLength(50);
            e.HasIndex(x => new { x.ActivityId, x.MemberId }).IsUnique();
            e.HasIndex(x => new { x.MemberId, x.ActivityId });
        });
        b.Entity<ActivityTask>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Place).HasMaxLength(200);
            e.HasIndex(x => x.ActivityId);
        });
        b.Entity<ActivityMaterial>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasIndex(x => x.ActivityId);
        });
        b.Entity<ActivitySpeech>(e =>
        {
            e.Property(x => x.SpeakerName).HasMaxLength(50);
            e.Property(x => x.Title).HasMaxLength(100);
            e.HasIndex(x => new { x.ActivityId, x.SortOrder });
        });
        b.Entity<SpeechVote>(e =>
        {
            e.HasIndex(x => new { x.ActivityId, x.VoterMemberId }).IsUnique();
            e.HasIndex(x => x.SpeechId);
        });
        b.Entity<ActivityMinutes>(e =>
        {
            e.HasIndex(x => x.ActivityId).IsUnique();
            e.HasIndex(x => new { x.CommitteeId, x.UploadedAt, x.DueDate });
        });
        b.Entity<MinutesReading>(e =>
        {
            e.Property(x => x.LeaderName).HasMaxLength(50);
            e.HasIndex(x => new { x.MinutesId, x.LeaderUserId }).IsUnique();
        });
        b.Entity<ConsultationSuggestion>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.RaisedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.ActivityId, x.RaisedAt });
            e.HasIndex(x => new { x.HandlingUnitId, x.Status });
            e.HasIndex(x => new { x.CommitteeId, x.Kind, x.Status, x.RaisedAt });
            e.HasIndex(x => x.RaisedByMemberId);
        });
        b.Entity<Discussion>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Token).HasMaxLength(32);
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => x.ActivityId);
        });
        b.Entity<DiscussionComment>(e =>
        {
            e.Property(x => x.AuthorName).HasMaxLength(50);
            e.Property(x => x.ClientHash).HasMaxLength(64);
            e.HasIndex(x => new { x.DiscussionId, x.Status, x.ParentId, x.CreatedAt, x.Id });
            e.HasIndex(x => new { x.RootId, x.CreatedAt });
            e.HasIndex(x => new { x.CommitteeId, x.Status, x.CreatedAt });
        });
        b.Entity<CommentLike>(e =>
        {
            e.Property(x => x.LikerKey).HasMaxLength(80);
            e.HasIndex(x => new { x.CommentId, x.LikerKey }).IsUnique();
        });
        b.Entity<CommentReport>(e =>
        {
            e.Property(x => x.ReporterKey).HasMaxLength(80);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.HasIndex(x => new { x.CommentId, x.ReporterKey }).IsUnique();
            e.HasIndex(x => new { x.CommitteeId, x.Resolved });
        });
    }
}
