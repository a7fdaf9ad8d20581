using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Supervision;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Performance.Ledger;

/// <summary>The ledger against both databases: a committee whose points are worked out by hand
/// from DOMAIN.md's rules; rebuilding twice changes nothing; and over random sequences of source
/// changes, refreshing only the members each change names ends where a rebuild from scratch does.</summary>
public class DutyLedgerTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_committee_scores_as_worked_out_by_hand(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var world = new LedgerWorld(committee.Id);
        var m = await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var m = world.AddMembers(d, 5).Select(x => x.Id).ToArray();
            var plenary = world.Activity(d, ActivityType.Plenary, LedgerWorld.Bj(2026, 1, 20), AttendanceMode.MustAttend, 3,
                (m[0], Attendance.Present), (m[1], Attendance.OnLeave), (m[2], Attendance.Absent));
            var thematic = world.Activity(d, ActivityType.Thematic, LedgerWorld.Bj(2026, 6, 3), AttendanceMode.SignUp, 1,
                (m[0], Attendance.Present), (m[1], Attendance.Absent), (m[3], Attendance.Present));
            world.Activity(d, ActivityType.Plenary, LedgerWorld.Bj(2025, 1, 20), AttendanceMode.MustAttend, 2, (m[0], Attendance.Present));
            world.Speech(d, plenary, m[0]);
            world.Speech(d, thematic, m[3]);
            world.Proposal(d, 2026, m[0], ProposalStatus.Filed, key: true, signers: [(m[1], SignerStatus.Confirmed), (m[2], SignerStatus.Declined)]);
            world.Proposal(d, 2026, m[2], ProposalStatus.NotFiled);
            world.Proposal(d, 2026, m[3], ProposalStatus.Completed, excellent: true);
            var joint = world.Report(d, 2026, OpinionStatus.Published, m[0], m[1]);
            world.Outcome(d, joint, OpinionOutcomeKind.Adopted, AdoptionLevel.Own, combined: true);
            world.Outcome(d, joint, OpinionOutcomeKind.Adopted, AdoptionLevel.City);
            world.Outcome(d, joint, OpinionOutcomeKind.Instruction, instruction: InstructionLevel.City);
            world.Outcome(d, joint, OpinionOutcomeKind.Forwarded, AdoptionLevel.City);
            world.Report(d, 2026, OpinionStatus.Draft, m[2]);
            world.Report(d, 2026, OpinionStatus.Submitted, m[2]);
            world.Problem(d, 2026, m[3]);
            world.Problem(d, 2026, m[3], ProblemStatus.Dismissed);
            var group = world.Group(d, m[0], m[4]);
            world.Letter(d, group, m[4], LedgerWorld.Bj(2026, 7, 1), 1);
            world.Visit(d, m[4], new DateOnly(2026, 6, 1));
            world.Visit(d, m[4], new DateOnly(2025, 6, 1));
            world.PlanItem(d, m[4], 2026, new DateOnly(2026, 9, 1));
            world.PlanItem(d, m[4], 2026, null);
            await d.SaveChangesAsync();
            await sp.GetRequiredService<DutyLedger>().RebuildAsync(committee.Id, 2026);
            return m;
        });

        var scores = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().DutyYearScores
            .Where(s => s.CommitteeId == committee.Id && s.Year == 2026).ToDictionaryAsync(s => s.MemberId));
        scores.Count.ShouldBe(5);
        scores[m[0]].Total.ShouldBe(70.75m); // plenary 3×5, activity 5, 大会发言 10, filed 15 + key 15, report ¼ + 2.5 + 5, letter (joint) 3
        scores[m[0]].MeetingPoints.ShouldBe(15);
        scores[m[0]].OpinionPoints.ShouldBe(7.75m);
        scores[m[0]].Grade.ShouldBe("称职");
        scores[m[0]].MissingMinimums.ShouldBe("履职活动3次");
        scores[m[1]].Total.ShouldBe(12.75m); // on leave −1, co-signer 3 + 3, report 7.75
        scores[m[1]].Deductions.ShouldBe(-1);
        scores[m[2]].Total.ShouldBe(-2); // absent without leave; a declined signature, a not-filed proposal and a draft earn nothing
        scores[m[2]].ReportsSubmitted.ShouldBe(1);
        scores[m[3]].Total.ShouldBe(38); // activity 5, 协商发言 5, filed 15 + excellent 10, one problem 3 (the dismissed one not)
        scores[m[4]].Total.ShouldBe(12); // letter writer 5, this year's visit 2, one plan item done 5
        scores[m[4]].MassVisits.ShouldBe(1);
        scores.Values.OrderBy(s => s.Rank).Select(s => s.MemberId).ShouldBe([m[0], m[3], m[1], m[4], m[2]]);

        var record = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<DutyRecordQuery>().LoadAsync(m[0], 2026));
        record.Result.Total.ShouldBe(70.75m);
        record.Rank.ShouldBe(1);
        record.RankedMembers.ShouldBe(5);
        record.Lines.ShouldContain(l => l.Entry.Item == DutyItem.PlenaryHalfDay && l.Points == 15 && l.Entry.Quantity == 3);
        // m[0]'s filed key proposal is the first one made.
        record.Lines.Select(l => DutyLinks.For(l.Entry)).ShouldContain($"/Proposals/Detail/{world.ProposalIds[0]}");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Random_source_changes_refreshed_member_by_member_end_where_a_rebuild_does(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        for (var seed = 1; seed <= 3; seed++)
        {
            var committee = await app.NewCommitteeAsync();
            var world = new LedgerWorld(committee.Id);
            var random = new Random(seed);
            var members = await app.AsAsync(Actor.System, async sp =>
            {
                var d = sp.GetRequiredService<TongxinDbContext>();
                var ms = world.AddMembers(d, 6).Select(x => x.Id).ToArray();
                await d.SaveChangesAsync();
                return ms;
            });

            var letters = 0;
            for (var step = 0; step < 25; step++)
            {
                await app.AsAsync(Actor.System, async sp =>
                {
                    var d = sp.GetRequiredService<TongxinDbContext>();
                    var touched = RandomChange(d, world, members, random, ref letters);
                    await d.SaveChangesAsync();
                    await sp.GetRequiredService<DutyLedger>().RefreshAsync(committee.Id, 2026, touched);
                    await sp.GetRequiredService<DutyLedger>().RefreshAsync(committee.Id, 2025, touched);
                });
            }

            foreach (var year in new[] { 2025, 2026 })
            {
                var incremental = await SnapshotAsync(app, committee.Id, year);
                await app.AsAsync(Actor.System, sp => sp.GetRequiredService<DutyLedger>().RebuildAsync(committee.Id, year));
                var rebuilt = await SnapshotAsync(app, committee.Id, year);
                rebuilt.Entries.ShouldBe(incremental.Entries, $"seed {seed}, {year}: entries");
                rebuilt.Scores.ShouldBe(incremental.Scores, $"seed {seed}, {year}: scores and ranks");

                await app.AsAsync(Actor.System, sp => sp.GetRequiredService<DutyLedger>().RebuildAsync(committee.Id, year));
                (await SnapshotAsync(app, committee.Id, year)).ShouldBe(rebuilt, $"seed {seed}, {year}: a second rebuild changes nothing");
            }
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Ranks_after_a_refresh_equal_those_of_a_rebuild(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var world = new LedgerWorld(committee.Id);
        var m = await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var m = world.AddMembers(d, 4).Select(x => x.Id).ToArray();
            world.Proposal(d, 2026, m[0], ProposalStatus.Filed);
            world.Proposal(d, 2026, m[1], ProposalStatus.Filed);
            await d.SaveChangesAsync();
            await sp.GetRequiredService<DutyLedger>().RebuildAsync(committee.Id, 2026);
            world.Proposal(d, 2026, m[2], ProposalStatus.Filed, key: true);
            await d.SaveChangesAsync();
            await sp.GetRequiredService<DutyLedger>().RefreshAsync(committee.Id, 2026, [m[2]]);
            return m;
        });

        var ranks = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().DutyYearScores
            .Where(s => s.CommitteeId == committee.Id && s.Year == 2026).ToDictionaryAsync(s => s.MemberId, s => s.Rank));
        ranks[m[2]].ShouldBe(1); // 30 points
        ranks[m[0]].ShouldBe(2); // 15, tied
        ranks[m[1]].ShouldBe(2);
        ranks[m[3]].ShouldBe(4); // nothing
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_modules_events_reach_the_ledger(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var world = new LedgerWorld(committee.Id);
        var m = await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            var m = world.AddMembers(d, 2).Select(x => x.Id).ToArray();
            var a = world.Activity(d, ActivityType.Inspection, LedgerWorld.Bj(2026, 2, 25), AttendanceMode.MustAttend, 1, (m[0], Attendance.Present), (m[1], Attendance.Absent));
            d.Raise(new ActivityAttendanceFixed(a.Id, committee.Id, m[0], a.Type, Attendance.Present, true, 1, new DateOnly(2026, 2, 25)));
            d.Raise(new ActivityAttendanceFixed(a.Id, committee.Id, m[1], a.Type, Attendance.Absent, true, 1, new DateOnly(2026, 2, 25)));
            var p = world.Problem(d, 2026, m[1]);
            d.Raise(new SupervisionProblemRecorded(p.Id, committee.Id, m[1], null, p.Title, new DateOnly(2026, 5, 1)));
            world.Visit(d, m[0], new DateOnly(2026, 2, 28));
            d.Raise(new DutyRecordChanged(committee.Id, m[0], 2026));
            await d.SaveChangesAsync();
            return m;
        });

        await app.DeliverEventsAsync();

        var entries = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().DutyEntries
            .Where(e => e.CommitteeId == committee.Id).Select(e => new { e.MemberId, e.Item }).ToListAsync());
        entries.Where(e => e.MemberId == m[0]).Select(e => e.Item).OrderBy(i => i).ShouldBe([DutyItem.Activity, DutyItem.MassVisit]);
        entries.Where(e => e.MemberId == m[1]).Select(e => e.Item).OrderBy(i => i).ShouldBe([DutyItem.AbsentWithoutLeave, DutyItem.SupervisionProblem]);
        var totals = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().DutyYearScores
            .Where(s => s.CommitteeId == committee.Id).ToDictionaryAsync(s => s.MemberId, s => s.Total));
        totals[m[0]].ShouldBe(7); // activity 5 + visit 2
        totals[m[1]].ShouldBe(1); // problem 3 − absence 2
    }

    private static IReadOnlyCollection<Guid> RandomChange(TongxinDbContext d, LedgerWorld w, Guid[] ms, Random r, ref int letters)
    {
        Guid Any() => ms[r.Next(ms.Length)];
        Guid[] Some(int max) => [.. ms.OrderBy(_ => r.Next()).Take(r.Next(1, max + 1))];
        var year = r.Next(5) == 0 ? 2025 : 2026;
        var when = LedgerWorld.Bj(year, r.Next(1, 13), r.Next(1, 28));
        switch (r.Next(9))
        {
            case 0:
                {
                    var people = Some(4);
                    var types = new[] { ActivityType.Plenary, ActivityType.StandingCommittee, ActivityType.Thematic, ActivityType.Inspection };
                    var a = w.Activity(d, types[r.Next(types.Length)], when, r.Next(2) == 0 ? AttendanceMode.MustAttend : AttendanceMode.SignUp, r.Next(1, 4),
                        [.. people.Select(p => (p, (Attendance)r.Next(1, 5)))]);
                    if (r.Next(2) == 0)
                    {
                        w.Speech(d, a, people[0]);
                    }

                    return people;
                }

            case 1:
                {
                    var people = Some(3);
                    var statuses = new[] { ProposalStatus.Submitted, ProposalStatus.NotFiled, ProposalStatus.Filed, ProposalStatus.Handling, ProposalStatus.Completed };
                    w.Proposal(d, year, people[0], statuses[r.Next(statuses.Length)], r.Next(3) == 0, r.Next(4) == 0,
                        [.. people.Skip(1).Select(p => (p, (SignerStatus)r.Next(0, 4)))]);
                    return people;
                }

            case 2:
                {
                    // A later change to an existing proposal: marked key, or not filed after all.
                    var pick = w.ProposalIds.Skip(r.Next(3)).Select(id => (Guid?)id).FirstOrDefault();
                    var p = pick is { } id ? d.Proposals.Find(id) : null;
                    if (p is null)
                    {
                        return [];
                    }

                    if (r.Next(2) == 0)
                    {
                        p.IsKey = !p.IsKey;
                    }
                    else
                    {
                        p.Status = ProposalStatus.NotFiled;
                    }

                    return [p.LeadMemberId, .. d.ProposalSigners.Where(s => s.ProposalId == p.Id).Select(s => s.MemberId)];
                }

            case 3:
                {
                    var authors = Some(3);
                    var report = w.Report(d, year, r.Next(4) == 0 ? OpinionStatus.Draft : OpinionStatus.Published, authors);
                    if (r.Next(2) == 0)
                    {
                        w.Outcome(d, report, OpinionOutcomeKind.Adopted, (AdoptionLevel)r.Next(0, 5), combined: r.Next(2) == 0);
                    }

                    if (r.Next(3) == 0)
                    {
                        w.Outcome(d, report, OpinionOutcomeKind.Instruction, instruction: (InstructionLevel)r.Next(1, 5));
                    }

                    return authors;
                }

            case 4:
                {
                    var m = Any();
                    w.Problem(d, year, m, r.Next(4) == 0 ? ProblemStatus.Dismissed : ProblemStatus.Assigned);
                    return [m];
                }

            case 5:
                {
                    var people = Some(3);
                    var g = w.Group(d, people);
                    w.Letter(d, g, people[0], when, ++letters);
                    return people;
                }

            case 6:
                {
                    var m = Any();
                    w.Visit(d, m, DateOnly.FromDateTime(when.AddHours(8)));
                    return [m];
                }

            case 7:
                {
                    var m = Any();
                    w.PlanItem(d, m, year, r.Next(2) == 0 ? DateOnly.FromDateTime(when.AddHours(8)) : null);
                    return [m];
                }

            default:
                {
                    // A visit deleted.
                    var v = w.VisitIds.Count > 0 ? d.MassVisits.Find(w.VisitIds[0]) : null;
                    if (v is null)
                    {
                        return [];
                    }

                    w.VisitIds.RemoveAt(0);
                    d.MassVisits.Remove(v);
                    return [v.MemberId];
                }
        }
    }

    private sealed record Snapshot(List<string> Entries, List<string> Scores)
    {
        public bool Equals(Snapshot? other) => other is not null && Entries.SequenceEqual(other.Entries) && Scores.SequenceEqual(other.Scores);

        public override int GetHashCode() => Entries.Count;
    }

    private static Task<Snapshot> SnapshotAsync(TestApp app, Guid committeeId, int year) => app.AsAsync(Actor.System, async sp =>
    {
        var d = sp.GetRequiredService<TongxinDbContext>();
        var entries = (await d.DutyEntries.Where(e => e.CommitteeId == committeeId && e.Year == year).ToListAsync())
            .Select(e => $"{e.MemberId}|{e.Item}|{e.Role}|{e.Quantity}|{e.SharedWork}|{e.Combined}|{e.ActivityType}|{e.Date}|{e.Source}|{e.SourceId}|{e.Title}")
            .Order(StringComparer.Ordinal).ToList();
        var scores = (await d.DutyYearScores.Where(s => s.CommitteeId == committeeId && s.Year == year).ToListAsync())
            .Select(s => $"{s.MemberId}|{s.Total:0.##}|{s.MeetingPoints:0.##}|{s.ActivityPoints:0.##}|{s.ProposalPoints:0.##}|{s.OpinionPoints:0.##}|{s.SpeechPoints:0.##}|{s.SupervisionPoints:0.##}|{s.LiaisonPoints:0.##}|{s.PlanPoints:0.##}|{s.Deductions:0.##}|{s.ActivitiesAttended}|{s.PlenaryHalfDays}|{s.Absences}|{s.ProposalsFiled}|{s.ReportsSubmitted}|{s.ReportsAdopted}|{s.Instructions}|{s.Speeches}|{s.SupervisionItems}|{s.MassVisits}|{s.PlanItemsDone}|{s.Grade}|{s.MinimumsMet}|{s.MissingMinimums}|rank={s.Rank}")
            .Order(StringComparer.Ordinal).ToList();
        return new Snapshot(entries, scores);
    });
}
