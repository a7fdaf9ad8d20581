using Microsoft.EntityFrameworkCore;

namespace Tongxin.Modules.Evaluation;

internal static class EvaluationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<EvaluationProject>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.Template).HasMaxLength(40);
            e.Property(x => x.CreatedByName).HasMaxLength(100);
            e.HasIndex(x => new { x.CommitteeId, x.CreatedAt });
        });
        b.Entity<EvaluationNode>(e =>
        {
            e.Property(x => x.Key).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(500);
            e.HasIndex(x => new { x.ProjectId, x.Key }).IsUnique();
            e.HasIndex(x => new { x.ProjectId, x.ParentId, x.SortOrder });
        });
        b.Entity<EvaluationExpert>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Alias).HasMaxLength(20);
            e.HasIndex(x => new { x.ProjectId, x.UserId }).IsUnique();
            e.HasIndex(x => x.UserId);
        });
        b.Entity<EvaluationRound>(e =>
        {
            e.Property(x => x.Explanation).HasMaxLength(500);
            e.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        });
        b.Entity<EvaluationAnswer>(e =>
        {
            e.Property(x => x.Judgments).HasMaxLength(2000);
            e.HasIndex(x => new { x.RoundId, x.ExpertId, x.NodeId }).IsUnique();
            e.HasIndex(x => new { x.ProjectId, x.RoundId });
        });
        b.Entity<AdoptedWeightSet>(e =>
        {
            e.Property(x => x.ProjectTitle).HasMaxLength(100);
            e.Property(x => x.AdoptedByName).HasMaxLength(100);
            e.HasIndex(x => new { x.CommitteeId, x.Use }).IsUnique();
        });
    }
}
