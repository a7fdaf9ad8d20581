using Microsoft.EntityFrameworkCore;

namespace Tongxin.Modules.Performance;

internal static class PerformanceModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DutyEntry>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasIndex(x => new { x.CommitteeId, x.Year, x.MemberId });
            e.HasIndex(x => new { x.MemberId, x.Year, x.Item });
            e.HasIndex(x => new { x.Source, x.SourceId });
        });
        b.Entity<DutyRuleSet>(e =>
        {
            e.Property(x => x.UpdatedByName).HasMaxLength(50);
            e.Property(x => x.ExcellentMin).HasPrecision(9, 2);
            e.Property(x => x.CompetentMin).HasPrecision(9, 2);
            e.Property(x => x.PassMin).HasPrecision(9, 2);
            e.HasIndex(x => new { x.CommitteeId, x.Year }).IsUnique();
            e.HasMany(x => x.Rules).WithOne().HasForeignKey(r => r.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DutyRule>(e =>
        {
            e.Property(x => x.Points).HasPrecision(9, 2);
            e.Property(x => x.JointPoints).HasPrecision(9, 2);
            e.Property(x => x.YearCap).HasPrecision(9, 2);
            e.HasIndex(x => new { x.RuleSetId, x.Item }).IsUnique();
        });
        b.Entity<DutyYearScore>(e =>
        {
            foreach (var p in new[]
            {
                nameof(DutyYearScore.Total), nameof(DutyYearScore.MeetingPoints), nameof(DutyYearScore.ActivityPoints),
                nameof(DutyYearScore.ProposalPoints), nameof(DutyYearScore.OpinionPoints), nameof(DutyYearScore.SpeechPoints),
                nameof(DutyYearScore.SupervisionPoints), nameof(DutyYearScore.LiaisonPoints), nameof(DutyYearScore.PlanPoints),
                nameof(DutyYearScore.Deductions),
            })
            {
                e.Property(p).HasPrecision(11, 2);
            }

            e.Property(x => x.Grade).HasMaxLength(10);
            e.Property(x => x.MissingMinimums).HasMaxLength(100);
            e.HasIndex(x => new { x.CommitteeId, x.Year, x.MemberId }).IsUnique();
            e.HasIndex(x => new { x.CommitteeId, x.Year, x.Rank });
            e.HasIndex(x => new { x.MemberId, x.Year });
        });
        b.Entity<MassVisit>(e =>
        {
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Summary).HasMaxLength(1000);
            e.HasIndex(x => new { x.MemberId, x.Date });
            e.HasMany(x => x.Clues).WithOne().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MassVisitClue>(e =>
        {
            e.Property(x => x.Text).HasMaxLength(500);
            e.HasIndex(x => x.VisitId);
        });
        b.Entity<DutyPlanItem>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.Property(x => x.CompletionNote).HasMaxLength(500);
            e.HasIndex(x => new { x.MemberId, x.Year });
        });
        b.Entity<PortraitDimension>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(20);
            e.Property(x => x.Categories).HasMaxLength(100);
            e.Property(x => x.Weight).HasPrecision(9, 4);
        });
    }
}
