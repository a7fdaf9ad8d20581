using System.ComponentModel.DataAnnotations;
using Tongxin.Modules.Consultation;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Performance;

/// <summary>履职类别 – the groups of the rule table, the score's columns, the leaderboards and the
/// portrait's building blocks.</summary>
public enum DutyCategory
{
    [Display(Name = "会议")]
    Meetings = 1,
    [Display(Name = "履职活动")]
    Activities = 2,
    [Display(Name = "提案")]
    Proposals = 3,
    [Display(Name = "社情民意")]
    Opinions = 4,
    [Display(Name = "发言")]
    Speeches = 5,
    [Display(Name = "民主监督")]
    Supervision = 6,
    [Display(Name = "联系群众")]
    Liaison = 7,
    [Display(Name = "一人一事")]
    Plans = 8,
    [Display(Name = "缺席扣分")]
    Deductions = 9,
}

/// <summary>履职事项 – one line of the rule table (DOMAIN.md §7). The opinion outcome items take
/// their points from the committee's 社情民意设置 (one truth for both modules).</summary>
public enum DutyItem
{
    [Display(Name = "全体会议（每半天）")]
    PlenaryHalfDay = 1,
    [Display(Name = "常委会议")]
    StandingCommittee = 2,
    [Display(Name = "其他履职活动")]
    Activity = 3,
    [Display(Name = "缺席（未请假）")]
    AbsentWithoutLeave = 4,
    [Display(Name = "缺席（已请假）")]
    AbsentWithLeave = 5,
    [Display(Name = "提案立案")]
    ProposalFiled = 10,
    [Display(Name = "重点提案")]
    ProposalKey = 11,
    [Display(Name = "优秀提案")]
    ProposalExcellent = 12,
    [Display(Name = "社情民意报送")]
    OpinionSubmitted = 20,
    [Display(Name = "社情民意本级采用")]
    OpinionAdoptedOwn = 21,
    [Display(Name = "社情民意市政协采用")]
    OpinionAdoptedCity = 22,
    [Display(Name = "社情民意省政协采用")]
    OpinionAdoptedProvince = 23,
    [Display(Name = "社情民意全国政协采用")]
    OpinionAdoptedNational = 24,
    [Display(Name = "社情民意党委政府采用")]
    OpinionAdoptedPartyGovernment = 25,
    [Display(Name = "县级领导批示")]
    InstructionCounty = 26,
    [Display(Name = "市级领导批示")]
    InstructionCity = 27,
    [Display(Name = "省级领导批示")]
    InstructionProvince = 28,
    [Display(Name = "中央领导批示")]
    InstructionCentral = 29,
    [Display(Name = "大会发言")]
    PlenarySpeech = 30,
    [Display(Name = "协商发言")]
    ConsultationSpeech = 31,
    [Display(Name = "民主监督问题")]
    SupervisionProblem = 40,
    [Display(Name = "民主监督建议书")]
    SupervisionLetter = 41,
    [Display(Name = "联系界别群众")]
    MassVisit = 50,
    [Display(Name = "一人一事完成")]
    PlanItemDone = 60,
}

/// <summary>在该事项中的角色: 领衔/主笔/召集 earn the rule's points, 联名/参与 its joint points.</summary>
public enum DutyRole
{
    [Display(Name = "领衔")]
    Lead = 1,
    [Display(Name = "联名")]
    Joint = 2,
}

/// <summary>履职记录的来源.</summary>
public enum DutySource
{
    [Display(Name = "活动")]
    Activity = 1,
    [Display(Name = "提案")]
    Proposal = 2,
    [Display(Name = "社情民意")]
    OpinionReport = 3,
    [Display(Name = "社情民意结果")]
    OpinionOutcome = 4,
    [Display(Name = "发言")]
    Speech = 5,
    [Display(Name = "监督问题")]
    SupervisionProblem = 6,
    [Display(Name = "监督建议书")]
    SupervisionLetter = 7,
    [Display(Name = "联系群众")]
    MassVisit = 8,
    [Display(Name = "一人一事")]
    PlanItem = 9,
}

/// <summary>履职记录 – one duty of one member, derived from one source row. Carries no points:
/// points are a function of the entries and the committee's rules for the year
/// (<see cref="DutyPointsCalculator"/>). Never edited: the ledger builder replaces a member's
/// entries from the sources.</summary>
public class DutyEntry : CommitteeEntity
{
    public Guid MemberId { get; set; }

    /// <summary>The year the duty counts in (activity date, proposal year, report year …).</summary>
    public int Year { get; set; }

    public DateOnly Date { get; set; }

    public DutyItem Item { get; set; }

    public DutyRole Role { get; set; } = DutyRole.Lead;

    /// <summary>Units of the rule (half-days of a plenary; 1 otherwise).</summary>
    public int Quantity { get; set; } = 1;

    /// <summary>联名/合写 work that earns the joint percentage (a report with several authors).</summary>
    public bool SharedWork { get; set; }

    /// <summary>综合采用 (a combined adoption earns the combined percentage).</summary>
    public bool Combined { get; set; }

    /// <summary>For activity items: the activity's type, for the annual report's sentence.</summary>
    public ActivityType? ActivityType { get; set; }

    public string Title { get; set; } = "";

    public DutySource Source { get; set; }

    public Guid SourceId { get; set; }
}

/// <summary>履职积分规则表 – a committee's rules for one year. When a committee saved none, the
/// defaults of DOMAIN.md §7 apply (<see cref="DutyDefaults"/>).</summary>
public class DutyRuleSet : CommitteeEntity
{
    public int Year { get; set; }

    /// <summary>优秀 from this score.</summary>
    public decimal ExcellentMin { get; set; } = 85;

    /// <summary>称职 from this score.</summary>
    public decimal CompetentMin { get; set; } = 70;

    /// <summary>基本称职 from this score; below it 不称职.</summary>
    public decimal PassMin { get; set; } = 60;

    /// <summary>最低履职要求: plenary half-days attended.</summary>
    public int MinPlenary { get; set; } = 1;

    /// <summary>Other activities attended.</summary>
    public int MinActivities { get; set; } = 3;

    /// <summary>Proposals filed (lead or joint).</summary>
    public int MinProposals { get; set; } = 1;

    /// <summary>Reports submitted.</summary>
    public int MinReports { get; set; } = 1;

    /// <summary>Whether members see the committee's leaderboards (榜单公开).</summary>
    public bool PublishLeaderboards { get; set; } = true;

    public DateTime UpdatedAt { get; set; }

    public string UpdatedByName { get; set; } = "";

    public List<DutyRule> Rules { get; set; } = [];
}

/// <summary>One line of the rule table.</summary>
public class DutyRule : Entity
{
    public Guid RuleSetId { get; set; }

    public DutyItem Item { get; set; }

    /// <summary>Points per unit as lead author / convener / writer (negative for deductions).</summary>
    public decimal Points { get; set; }

    /// <summary>Points per unit as co-signer / participant.</summary>
    public decimal JointPoints { get; set; }

    /// <summary>年度上限: the most points the item earns a member in a year (null: no cap).</summary>
    public decimal? YearCap { get; set; }
}

/// <summary>年度履职得分 – the calculator's result for a member and year, stored for lists and
/// leaderboards. Recomputed, never edited.</summary>
public class DutyYearScore : CommitteeEntity
{
    public Guid MemberId { get; set; }

    public int Year { get; set; }

    public decimal Total { get; set; }

    public decimal MeetingPoints { get; set; }

    public decimal ActivityPoints { get; set; }

    public decimal ProposalPoints { get; set; }

    public decimal OpinionPoints { get; set; }

    public decimal SpeechPoints { get; set; }

    public decimal SupervisionPoints { get; set; }

    public decimal LiaisonPoints { get; set; }

    public decimal PlanPoints { get; set; }

    public decimal Deductions { get; set; }

    /// <summary>Meetings and activities attended (each counted once, whatever the half-days).</summary>
    public int ActivitiesAttended { get; set; }

    public int PlenaryHalfDays { get; set; }

    public int Absences { get; set; }

    /// <summary>Proposals filed, as lead or joint.</summary>
    public int ProposalsFiled { get; set; }

    public int ReportsSubmitted { get; set; }

    /// <summary>Reports with at least one adoption.</summary>
    public int ReportsAdopted { get; set; }

    public int Instructions { get; set; }

    public int Speeches { get; set; }

    public int SupervisionItems { get; set; }

    public int MassVisits { get; set; }

    public int PlanItemsDone { get; set; }

    /// <summary>Competition rank in the committee by total (ties share a rank: 1, 1, 3).</summary>
    public int Rank { get; set; }

    public string Grade { get; set; } = "";

    public bool MinimumsMet { get; set; }

    /// <summary>What is missing, e.g. "全体会议、提案" (empty when met).</summary>
    public string MissingMinimums { get; set; } = "";

    public DateTime ComputedAt { get; set; }
}

/// <summary>委员联系界别群众 – a member's visit to the people of their sector.</summary>
public class MassVisit : CommitteeEntity
{
    public Guid MemberId { get; set; }

    public DateOnly Date { get; set; }

    public string Place { get; set; } = "";

    /// <summary>服务群众人数.</summary>
    public int PeopleServed { get; set; }

    public string Summary { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public List<MassVisitClue> Clues { get; set; } = [];
}

/// <summary>收集的线索 – one can become a public-opinion report draft in one step.</summary>
public class MassVisitClue : CommitteeEntity
{
    public Guid VisitId { get; set; }

    public string Text { get; set; } = "";

    public Guid? OpinionReportId { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>一人一事 – one item of a member's duty plan for a year, and its completion.</summary>
public class DutyPlanItem : CommitteeEntity
{
    public Guid MemberId { get; set; }

    public int Year { get; set; }

    public string Title { get; set; } = "";

    public string Detail { get; set; } = "";

    public DateOnly? CompletedOn { get; set; }

    public string CompletionNote { get; set; } = "";

    public int SortOrder { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>履职画像维度 – one axis of the committee's radar: the categories it sums and a weight
/// (which may come from an adopted evaluation weight set). None saved: the five defaults.</summary>
public class PortraitDimension : CommitteeEntity
{
    public string Name { get; set; } = "";

    /// <summary>The <see cref="DutyCategory"/> values it sums, comma separated.</summary>
    public string Categories { get; set; } = "";

    public decimal Weight { get; set; } = 1;

    public int SortOrder { get; set; }
}
