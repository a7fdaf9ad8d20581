using System.ComponentModel.DataAnnotations;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Organization;

/// <summary>全国/省/市/县(区)</summary>
public enum CommitteeLevel
{
    [Display(Name = "全国")]
    National = 1,
    [Display(Name = "省")]
    Province = 2,
    [Display(Name = "市")]
    City = 3,
    [Display(Name = "县（区）")]
    County = 4,
}

/// <summary>政协组织 – a committee; the tenant. A county's parent is its city.</summary>
public class Committee : Entity
{
    public string Name { get; set; } = "";

    /// <summary>Short code used in duty codes and numbers, unique in the deployment.</summary>
    public string Code { get; set; } = "";

    public CommitteeLevel Level { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>The parent committee has been granted read access to this committee's records.</summary>
    public bool ParentMayRead { get; set; }
}

/// <summary>届 – a five-year term, e.g. 九届.</summary>
public class Term : CommitteeEntity
{
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
}

/// <summary>次会议 – the yearly plenary of a term, e.g. 九届二次会议. Proposals are numbered per session.</summary>
public class Session : CommitteeEntity
{
    public Guid TermId { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public bool IsCurrent { get; set; }
}

/// <summary>界别 – e.g. 民革, 经济, 教育.</summary>
public class Sector : CommitteeEntity
{
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>专门委员会 – e.g. 提案委, 经济委.</summary>
public class SpecialCommittee : CommitteeEntity
{
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

public enum GroupKind
{
    /// <summary>界别活动组</summary>
    [Display(Name = "界别活动组")]
    SectorActivityGroup = 1,
    /// <summary>联络组</summary>
    [Display(Name = "联络组")]
    LiaisonGroup = 2,
    /// <summary>镇街道联络室 / 委员小组</summary>
    [Display(Name = "镇街道联络室")]
    TownshipOffice = 3,
    /// <summary>临时党支部</summary>
    [Display(Name = "临时党支部")]
    PartyBranch = 4,
}

/// <summary>A group of members: activity group, liaison group, township office or party branch.</summary>
public class MemberGroup : CommitteeEntity
{
    public string Name { get; set; } = "";
    public GroupKind Kind { get; set; }
    public Guid? SectorId { get; set; }
}

/// <summary>Committee position 职务.</summary>
public enum Position
{
    /// <summary>委员</summary>
    [Display(Name = "委员")]
    Member = 0,
    /// <summary>常委</summary>
    [Display(Name = "常委")]
    StandingMember = 1,
    /// <summary>副主席</summary>
    [Display(Name = "副主席")]
    ViceChair = 2,
    /// <summary>主席</summary>
    [Display(Name = "主席")]
    Chair = 3,
}

public enum Gender
{
    [Display(Name = "男")]
    Male = 1,
    [Display(Name = "女")]
    Female = 2,
}

/// <summary>委员 – a member on the roster of one committee.</summary>
public class Member : CommitteeEntity
{
    public string Name { get; set; } = "";
    public Gender Gender { get; set; }
    public int BirthYear { get; set; }
    public string Ethnicity { get; set; } = "汉族";

    /// <summary>政治面貌 – sensitive personal information (PIPL Art. 28).</summary>
    public string Party { get; set; } = "";

    public Guid? SectorId { get; set; }
    public string WorkUnit { get; set; } = "";
    public string Title { get; set; } = "";
    public Position Position { get; set; }
    public string Mobile { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>Expertise tags 标签墙, separated by '、'.</summary>
    public string Tags { get; set; } = "";

    /// <summary>履职码 – the member's personal duty code, unique in the deployment, shown as a QR image.</summary>
    public string DutyCode { get; set; } = "";

    public Guid? TermId { get; set; }
    public bool IsActive { get; set; } = true;

    public List<MemberSpecialCommittee> SpecialCommittees { get; set; } = [];
    public List<MemberGroupMembership> Groups { get; set; } = [];
}

public class MemberSpecialCommittee
{
    public Guid MemberId { get; set; }
    public Guid SpecialCommitteeId { get; set; }
}

public class MemberGroupMembership
{
    public Guid MemberId { get; set; }
    public Guid GroupId { get; set; }
}

public enum ProfileChangeStatus
{
    [Display(Name = "待审核")]
    Pending = 0,
    [Display(Name = "已通过")]
    Approved = 1,
    [Display(Name = "已驳回")]
    Rejected = 2,
}

/// <summary>A member's edit of a sensitive field, waiting for staff approval.</summary>
public class ProfileChangeRequest : CommitteeEntity
{
    public Guid MemberId { get; set; }
    public string Field { get; set; } = "";
    public string OldValue { get; set; } = "";
    public string NewValue { get; set; } = "";
    public ProfileChangeStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

public enum HandlingUnitKind
{
    /// <summary>政府部门</summary>
    [Display(Name = "政府部门")]
    GovernmentDepartment = 1,
    /// <summary>法院</summary>
    [Display(Name = "法院")]
    Court = 2,
    /// <summary>检察院</summary>
    [Display(Name = "检察院")]
    Procuratorate = 3,
    /// <summary>人民团体</summary>
    [Display(Name = "人民团体")]
    PeoplesOrganization = 4,
    /// <summary>其他</summary>
    [Display(Name = "其他")]
    Other = 9,
}

/// <summary>承办单位 – a body that receives and answers proposals, suggestions and supervision issues.</summary>
public class HandlingUnit : CommitteeEntity
{
    public string Name { get; set; } = "";
    public HandlingUnitKind Kind { get; set; }
    public string ContactPerson { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

public enum VenueKind
{
    /// <summary>委员会客厅</summary>
    [Display(Name = "委员会客厅")]
    ReceptionRoom = 1,
    /// <summary>委员工作室</summary>
    [Display(Name = "委员工作室")]
    MemberStudio = 2,
    /// <summary>民生议事堂</summary>
    [Display(Name = "民生议事堂")]
    ConsultationHall = 3,
    /// <summary>协商驿站</summary>
    [Display(Name = "协商驿站")]
    ConsultationPost = 4,
    /// <summary>界别议事厅</summary>
    [Display(Name = "界别议事厅")]
    SectorHall = 5,
    /// <summary>社情民意信息联系点</summary>
    [Display(Name = "社情民意信息联系点")]
    OpinionLiaisonPoint = 6,
    /// <summary>民主监督员小组</summary>
    [Display(Name = "民主监督员小组")]
    SupervisorGroup = 7,
}

/// <summary>履职平台 – a place where members meet the public and consult.</summary>
public class Venue : CommitteeEntity
{
    public string Name { get; set; } = "";
    public VenueKind Kind { get; set; }
    public string Address { get; set; } = "";
    public Guid? LeadMemberId { get; set; }

    /// <summary>Star rating 0–5 (省"五星级委员会客厅").</summary>
    public int StarRating { get; set; }
}
