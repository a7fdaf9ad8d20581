using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals.Seeding;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.Opinions.Seeding;

/// <summary>社情民意演示数据 – for the demo scale only (the run command's start stays fast): ~120
/// reports of 示例市政协 and ~20 of 示例市东湖区政协 over 2025 and early 2026 in every status, with
/// author and editor versions and timelines; numbered bulletins (快报, 专报 and one 综合) that printed
/// the published ones; outcomes (own-level adoption, upward adoptions, leaders' instructions); and
/// two county reports forwarded to the city (one waiting in the city's screening queue, one adopted
/// there with the decision carried back to the original). demo.member authors reports in every
/// stage, demo.member2 co-authors a few. Rows are written directly as the system would; a committee
/// that already has reports is skipped. Deterministic (fixed random seed).</summary>
public static class OpinionDemoSeeder
{
    public const string CountyCommitteeName = "示例市东湖区政协";

    public static async Task<int> SeedAsync(TongxinDbContext db, SeedScale scale, CancellationToken ct = default)
    {
        if (scale != SeedScale.Demo)
        {
            return 0;
        }

        var committees = await db.Committees.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Name == DemoSeeder.CityCommitteeName || c.Name == CountyCommitteeName)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var city = committees.FirstOrDefault(c => c.Name == DemoSeeder.CityCommitteeName);
        var county = committees.FirstOrDefault(c => c.Name == CountyCommitteeName);
        if (city is null || county is null
            || await db.OpinionReports.IgnoreQueryFilters().AnyAsync(r => r.CommitteeId == city.Id || r.CommitteeId == county.Id, ct))
        {
            return 0;
        }

        var random = new Random(4026);
        var accounts = await db.Users.AsNoTracking().Where(u => u.UserName == "demo.member" || u.UserName == "demo.member2")
            .Select(u => new { u.UserName, u.MemberId }).ToListAsync(ct);
        var cityMembers = await MembersAsync(db, city.Id, ct);
        var demoMember = cityMembers.FirstOrDefault(m => m.Id == accounts.FirstOrDefault(a => a.UserName == "demo.member")?.MemberId);
        var demoMember2 = cityMembers.FirstOrDefault(m => m.Id == accounts.FirstOrDefault(a => a.UserName == "demo.member2")?.MemberId);
        var others = cityMembers.Where(m => m != demoMember && m != demoMember2).Take(60).ToList();

        var batch = new OpinionBatch();
        var cityGen = new OpinionGenerator(city.Id, others, random, "市政协信息科");
        var plan = new (OpinionStatus Status, int Count, DateOnly From, DateOnly To)[]
        {
            (OpinionStatus.Draft, 3, new(2026, 2, 10), new(2026, 2, 27)),
            (OpinionStatus.Submitted, 22, new(2026, 1, 20), new(2026, 2, 27)),
            (OpinionStatus.Returned, 5, new(2025, 11, 1), new(2026, 2, 20)),
            (OpinionStatus.Withdrawn, 3, new(2025, 4, 1), new(2026, 1, 31)),
            (OpinionStatus.Rejected, 12, new(2025, 2, 1), new(2026, 2, 10)),
            (OpinionStatus.Kept, 9, new(2025, 3, 1), new(2026, 2, 10)),
            (OpinionStatus.ProposalClue, 4, new(2025, 6, 1), new(2026, 2, 10)),
            (OpinionStatus.Adopted, 10, new(2026, 1, 10), new(2026, 2, 20)),
            (OpinionStatus.SignedOff, 8, new(2026, 1, 5), new(2026, 2, 15)),
            (OpinionStatus.Published, 36, new(2025, 1, 6), new(2026, 1, 25)),
        };
        foreach (var (status, count, from, to) in plan)
        {
            for (var i = 0; i < count; i++)
            {
                cityGen.Add(batch, status, At(random, from, to), withDetails: true);
            }
        }

        // demo.member in every stage (alone, or with demo.member2 as co-author); the proposal clue
        // offers "据此起草提案".
        if (demoMember is not null)
        {
            var pair = demoMember2 is null ? new[] { demoMember } : [demoMember, demoMember2];
            cityGen.Add(batch, OpinionStatus.Draft, At(random, new(2026, 2, 20), new(2026, 2, 27)), true, [demoMember]);
            cityGen.Add(batch, OpinionStatus.Submitted, At(random, new(2026, 2, 16), new(2026, 2, 27)), true, [demoMember], urgent: true);
            cityGen.Add(batch, OpinionStatus.Returned, At(random, new(2026, 2, 1), new(2026, 2, 20)), true, [demoMember]);
            cityGen.Add(batch, OpinionStatus.ProposalClue, At(random, new(2026, 1, 5), new(2026, 2, 10)), true, [demoMember]);
            cityGen.Add(batch, OpinionStatus.Adopted, At(random, new(2026, 1, 20), new(2026, 2, 20)), true, pair);
            cityGen.Add(batch, OpinionStatus.Published, At(random, new(2025, 5, 1), new(2025, 11, 30)), true, [demoMember]);
            cityGen.Add(batch, OpinionStatus.Published, At(random, new(2025, 3, 1), new(2025, 10, 31)), true, pair);
        }

        var countyMembers = await MembersAsync(db, county.Id, ct);
        var countyGen = new OpinionGenerator(county.Id, countyMembers.Take(30).ToList(), random, "区政协信息科");
        var countyPlan = new (OpinionStatus Status, int Count)[]
        {
            (OpinionStatus.Submitted, 5), (OpinionStatus.Rejected, 2), (OpinionStatus.Kept, 2), (OpinionStatus.Returned, 1),
            (OpinionStatus.Adopted, 2), (OpinionStatus.SignedOff, 2), (OpinionStatus.Published, 4),
        };
        foreach (var (status, count) in countyPlan)
        {
            for (var i = 0; i < count; i++)
            {
                countyGen.Add(batch, status, At(random, status == OpinionStatus.Published ? new(2025, 3, 1) : new(2025, 12, 1), new(2026, 2, 20)), withDetails: true);
            }
        }

        // Two more county reports, forwarded (上报) to the city.
        var waiting = countyGen.Add(batch, OpinionStatus.Published, At(random, new(2026, 1, 5), new(2026, 1, 20)), withDetails: true);
        var adoptedAbove = countyGen.Add(batch, OpinionStatus.Published, At(random, new(2025, 6, 1), new(2025, 8, 31)), withDetails: true);

        var cityBulletins = Bulletins(batch, city.Id, "市政协秘书长", batch.Reports.Where(r => r.CommitteeId == city.Id && r.Status == OpinionStatus.Published).ToList(), random);
        Bulletins(batch, county.Id, "区政协秘书长", batch.Reports.Where(r => r.CommitteeId == county.Id && r.Status == OpinionStatus.Published).ToList(), random);
        Forward(batch, waiting, cityGen, OpinionStatus.Submitted);
        var copy = Forward(batch, adoptedAbove, cityGen, OpinionStatus.Published);
        var copyBulletin = AddBulletin(batch, city.Id, "专报", [copy], "市政协秘书长", random, combined: false);
        Outcome(batch, adoptedAbove, OpinionOutcomeKind.Adopted, AdoptionLevel.City, Day(copyBulletin.IssuedAt!.Value), "系统", copy.Id);
        UpwardOutcomes(batch, cityBulletins, random);

        var writer = new BulkWriter(db);
        await writer.WriteAsync(batch.Reports, ct);
        await writer.WriteAsync(batch.Authors, ct);
        await writer.WriteAsync(batch.Versions, ct);
        await writer.WriteAsync(batch.History, ct);
        await writer.WriteAsync(batch.Bulletins, ct);
        await writer.WriteAsync(batch.Articles, ct);
        await writer.WriteAsync(batch.ArticleReports, ct);
        await writer.WriteAsync(batch.Outcomes, ct);
        db.Audit("生成社情民意演示数据", "Seed", scale.ToString(), "成功", $"{batch.Reports.Count} 条信息，{batch.Bulletins.Count} 期期刊");
        await db.SaveChangesAsync(ct);
        return batch.Reports.Count;
    }

    private static async Task<List<SeedAuthor>> MembersAsync(TongxinDbContext db, Guid committeeId, CancellationToken ct) =>
        await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.CommitteeId == committeeId)
            .OrderBy(m => m.DutyCode).Select(m => new SeedAuthor(m.Id, m.Name)).ToListAsync(ct);

    /// <summary>A working-hours moment (Beijing 09:00–17:00) between two days.</summary>
    private static DateTime At(Random random, DateOnly from, DateOnly to)
    {
        var day = from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
        return day.ToDateTime(new TimeOnly(1 + random.Next(8), random.Next(60)), DateTimeKind.Utc);
    }

    private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(BeijingTime.FromUtc(utc));

    /// <summary>Prints the published reports in numbered bulletins, oldest first: two or three a
    /// 快报, every fourth a 专报, and the first three of the committee's 2025 reports together in one
    /// 综合 article. Each report gets its own-level adoption.</summary>
    private static List<OpinionBulletin> Bulletins(OpinionBatch batch, Guid committeeId, string issuer, List<OpinionReport> published, Random random)
    {
        var ordered = published.OrderBy(r => r.SignedOffAt).ToList();
        var bulletins = new List<OpinionBulletin>();
        if (ordered.Count >= 6)
        {
            bulletins.Add(AddBulletin(batch, committeeId, "综合", ordered.Take(3).ToList(), issuer, random, combined: true));
            ordered = ordered.Skip(3).ToList();
        }

        var n = 0;
        while (ordered.Count > 0)
        {
            var take = Math.Min(ordered.Count, 2 + random.Next(2));
            var type = ++n % 4 == 0 ? "专报" : "快报";
            bulletins.Add(AddBulletin(batch, committeeId, type, ordered.Take(type == "专报" ? 1 : take).ToList(), issuer, random, combined: false));
            ordered = ordered.Skip(type == "专报" ? 1 : take).ToList();
        }

        return bulletins;
    }

    private static OpinionBulletin AddBulletin(OpinionBatch batch, Guid committeeId, string type, List<OpinionReport> reports, string issuer, Random random, bool combined)
    {
        var issued = reports.Max(r => r.SignedOffAt ?? r.LastActivityAt).AddDays(1 + random.Next(3));
        var year = BeijingTime.FromUtc(issued).Year;
        var number = batch.Bulletins.Count(b => b.CommitteeId == committeeId && b.Year == year && b.Type == type) + 1;
        var bulletin = new OpinionBulletin
        {
            CommitteeId = committeeId,
            Year = year,
            Type = type,
            IssueNo = number,
            Title = combined ? "关于民生领域若干问题的综合反映" : reports[0].Title,
            MainRecipients = new OpinionSettings().DefaultMainRecipients,
            CopyRecipients = new OpinionSettings().DefaultCopyRecipients,
            Status = BulletinStatus.Issued,
            CreatedAt = issued.AddDays(-1),
            IssuedAt = issued,
            IssuedByName = issuer,
        };
        batch.Bulletins.Add(bulletin);
        var articles = combined
            ? [(bulletin.Title, reports)]
            : reports.Select(r => (r.Title, new List<OpinionReport> { r })).ToList();
        for (var i = 0; i < articles.Count; i++)
        {
            var (title, sources) = articles[i];
            var article = new OpinionBulletinArticle
            {
                CommitteeId = committeeId,
                BulletinId = bulletin.Id,
                Order = i + 1,
                Title = title,
                Body = string.Join("\n\n", sources.Select(r => $"{r.Situation}\n{r.Analysis}\n{r.Suggestion}")),
            };
            batch.Articles.Add(article);
            foreach (var r in sources)
            {
                batch.ArticleReports.Add(new OpinionBulletinArticleReport { CommitteeId = committeeId, BulletinId = bulletin.Id, ArticleId = article.Id, ReportId = r.Id });
                (r.Status, r.PublishedAt, r.LastActivityAt) = (OpinionStatus.Published, issued, issued);
                OpinionGenerator.History(batch, r, issued, issuer, $"编入《社情民意{type}》{year}年第{number}期印发");
                Outcome(batch, r, OpinionOutcomeKind.Adopted, AdoptionLevel.Own, Day(issued), issuer, null, combined, bulletin.Id);
            }
        }

        return bulletin;
    }

    /// <summary>A county report's copy in the city's queue (上报), linked both ways.</summary>
    private static OpinionReport Forward(OpinionBatch batch, OpinionReport original, OpinionGenerator city, OpinionStatus copyStatus)
    {
        var cityId = city.CommitteeId;
        var at = (original.PublishedAt ?? original.LastActivityAt).AddDays(1);
        var copy = new OpinionReport
        {
            CommitteeId = cityId,
            Year = BeijingTime.FromUtc(at).Year,
            SerialNo = city.NextSerial(BeijingTime.FromUtc(at).Year),
            Title = original.Title,
            Situation = original.Situation,
            Analysis = original.Analysis,
            Suggestion = original.Suggestion,
            Category = original.Category,
            Source = "下级政协报送",
            IsUrgent = original.IsUrgent,
            SubmitterKind = OpinionSubmitterKind.LowerCommittee,
            SubmitterName = CountyCommitteeName,
            ContactName = "区政协信息科",
            ContactPhone = "0571-88001234",
            Status = copyStatus,
            CreatedAt = at,
            SubmittedAt = at,
            CurrentVersionNo = 1,
            ForwardedFromReportId = original.Id,
            LastActivityAt = at,
        };
        if (copyStatus == OpinionStatus.Published)
        {
            (copy.ScreenedAt, copy.ScreenedByName, copy.SignedOffAt, copy.SignedOffByName) = (at.AddDays(1), "市政协信息科", at.AddDays(2), "市政协秘书长");
        }

        batch.Reports.Add(copy);
        batch.Versions.Add(new OpinionReportVersion
        {
            CommitteeId = cityId,
            ReportId = copy.Id,
            No = 1,
            IsAuthorText = true,
            Title = copy.Title,
            Situation = copy.Situation,
            Analysis = copy.Analysis,
            Suggestion = copy.Suggestion,
            EditorName = CountyCommitteeName,
            At = at,
        });
        OpinionGenerator.History(batch, copy, at, "系统", $"{CountyCommitteeName}上报");
        original.ForwardedToReportId = copy.Id;
        OpinionGenerator.History(batch, original, at, "区政协信息科", "上报示例市政协");
        Outcome(batch, original, OpinionOutcomeKind.Forwarded, AdoptionLevel.City, Day(at), "区政协信息科", null);
        return copy;
    }

    /// <summary>Some of the city's printed reports went further: forwarded to and adopted by the
    /// province, the national committee, the party and government, and leaders' instructions.</summary>
    private static void UpwardOutcomes(OpinionBatch batch, List<OpinionBulletin> bulletins, Random random)
    {
        var printed = batch.ArticleReports.Where(a => bulletins.Any(b => b.Id == a.BulletinId))
            .Select(a => (Report: batch.Reports.Single(r => r.Id == a.ReportId), Bulletin: bulletins.Single(b => b.Id == a.BulletinId)))
            .ToList();
        for (var i = 0; i < printed.Count; i++)
        {
            var (r, b) = printed[i];
            var day = Day(b.IssuedAt!.Value);
            if (i % 3 == 0)
            {
                Outcome(batch, r, OpinionOutcomeKind.Forwarded, AdoptionLevel.Province, day.AddDays(2), "市政协信息科", null);
                if (i % 6 == 0)
                {
                    Outcome(batch, r, OpinionOutcomeKind.Adopted, AdoptionLevel.Province, day.AddDays(20 + random.Next(20)), "市政协信息科", null);
                }
            }

            if (i == 4)
            {
                Outcome(batch, r, OpinionOutcomeKind.Adopted, AdoptionLevel.National, day.AddDays(45), "市政协信息科", null);
            }

            if (i % 5 == 1)
            {
                Outcome(batch, r, OpinionOutcomeKind.Adopted, AdoptionLevel.PartyGovernment, day.AddDays(10), "市政协信息科", null);
            }

            if (i % 4 == 2)
            {
                var o = Outcome(batch, r, OpinionOutcomeKind.Instruction, AdoptionLevel.Own, day.AddDays(5 + random.Next(10)), "市政协信息科", null);
                o.InstructionLevel = i == 2 ? InstructionLevel.Province : InstructionLevel.City;
                o.LeaderName = i == 2 ? "省政府分管副省长" : OpinionTexts.Leaders[random.Next(OpinionTexts.Leaders.Length)];
                o.Text = "此件反映的问题值得重视，请相关部门认真研究，提出切实可行的改进措施。";
            }
        }
    }

    private static OpinionOutcome Outcome(
        OpinionBatch batch, OpinionReport r, OpinionOutcomeKind kind, AdoptionLevel level, DateOnly date, string by, Guid? fromReportId,
        bool combined = false, Guid? bulletinId = null)
    {
        var o = new OpinionOutcome
        {
            CommitteeId = r.CommitteeId,
            ReportId = r.Id,
            Kind = kind,
            Level = level,
            Combined = combined,
            BulletinId = bulletinId,
            Date = date,
            FromReportId = fromReportId,
            RecordedByName = by,
            RecordedAt = date.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
        };
        batch.Outcomes.Add(o);
        return o;
    }
}
