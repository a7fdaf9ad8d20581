using System.ComponentModel.DataAnnotations;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Opinions;

/// <summary>社情民意信息状态 – see <see cref="OpinionStateMachine"/> for the allowed moves.</summary>
public enum OpinionStatus
{
    [Display(Name = "草稿")]
    Draft = 0,
    [Display(Name = "待筛选")]
    Submitted = 1,
    [Display(Name = "退回补充")]
    Returned = 2,
    [Display(Name = "已撤回")]
    Withdrawn = 3,
    [Display(Name = "不采用")]
    Rejected = 4,
    [Display(Name = "留存")]
    Kept = 5,
    [Display(Name = "转提案线索")]
    ProposalClue = 6,
    [Display(Name = "采用·编辑中")]
    Adopted = 7,
    [Display(Name = "已签发")]
    SignedOff = 8,
    [Display(Name = "已刊发")]
    Published = 9,
}

/// <summary>报送主体 – who submits a report.</summary>
public enum OpinionSubmitterKind
{
    [Display(Name = "委员个人")]
    Member = 1,
    [Display(Name = "委员联名")]
    Joint = 2,
    [Display(Name = "党派")]
    Party = 3,
    [Display(Name = "团体")]
    Organization = 4,
    [Display(Name = "专委会")]
    SpecialCommittee = 5,
    [Display(Name = "委员小组")]
    MemberGroup = 6,
    [Display(Name = "信息员")]
    InformationOfficer = 7,
    [Display(Name = "联络点")]
    LiaisonPoint = 8,
    [Display(Name = "群众反映人")]
    PublicReporter = 9,
    [Display(Name = "下级政协报送")]
    LowerCommittee = 10,
}

/// <summary>采用结果的层级 – where a report was adopted (本级 or upward).</summary>
public enum AdoptionLevel
{
    [Display(Name = "本级政协")]
    Own = 0,
    [Display(Name = "市政协")]
    City = 1,
    [Display(Name = "省政协")]
    Province = 2,
    [Display(Name = "全国政协")]
    National = 3,
    [Display(Name = "党委政府")]
    PartyGovernment = 4,
}

/// <summary>批示领导的层级.</summary>
public enum InstructionLevel
{
    [Display(Name = "县级领导")]
    County = 1,
    [Display(Name = "市级领导")]
    City = 2,
    [Display(Name = "省级领导")]
    Province = 3,
    [Display(Name = "中央领导")]
    Central = 4,
}

/// <summary>结果记录的种类.</summary>
public enum OpinionOutcomeKind
{
    /// <summary>采用 at <see cref="OpinionOutcome.Level"/> (own level: by printing in a bulletin).</summary>
    [Display(Name = "采用")]
    Adopted = 1,
    /// <summary>上报/转送 to an upper committee (no points by itself).</summary>
    [Display(Name = "上报")]
    Forwarded = 2,
    [Display(Name = "领导批示")]
    Instruction = 3,
}

/// <summary>期刊状态.</summary>
public enum BulletinStatus
{
    [Display(Name = "编辑中")]
    Draft = 0,
    [Display(Name = "已印发")]
    Issued = 1,
}

/// <summary>社情民意工作设置 – the per-committee numbers, lists and scoring rules (DOMAIN.md §4).
/// Lists are one entry per line so staff edit them in a text box.</summary>
public class OpinionSettings : CommitteeEntity
{
    /// <summary>一事一报: the most characters of title + situation + analysis + suggestion.</summary>
    public int MaxChars { get; set; } = 1500;

    public string Categories { get; set; } = DefaultCategories;

    /// <summary>期刊类型, e.g. 快报 / 专报 / 综合.</summary>
    public string BulletinTypes { get; set; } = DefaultBulletinTypes;

    /// <summary>不采用 reasons offered to staff (free text is allowed too).</summary>
    public string RejectReasons { get; set; } = DefaultRejectReasons;

    /// <summary>Default 主送 / 抄送 recipients of a new bulletin, one per line.</summary>
    public string DefaultMainRecipients { get; set; } = "市委、市政府主要领导";

    public string DefaultCopyRecipients { get; set; } = "市委办公室、市政府办公室";

    // 积分规则 (DOMAIN.md §4): per outcome; province and county/province instructions are
    // not in the source article and are our defaults between the neighbouring values.
    public int PointsOwnLevel { get; set; } = 1;
    public int PointsCity { get; set; } = 5;
    public int PointsProvince { get; set; } = 10;
    public int PointsNational { get; set; } = 20;
    public int PointsPartyGovernment { get; set; } = 20;
    public int PointsInstructionCounty { get; set; } = 5;
    public int PointsInstructionCity { get; set; } = 10;
    public int PointsInstructionProvince { get; set; } = 20;
    public int PointsInstructionCentral { get; set; } = 30;

    /// <summary>联名: each author earns this percentage (default half).</summary>
    public int JointPercent { get; set; } = 50;

    /// <summary>综合采用: a report adopted combined with others earns this percentage (default half; both: a quarter).</summary>
    public int CombinedPercent { get; set; } = 50;

    public const string DefaultCategories = "经济发展\n城乡建设\n社会民生\n教育科技\n文化旅游\n医疗卫生\n生态环境\n社会治理\n其他";
    public const string DefaultBulletinTypes = "快报\n专报\n综合";
    public const string DefaultRejectReasons = "内容与已采用信息重复\n反映问题不具普遍性\n情况不实或依据不足\n建议缺乏可操作性\n属于个人诉求，建议通过信访等渠道反映\n超出政协社情民意反映范围";

    public IReadOnlyList<string> CategoryList => Lines(Categories);

    public IReadOnlyList<string> BulletinTypeList => Lines(BulletinTypes);

    public IReadOnlyList<string> RejectReasonList => Lines(RejectReasons);

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>社情民意信息 – one report, one matter (一事一报), from submission to its outcomes.</summary>
public class OpinionReport : CommitteeEntity
{
    /// <summary>The calendar year (Beijing time) of submission (drafts: of creation); numbers and statistics are per year.</summary>
    public int Year { get; set; }

    /// <summary>收稿编号, per committee and year, given on first submission; null for drafts.</summary>
    public int? SerialNo { get; set; }

    /// <summary>标题, "关于___的建议".</summary>
    public string Title { get; set; } = "";

    /// <summary>基本情况.</summary>
    public string Situation { get; set; } = "";

    /// <summary>问题分析.</summary>
    public string Analysis { get; set; } = "";

    /// <summary>意见建议.</summary>
    public string Suggestion { get; set; } = "";

    public string Category { get; set; } = "";

    /// <summary>信息来源 (free text: 调研, 群众反映, 码上商联络点 …).</summary>
    public string Source { get; set; } = "";

    /// <summary>急事急报: staff see urgent reports first.</summary>
    public bool IsUrgent { get; set; }

    public OpinionSubmitterKind SubmitterKind { get; set; }

    /// <summary>报送人/单位 as shown: a member's name, "张三 等3人", a party's or a public reporter's name.</summary>
    public string SubmitterName { get; set; } = "";

    /// <summary>The lead member (first author, or a group's contact person); null for non-member reporters.</summary>
    public Guid? LeadMemberId { get; set; }

    /// <summary>联系人 and 联系电话 of the submitter (phone shown masked except to permitted staff).</summary>
    public string ContactName { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    /// <summary>The account that entered it (a member, or staff entering for a non-member reporter).</summary>
    public Guid? CreatedByUserId { get; set; }

    public OpinionStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime? ScreenedAt { get; set; }

    public string? ScreenedByName { get; set; }

    /// <summary>The 不采用 reason, the 退回补充 note, or the 转提案线索 hint to the author.</summary>
    public string? ScreeningNote { get; set; }

    /// <summary>The number of the current edited version (<see cref="OpinionReportVersion.No"/>).</summary>
    public int CurrentVersionNo { get; set; }

    public DateTime? SignedOffAt { get; set; }

    public string? SignedOffByName { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>The not-filed proposal this report was converted from (link both ways with <c>Proposal.OpinionReportId</c>).</summary>
    public Guid? ConvertedFromProposalId { get; set; }

    /// <summary>A county report forwarded upward: the city committee's copy points back to the original.</summary>
    public Guid? ForwardedFromReportId { get; set; }

    /// <summary>The original's link to its copy in the upper committee (null until forwarded).</summary>
    public Guid? ForwardedToReportId { get; set; }

    /// <summary>The public submission (码上商 / 委员工作室) it was made from.</summary>
    public Guid? PublicSubmissionId { get; set; }

    /// <summary>转办: the handling case (a <c>Proposal</c> row with <c>SourceReportId</c> = this id)
    /// that runs the proposals' assign → reply → rating loop.</summary>
    public Guid? HandlingCaseId { get; set; }

    /// <summary>Every action sets it, so concurrent actions on one report conflict (one wins).</summary>
    public DateTime LastActivityAt { get; set; }
}

/// <summary>作者 – a member author of a report (order 0 is the lead); joint work shares credit.</summary>
public class OpinionReportAuthor : CommitteeEntity
{
    public Guid ReportId { get; set; }

    public Guid MemberId { get; set; }

    public string MemberName { get; set; } = "";

    public int Order { get; set; }
}

/// <summary>版本 – the text at a point in time. The author's submitted text is kept as an author
/// version and never changed; every 核稿 save adds an editor version; diffs compare them.</summary>
public class OpinionReportVersion : CommitteeEntity
{
    public Guid ReportId { get; set; }

    /// <summary>1, 2, 3 … per report.</summary>
    public int No { get; set; }

    /// <summary>True for the text as the author submitted it, false for an editor's revision.</summary>
    public bool IsAuthorText { get; set; }

    public string Title { get; set; } = "";

    public string Situation { get; set; } = "";

    public string Analysis { get; set; } = "";

    public string Suggestion { get; set; } = "";

    public string EditorName { get; set; } = "";

    public DateTime At { get; set; }

    /// <summary>编辑说明.</summary>
    public string? Note { get; set; }
}

/// <summary>处理记录 – the report's timeline: what happened, when, by whom.</summary>
public class OpinionHistoryEntry : CommitteeEntity
{
    public Guid ReportId { get; set; }

    public DateTime At { get; set; }

    public string ActorName { get; set; } = "";

    public string Text { get; set; } = "";
}

/// <summary>期刊 – one numbered issue of 《社情民意》 of a type (快报/专报/综合) in a year.</summary>
public class OpinionBulletin : CommitteeEntity
{
    public int Year { get; set; }

    /// <summary>期刊类型, one of <see cref="OpinionSettings.BulletinTypeList"/>.</summary>
    public string Type { get; set; } = "";

    /// <summary>期号 per committee, year and type, given when issued (印发); null while a draft.</summary>
    public int? IssueNo { get; set; }

    public string Title { get; set; } = "";

    /// <summary>主送, one per line.</summary>
    public string MainRecipients { get; set; } = "";

    /// <summary>抄送, one per line.</summary>
    public string CopyRecipients { get; set; } = "";

    public BulletinStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? IssuedAt { get; set; }

    /// <summary>签发人.</summary>
    public string? IssuedByName { get; set; }
}

/// <summary>期刊文章 – one article of a bulletin, made from one report (单篇) or several (综合).</summary>
public class OpinionBulletinArticle : CommitteeEntity
{
    public Guid BulletinId { get; set; }

    public int Order { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The article text as printed (from the signed-off versions, editable for combined articles).</summary>
    public string Body { get; set; } = "";
}

/// <summary>Which reports an article was made from (more than one: 综合采用).</summary>
public class OpinionBulletinArticleReport : CommitteeEntity
{
    public Guid BulletinId { get; set; }

    public Guid ArticleId { get; set; }

    public Guid ReportId { get; set; }
}

/// <summary>结果记录 – an adoption (own level or upward), a forwarding, or a leader's instruction.
/// Points are computed from these rows and the committee's rules (<c>OpinionScoring</c>), never stored.</summary>
public class OpinionOutcome : CommitteeEntity
{
    public Guid ReportId { get; set; }

    public OpinionOutcomeKind Kind { get; set; }

    /// <summary>For 采用 / 上报: the level.</summary>
    public AdoptionLevel Level { get; set; }

    /// <summary>综合采用: adopted combined with other reports (half credit).</summary>
    public bool Combined { get; set; }

    /// <summary>The own bulletin that printed it (own-level adoption).</summary>
    public Guid? BulletinId { get; set; }

    /// <summary>For 领导批示.</summary>
    public InstructionLevel? InstructionLevel { get; set; }

    public string? LeaderName { get; set; }

    public string? Text { get; set; }

    /// <summary>The day it happened (adoption date, instruction date).</summary>
    public DateOnly Date { get; set; }

    /// <summary>Recorded automatically from the upper committee's copy (cross-level), if so.</summary>
    public Guid? FromReportId { get; set; }

    public string RecordedByName { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}
