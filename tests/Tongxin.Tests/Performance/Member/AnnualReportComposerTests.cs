using Tongxin.Modules.Consultation;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Performance.MemberRecord;

namespace Tongxin.Tests.Performance.MemberRecord;

/// <summary>The annual report's sentences from a constructed duty year (pure, no database).</summary>
public class AnnualReportComposerTests
{
    private static readonly DutyRuleBook Rules = DutyDefaults.Book(null, new OpinionSettings());

    private static DutyEntry E(DutyItem item, Guid source, string title, int month, DutyRole role = DutyRole.Lead, ActivityType? type = null, int quantity = 1) => new()
    {
        MemberId = Guid.Empty,
        Year = 2026,
        Date = new DateOnly(2026, month, 1),
        Item = item,
        Role = role,
        ActivityType = type,
        Quantity = quantity,
        Title = title,
        SourceId = source,
    };

    public static MemberDutyYear Year(IReadOnlyList<DutyEntry> entries, int rank = 3, int ranked = 30)
    {
        var result = DutyPointsCalculator.Compute(Rules, entries);
        return new MemberDutyYear
        {
            MemberId = Guid.NewGuid(),
            CommitteeId = Guid.NewGuid(),
            MemberName = "张三",
            CommitteeName = "某市政协",
            Sector = "经济界",
            Year = 2026,
            Rules = Rules,
            Result = result,
            Rank = rank,
            RankedMembers = ranked,
            Lines = [.. entries.Select(e => new DutyRecordLine(e, DutyPointsCalculator.EntryPoints(Rules, e), result.Capped.Contains(e.Item)))],
        };
    }

    private static List<DutyEntry> BusyYear()
    {
        var plenary = Guid.NewGuid();
        var proposalA = Guid.NewGuid();
        var proposalB = Guid.NewGuid();
        var report1 = Guid.NewGuid();
        var report2 = Guid.NewGuid();
        var entries = new List<DutyEntry>
        {
            E(DutyItem.PlenaryHalfDay, plenary, "全体会议", 1, type: ActivityType.Plenary, quantity: 4),
            E(DutyItem.PlenarySpeech, plenary, "关于营商环境的发言", 1, type: ActivityType.Plenary),
            E(DutyItem.ProposalFiled, proposalA, "关于加快老旧小区改造的建议", 2),
            E(DutyItem.ProposalKey, proposalA, "关于加快老旧小区改造的建议", 2),
            E(DutyItem.ProposalFiled, proposalB, "关于发展托育服务的建议", 2, DutyRole.Joint),
            E(DutyItem.OpinionSubmitted, report1, "农村养老服务亟待加强", 3),
            E(DutyItem.OpinionSubmitted, report2, "中小企业融资难", 4),
            E(DutyItem.OpinionAdoptedOwn, report1, "农村养老服务亟待加强", 5),
            E(DutyItem.OpinionAdoptedCity, report1, "农村养老服务亟待加强", 6),
            E(DutyItem.InstructionCity, report1, "农村养老服务亟待加强", 6),
            E(DutyItem.AbsentWithLeave, Guid.NewGuid(), "常委会议", 7, type: ActivityType.StandingCommittee),
            E(DutyItem.MassVisit, Guid.NewGuid(), "走访社区", 8),
            E(DutyItem.MassVisit, Guid.NewGuid(), "走访企业", 9),
        };
        for (var i = 0; i < 3; i++)
        {
            entries.Add(E(DutyItem.Activity, Guid.NewGuid(), $"请你来协商{i}", 4 + i, type: ActivityType.PleaseComeConsult));
        }

        for (var i = 0; i < 2; i++)
        {
            entries.Add(E(DutyItem.Activity, Guid.NewGuid(), $"调研{i}", 9 + i, type: ActivityType.Inspection));
        }

        return entries;
    }

    [Fact]
    public void A_busy_year_reads_as_sentences_with_counts_by_activity_type_titles_and_the_score()
    {
        var y = Year(BusyYear());

        var report = AnnualReportComposer.Compose(y);

        report.Title.ShouldBe("2026年度履职报告");
        report.Byline.ShouldBe("某市政协委员　张三");
        report.FileNameFor("docx").ShouldBe("2026年度履职报告-张三.docx");
        report.Paragraphs.ShouldBe(
        [
            "2026年，我作为某市政协委员（经济界），认真履行政治协商、民主监督、参政议政职能。现将本年度履职情况报告如下。",
            "今年我一共参加了6次履职活动，其中全体会议1次、请你来协商3次、调研视察2次（全体会议共出席4个半天）；应出席的活动中请假1次。",
            "提交并经审查立案的提案2件，其中领衔1件、联名1件；1件被确定为重点提案。主要有《关于加快老旧小区改造的建议》《关于发展托育服务的建议》。",
            "报送社情民意信息2篇，其中被采用1篇（本级采用1次、市政协采用1次），获领导批示1次（市级领导批示1次）。主要有《农村养老服务亟待加强》《中小企业融资难》。",
            "作大会发言1次。发言题目有《关于营商环境的发言》。",
            "深入界别群众走访联系2次，听取意见、反映诉求。",
            // 4 half-days × 5 + 5 activities × 5 − 1 (leave) + 15 + 15 (key) + 3 (joint) + 1 + 5 + 10 (opinions) + 10 (speech) + 2 × 2 (visits)
            "按照本级政协委员履职积分规则，全年履职积分107分，在全体30名委员中排第3名，履职等次为优秀。已达到最低履职要求。",
        ]);
        report.Paragraphs.ShouldAllBe(p => !p.Contains("0次") && !p.Contains("0件") && !p.Contains("0篇"));
    }

    [Fact]
    public void An_empty_year_says_so_leaves_out_every_count_and_names_the_missing_minimums()
    {
        var y = Year([], rank: 0, ranked: 0);

        var report = AnnualReportComposer.Compose(y);

        report.Paragraphs.Count.ShouldBe(3);
        report.Paragraphs[1].ShouldBe("本年度暂无履职记录。");
        report.Paragraphs[2].ShouldBe("按照本级政协委员履职积分规则，全年履职积分0分，履职等次为不称职。尚未达到最低履职要求（未完成：全体会议、履职活动3次、提案1件、社情民意1篇）。");
        report.Paragraphs.ShouldAllBe(p => !p.Contains("次履职活动") && !p.Contains("排第"));
    }

    [Fact]
    public void Supervision_plans_and_only_joint_work_are_told_and_a_long_title_list_ends_with_etc()
    {
        var entries = new List<DutyEntry>
        {
            E(DutyItem.SupervisionProblem, Guid.NewGuid(), "路灯不亮", 3),
            E(DutyItem.SupervisionLetter, Guid.NewGuid(), "建议书一", 4),
            E(DutyItem.SupervisionLetter, Guid.NewGuid(), "建议书二", 5, DutyRole.Joint),
            E(DutyItem.PlanItemDone, Guid.NewGuid(), "帮扶一所乡村小学", 6),
            E(DutyItem.ConsultationSpeech, Guid.NewGuid(), "协商发言", 6, type: ActivityType.Thematic),
        };
        for (var i = 1; i <= 7; i++)
        {
            entries.Add(E(DutyItem.ProposalFiled, Guid.NewGuid(), $"联名提案{i}", 2, DutyRole.Joint));
        }

        var p = AnnualReportComposer.Compose(Year(entries)).Paragraphs;

        p.ShouldContain("提交并经审查立案的提案7件，其中联名7件。主要有《联名提案1》《联名提案2》《联名提案3》《联名提案4》《联名提案5》等。");
        p.ShouldContain("在协商活动中发言1次。发言题目有《协商发言》。");
        p.ShouldContain("参与民主监督，发现并反映问题1个，参与形成民主监督建议书2份（其中主笔1份）。");
        p.ShouldContain("“一人一事”履职计划完成1项：帮扶一所乡村小学。");
        p.ShouldAllBe(x => !x.Contains("次履职活动") && !x.Contains("社情民意信息"));
    }
}
