using Tongxin.Modules.Opinions.Statistics;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.MemberRecord;

/// <summary>年度履职报告 as text: the title, who wrote it and the paragraphs, in sentence form.</summary>
public sealed record AnnualReport(string Title, string Byline, IReadOnlyList<string> Paragraphs, string MemberName, int Year)
{

    /// <summary>"2026年度履职报告-张三.docx".</summary>
    public static string FileName(int year, string memberName, string extension) =>
        $"{year}年度履职报告-{memberName}.{extension}";

    public string FileNameFor(string extension) => FileName(Year, MemberName, extension);
}

/// <summary>Turns a member's duty year into the annual report's paragraphs. Pure: the same
/// <see cref="MemberDutyYear"/> gives the same text. Counts come from the entries (a meeting or
/// activity counts once, whatever its half-days; a proposal once, whatever its items); a sentence
/// with nothing to say is left out, so the report never lists "0次".</summary>
public static class AnnualReportComposer
{
    private static readonly DutyItem[] AttendanceItems = [DutyItem.PlenaryHalfDay, DutyItem.StandingCommittee, DutyItem.Activity];

    private static readonly DutyItem[] AdoptionItems =
    [
        DutyItem.OpinionAdoptedOwn, DutyItem.OpinionAdoptedCity, DutyItem.OpinionAdoptedProvince,
        DutyItem.OpinionAdoptedNational, DutyItem.OpinionAdoptedPartyGovernment,
    ];

    private static readonly DutyItem[] InstructionItems =
        [DutyItem.InstructionCounty, DutyItem.InstructionCity, DutyItem.InstructionProvince, DutyItem.InstructionCentral];

    /// <summary>Titles listed after a sentence, at most this many (then "等").</summary>
    public const int MaxTitles = 5;

    public static AnnualReport Compose(MemberDutyYear y)
    {
        var entries = y.Lines.Select(l => l.Entry).ToList();
        var paragraphs = new List<string>
        {
            $"{y.Year}年，我作为{y.CommitteeName}委员{(y.Sector.Length > 0 ? $"（{y.Sector}）" : "")}，" +
            "认真履行政治协商、民主监督、参政议政职能。现将本年度履职情况报告如下。",
        };
        void Add(string? p)
        {
            if (!string.IsNullOrEmpty(p))
            {
                paragraphs.Add(p);
            }
        }

        Add(Activities(entries));
        Add(Proposals(entries));
        Add(Opinions(entries));
        Add(Speeches(entries));
        Add(Supervision(entries));
        Add(Liaison(entries));
        Add(Plans(entries));
        if (entries.Count == 0)
        {
            paragraphs.Add("本年度暂无履职记录。");
        }

        paragraphs.Add(Score(y));
        return new AnnualReport($"{y.Year}年度履职报告", $"{y.CommitteeName}委员　{y.MemberName}", paragraphs, y.MemberName, y.Year);
    }

    /// <summary>"今年我一共参加了16次履职活动，其中全体会议1次、请你来协商3次、调研视察7次。"</summary>
    public static string? Activities(IReadOnlyCollection<DutyEntry> entries)
    {
        var attended = entries.Where(e => AttendanceItems.Contains(e.Item)).DistinctBy(e => e.SourceId).ToList();
        var parts = new List<string>();
        if (attended.Count > 0)
        {
            var byType = attended
                .GroupBy(e => e.ActivityType ?? (e.Item == DutyItem.PlenaryHalfDay ? ActivityType.Plenary : e.Item == DutyItem.StandingCommittee ? ActivityType.StandingCommittee : ActivityType.Other))
                .OrderBy(g => g.Key)
                .Select(g => $"{g.Key.DisplayName()}{g.Count()}次");
            var halfDays = entries.Where(e => e.Item == DutyItem.PlenaryHalfDay).Sum(e => e.Quantity);
            var plenaryNote = halfDays > 1 ? $"（全体会议共出席{halfDays}个半天）" : "";
            parts.Add($"今年我一共参加了{attended.Count}次履职活动，其中{string.Join("、", byType)}{plenaryNote}");
        }

        var onLeave = entries.Where(e => e.Item == DutyItem.AbsentWithLeave).DistinctBy(e => e.SourceId).Count();
        var absent = entries.Where(e => e.Item == DutyItem.AbsentWithoutLeave).DistinctBy(e => e.SourceId).Count();
        var absences = new List<string>();
        if (onLeave > 0)
        {
            absences.Add($"请假{onLeave}次");
        }

        if (absent > 0)
        {
            absences.Add($"未请假缺席{absent}次");
        }

        if (absences.Count > 0)
        {
            parts.Add($"应出席的活动中{string.Join("、", absences)}");
        }

        return Sentence(parts);
    }

    /// <summary>"提交并经审查立案提案3件，其中领衔2件、联名1件；1件被确定为重点提案，1件被评为优秀提案。主要有《…》《…》。"</summary>
    public static string? Proposals(IReadOnlyCollection<DutyEntry> entries)
    {
        var filed = entries.Where(e => e.Item == DutyItem.ProposalFiled).DistinctBy(e => e.SourceId).ToList();
        if (filed.Count == 0)
        {
            return null;
        }

        var lead = filed.Count(e => e.Role == DutyRole.Lead);
        var joint = filed.Count - lead;
        var roles = new List<string>();
        if (lead > 0)
        {
            roles.Add($"领衔{lead}件");
        }

        if (joint > 0)
        {
            roles.Add($"联名{joint}件");
        }

        var key = entries.Where(e => e.Item == DutyItem.ProposalKey).Select(e => e.SourceId).Distinct().Count();
        var excellent = entries.Where(e => e.Item == DutyItem.ProposalExcellent).Select(e => e.SourceId).Distinct().Count();
        var honours = new List<string>();
        if (key > 0)
        {
            honours.Add($"{key}件被确定为重点提案");
        }

        if (excellent > 0)
        {
            honours.Add($"{excellent}件被评为优秀提案");
        }

        var text = $"提交并经审查立案的提案{filed.Count}件，其中{string.Join("、", roles)}";
        if (honours.Count > 0)
        {
            text += "；" + string.Join("，", honours);
        }

        return text + "。" + Titles(filed);
    }

    /// <summary>"报送社情民意信息4篇，其中被采用2篇（本级采用2次、市政协采用1次），获领导批示1次（市级领导批示1次）。主要有《…》。"</summary>
    public static string? Opinions(IReadOnlyCollection<DutyEntry> entries)
    {
        var submitted = entries.Where(e => e.Item == DutyItem.OpinionSubmitted).DistinctBy(e => e.SourceId).ToList();
        var adoptions = entries.Where(e => AdoptionItems.Contains(e.Item)).ToList();
        var instructions = entries.Where(e => InstructionItems.Contains(e.Item)).ToList();
        if (submitted.Count == 0 && adoptions.Count == 0 && instructions.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        if (submitted.Count > 0)
        {
            parts.Add($"报送社情民意信息{submitted.Count}篇");
        }

        if (adoptions.Count > 0)
        {
            var reports = adoptions.Select(e => e.SourceId).Distinct().Count();
            parts.Add($"被采用{reports}篇（{ByItem(adoptions, "次")}）");
        }

        if (instructions.Count > 0)
        {
            parts.Add($"获领导批示{instructions.Count}次（{ByItem(instructions, "次")}）");
        }

        var first = submitted.Count > 0 && parts.Count > 1 ? parts[0] + "，其中" + string.Join("，", parts.Skip(1)) : string.Join("，", parts);
        return first + "。" + Titles(submitted.Count > 0 ? submitted : adoptions.Concat(instructions).DistinctBy(e => e.SourceId).ToList());
    }

    /// <summary>"在全体会议上作大会发言1次、协商发言2次：《…》。"</summary>
    public static string? Speeches(IReadOnlyCollection<DutyEntry> entries)
    {
        var plenary = entries.Where(e => e.Item == DutyItem.PlenarySpeech).ToList();
        var consultation = entries.Where(e => e.Item == DutyItem.ConsultationSpeech).ToList();
        var parts = new List<string>();
        if (plenary.Count > 0)
        {
            parts.Add($"作大会发言{plenary.Count}次");
        }

        if (consultation.Count > 0)
        {
            parts.Add($"在协商活动中发言{consultation.Count}次");
        }

        return parts.Count == 0 ? null : string.Join("、", parts) + "。" + Titles([.. plenary, .. consultation], "发言题目有");
    }

    /// <summary>"参与民主监督，发现并反映问题3个，参与形成民主监督建议书2份（其中主笔1份）。"</summary>
    public static string? Supervision(IReadOnlyCollection<DutyEntry> entries)
    {
        var problems = entries.Count(e => e.Item == DutyItem.SupervisionProblem);
        var letters = entries.Where(e => e.Item == DutyItem.SupervisionLetter).DistinctBy(e => e.SourceId).ToList();
        var parts = new List<string>();
        if (problems > 0)
        {
            parts.Add($"发现并反映问题{problems}个");
        }

        if (letters.Count > 0)
        {
            var drafted = letters.Count(e => e.Role == DutyRole.Lead);
            parts.Add($"参与形成民主监督建议书{letters.Count}份{(drafted > 0 ? $"（其中主笔{drafted}份）" : "")}");
        }

        return parts.Count == 0 ? null : "参与民主监督，" + string.Join("，", parts) + "。";
    }

    /// <summary>"深入界别群众走访联系5次。"</summary>
    public static string? Liaison(IReadOnlyCollection<DutyEntry> entries)
    {
        var visits = entries.Count(e => e.Item == DutyItem.MassVisit);
        return visits == 0 ? null : $"深入界别群众走访联系{visits}次，听取意见、反映诉求。";
    }

    /// <summary>"“一人一事”履职计划完成2项：…、…。"</summary>
    public static string? Plans(IReadOnlyCollection<DutyEntry> entries)
    {
        var done = entries.Where(e => e.Item == DutyItem.PlanItemDone).ToList();
        return done.Count == 0 ? null : $"“一人一事”履职计划完成{done.Count}项：{string.Join("、", done.Select(e => e.Title))}。";
    }

    /// <summary>"按照本级政协委员履职积分规则，全年履职积分86分，在全体120名委员中排第3名，履职等次为优秀。已达到最低履职要求。"</summary>
    public static string Score(MemberDutyYear y)
    {
        var rank = y.Rank > 0 && y.RankedMembers > 0 ? $"，在全体{y.RankedMembers}名委员中排第{y.Rank}名" : "";
        var minimums = y.Result.MinimumsMet
            ? "已达到最低履职要求。"
            : $"尚未达到最低履职要求（未完成：{string.Join("、", y.Result.Missing)}）。";
        return $"按照本级政协委员履职积分规则，全年履职积分{OpinionScoring.Format(y.Result.Total)}分{rank}，履职等次为{y.Result.Grade}。{minimums}";
    }

    private static string ByItem(IEnumerable<DutyEntry> entries, string unit) =>
        string.Join("、", entries.GroupBy(e => e.Item).OrderBy(g => g.Key).Select(g => $"{Label(g.Key)}{g.Count()}{unit}"));

    private static string Label(DutyItem item) => item switch
    {
        DutyItem.OpinionAdoptedOwn => "本级采用",
        DutyItem.OpinionAdoptedCity => "市政协采用",
        DutyItem.OpinionAdoptedProvince => "省政协采用",
        DutyItem.OpinionAdoptedNational => "全国政协采用",
        DutyItem.OpinionAdoptedPartyGovernment => "党委政府采用",
        _ => item.DisplayName(),
    };

    private static string? Sentence(List<string> parts) => parts.Count == 0 ? null : string.Join("；", parts) + "。";

    private static string Titles(IReadOnlyList<DutyEntry> entries, string lead = "主要有")
    {
        var titles = entries.Select(e => e.Title.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (titles.Count == 0)
        {
            return "";
        }

        var shown = string.Concat(titles.Take(MaxTitles).Select(t => $"《{t}》"));
        return $"{lead}{shown}{(titles.Count > MaxTitles ? "等" : "")}。";
    }
}
