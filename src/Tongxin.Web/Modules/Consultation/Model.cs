using System.ComponentModel.DataAnnotations;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Consultation;

/// <summary>协商设置 – a committee's deadlines and limits for consultation work (one row per committee;
/// a committee without a row uses the defaults).</summary>
public class ConsultationSettings : CommitteeEntity
{
    /// <summary>会议通知提前的工作日数 (notice 15 working days before).</summary>
    public int NoticeWorkingDays { get; set; } = 15;

    /// <summary>会议材料提前的工作日数 (materials 10 working days before).</summary>
    public int MaterialsWorkingDays { get; set; } = 10;

    /// <summary>协商纪要在活动结束后几个工作日内报送 (7).</summary>
    public int MinutesWorkingDays { get; set; } = 7;

    /// <summary>承办单位答复意见建议的期限（月）(3, Nanhu).</summary>
    public int AnswerMonths { get; set; } = 3;

    /// <summary>活动签到码的有效窗口（秒）: the QR on the screen changes this often.</summary>
    public int SignInCodeSeconds { get; set; } = 60;

    /// <summary>每位委员每次活动最多请假申请次数 (2).</summary>
    public int MaxLeaveRequests { get; set; } = 2;

    /// <summary>年度协商计划格局, e.g. "1+2+6+X" (全体会议 + 常委会议 + 主席会议 + 其他).</summary>
    public string PlanPattern { get; set; } = "1+2+6+X";
}

/// <summary>选题来源.</summary>
public enum TopicSource
{
    [Display(Name = "党政点题")]
    PartyGovernment = 1,
    [Display(Name = "委员荐题")]
    Member = 2,
    [Display(Name = "公开征题")]
    Public = 3,
    [Display(Name = "政协报题")]
    Committee = 4,
}

/// <summary>选题状态.</summary>
public enum TopicStatus
{
    [Display(Name = "待遴选")]
    Pool = 0,
    [Display(Name = "已列入计划")]
    Planned = 1,
    [Display(Name = "未采用")]
    Dropped = 2,
}

/// <summary>协商选题 – one topic in a year's pool (选题库).</summary>
public class ConsultationTopic : CommitteeEntity
{
    public int Year { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public TopicSource Source { get; set; }

    /// <summary>提出者 (a leader's office, a member's name, "社会公众", a special committee).</summary>
    public string ProposedBy { get; set; } = "";

    /// <summary>The member who suggested it (委员荐题).</summary>
    public Guid? ProposerMemberId { get; set; }

    /// <summary>The 码上征题 suggestion it was taken from (公开征题); unique per committee.</summary>
    public Guid? SuggestionId { get; set; }

    /// <summary>附议数 of the public suggestion when it was taken in (kept current by the pool page).</summary>
    public int SupportCount { get; set; }

    /// <summary>党政所需 – why the party and government need it.</summary>
    public string NeedNote { get; set; } = "";

    /// <summary>群众所盼 – why the public wants it.</summary>
    public string WishNote { get; set; } = "";

    /// <summary>政协所能 – why the committee can do it.</summary>
    public string AbilityNote { get; set; } = "";

    public TopicStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>年度协商计划状态.</summary>
public enum PlanStatus
{
    [Display(Name = "草拟中")]
    Draft = 0,
    [Display(Name = "主席会议审议")]
    ChairReview = 1,
    [Display(Name = "党委审定")]
    PartyReview = 2,
    [Display(Name = "已发布")]
    Published = 3,
}

/// <summary>年度协商计划 – one per committee and year.</summary>
public class ConsultationPlan : CommitteeEntity
{
    public int Year { get; set; }

    public string Title { get; set; } = "";

    /// <summary>格局 copied from the settings when the plan was created (e.g. "1+2+6+X").</summary>
    public string Pattern { get; set; } = "";

    public PlanStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ChairReviewedAt { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>The last review's remark (主席会议/党委意见, also the reason of a return).</summary>
    public string? ReviewNote { get; set; }
}

/// <summary>计划中的协商形式 – the four parts of "1+2+6+X".</summary>
public enum PlanFormat
{
    [Display(Name = "全体会议协商")]
    Plenary = 1,
    [Display(Name = "常委会议协商")]
    StandingCommittee = 2,
    [Display(Name = "主席会议协商")]
    ChairMeeting = 3,
    [Display(Name = "其他协商")]
    Other = 4,
}

/// <summary>计划事项 – one consultation of the annual plan.</summary>
public class ConsultationPlanItem : CommitteeEntity
{
    public Guid PlanId { get; set; }

    public Guid? TopicId { get; set; }

    public string Title { get; set; } = "";

    public PlanFormat Format { get; set; }

    public ActivityType ActivityType { get; set; }

    /// <summary>1–12.</summary>
    public int Month { get; set; }

    /// <summary>领办领导 (a chair-meeting member: 每人领办 1–2 项).</summary>
    public string LeadLeader { get; set; } = "";

    /// <summary>承办的专委会/界别/部门.</summary>
    public string Organizer { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>The activity that carries the item out, once created.</summary>
    public Guid? ActivityId { get; set; }
}

/// <summary>活动类型 – DOMAIN §5 and §7; supervision (issue 6) and duty records reuse them.</summary>
public enum ActivityType
{
    [Display(Name = "全体会议")]
    Plenary = 1,
    [Display(Name = "常委会议")]
    StandingCommittee = 2,
    [Display(Name = "主席会议")]
    ChairMeeting = 3,
    [Display(Name = "专题协商")]
    Thematic = 4,
    [Display(Name = "对口协商")]
    Counterpart = 5,
    [Display(Name = "界别协商")]
    Sector = 6,
    [Display(Name = "提案办理协商")]
    ProposalHandling = 7,
    [Display(Name = "请你来协商")]
    PleaseComeConsult = 8,
    [Display(Name = "面对面")]
    FaceToFace = 9,
    [Display(Name = "政企协商会")]
    GovernmentEnterprise = 10,
    [Display(Name = "民生议事堂")]
    LivelihoodHall = 11,
    [Display(Name = "协商驿站")]
    ConsultationStation = 12,
    [Display(Name = "委员会客厅")]
    MemberParlour = 13,
    [Display(Name = "网络议政")]
    Online = 14,
    [Display(Name = "调研视察")]
    Inspection = 15,
    [Display(Name = "学习培训")]
    Training = 16,
    [Display(Name = "民主监督")]
    Supervision = 17,
    [Display(Name = "其他活动")]
    Other = 99,
}

/// <summary>参加方式.</summary>
public enum AttendanceMode
{
    [Display(Name = "必须参加")]
    MustAttend = 1,
    [Display(Name = "报名参加")]
    SignUp = 2,
}

/// <summary>活动状态.</summary>
public enum ActivityStatus
{
    [Display(Name = "草稿")]
    Draft = 0,
    [Display(Name = "已发布")]
    Published = 1,
    [Display(Name = "已结束")]
    Closed = 2,
    [Display(Name = "已取消")]
    Cancelled = 3,
}

/// <summary>活动 – the shared activity engine (consultation, inspection, training, supervision …).</summary>
public class Activity : CommitteeEntity
{
    public ActivityType Type { get; set; }

    public string Title { get; set; } = "";

    /// <summary>协商议题 / 活动内容.</summary>
    public string Topic { get; set; } = "";

    /// <summary>地点 (free text; empty for a purely online activity).</summary>
    public string Venue { get; set; } = "";

    /// <summary>The organisation's venue record, when one of its 阵地 (Organization.Venue) is used.</summary>
    public Guid? VenueId { get; set; }

    /// <summary>线上会议链接 (网络议政 / 远程协商).</summary>
    public string? OnlineLink { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    /// <summary>半天数 (duty points count per half-day, e.g. the plenary).</summary>
    public int HalfDays { get; set; } = 1;

    /// <summary>组织者 as shown (专委会/界别/委员小组/办公室 name).</summary>
    public string Organizer { get; set; } = "";

    public Guid? SpecialCommitteeId { get; set; }

    public Guid? SectorId { get; set; }

    public Guid? MemberGroupId { get; set; }

    /// <summary>牵头领导.</summary>
    public string LeadLeader { get; set; } = "";

    /// <summary>邀请的部门 (议题与谁相关就请谁来参加), free text list.</summary>
    public string InvitedDepartments { get; set; } = "";

    /// <summary>群众代表, free text list.</summary>
    public string MassRepresentatives { get; set; } = "";

    public AttendanceMode Mode { get; set; } = AttendanceMode.MustAttend;

    /// <summary>名额 (报名参加 only); null = no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>报名截止.</summary>
    public DateTime? SignUpDeadline { get; set; }

    public ActivityStatus Status { get; set; }

    public Guid? PlanItemId { get; set; }

    /// <summary>Secret of the rotating sign-in code (random, 32 bytes, base64); never shown.</summary>
    public string SignInSecret { get; set; } = "";

    /// <summary>会议材料已发出.</summary>
    public DateTime? MaterialsSentAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime? CancelledAt { get; set; }
}

/// <summary>报名回复.</summary>
public enum ParticipantResponse
{
    [Display(Name = "未回复")]
    None = 0,
    [Display(Name = "已报名")]
    SignedUp = 1,
    [Display(Name = "不参加")]
    Declined = 2,
}

/// <summary>请假状态.</summary>
public enum LeaveStatus
{
    [Display(Name = "无")]
    None = 0,
    [Display(Name = "待审批")]
    Requested = 1,
    [Display(Name = "已准假")]
    Approved = 2,
    [Display(Name = "未准假")]
    Refused = 3,
}

/// <summary>签到方式.</summary>
public enum SignInMethod
{
    [Display(Name = "扫活动码")]
    ActivityCode = 1,
    [Display(Name = "扫履职码")]
    MemberCode = 2,
    [Display(Name = "工作人员补签")]
    Manual = 3,
}

/// <summary>出勤 – fixed when the activity is closed.</summary>
public enum Attendance
{
    [Display(Name = "待定")]
    Pending = 0,
    [Display(Name = "出席")]
    Present = 1,
    [Display(Name = "请假")]
    OnLeave = 2,
    [Display(Name = "缺席")]
    Absent = 3,
    [Display(Name = "不计")]
    NotCounted = 4,
}

/// <summary>参加人 – one member's place in an activity (invited by staff, or signed up).</summary>
public class ActivityParticipant : CommitteeEntity
{
    public Guid ActivityId { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>Invited by staff (必须参加 lists); false when the member signed up on their own.</summary>
    public bool Invited { get; set; }

    public ParticipantResponse Response { get; set; }

    public DateTime? RespondedAt { get; set; }

    public LeaveStatus Leave { get; set; }

    public string? LeaveReason { get; set; }

    /// <summary>How many leave requests the member filed for this activity (limit in the settings).</summary>
    public int LeaveRequestCount { get; set; }

    public DateTime? LeaveDecidedAt { get; set; }

    public string? LeaveDecidedBy { get; set; }

    public DateTime? SignedInAt { get; set; }

    public SignInMethod? SignInMethod { get; set; }

    public Attendance Attendance { get; set; }
}

/// <summary>会前调研形式.</summary>
public enum ActivityTaskKind
{
    [Display(Name = "走访")]
    Visit = 1,
    [Display(Name = "座谈")]
    Seminar = 2,
    [Display(Name = "调研")]
    Research = 3,
}

/// <summary>会前调研任务.</summary>
public class ActivityTask : CommitteeEntity
{
    public Guid ActivityId { get; set; }

    public ActivityTaskKind Kind { get; set; }

    public string Title { get; set; } = "";

    public DateOnly Date { get; set; }

    public string Place { get; set; } = "";

    /// <summary>参加人员 (names, free text).</summary>
    public string People { get; set; } = "";

    public string Notes { get; set; } = "";

    public bool Done { get; set; }
}

/// <summary>会议材料 – a file (Platform Attachment) for the participants.</summary>
public class ActivityMaterial : CommitteeEntity
{
    public Guid ActivityId { get; set; }

    public Guid AttachmentId { get; set; }

    public string Title { get; set; } = "";

    public DateTime AddedAt { get; set; }
}

/// <summary>发言方式.</summary>
public enum SpeechMode
{
    [Display(Name = "口头发言")]
    Oral = 1,
    [Display(Name = "书面发言")]
    Written = 2,
}

/// <summary>发言.</summary>
public class ActivitySpeech : CommitteeEntity
{
    public Guid ActivityId { get; set; }

    public Guid? SpeakerMemberId { get; set; }

    public string SpeakerName { get; set; } = "";

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public SpeechMode Mode { get; set; }

    public int SortOrder { get; set; }

    /// <summary>得票数, kept equal to the number of <see cref="SpeechVote"/> rows.</summary>
    public int VoteCount { get; set; }

    /// <summary>评为最佳发言.</summary>
    public bool IsBest { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>最佳发言评选的一票 – one per member and activity.</summary>
public class SpeechVote : CommitteeEntity
{
    public Guid ActivityId { get; set; }

    public Guid SpeechId { get; set; }

    public Guid VoterMemberId { get; set; }

    public DateTime CastAt { get; set; }
}

/// <summary>协商纪要 – one per activity.</summary>
public class ActivityMinutes : CommitteeEntity
{
    public Guid ActivityId { get; set; }

    public string Text { get; set; } = "";

    public Guid? AttachmentId { get; set; }

    /// <summary>报送期限 (end + 7 working days).</summary>
    public DateOnly DueDate { get; set; }

    public DateTime? UploadedAt { get; set; }

    /// <summary>报送党委政府领导.</summary>
    public DateTime? SentAt { get; set; }
}

/// <summary>领导阅批 – one leader's reading of the minutes.</summary>
public class MinutesReading : CommitteeEntity
{
    public Guid MinutesId { get; set; }

    public Guid LeaderUserId { get; set; }

    public string LeaderName { get; set; } = "";

    public string Instruction { get; set; } = "";

    public DateTime ReadAt { get; set; }
}

/// <summary>意见建议来源.</summary>
public enum SuggestionKind
{
    [Display(Name = "协商建议")]
    Activity = 1,
    [Display(Name = "微建言")]
    Micro = 2,
}

/// <summary>意见建议状态.</summary>
public enum SuggestionStatus
{
    [Display(Name = "待交办")]
    Raised = 0,
    [Display(Name = "办理中")]
    Assigned = 1,
    [Display(Name = "已答复")]
    Answered = 2,
    [Display(Name = "已办结")]
    Closed = 3,
}

/// <summary>采纳情况.</summary>
public enum SuggestionAnswer
{
    [Display(Name = "采纳")]
    Adopted = 1,
    [Display(Name = "部分采纳")]
    PartlyAdopted = 2,
    [Display(Name = "未采纳")]
    NotAdopted = 3,
}

/// <summary>意见建议 – raised at an activity, or a 微建言 from a member's phone.</summary>
public class ConsultationSuggestion : CommitteeEntity
{
    public SuggestionKind Kind { get; set; }

    public Guid? ActivityId { get; set; }

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public Guid? RaisedByMemberId { get; set; }

    /// <summary>提出人 (member, department or representative, as recorded).</summary>
    public string RaisedBy { get; set; } = "";

    public DateTime RaisedAt { get; set; }

    public SuggestionStatus Status { get; set; }

    public Guid? HandlingUnitId { get; set; }

    public DateTime? AssignedAt { get; set; }

    public DateOnly? DueDate { get; set; }

    public SuggestionAnswer? Answer { get; set; }

    public string? AnswerText { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>回头看 – the follow-up note.</summary>
    public string? FollowUp { get; set; }

    public DateTime? FollowedUpAt { get; set; }

    public DateTime? ClosedAt { get; set; }
}

/// <summary>网络议政状态.</summary>
public enum DiscussionStatus
{
    [Display(Name = "进行中")]
    Open = 0,
    [Display(Name = "直播中")]
    Live = 1,
    [Display(Name = "已结束")]
    Closed = 2,
}

/// <summary>网络议政 – a discussion of an activity or a plan topic.</summary>
public class Discussion : CommitteeEntity
{
    public Guid? ActivityId { get; set; }

    public Guid? TopicId { get; set; }

    public string Title { get; set; } = "";

    public string Intro { get; set; } = "";

    /// <summary>公众参与: the public may read and comment without an account.</summary>
    public bool PublicParticipation { get; set; }

    /// <summary>Public link token (unguessable), for the public page.</summary>
    public string Token { get; set; } = "";

    public DiscussionStatus Status { get; set; }

    /// <summary>Visible comments (all depths), kept current.</summary>
    public int CommentCount { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>评论状态.</summary>
public enum CommentStatus
{
    [Display(Name = "已发布")]
    Visible = 0,
    [Display(Name = "待审核")]
    Pending = 1,
    [Display(Name = "已隐藏")]
    Hidden = 2,
}

/// <summary>评论 – depth 1 (root) to 3.</summary>
public class DiscussionComment : CommitteeEntity
{
    public Guid DiscussionId { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>The root comment of the thread (itself for a root).</summary>
    public Guid RootId { get; set; }

    public int Depth { get; set; } = 1;

    public Guid? AuthorUserId { get; set; }

    public string AuthorName { get; set; } = "";

    /// <summary>A public (not signed-in) participant.</summary>
    public bool IsPublic { get; set; }

    public string? ClientHash { get; set; }

    public string Content { get; set; } = "";

    public CommentStatus Status { get; set; }

    public string? MatchedWords { get; set; }

    public int LikeCount { get; set; }

    public int ReplyCount { get; set; }

    public int ReportCount { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>点赞 – once per user or public client.</summary>
public class CommentLike : CommitteeEntity
{
    public Guid CommentId { get; set; }

    /// <summary>"u:{userId}" or "p:{clientHash}".</summary>
    public string LikerKey { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>举报 – once per user or public client.</summary>
public class CommentReport : CommitteeEntity
{
    public Guid CommentId { get; set; }

    public string ReporterKey { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public bool Resolved { get; set; }
}
