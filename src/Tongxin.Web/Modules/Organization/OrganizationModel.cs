using Microsoft.EntityFrameworkCore;

namespace Tongxin.Modules.Organization;

internal static class OrganizationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Committee>(e =>
        {
            e.HasIndex(c => c.Code).IsUnique();
            e.HasIndex(c => c.ParentId);
        });
        b.Entity<Term>(e => e.HasIndex(t => new { t.CommitteeId, t.Number }).IsUnique());
        b.Entity<Session>(e => e.HasIndex(s => new { s.TermId, s.Number }).IsUnique());
        b.Entity<Sector>(e => e.HasIndex(s => new { s.CommitteeId, s.Name }).IsUnique());
        b.Entity<SpecialCommittee>(e => e.HasIndex(s => new { s.CommitteeId, s.Name }).IsUnique());
        b.Entity<MemberGroup>(e => e.HasIndex(g => new { g.CommitteeId, g.Name }).IsUnique());
        b.Entity<Member>(e =>
        {
            e.HasIndex(m => m.DutyCode).IsUnique();
            e.HasIndex(m => new { m.CommitteeId, m.Name });
            e.HasIndex(m => new { m.CommitteeId, m.SectorId });
            e.HasMany(m => m.SpecialCommittees).WithOne().HasForeignKey(x => x.MemberId);
            e.HasMany(m => m.Groups).WithOne().HasForeignKey(x => x.MemberId);
        });
        b.Entity<MemberSpecialCommittee>(e =>
        {
            e.HasKey(x => new { x.MemberId, x.SpecialCommitteeId });
            e.HasIndex(x => x.SpecialCommitteeId);
        });
        b.Entity<MemberGroupMembership>(e =>
        {
            e.HasKey(x => new { x.MemberId, x.GroupId });
            e.HasIndex(x => x.GroupId);
        });
        b.Entity<ProfileChangeRequest>(e => e.HasIndex(r => new { r.CommitteeId, r.Status }));
        b.Entity<HandlingUnit>(e => e.HasIndex(u => new { u.CommitteeId, u.Name }).IsUnique());
        b.Entity<Venue>(e => e.HasIndex(v => new { v.CommitteeId, v.Kind }));
    }
}
