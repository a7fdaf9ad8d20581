using System.ComponentModel.DataAnnotations;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.PublicChannels;

/// <summary>联络点类型.</summary>
public enum LiaisonPointKind
{
    [Display(Name = "企业")]
    Enterprise = 1,
    [Display(Name = "医院")]
    Hospital = 2,
    [Display(Name = "学校")]
    School = 3,
    [Display(Name = "社区（村）")]
    Community = 4,
    [Display(Name = "机关单位")]
    Agency = 5,
    [Display(Name = "其他")]
    Other = 9,
}

/// <summary>What a QR point collects: 码上商 opinions, or (democratic supervision, issue 6)
/// business-environment problems from an 优化营商环境监测点.</summary>
public enum LiaisonPointPurpose
{
    [Display(Name = "码上商")]
    Opinion = 1,
    [Display(Name = "营商环境监测点")]
    BusinessEnvironment = 2,
}

/// <summary>The way a public submission came in.</summary>
public enum PublicChannel
{
    [Display(Name = "码上商")]
    LiaisonPoint = 1,
    [Display(Name = "委员工作室")]
    Studio = 2,
}

/// <summary>群众来信状态.</summary>
public enum PublicSubmissionStatus
{
    /// <summary>A sensitive word matched: waits in the moderation queue, not shown to the handler yet.</summary>
    [Display(Name = "待审核")]
    PendingModeration = 0,
    [Display(Name = "待处理")]
    Received = 1,
    [Display(Name = "处理中")]
    Processing = 2,
    [Display(Name = "已转承办单位")]
    ForwardedToUnit = 3,
    [Display(Name = "已答复")]
    Replied = 4,
    [Display(Name = "已转社情民意")]
    ConvertedToReport = 5,
    [Display(Name = "已办结")]
    Closed = 6,
    [Display(Name = "已屏蔽")]
    Blocked = 7,
}

/// <summary>群众评价.</summary>
public enum PublicRating
{
    [Display(Name = "满意")]
    Satisfied = 1,
    [Display(Name = "基本满意")]
    FairlySatisfied = 2,
    [Display(Name = "不满意")]
    Unsatisfied = 3,
}

/// <summary>码上征题 status.</summary>
public enum TopicSuggestionStatus
{
    [Display(Name = "待审核")]
    PendingModeration = 0,
    [Display(Name = "已公开")]
    Published = 1,
    [Display(Name = "已屏蔽")]
    Hidden = 2,
    /// <summary>Taken into the consultation topic pool (the consultation module sets it).</summary>
    [Display(Name = "已纳入选题库")]
    TakenIntoPool = 3,
}

/// <summary>码上商联络点 – a place (enterprise, hospital, school …) with a QR code; what the
/// public submits there goes straight to the responsible member or staff (一码直达).</summary>
public class LiaisonPoint : CommitteeEntity
{
    public string Name { get; set; } = "";

    public LiaisonPointKind Kind { get; set; }

    public LiaisonPointPurpose Purpose { get; set; } = LiaisonPointPurpose.Opinion;

    public string Address { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The public URL token (/q/{token}); random, unguessable, unique.</summary>
    public string Token { get; set; } = "";

    /// <summary>负责委员 – receives the submissions (or <see cref="ResponsibleUserId"/>, a staff account).</summary>
    public Guid? ResponsibleMemberId { get; set; }

    public Guid? ResponsibleUserId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}

/// <summary>线上委员工作室 / 委员会客厅 – a public page where the public writes to its members.</summary>
public class MemberStudio : CommitteeEntity
{
    public string Name { get; set; } = "";

    /// <summary>The public URL token (/Public/Studios/{token}).</summary>
    public string Token { get; set; } = "";

    public string Description { get; set; } = "";

    public string Address { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}

/// <summary>A member who receives a studio's messages.</summary>
public class MemberStudioHost : CommitteeEntity
{
    public Guid StudioId { get; set; }

    public Guid MemberId { get; set; }
}

/// <summary>群众来信 – a message from the public through a QR point or a studio. The submitter
/// keeps a receipt code (回执码) to follow it and rate the outcome; no account is needed.</summary>
public class PublicSubmission : CommitteeEntity
{
    public PublicChannel Channel { get; set; }

    public Guid? LiaisonPointId { get; set; }

    public Guid? StudioId { get; set; }

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    /// <summary>Optional name the submitter gave.</summary>
    public string? SubmitterName { get; set; }

    /// <summary>Optional phone, shown masked to everyone but the permitted handler.</summary>
    public string? Phone { get; set; }

    /// <summary>回执码: random, unique; with it the public reads status and reply and rates.</summary>
    public string ReceiptCode { get; set; } = "";

    /// <summary>The form's one-time key: a double click or a resent form does not create a second row.</summary>
    public string IdempotencyKey { get; set; } = "";

    public PublicSubmissionStatus Status { get; set; }

    /// <summary>The sensitive words that matched, if any (comma-separated), for the moderator.</summary>
    public string? MatchedWords { get; set; }

    /// <summary>The member or staff reply shown to the public.</summary>
    public string? Reply { get; set; }

    public DateTime? RepliedAt { get; set; }

    public string? RepliedByName { get; set; }

    /// <summary>转交: the handling unit a studio message was forwarded to, and its answer.</summary>
    public Guid? ForwardedUnitId { get; set; }

    public string? UnitReply { get; set; }

    public DateTime? UnitRepliedAt { get; set; }

    /// <summary>The report it was turned into (转社情民意).</summary>
    public Guid? ReportId { get; set; }

    public PublicRating? Rating { get; set; }

    public string? RatingComment { get; set; }

    public DateTime? RatedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>SHA-256 of the client address with a server key: enough for rate limits and abuse review, not an IP log.</summary>
    public string? ClientHash { get; set; }

    public DateTime LastActivityAt { get; set; }
}

/// <summary>码上征题 – a consultation topic suggested by the public, supported by others.</summary>
public class TopicSuggestion : CommitteeEntity
{
    public int Year { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string? SubmitterName { get; set; }

    public string? Phone { get; set; }

    public string ReceiptCode { get; set; } = "";

    public string IdempotencyKey { get; set; } = "";

    public TopicSuggestionStatus Status { get; set; }

    public string? MatchedWords { get; set; }

    /// <summary>附议数, kept equal to the number of <see cref="TopicSupport"/> rows.</summary>
    public int SupportCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? ClientHash { get; set; }
}

/// <summary>附议 – one supporter (by client hash) of a topic suggestion, at most once each.</summary>
public class TopicSupport : CommitteeEntity
{
    public Guid SuggestionId { get; set; }

    public string SupporterHash { get; set; } = "";

    public DateTime At { get; set; }
}

/// <summary>敏感词 – per committee; a public text containing one goes to the moderation queue.</summary>
public class SensitiveWord : CommitteeEntity
{
    public string Word { get; set; } = "";
}
