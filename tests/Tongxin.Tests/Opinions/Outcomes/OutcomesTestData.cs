using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Outcomes;

/// <summary>Members and reports in known states, inserted directly as the system (screening,
/// editing and bulletins are other parts' work), for the outcome, forwarding and statistics tests.</summary>
public static class OutcomesTestData
{
    public static readonly DateTime At = new(2026, 2, 20, 2, 0, 0, DateTimeKind.Utc);

    public static async Task<Guid> MemberAsync(TestApp app, TestData.TestCommittee c, string name, Guid? sectorId = null) =>
        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var m = new Member { CommitteeId = c.Id, Name = name, SectorId = sectorId, BirthYear = 1975, DutyCode = "O" + Guid.NewGuid().ToString("N")[..12] };
            db.Members.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

    /// <summary>A report of <paramref name="c"/> in <paramref name="status"/> with the given member
    /// authors (the first is the lead); without authors it comes from a non-member reporter.</summary>
    public static async Task<Guid> ReportAsync(
        TestApp app,
        TestData.TestCommittee c,
        OpinionStatus status,
        IReadOnlyList<(Guid Id, string Name)> authors,
        string title = "关于完善社区养老服务的建议",
        string category = "社会民生",
        string? submitterName = null,
        int year = 2026) =>
        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var r = new OpinionReport
            {
                CommitteeId = c.Id,
                Year = year,
                Title = title,
                Situation = "基本情况",
                Analysis = "问题分析",
                Suggestion = "意见建议",
                Category = category,
                SubmitterKind = authors.Count switch
                {
                    0 => OpinionSubmitterKind.PublicReporter,
                    1 => OpinionSubmitterKind.Member,
                    _ => OpinionSubmitterKind.Joint,
                },
                SubmitterName = submitterName ?? (authors.Count == 0 ? "群众甲" : authors.Count == 1 ? authors[0].Name : $"{authors[0].Name} 等{authors.Count}人"),
                LeadMemberId = authors.Count > 0 ? authors[0].Id : null,
                Status = status,
                CreatedAt = At,
                SubmittedAt = status == OpinionStatus.Draft ? null : At,
                CurrentVersionNo = 1,
                LastActivityAt = At,
            };
            db.OpinionReports.Add(r);
            db.OpinionReportAuthors.AddRange(authors.Select((a, i) => new OpinionReportAuthor
            {
                CommitteeId = c.Id,
                ReportId = r.Id,
                MemberId = a.Id,
                MemberName = a.Name,
                Order = i,
            }));
            await db.SaveChangesAsync();
            return r.Id;
        });

    /// <summary>What issuing a bulletin does to a report (the bulletins part): Published, an own-level
    /// adoption tied to the bulletin, and the event.</summary>
    public static async Task PublishAsync(TestApp app, Guid reportId, bool combined = false, DateOnly? date = null) =>
        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var r = await db.OpinionReports.FindAsync(reportId) ?? throw new InvalidOperationException("no report");
            r.Status = OpinionStatus.Published;
            r.PublishedAt = At;
            db.OpinionOutcomes.Add(new OpinionOutcome
            {
                CommitteeId = r.CommitteeId,
                ReportId = r.Id,
                Kind = OpinionOutcomeKind.Adopted,
                Level = AdoptionLevel.Own,
                Combined = combined,
                BulletinId = Guid.CreateVersion7(),
                Date = date ?? new DateOnly(2026, 2, 25),
                RecordedByName = "期刊印发",
                RecordedAt = At,
            });
            db.Raise(new OpinionChanged(r.Id, r.CommitteeId, OpinionAction.Publish, "已刊发", []));
            await db.SaveChangesAsync();
        });

    /// <summary>An upper-level adoption or instruction stored directly (for statistics arrangements).</summary>
    public static async Task OutcomeAsync(TestApp app, Guid reportId, OpinionOutcomeKind kind, AdoptionLevel level = AdoptionLevel.Own, InstructionLevel? instruction = null) =>
        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var r = await db.OpinionReports.FindAsync(reportId) ?? throw new InvalidOperationException("no report");
            db.OpinionOutcomes.Add(new OpinionOutcome
            {
                CommitteeId = r.CommitteeId,
                ReportId = r.Id,
                Kind = kind,
                Level = level,
                InstructionLevel = instruction,
                LeaderName = instruction is null ? null : "王领导",
                Text = instruction is null ? null : "请有关部门研究落实。",
                Date = new DateOnly(2026, 2, 26),
                RecordedByName = "测试",
                RecordedAt = At,
            });
            await db.SaveChangesAsync();
        });

    /// <summary>Handles every pending event, and fails with the handler's error if one failed.</summary>
    public static async Task DispatchAsync(TestApp app)
    {
        await app.DeliverEventsAsync();
        var failed = await app.AsAsync(Actor.System, async sp =>
            await sp.GetRequiredService<TongxinDbContext>().OutboxMessages.Where(m => m.LastError != null && m.DispatchedAt == null).Select(m => m.LastError).ToListAsync());
        failed.ShouldBeEmpty();
    }

    public static async Task<List<OpinionOutcome>> OutcomesOfAsync(TestApp app, Guid reportId) =>
        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            return db.OpinionOutcomes.Where(o => o.ReportId == reportId).OrderBy(o => o.RecordedAt).ThenBy(o => o.Kind).ToList();
        });
}
