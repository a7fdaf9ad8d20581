using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.Proposals.Seeding;

/// <summary>提案演示数据 – proposals for the demo committees and the scale generators.
/// Demo: 示例市政协 gets ~60 proposals in the current session in every status (drafts of
/// demo.member, work for demo.unit = 示例市住房和城乡建设局, key proposals with instructions, two
/// projects) and ~25 a year in the four earlier sessions; demo.member2 is left out entirely so
/// that the end-to-end test starts with nothing pending for that account; each county gets a few.
/// City: ~3,000 proposals a year over the five sessions. Province: 300,000 over ten years (a
/// second, earlier term is added for the first five). Idempotent: a committee that already has
/// proposals is skipped. Deterministic (fixed random seed); dates follow each session's plenary.</summary>
public static class ProposalDemoSeeder
{
    /// <summary>Proposals per year of the whole deployment, per scale.</summary>
    public static int YearlyProposals(SeedScale scale) => scale switch
    {
        SeedScale.City => 3_000,
        SeedScale.Province => 30_000,
        _ => 0,
    };

    public static async Task<int> SeedAsync(TongxinDbContext db, SeedScale scale, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var random = new Random(3026);
            var writer = new BulkWriter(db);
            var committees = await db.Committees.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.Level).ThenBy(c => c.Code).ToListAsync(ct);
            var withProposals = (await db.Proposals.IgnoreQueryFilters().Select(p => p.CommitteeId).Distinct().ToListAsync(ct)).ToHashSet();
            var totalMembers = await db.Members.IgnoreQueryFilters().CountAsync(ct);
            var total = 0;
            foreach (var committee in committees.Where(c => !withProposals.Contains(c.Id)))
            {
                var members = await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.CommitteeId == committee.Id)
                    .OrderBy(m => m.DutyCode).Select(m => new SeedMember(m.Id, m.Name)).ToListAsync(ct);
                var units = await db.HandlingUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.CommitteeId == committee.Id)
                    .OrderBy(u => u.Name).Select(u => new SeedUnit(u.Id, u.Name)).ToListAsync(ct);
                if (members.Count == 0 || units.Count == 0)
                {
                    continue;
                }

                if (scale == SeedScale.Province)
                {
                    await AddEarlierTermAsync(db, committee.Id, ct);
                }

                var sessions = await db.Sessions.IgnoreQueryFilters().AsNoTracking().Where(s => s.CommitteeId == committee.Id)
                    .OrderBy(s => s.StartDate).ToListAsync(ct);
                var batch = new ProposalBatch();
                var projects = new List<ProposalProject>();
                if (scale == SeedScale.Demo)
                {
                    if (committee.Name == DemoSeeder.CityCommitteeName)
                    {
                        await DemoCityAsync(db, batch, projects, committee, members, units, sessions, random, ct);
                    }
                    else
                    {
                        var generator = new ProposalGenerator(committee.Id, committee.Name, members, units, random);
                        foreach (var _ in Enumerable.Range(0, 12))
                        {
                            generator.Add(batch, sessions[^1], PickCurrent(random));
                        }
                    }
                }
                else
                {
                    var perYear = (int)Math.Round((double)YearlyProposals(scale) * members.Count / totalMembers);
                    var generator = new ProposalGenerator(committee.Id, committee.Name, members, units, random);
                    foreach (var session in sessions)
                    {
                        var current = session.IsCurrent;
                        var filed = new List<Guid>();
                        for (var i = 0; i < perYear; i++)
                        {
                            var status = current ? PickCurrent(random) : PickPast(random);
                            if (status == ProposalStatus.Merged && filed.Count == 0)
                            {
                                status = ProposalStatus.Completed;
                            }

                            var p = generator.Add(
                                batch, session, status,
                                mergedInto: status == ProposalStatus.Merged ? filed[random.Next(filed.Count)] : null,
                                rehandled: !current && random.Next(100) < 3,
                                withHistory: true);
                            if (p.Number is not null)
                            {
                                filed.Add(p.Id);
                            }
                        }
                    }
                }

                await writer.WriteAsync(projects, ct);
                await WriteAsync(writer, batch, ct);
                total += batch.Proposals.Count;
            }

            if (total > 0)
            {
                db.Audit("生成提案演示数据", "Seed", scale.ToString(), "成功", $"{total} 件提案，用时 {clock.Elapsed.TotalSeconds:F1} 秒");
                await db.SaveChangesAsync(ct);
            }

            return total;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static async Task WriteAsync(BulkWriter writer, ProposalBatch batch, CancellationToken ct)
    {
        await writer.WriteAsync(batch.Proposals, ct);
        await writer.WriteAsync(batch.Signers, ct);
        await writer.WriteAsync(batch.Assignments, ct);
        await writer.WriteAsync(batch.Replies, ct);
        await writer.WriteAsync(batch.Items, ct);
        await writer.WriteAsync(batch.Ratings, ct);
        await writer.WriteAsync(batch.Instructions, ct);
        await writer.WriteAsync(batch.History, ct);
    }

    /// <summary>示例市政协: a hand-shaped current session and four years of history.</summary>
    private static async Task DemoCityAsync(
        TongxinDbContext db, ProposalBatch batch, List<ProposalProject> projects, Committee committee,
        List<SeedMember> allMembers, List<SeedUnit> units, List<Session> sessions, Random random, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.UserName == "demo.member" || u.UserName == "demo.member2" || u.UserName == "demo.unit")
            .Select(u => new { u.UserName, u.MemberId, u.HandlingUnitId }).ToListAsync(ct);
        var demoMemberId = accounts.FirstOrDefault(a => a.UserName == "demo.member")?.MemberId;
        var demoMember2Id = accounts.FirstOrDefault(a => a.UserName == "demo.member2")?.MemberId;
        var demoUnitId = accounts.FirstOrDefault(a => a.UserName == "demo.unit")?.HandlingUnitId;
        var others = allMembers.Where(m => m.Id != demoMemberId && m.Id != demoMember2Id).ToList();
        var dm = allMembers.FirstOrDefault(m => m.Id == demoMemberId);
        var housing = units.FirstOrDefault(u => u.Id == demoUnitId) ?? units[0];
        var generator = new ProposalGenerator(committee.Id, committee.Name, others, units, random);
        var current = sessions.Single(s => s.IsCurrent);

        // Four earlier sessions: mostly completed, some not filed or merged; two still in handling (overdue).
        foreach (var session in sessions.Where(s => !s.IsCurrent))
        {
            var filed = new List<Guid>();
            for (var i = 0; i < 25; i++)
            {
                var status = PickPast(random);
                if (status == ProposalStatus.Merged && filed.Count == 0)
                {
                    status = ProposalStatus.Completed;
                }

                var p = generator.Add(batch, session, status, mergedInto: status == ProposalStatus.Merged ? filed[random.Next(filed.Count)] : null, rehandled: random.Next(100) < 4);
                if (p.Number is not null)
                {
                    filed.Add(p.Id);
                }
            }
        }

        if (dm is not null)
        {
            var old = generator.Add(batch, sessions[^2], ProposalStatus.Completed, lead: dm, unit: housing);
            old.IsExcellent = true;
        }

        // The current session, every status.
        var plan = new (ProposalStatus Status, int Count)[]
        {
            (ProposalStatus.Draft, 2), (ProposalStatus.Submitted, 7), (ProposalStatus.Returned, 2), (ProposalStatus.Withdrawn, 1),
            (ProposalStatus.NotFiled, 4), (ProposalStatus.Filed, 6), (ProposalStatus.Handling, 14),
            (ProposalStatus.AwaitingRating, 5), (ProposalStatus.Completed, 11),
        };
        var currentFiled = new List<Proposal>();
        foreach (var (status, count) in plan)
        {
            for (var i = 0; i < count; i++)
            {
                // 住建局 (demo.unit) handles every third proposal in handling or later.
                var unit = status >= ProposalStatus.Handling && i % 3 == 0 ? housing : null;
                var p = generator.Add(batch, current, status, unit: unit, rehandled: status == ProposalStatus.Handling && i == 5);
                if (p.Number is not null)
                {
                    currentFiled.Add(p);
                }
            }
        }

        foreach (var _ in Enumerable.Range(0, 3))
        {
            generator.Add(batch, current, ProposalStatus.Merged, mergedInto: currentFiled[random.Next(currentFiled.Count)].Id);
        }

        if (dm is not null)
        {
            var draft = generator.Add(batch, current, ProposalStatus.Draft, lead: dm);
            draft.SharedForDiscussion = true;
            generator.Add(batch, current, ProposalStatus.Draft, lead: dm);
            generator.Add(batch, current, ProposalStatus.Submitted, lead: dm);
            generator.Add(batch, current, ProposalStatus.Filed, lead: dm);
            generator.Add(batch, current, ProposalStatus.Handling, lead: dm, unit: housing);
            generator.Add(batch, current, ProposalStatus.Completed, lead: dm, unit: housing);
            generator.Add(batch, current, ProposalStatus.NotFiled, lead: dm);
        }

        // Key and important proposals with their supervising leaders, some with instructions.
        var handling = currentFiled.Where(p => p.Status is ProposalStatus.Handling or ProposalStatus.AwaitingRating or ProposalStatus.Completed).ToList();
        string[] leaders = ["陈主席", "李副主席", "王副主席"];
        for (var i = 0; i < Math.Min(6, handling.Count); i++)
        {
            var p = handling[i * handling.Count / 6];
            p.IsKey = i < 3;
            p.IsImportant = i >= 3;
            p.SupervisingLeader = leaders[i % leaders.Length];
            if (i % 2 == 0)
            {
                batch.Instructions.Add(new ProposalInstruction
                {
                    CommitteeId = committee.Id,
                    ProposalId = p.Id,
                    LeaderUserId = Guid.Empty,
                    LeaderName = p.SupervisingLeader,
                    Text = "此件为重点提案，请承办单位主要负责同志亲自研究，按期高质量答复。",
                    GivenAt = (p.AssignedAt ?? p.LastActivityAt).AddDays(7),
                });
            }
        }

        var projectNames = new[] { ("城市更新", "老旧小区改造、加装电梯、停车治理等城市更新类提案集中办理"), ("一老一小", "养老、托育和课后服务类提案联合办理") };
        foreach (var (name, description) in projectNames)
        {
            projects.Add(new ProposalProject { CommitteeId = committee.Id, SessionId = current.Id, Name = name, Description = description });
        }

        foreach (var p in currentFiled)
        {
            if (p.Category == "城市建设与管理")
            {
                p.ProjectId = projects[0].Id;
            }
            else if (p.Title.Contains("养老", StringComparison.Ordinal) || p.Title.Contains("托育", StringComparison.Ordinal) || p.Title.Contains("课后", StringComparison.Ordinal))
            {
                p.ProjectId = projects[1].Id;
            }
        }
    }

    /// <summary>Status of a proposal of a past session: almost all done.</summary>
    private static ProposalStatus PickPast(Random random) => random.Next(100) switch
    {
        < 80 => ProposalStatus.Completed,
        < 86 => ProposalStatus.NotFiled,
        < 91 => ProposalStatus.Merged,
        < 93 => ProposalStatus.Withdrawn,
        < 95 => ProposalStatus.AwaitingRating,
        _ => ProposalStatus.Handling,
    };

    /// <summary>Status of a proposal of the current session, a few weeks after the plenary.</summary>
    private static ProposalStatus PickCurrent(Random random) => random.Next(100) switch
    {
        < 2 => ProposalStatus.Draft,
        < 12 => ProposalStatus.Submitted,
        < 14 => ProposalStatus.Returned,
        < 16 => ProposalStatus.Withdrawn,
        < 21 => ProposalStatus.NotFiled,
        < 25 => ProposalStatus.Merged,
        < 35 => ProposalStatus.Filed,
        < 80 => ProposalStatus.Handling,
        < 90 => ProposalStatus.AwaitingRating,
        _ => ProposalStatus.Completed,
    };

    /// <summary>Province scale covers ten years: 第八届 (2017–2021) before the seeded 第九届.</summary>
    private static async Task AddEarlierTermAsync(TongxinDbContext db, Guid committeeId, CancellationToken ct)
    {
        var term = new Term { CommitteeId = committeeId, Number = 8, Name = "第八届", StartDate = new(2017, 1, 1), EndDate = new(2021, 12, 31) };
        db.Terms.Add(term);
        string[] names = ["一", "二", "三", "四", "五"];
        for (var n = 1; n <= 5; n++)
        {
            var start = new DateOnly(2016 + n, 1, 12);
            db.Sessions.Add(new Session { CommitteeId = committeeId, TermId = term.Id, Number = n, Name = $"八届{names[n - 1]}次会议", StartDate = start, EndDate = start.AddDays(4) });
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
