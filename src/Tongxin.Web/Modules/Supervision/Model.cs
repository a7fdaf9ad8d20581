using System.ComponentModel.DataAnnotations;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Supervision;

/// <summary>专项民主监督选题状态.</summary>
public enum SupervisionTopicStatus
{
    [Display(Name = "筹备中")]
    Draft = 0,
    [Display(Name = "进行中")]
    Active = 1,
    [Display(Name = "已结束")]
    Concluded = 2,
}

/// <summary>专项民主监督 – an annual supervision topic. A lower committee joins an upper one's
/// topic (三级联动) with a topic of its own whose <see cref="ParentTopicId"/> points up; the upper
/// committee rolls up the joined topics' figures (its staff can read subordinate committees).</summary>
public class SupervisionTopic : CommitteeEntity
{
    public int Year { get; set; }

    public string Title { get; set; } = "";

    /// <summary>监督内容与目标.</summary>
    public string Description { get; set; } = "";

    /// <summary>监督对象 (the departments concerned), free text.</summary>
    public string Departments { get; set; } = "";

    /// <summary>牵头领导.</summary>
    public string LeadLeader { get; set; } = "";

    /// <summary>牵头专委会.</summary>
    public Guid? SpecialCommitteeId { get; set; }

    public SupervisionTopicStatus Status { get; set; }

    /// <summary>三级联动: the upper committee's topic this one joins (another committee's row).</summary>
    public Guid? ParentTopicId { get; set; }

    /// <summary>Whether lower committees may join it (三级联动 offered).</summary>
    public bool OpenForLinkage { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>民主监督员小组 – supervisors assigned to a key department for a term.</summary>
public class SupervisorGroup : CommitteeEntity
{
    public string Name { get; set; } = "";

    /// <summary>The topic the group works on, if any.</summary>
    public Guid? TopicId { get; set; }

    /// <summary>对口监督的部门 (a handling unit of the committee).</summary>
    public Guid? HandlingUnitId { get; set; }

    /// <summary>The department's name as shown (kept when no unit record exists).</summary>
    public string Department { get; set; } = "";

    public DateOnly TermStart { get; set; }

    public DateOnly TermEnd { get; set; }

    public string Description { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}

/// <summary>小组内职务.</summary>
public enum SupervisorRole
{
    [Display(Name = "组长")]
    Leader = 1,
    [Display(Name = "副组长")]
    Deputy = 2,
    [Display(Name = "监督员")]
    Member = 3,
}

/// <summary>民主监督员 – a member in a supervisor group.</summary>
public class SupervisorGroupMember : CommitteeEntity
{
    public Guid GroupId { get; set; }

    public Guid MemberId { get; set; }

    public SupervisorRole Role { get; set; } = SupervisorRole.Member;
}

/// <summary>监督活动形式.</summary>
public enum SupervisionActivityKind
{
    [Display(Name = "视察")]
    Inspection = 1,
    [Display(Name = "调研")]
    Research = 2,
    [Display(Name = "座谈")]
    Seminar = 3,
    [Display(Name = "暗访")]
    UnannouncedVisit = 4,
}

/// <summary>A supervision activity: an <c>Activity</c> of the shared engine (type 民主监督; sign-up,
/// sign-in and attendance come from there and count toward duty records) tied to a group.</summary>
public class SupervisionActivity : CommitteeEntity
{
    public Guid ActivityId { get; set; }

    public Guid GroupId { get; set; }

    public Guid? TopicId { get; set; }

    public SupervisionActivityKind Kind { get; set; }
}

/// <summary>Where a problem came from.</summary>
public enum ProblemSource
{
    /// <summary>委员提 – a supervisor or group recorded it.</summary>
    [Display(Name = "监督员发现")]
    Supervisor = 1,
    /// <summary>An enterprise reported it through a 营商环境监测点's QR page.</summary>
    [Display(Name = "营商环境监测点")]
    MonitoringPoint = 2,
}

/// <summary>问题状态 – 委员提 → 部门办 → 专委督 → 群众评.</summary>
public enum ProblemStatus
{
    /// <summary>Recorded; staff must assign it within 2 working days.</summary>
    [Display(Name = "待交办")]
    Recorded = 0,
    /// <summary>With the unit; it must reply within 1 working week (5 working days).</summary>
    [Display(Name = "办理中")]
    Assigned = 1,
    /// <summary>The unit replied; staff check it and record the return visit.</summary>
    [Display(Name = "已答复")]
    Replied = 2,
    /// <summary>销号 – rectified and return-visited.</summary>
    [Display(Name = "已销号")]
    Closed = 3,
    /// <summary>Staff found it is not a problem for this chain (with a reason).</summary>
    [Display(Name = "不予交办")]
    Dismissed = 4,
}

/// <summary>整改情况 as the unit reports it.</summary>
public enum RectificationState
{
    [Display(Name = "已整改")]
    Rectified = 1,
    [Display(Name = "整改中")]
    InProgress = 2,
    [Display(Name = "无法整改（已说明）")]
    CannotRectify = 3,
}

/// <summary>回访方式.</summary>
public enum ReturnVisitMethod
{
    [Display(Name = "电话回访")]
    Phone = 1,
    [Display(Name = "上门回访")]
    OnSite = 2,
    [Display(Name = "座谈回访")]
    Meeting = 3,
}

/// <summary>回访满意度.</summary>
public enum VisitSatisfaction
{
    [Display(Name = "满意")]
    Satisfied = 1,
    [Display(Name = "基本满意")]
    FairlySatisfied = 2,
    [Display(Name = "不满意")]
    Unsatisfied = 3,
}

/// <summary>问题清单 – one problem found in supervision, carried through
/// 两天内交办、一周内答复、百分百回访 and closed out (销号) only when rectified and return-visited.
/// Deadlines are working days (Platform.Calendar).</summary>
public class SupervisionProblem : CommitteeEntity
{
    /// <summary>Per committee and year, from 1; shown as 监督〔2026〕1号.</summary>
    public int Year { get; set; }

    public int Number { get; set; }

    public ProblemSource Source { get; set; }

    public Guid? TopicId { get; set; }

    public Guid? GroupId { get; set; }

    /// <summary>The supervisor who recorded it (委员提); null for a monitoring-point report.</summary>
    public Guid? ReportedByMemberId { get; set; }

    /// <summary>The enterprise's message (监测点): its receipt code lets the enterprise follow and rate it.</summary>
    public Guid? PublicSubmissionId { get; set; }

    public Guid? LiaisonPointId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>问题描述.</summary>
    public string Description { get; set; } = "";

    /// <summary>地点.</summary>
    public string Location { get; set; } = "";

    /// <summary>涉及部门 as the reporter named it.</summary>
    public string Department { get; set; } = "";

    /// <summary>The person concerned (for the return visit), e.g. the enterprise's contact.</summary>
    public string? ConcernedPerson { get; set; }

    public string? ConcernedPhone { get; set; }

    public ProblemStatus Status { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>交办期限: 2 working days after recording.</summary>
    public DateOnly AssignDueOn { get; set; }

    /// <summary>承办单位.</summary>
    public Guid? HandlingUnitId { get; set; }

    public DateTime? AssignedAt { get; set; }

    public string? AssignNote { get; set; }

    /// <summary>答复期限: 5 working days after assignment.</summary>
    public DateOnly? ReplyDueOn { get; set; }

    public string? Reply { get; set; }

    public RectificationState? Rectification { get; set; }

    public DateTime? RepliedAt { get; set; }

    public string? RepliedByName { get; set; }

    /// <summary>专委督: staff sent the reply back (how many times).</summary>
    public int ReturnCount { get; set; }

    public DateTime? ReturnVisitAt { get; set; }

    public ReturnVisitMethod? ReturnVisitMethod { get; set; }

    public string? ReturnVisitPerson { get; set; }

    public VisitSatisfaction? ReturnVisitSatisfaction { get; set; }

    public string? ReturnVisitNote { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? DismissReason { get; set; }

    /// <summary>The last reminder sent for an overdue step (at most one per step and day).</summary>
    public DateOnly? LastRemindedOn { get; set; }
}

/// <summary>问题办理过程 – one step of a problem's history, shown as its timeline.</summary>
public class SupervisionProblemStep : CommitteeEntity
{
    public Guid ProblemId { get; set; }

    public DateTime At { get; set; }

    /// <summary>记录 / 交办 / 答复 / 退回 / 回访 / 销号 / 不予交办 / 催办.</summary>
    public string Action { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string Text { get; set; } = "";
}

/// <summary>建议书状态.</summary>
public enum LetterStatus
{
    [Display(Name = "起草中")]
    Draft = 0,
    [Display(Name = "待签发")]
    Submitted = 1,
    [Display(Name = "已签发")]
    SignedOff = 2,
    [Display(Name = "已送达")]
    Sent = 3,
    [Display(Name = "已反馈")]
    Answered = 4,
}

/// <summary>《民主监督建议书》 – a group's suggestion letter drawn from its findings, signed off by
/// staff, sent to the department, and its response recorded.</summary>
public class SupervisionLetter : CommitteeEntity
{
    public int Year { get; set; }

    /// <summary>签发 number per committee and year (assigned at sign-off).</summary>
    public int? Number { get; set; }

    public Guid GroupId { get; set; }

    public Guid? TopicId { get; set; }

    /// <summary>主送部门.</summary>
    public Guid? HandlingUnitId { get; set; }

    public string Recipient { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public LetterStatus Status { get; set; }

    public Guid? DraftedByMemberId { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? SignedOffBy { get; set; }

    public DateTime? SignedOffAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>部门反馈.</summary>
    public string? Response { get; set; }

    public DateTime? RespondedAt { get; set; }

    public string? RespondedByName { get; set; }
}
