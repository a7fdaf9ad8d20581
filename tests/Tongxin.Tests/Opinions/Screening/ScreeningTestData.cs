using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Screening;

/// <summary>A city committee with its county (whose reports the city may read), 社情民意 staff of
/// both, staff without the permission, two members and a leader, and a way to put a report in any
/// status straight into the database (the submission belongs to another part).</summary>
public sealed record ScreeningWorld(
    TestApp App,
    TestData.TestCommittee Committee,
    TestData.TestCommittee County,
    TestData.TestUser Staff,
    TestData.TestUser Staff2,
    TestData.TestUser StaffWithoutPermission,
    TestData.TestUser CountyStaff,
    TestData.TestUser Leader,
    TestData.TestUser Member,
    TestData.TestUser Member2,
    Guid MemberId,
    Guid Member2Id)
{
    public static async Task<ScreeningWorld> CreateAsync(TestApp app)
    {
        var c = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(c.Id, parentMayRead: true, level: CommitteeLevel.County);
        var (m1, m2) = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var a = new Member { CommitteeId = c.Id, Name = "周建国", Gender = Gender.Male, BirthYear = 1968, SectorId = c.SectorId, DutyCode = "S" + Guid.NewGuid().ToString("N")[..10] };
            var b = new Member { CommitteeId = c.Id, Name = "吴晓燕", Gender = Gender.Female, BirthYear = 1979, SectorId = c.OtherSectorId, DutyCode = "S" + Guid.NewGuid().ToString("N")[..10] };
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        return new ScreeningWorld(
            app, c, county,
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Opinions]),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Opinions, Permissions.OpinionsSignOff]),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Proposals]),
            await app.NewUserAsync(county, Roles.Staff, [Permissions.Opinions]),
            await app.NewUserAsync(c, Roles.Leader),
            await app.NewUserAsync(c, Roles.Member, memberId: m1),
            await app.NewUserAsync(c, Roles.Member, memberId: m2),
            m1, m2);
    }

    /// <summary>A report by <see cref="Member"/> (or of <paramref name="committeeId"/>) in <paramref name="status"/>,
    /// raising <see cref="OpinionChanged"/> as a submission does (so the index can pick it up).</summary>
    public Task<Guid> ReportAsync(
        OpinionStatus status = OpinionStatus.Submitted,
        string title = "关于解决医院周边停车难问题的建议",
        string situation = "市第一人民医院周边高峰时段车辆排队进场超过一小时。",
        Guid? committeeId = null,
        bool urgent = false,
        DateTime? submittedAt = null,
        string category = "城乡建设",
        OpinionSubmitterKind kind = OpinionSubmitterKind.Member,
        int year = 2026) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var now = submittedAt ?? App.Clock.GetUtcNow().UtcDateTime;
            var own = (committeeId ?? Committee.Id) == Committee.Id;
            var r = new OpinionReport
            {
                CommitteeId = committeeId ?? Committee.Id,
                Year = year,
                SerialNo = status == OpinionStatus.Draft ? null : Random.Shared.Next(1, 999_999),
                Title = title,
                Situation = situation,
                Analysis = "医院停车泊位按老标准配建，缺口较大。",
                Suggestion = "一是推行停车预约；二是错时共享周边车位。",
                Category = category,
                Source = "委员调研",
                IsUrgent = urgent,
                SubmitterKind = kind,
                SubmitterName = own ? "周建国" : "区委员",
                LeadMemberId = own ? MemberId : null,
                ContactName = "周建国",
                ContactPhone = "13900001111",
                CreatedByUserId = own ? Member.Id : null,
                Status = status,
                CreatedAt = now,
                SubmittedAt = status == OpinionStatus.Draft ? null : now,
                CurrentVersionNo = 1,
                LastActivityAt = now,
            };
            db.OpinionReports.Add(r);
            if (own)
            {
                db.OpinionReportAuthors.Add(new OpinionReportAuthor { CommitteeId = r.CommitteeId, ReportId = r.Id, MemberId = MemberId, MemberName = "周建国" });
            }

            db.Raise(new OpinionChanged(r.Id, r.CommitteeId, OpinionAction.Submit, title, []));
            await db.SaveChangesAsync();
            return r.Id;
        });

    public Task<T> As<T>(TestData.TestUser user, Func<IServiceProvider, Task<T>> work) => App.AsAsync(user.Actor, work);

    public Task As(TestData.TestUser user, Func<IServiceProvider, Task> work) => App.AsAsync(user.Actor, work);

    public Task<OpinionReport> ReadAsync(Guid id) => App.AsAsync(Actor.System, sp =>
        sp.GetRequiredService<TongxinDbContext>().OpinionReports.AsNoTracking().FirstAsync(r => r.Id == id));

    public Task<List<string>> HistoryAsync(Guid id) => App.AsAsync(Actor.System, sp =>
        sp.GetRequiredService<TongxinDbContext>().OpinionHistory.AsNoTracking().Where(h => h.ReportId == id).OrderBy(h => h.At).Select(h => h.Text).ToListAsync());

    /// <summary>Delivers the pending events (index, notifications) now.</summary>
    public Task DeliverAsync() => App.DeliverEventsAsync();
}
