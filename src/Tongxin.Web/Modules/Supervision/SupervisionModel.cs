using Microsoft.EntityFrameworkCore;

namespace Tongxin.Modules.Supervision;

internal static class SupervisionModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<SupervisionTopic>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Departments).HasMaxLength(500);
            e.Property(x => x.LeadLeader).HasMaxLength(50);
            e.HasIndex(x => new { x.CommitteeId, x.Year });
            e.HasIndex(x => x.ParentTopicId);
        });
        b.Entity<SupervisorGroup>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Department).HasMaxLength(100);
            e.HasIndex(x => new { x.CommitteeId, x.IsActive });
            e.HasIndex(x => x.TopicId);
        });
        b.Entity<SupervisorGroupMember>(e =>
        {
            e.HasIndex(x => new { x.GroupId, x.MemberId }).IsUnique();
            e.HasIndex(x => new { x.MemberId, x.GroupId });
        });
        b.Entity<SupervisionActivity>(e =>
        {
            e.HasIndex(x => x.ActivityId).IsUnique();
            e.HasIndex(x => new { x.GroupId, x.ActivityId });
        });
        b.Entity<SupervisionProblem>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Location).HasMaxLength(200);
            e.Property(x => x.Department).HasMaxLength(100);
            e.Property(x => x.ConcernedPerson).HasMaxLength(50);
            e.Property(x => x.ConcernedPhone).HasMaxLength(20);
            e.Property(x => x.AssignNote).HasMaxLength(500);
            e.Property(x => x.RepliedByName).HasMaxLength(50);
            e.Property(x => x.ReturnVisitPerson).HasMaxLength(50);
            e.Property(x => x.ReturnVisitNote).HasMaxLength(500);
            e.Property(x => x.DismissReason).HasMaxLength(200);
            e.HasIndex(x => new { x.CommitteeId, x.Year, x.Number }).IsUnique();
            e.HasIndex(x => new { x.CommitteeId, x.Status, x.RecordedAt });
            e.HasIndex(x => new { x.HandlingUnitId, x.Status });
            e.HasIndex(x => x.GroupId);
            e.HasIndex(x => x.TopicId);
            e.HasIndex(x => x.PublicSubmissionId).IsUnique();
        });
        b.Entity<SupervisionProblemStep>(e =>
        {
            e.Property(x => x.Action).HasMaxLength(20);
            e.Property(x => x.ActorName).HasMaxLength(50);
            e.HasIndex(x => new { x.ProblemId, x.At });
        });
        b.Entity<SupervisionLetter>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Recipient).HasMaxLength(100);
            e.Property(x => x.SignedOffBy).HasMaxLength(50);
            e.Property(x => x.RespondedByName).HasMaxLength(50);
            e.HasIndex(x => new { x.CommitteeId, x.Year, x.Number }).IsUnique();
            e.HasIndex(x => new { x.CommitteeId, x.Status });
            e.HasIndex(x => x.GroupId);
        });
    }
}
