namespace Tongxin.Modules.Performance;

/// <summary>One entry's points before the item's yearly cap.</summary>
public readonly record struct EntryPoints(DutyEntry Entry, decimal Points);

/// <summary>A member's year as the calculator sees it: points per item (after caps), per category
/// and in total, the counts of the annual report, grade and minimums.</summary>
public sealed class DutyScoreResult
{
    public required IReadOnlyDictionary<DutyItem, decimal> ByItem { get; init; }

    public required IReadOnlyDictionary<DutyCategory, decimal> ByCategory { get; init; }

    /// <summary>Items whose yearly cap cut the sum.</summary>
    public required IReadOnlySet<DutyItem> Capped { get; init; }

    public decimal Total { get; init; }

    public int ActivitiesAttended { get; init; }

    public int OtherActivitiesAttended { get; init; }

    public int PlenaryHalfDays { get; init; }

    public int Absences { get; init; }

    public int ProposalsFiled { get; init; }

    public int ReportsSubmitted { get; init; }

    public int ReportsAdopted { get; init; }

    public int Instructions { get; init; }

    public int Speeches { get; init; }

    public int SupervisionItems { get; init; }

    public int MassVisits { get; init; }

    public int PlanItemsDone { get; init; }

    public string Grade { get; init; } = "";

    public IReadOnlyList<string> Missing { get; init; } = [];

    public bool MinimumsMet => Missing.Count == 0;

    public decimal Points(DutyCategory c) => ByCategory.GetValueOrDefault(c);
}

/// <summary>积分计算 – pure: (a member's entries for a year, the rule book) → points. The one place
/// that turns duties into points, so rebuilding the ledger and updating it after an event agree
/// by construction. Rules: a lead/individual entry earns the item's points per unit, a joint one
/// its joint points; a report with several authors earns the joint percentage and a combined
/// adoption the combined percentage (both multiply); then an item's yearly sum is clamped to its
/// cap (in absolute value, so a cap on a deduction limits the deduction).</summary>
public static class DutyPointsCalculator
{
    private static readonly DutyItem[] AttendanceItems = [DutyItem.PlenaryHalfDay, DutyItem.StandingCommittee, DutyItem.Activity];

    /// <summary>One entry's points before the cap.</summary>
    public static decimal EntryPoints(DutyRuleBook rules, DutyEntry e)
    {
        var line = rules.Line(e.Item);
        var points = (e.Role == DutyRole.Joint ? line.JointPoints : line.Points) * e.Quantity;
        if (e.SharedWork)
        {
            points = points * rules.JointPercent / 100m;
        }

        if (e.Combined)
        {
            points = points * rules.CombinedPercent / 100m;
        }

        return points;
    }

    public static DutyScoreResult Compute(DutyRuleBook rules, IReadOnlyCollection<DutyEntry> entries)
    {
        var byItem = new Dictionary<DutyItem, decimal>();
        var capped = new HashSet<DutyItem>();
        foreach (var group in entries.GroupBy(e => e.Item))
        {
            var sum = group.Sum(e => EntryPoints(rules, e));
            if (rules.Line(group.Key).YearCap is { } cap && Math.Abs(sum) > cap)
            {
                sum = Math.Sign(sum) * cap;
                capped.Add(group.Key);
            }

            byItem[group.Key] = sum;
        }

        var byCategory = byItem.GroupBy(kv => DutyDefaults.Category(kv.Key)).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        var total = byItem.Values.Sum();

        int Count(params DutyItem[] items) => entries.Count(e => items.Contains(e.Item));
        int Distinct(params DutyItem[] items) => entries.Where(e => items.Contains(e.Item)).Select(e => e.SourceId).Distinct().Count();

        var plenaryHalfDays = entries.Where(e => e.Item == DutyItem.PlenaryHalfDay).Sum(e => e.Quantity);
        var other = Distinct(DutyItem.StandingCommittee, DutyItem.Activity);
        var proposals = Count(DutyItem.ProposalFiled);
        var reports = Count(DutyItem.OpinionSubmitted);
        var missing = new List<string>();
        if (plenaryHalfDays < rules.MinPlenary)
        {
            missing.Add("全体会议");
        }

        if (other < rules.MinActivities)
        {
            missing.Add($"履职活动{rules.MinActivities}次");
        }

        if (proposals < rules.MinProposals)
        {
            missing.Add($"提案{rules.MinProposals}件");
        }

        if (reports < rules.MinReports)
        {
            missing.Add($"社情民意{rules.MinReports}篇");
        }

        return new DutyScoreResult
        {
            ByItem = byItem,
            ByCategory = byCategory,
            Capped = capped,
            Total = total,
            ActivitiesAttended = Distinct(AttendanceItems),
            OtherActivitiesAttended = other,
            PlenaryHalfDays = plenaryHalfDays,
            Absences = Count(DutyItem.AbsentWithLeave, DutyItem.AbsentWithoutLeave),
            ProposalsFiled = proposals,
            ReportsSubmitted = reports,
            ReportsAdopted = Distinct(
                DutyItem.OpinionAdoptedOwn, DutyItem.OpinionAdoptedCity, DutyItem.OpinionAdoptedProvince,
                DutyItem.OpinionAdoptedNational, DutyItem.OpinionAdoptedPartyGovernment),
            Instructions = Count(DutyItem.InstructionCounty, DutyItem.InstructionCity, DutyItem.InstructionProvince, DutyItem.InstructionCentral),
            Speeches = Count(DutyItem.PlenarySpeech, DutyItem.ConsultationSpeech),
            SupervisionItems = Count(DutyItem.SupervisionProblem, DutyItem.SupervisionLetter),
            MassVisits = Count(DutyItem.MassVisit),
            PlanItemsDone = Count(DutyItem.PlanItemDone),
            Grade = rules.Grade(total),
            Missing = missing,
        };
    }

    /// <summary>Fills a stored score from a result (rank is set by <see cref="Rank"/>).</summary>
    public static void Apply(DutyScoreResult r, DutyYearScore s)
    {
        s.Total = r.Total;
        s.MeetingPoints = r.Points(DutyCategory.Meetings);
        s.ActivityPoints = r.Points(DutyCategory.Activities);
        s.ProposalPoints = r.Points(DutyCategory.Proposals);
        s.OpinionPoints = r.Points(DutyCategory.Opinions);
        s.SpeechPoints = r.Points(DutyCategory.Speeches);
        s.SupervisionPoints = r.Points(DutyCategory.Supervision);
        s.LiaisonPoints = r.Points(DutyCategory.Liaison);
        s.PlanPoints = r.Points(DutyCategory.Plans);
        s.Deductions = r.Points(DutyCategory.Deductions);
        s.ActivitiesAttended = r.ActivitiesAttended;
        s.PlenaryHalfDays = r.PlenaryHalfDays;
        s.Absences = r.Absences;
        s.ProposalsFiled = r.ProposalsFiled;
        s.ReportsSubmitted = r.ReportsSubmitted;
        s.ReportsAdopted = r.ReportsAdopted;
        s.Instructions = r.Instructions;
        s.Speeches = r.Speeches;
        s.SupervisionItems = r.SupervisionItems;
        s.MassVisits = r.MassVisits;
        s.PlanItemsDone = r.PlanItemsDone;
        s.Grade = r.Grade;
        s.MinimumsMet = r.MinimumsMet;
        s.MissingMinimums = string.Join("、", r.Missing);
    }

    /// <summary>Competition ranking (1, 1, 3) by a value, highest first.</summary>
    public static IReadOnlyDictionary<T, int> Rank<T>(IEnumerable<(T Key, decimal Value)> items)
        where T : notnull
    {
        var ranks = new Dictionary<T, int>();
        var position = 0;
        var rank = 0;
        decimal? previous = null;
        foreach (var (key, value) in items.OrderByDescending(i => i.Value))
        {
            position++;
            if (previous != value)
            {
                rank = position;
                previous = value;
            }

            ranks[key] = rank;
        }

        return ranks;
    }
}
