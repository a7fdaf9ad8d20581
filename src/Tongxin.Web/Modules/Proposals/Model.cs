using System.ComponentModel.DataAnnotations;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Proposals;

/// <summary>提案状态 – see <see cref="ProposalStateMachine"/> for the allowed moves.</summary>
public enum ProposalStatus
{
    [Display(Name = "草稿")]
    Draft = 0,
    [Display(Name = "待审查")]
    Submitted = 1,
    [Display(Name = "退回修改")]
    Returned = 2,
    [Display(Name = "已撤回")]
    Withdrawn = 3,
    [Display(Name = "不予立案")]
    NotFiled = 4,
    [Display(Name = "已并案")]
    Merged = 5,
    [Display(Name = "已立案")]
    Filed = 6,
    [Display(Name = "办理中")]
    Handling = 7,
    [Display(Name = "待评价")]
    AwaitingRating = 8,
    [Display(Name = "已办结")]
    Completed = 9,
}

/// <summary>Who submits: 个人/联名 by members, or a group through its contact person.</summary>
public enum ProposerKind
{
    [Display(Name = "个人")]
    Individual = 1,
    [Display(Name = "联名")]
    Joint = 2,
    [Display(Name = "党派")]
    Party = 3,
    [Display(Name = "团体")]
    Organization = 4,
    [Display(Name = "专委会")]
    SpecialCommittee = 5,
    [Display(Name = "界别")]
    Sector = 6,
    [Display(Name = "小组")]
    MemberGroup = 7,
}

/// <summary>交办方式.</summary>
public enum AssignmentMode
{
    [Display(Name = "单办")]
    Single = 1,
    [Display(Name = "主办+协办")]
    LeadWithCo = 2,
    [Display(Name = "分办")]
    Split = 3,
}

/// <summary>A unit's part in the handling.</summary>
public enum AssignmentRole
{
    [Display(Name = "单办")]
    Single = 1,
    [Display(Name = "主办")]
    Lead = 2,
    [Display(Name = "协办")]
    Co = 3,
    [Display(Name = "分办")]
    Split = 4,
}

public enum AssignmentStatus
{
    [Display(Name = "待签收")]
    Pending = 0,
    [Display(Name = "办理中")]
    Accepted = 1,
    [Display(Name = "申退待审")]
    ReturnRequested = 2,
    [Display(Name = "已退回")]
    Returned = 3,
    [Display(Name = "已答复")]
    Replied = 4,
}

public enum SignerStatus
{
    [Display(Name = "待确认")]
    Pending = 0,
    [Display(Name = "已确认")]
    Confirmed = 1,
    [Display(Name = "已拒绝")]
    Declined = 2,
    [Display(Name = "已过期")]
    Expired = 3,
}

/// <summary>办前/办中面商 method.</summary>
public enum ContactMethod
{
    [Display(Name = "面谈")]
    FaceToFace = 1,
    [Display(Name = "座谈会")]
    Meeting = 2,
    [Display(Name = "电话")]
    Phone = 3,
    [Display(Name = "邮件")]
    Email = 4,
    [Display(Name = "书信")]
    Letter = 5,
    [Display(Name = "其他")]
    Other = 6,
    [Display(Name = "未联系")]
    NotContacted = 7,
}

public enum ReplyStatus
{
    [Display(Name = "草稿")]
    Draft = 0,
    [Display(Name = "待审核")]
    Submitted = 1,
    [Display(Name = "已通过")]
    Approved = 2,
    [Display(Name = "已驳回")]
    Rejected = 3,
}

/// <summary>办理事项 status (清单制).</summary>
public enum ItemStatus
{
    [Display(Name = "未落实")]
    NotDone = 0,
    [Display(Name = "正在落实")]
    InProgress = 1,
    [Display(Name = "已落实")]
    Done = 2,
}

/// <summary>满意 / 基本满意 / 不满意.</summary>
public enum Satisfaction
{
    [Display(Name = "满意")]
    Satisfied = 1,
    [Display(Name = "基本满意")]
    BasicallySatisfied = 2,
    [Display(Name = "不满意")]
    Unsatisfied = 3,
}

/// <summary>Was the reply on point: 针对 / 基本针对 / 未针对.</summary>
public enum OnPoint
{
    [Display(Name = "针对")]
    OnPoint = 1,
    [Display(Name = "基本针对")]
    Partly = 2,
    [Display(Name = "未针对")]
    NotOnPoint = 3,
}

/// <summary>What a timeline entry (办理进程) records.</summary>
public enum ProposalEventKind
{
    [Display(Name = "创建草稿")]
    Drafted = 1,
    [Display(Name = "提交")]
    Submitted = 2,
    [Display(Name = "联名确认")]
    CoSigned = 3,
    [Display(Name = "撤回")]
    Withdrawn = 4,
    [Display(Name = "退回修改")]
    Returned = 5,
    [Display(Name = "立案")]
    Filed = 6,
    [Display(Name = "并案")]
    Merged = 7,
    [Display(Name = "不予立案")]
    NotFiled = 8,
    [Display(Name = "交办")]
    Assigned = 9,
    [Display(Name = "签收")]
    Accepted = 10,
    [Display(Name = "申请退回")]
    ReturnRequested = 11,
    [Display(Name = "退回处理")]
    ReturnDecided = 12,
    [Display(Name = "延期")]
    DeadlineExtended = 13,
    [Display(Name = "联系提案人")]
    Contacted = 14,
    [Display(Name = "协办意见")]
    CoOpinion = 15,
    [Display(Name = "提交答复")]
    ReplySubmitted = 16,
    [Display(Name = "答复审核")]
    ReplyReviewed = 17,
    [Display(Name = "答复")]
    Replied = 18,
    [Display(Name = "评价")]
    Rated = 19,
    [Display(Name = "重新办理")]
    Rehandling = 20,
    [Display(Name = "办结")]
    Completed = 21,
    [Display(Name = "办理事项")]
    ItemUpdated = 22,
    [Display(Name = "领导批示")]
    Instruction = 23,
    [Display(Name = "标记")]
    Marked = 24,
    [Display(Name = "转为社情民意信息")]
    ConvertedToOpinion = 25,
}

/// <summary>提案工作设置 – every number and list of DOMAIN.md §3 for one committee. Lists are
/// stored one entry per line so that staff edit them in a text box.</summary>
public class ProposalSettings : CommitteeEntity
{
    /// <summary>联名确认时限 during the plenary, in hours.</summary>
    public int CoSignHoursDuringPlenary { get; set; } = 3;

    /// <summary>联名确认时限 outside the plenary, in hours.</summary>
    public int CoSignHoursOtherwise { get; set; } = 24;

    /// <summary>申退时限 in working days after assignment (3–10).</summary>
    public int ReturnRequestWorkingDays { get; set; } = 5;

    /// <summary>办理时限 in months after assignment.</summary>
    public int DeadlineMonths { get; set; } = 3;

    /// <summary>The longest a deadline may be extended to, in months after assignment.</summary>
    public int MaxDeadlineMonths { get; set; } = 6;

    /// <summary>临期提醒: this many working days before the deadline.</summary>
    public int SoonDueWorkingDays { get; set; } = 10;

    /// <summary>征询意见时限 in working days after the reply.</summary>
    public int RatingWorkingDays { get; set; } = 15;

    /// <summary>协办意见时限 in months after assignment.</summary>
    public int CoOpinionMonths { get; set; } = 1;

    /// <summary>大会提案: submitted from this many months before the plenary to its end.</summary>
    public int PlenaryWindowMonths { get; set; } = 3;

    public string Categories { get; set; } = DefaultCategories;

    public string NotFiledReasons { get; set; } = DefaultNotFiledReasons;

    /// <summary>Reply classes, one per line as "A=所提问题已经解决或基本解决".</summary>
    public string ReplyClasses { get; set; } = DefaultReplyClasses;

    public const string DefaultCategories = "经济建设\n城市建设与管理\n教科文卫体\n社会法制\n其他";

    /// <summary>The national ten reasons not to file (不予立案).</summary>
    public const string DefaultNotFiledReasons =
        "涉及国家秘密的\n涉及国家禁止事项的\n涉及党员对党的人事安排意见的\n涉及民主党派内部事务的\n涉及诉讼、仲裁等法律程序的\n属于学术探讨的\n属于个人及亲属问题的\n为宣传推介具体作品或产品的\n涉及具名检举揭发的\n内容空泛、没有具体建议的";

    public const string DefaultReplyClasses =
        "A=所提问题已经解决或基本解决（采纳）\nB=所提问题列入计划拟解决或正在解决\nC=因条件限制或其他原因留作参考";

    public IReadOnlyList<string> CategoryList => Lines(Categories);

    public IReadOnlyList<string> NotFiledReasonList => Lines(NotFiledReasons);

    /// <summary>(code, label) pairs, e.g. ("A", "所提问题已经解决或基本解决（采纳）").</summary>
    public IReadOnlyList<(string Code, string Label)> ReplyClassList =>
        [.. Lines(ReplyClasses).Select(l => l.Split('=', 2)).Select(p => (p[0].Trim(), p.Length > 1 ? p[1].Trim() : p[0].Trim()))];

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>提案 – one proposal, from draft to completion.</summary>
public class Proposal : CommitteeEntity
{
    /// <summary>The session (次会议) the proposal belongs to; numbers and statistics are per session.</summary>
    public Guid SessionId { get; set; }

    /// <summary>The calendar year it was submitted (drafts: created), for history across years.</summary>
    public int Year { get; set; }

    /// <summary>立案号, unique per committee and session; null until filed.</summary>
    public int? Number { get; set; }

    /// <summary>案由, "关于……的建议".</summary>
    public string Title { get; set; } = "";

    /// <summary>理由/情况分析.</summary>
    public string Situation { get; set; } = "";

    /// <summary>办法/具体建议.</summary>
    public string Suggestions { get; set; } = "";

    public string Category { get; set; } = "";

    /// <summary>建议承办单位, as the proposer wrote them.</summary>
    public string SuggestedUnits { get; set; } = "";

    /// <summary>是否同意公开.</summary>
    public bool MayPublish { get; set; } = true;

    public ProposerKind Kind { get; set; } = ProposerKind.Individual;

    /// <summary>For group proposals: the party, organisation, special committee, sector or group name.</summary>
    public string? GroupName { get; set; }

    /// <summary>第一提案人, or the group's contact person.</summary>
    public Guid LeadMemberId { get; set; }

    /// <summary>Denormalised for lists: the lead member's name (and "等N人" is computed from signers).</summary>
    public string LeadMemberName { get; set; } = "";

    public ProposalStatus Status { get; set; }

    /// <summary>大会提案 (true) or 平时提案.</summary>
    public bool IsPlenary { get; set; }

    /// <summary>i发布: the draft is open to other members of the committee for discussion.</summary>
    public bool SharedForDiscussion { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public DateTime? AssignedAt { get; set; }

    /// <summary>When the current round's replies were all approved.</summary>
    public DateTime? RepliedAt { get; set; }

    /// <summary>When the first round's replies were all approved (办复率 counts this against the deadline).</summary>
    public DateTime? FirstRepliedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>Set on every action: every action changes the row, so concurrent actions conflict.</summary>
    public DateTime LastActivityAt { get; set; }

    /// <summary>不予立案 reason (one of the configured list).</summary>
    public string? NotFiledReason { get; set; }

    /// <summary>Staff's note to the proposer on return (退回修改) or not filing.</summary>
    public string? ReviewNote { get; set; }

    /// <summary>When not filed: has the text been turned into a 社情民意 report (issue 4 converts it).</summary>
    public bool ConvertedToOpinion { get; set; }

    /// <summary>The 社情民意 report this not-filed proposal was converted into (link both ways).</summary>
    public Guid? OpinionReportId { get; set; }

    /// <summary>Set on a 社情民意转办 handling case: this row is not a proposal but carries a report
    /// (<c>OpinionReport.HandlingCaseId</c>) through the proposals' assign → reply → rating loop.
    /// Proposal lists, numbers, statistics, search and public pages leave such rows out.</summary>
    public Guid? SourceReportId { get; set; }

    /// <summary>并案: the main proposal this one was merged into.</summary>
    public Guid? MergedIntoId { get; set; }

    public AssignmentMode? AssignmentMode { get; set; }

    /// <summary>The earliest deadline among the active replying assignments (for lists and reminders).</summary>
    public DateOnly? Deadline { get; set; }

    /// <summary>1, or 2 after a 不满意 rating sent it back for re-handling.</summary>
    public int Round { get; set; } = 1;

    /// <summary>重点提案.</summary>
    public bool IsKey { get; set; }

    /// <summary>重要提案.</summary>
    public bool IsImportant { get; set; }

    /// <summary>领衔督办 leader for key/important proposals.</summary>
    public string? SupervisingLeader { get; set; }

    /// <summary>专题项目.</summary>
    public Guid? ProjectId { get; set; }

    /// <summary>优秀提案.</summary>
    public bool IsExcellent { get; set; }

    /// <summary>The class of the latest approved reply (A/B/C), for statistics and B→A follow-up.</summary>
    public string? ReplyClass { get; set; }

    public string DisplayNumber => Number is { } n ? $"第{n:D4}号" : "未编号";
}

/// <summary>提案人 – the lead (order 0, confirmed) and every co-signer of a proposal.</summary>
public class ProposalSigner : CommitteeEntity
{
    public Guid ProposalId { get; set; }
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public int Order { get; set; }
    public bool IsLead { get; set; }
    public SignerStatus Status { get; set; }
    public DateTime? RequestedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RespondedAt { get; set; }
}

/// <summary>草稿讨论 – a member's comment on a draft shared for discussion; kept with the proposal.</summary>
public class ProposalComment : CommitteeEntity
{
    public Guid ProposalId { get; set; }
    public Guid AuthorMemberId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>交办单位 – one unit's part in handling one proposal.</summary>
public class ProposalAssignment : CommitteeEntity
{
    public Guid ProposalId { get; set; }
    public Guid HandlingUnitId { get; set; }
    public string HandlingUnitName { get; set; } = "";
    public AssignmentRole Role { get; set; }
    public AssignmentStatus Status { get; set; }

    /// <summary>The round this assignment was made or re-opened in.</summary>
    public int Round { get; set; } = 1;

    public DateTime AssignedAt { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTime? AcceptedAt { get; set; }

    /// <summary>申退 reason and time.</summary>
    public string? ReturnReason { get; set; }
    public DateTime? ReturnRequestedAt { get; set; }

    /// <summary>Staff's answer when refusing a return request.</summary>
    public string? ReturnDecisionNote { get; set; }

    /// <summary>协办意见 (co-units only).</summary>
    public string? CoOpinion { get; set; }
    public DateTime? CoOpinionAt { get; set; }

    /// <summary>When the soon-due (临期) reminder went out for the current deadline.</summary>
    public DateTime? SoonDueNotifiedAt { get; set; }

    /// <summary>When the overdue (逾期) reminder went out for the current deadline.</summary>
    public DateTime? OverdueNotifiedAt { get; set; }

    /// <summary>A 单办/主办/分办 unit replies; a 协办 unit gives its opinion to the lead.</summary>
    public bool Replies => Role != AssignmentRole.Co;
}

/// <summary>延期记录.</summary>
public class ProposalDeadlineChange : CommitteeEntity
{
    public Guid ProposalId { get; set; }
    public Guid AssignmentId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Reason { get; set; } = "";
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedAt { get; set; }
}

/// <summary>办前/办中面商 – a unit's contact with the proposer.</summary>
public class ProposalContact : CommitteeEntity
{
    public Guid ProposalId { get; set; }
    public Guid AssignmentId { get; set; }
    public ContactMethod Method { get; set; }
    public DateOnly Date { get; set; }
    public string Notes { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

/// <summary>答复 – one replying unit's reply letter in one round.</summary>
public class ProposalReply : CommitteeEntity
{
    public Guid ProposalId { get; set; }
    public Guid AssignmentId { get; set; }
    public string HandlingUnitName { get; set; } = "";
    public int Round { get; set; } = 1;
    public string Text { get; set; } = "";

    /// <summary>签发人.</summary>
    public string Signer { get; set; } = "";

    /// <summary>Reply class code (A/B/C by default).</summary>
    public string ReplyClass { get; set; } = "";

    public ReplyStatus Status { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
    public List<ProposalReplyItem> Items { get; set; } = [];
}

/// <summary>办理事项 – one concrete commitment of a reply, tracked until done.</summary>
public class ProposalReplyItem : CommitteeEntity
{
    public Guid ReplyId { get; set; }
    public Guid ProposalId { get; set; }
    public int Order { get; set; }
    public string Commitment { get; set; } = "";
    public string ResponsibleUnit { get; set; } = "";
    public DateOnly? PlannedDate { get; set; }
    public ItemStatus Status { get; set; }
    public DateTime? StatusChangedAt { get; set; }
}

/// <summary>征询意见 – one proposer's rating of one round's replies.</summary>
public class ProposalRating : CommitteeEntity
{
    /// <summary>The proposal that was replied to (the main one for merged proposals).</summary>
    public Guid ProposalId { get; set; }

    /// <summary>The proposal whose lead proposer rates (differs from <see cref="ProposalId"/> for merged ones).</summary>
    public Guid ForProposalId { get; set; }

    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public int Round { get; set; }
    public Satisfaction Attitude { get; set; }
    public Satisfaction Result { get; set; }
    public OnPoint? OnPoint { get; set; }

    /// <summary>How they were consulted (e.g. 面谈, 电话), in the proposer's words.</summary>
    public string? ConsultedHow { get; set; }

    public string? Comment { get; set; }
    public DateTime RatedAt { get; set; }
}

/// <summary>领导批示.</summary>
public class ProposalInstruction : CommitteeEntity
{
    public Guid ProposalId { get; set; }
    public Guid LeaderUserId { get; set; }
    public string LeaderName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime GivenAt { get; set; }
}

/// <summary>专题项目 – a theme staff group filed proposals into for joint handling.</summary>
public class ProposalProject : CommitteeEntity
{
    public Guid SessionId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
}

/// <summary>办理进程 – one entry of a proposal's timeline.</summary>
public class ProposalHistoryEntry : CommitteeEntity
{
    public Guid ProposalId { get; set; }
    public ProposalEventKind Kind { get; set; }
    public DateTime At { get; set; }
    public string ActorName { get; set; } = "";
    public string Text { get; set; } = "";
}
