using System.ComponentModel.DataAnnotations;
using Tongxin.Modules.Organization.Members;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>社情民意正文及联系方式 – what every report form has, whoever fills it in.</summary>
public abstract class ReportTextInput
{
    public const int MaxTitle = 200;
    public const int MaxSource = 200;
    public const int MaxContactName = 50;
    public const int MaxName = 200;

    [Display(Name = "标题")]
    public string Title { get; set; } = "";

    [Display(Name = "基本情况")]
    public string Situation { get; set; } = "";

    [Display(Name = "问题分析")]
    public string Analysis { get; set; } = "";

    [Display(Name = "意见建议")]
    public string Suggestion { get; set; } = "";

    [Display(Name = "类别")]
    public string Category { get; set; } = "";

    [Display(Name = "信息来源")]
    public string? Source { get; set; }

    [Display(Name = "急事急报")]
    public bool IsUrgent { get; set; }

    [Display(Name = "联系人")]
    public string ContactName { get; set; } = "";

    [Display(Name = "联系电话")]
    public string ContactPhone { get; set; } = "";
}

/// <summary>委员撰写的社情民意 – individual, joint (co-authors of the same committee) or for a
/// group with the member as contact. The same shape for the page form and the API.</summary>
public sealed class ReportInput : ReportTextInput
{
    /// <summary>The kinds a member may choose: own, joint, or in the name of a group.</summary>
    public static readonly OpinionSubmitterKind[] MemberKinds =
    [
        OpinionSubmitterKind.Member, OpinionSubmitterKind.Joint, OpinionSubmitterKind.Party,
        OpinionSubmitterKind.Organization, OpinionSubmitterKind.SpecialCommittee, OpinionSubmitterKind.MemberGroup,
    ];

    [Display(Name = "报送方式")]
    public OpinionSubmitterKind Kind { get; set; } = OpinionSubmitterKind.Member;

    /// <summary>党派/团体/专委会/委员小组 name, for reports in a group's name.</summary>
    [Display(Name = "报送单位名称")]
    public string? GroupName { get; set; }

    /// <summary>联名委员 in order (joint reports only).</summary>
    [Display(Name = "联名委员")]
    public List<Guid> CoAuthorIds { get; set; } = [];

    /// <summary>The version the member edited (ignored on create).</summary>
    public int Version { get; set; }

    public static bool IsGroup(OpinionSubmitterKind kind) => kind is OpinionSubmitterKind.Party or OpinionSubmitterKind.Organization
        or OpinionSubmitterKind.SpecialCommittee or OpinionSubmitterKind.MemberGroup;
}

/// <summary>工作人员代为录入 – a report from a non-member submitter (信息员, 联络点, 群众反映人, 党派, 团体, 专委会),
/// entered by 社情民意 staff and submitted at once.</summary>
public sealed class EntryInput : ReportTextInput
{
    public static readonly OpinionSubmitterKind[] EntryKinds =
    [
        OpinionSubmitterKind.InformationOfficer, OpinionSubmitterKind.LiaisonPoint, OpinionSubmitterKind.PublicReporter,
        OpinionSubmitterKind.Party, OpinionSubmitterKind.Organization, OpinionSubmitterKind.SpecialCommittee,
    ];

    [Display(Name = "报送主体")]
    public OpinionSubmitterKind SubmitterKind { get; set; } = OpinionSubmitterKind.InformationOfficer;

    /// <summary>报送人/单位: the officer's, reporter's or organisation's name.</summary>
    [Display(Name = "报送人（单位）")]
    public string SubmitterName { get; set; } = "";
}

/// <summary>编辑核稿 – an editor's revision of the text, with a note on what changed.</summary>
public sealed class EditTextInput
{
    [Display(Name = "标题")]
    public string Title { get; set; } = "";

    [Display(Name = "基本情况")]
    public string Situation { get; set; } = "";

    [Display(Name = "问题分析")]
    public string Analysis { get; set; } = "";

    [Display(Name = "意见建议")]
    public string Suggestion { get; set; } = "";

    [Display(Name = "编辑说明")]
    public string? Note { get; set; }

    /// <summary>The report version the editor started from.</summary>
    public int Version { get; set; }
}

/// <summary>Saved: the report id, its new row version and hints for the writer (title wording).</summary>
public sealed record ReportSaved(Guid Id, int Version, IReadOnlyList<string> Warnings);

/// <summary>What the member's form offers: categories, members who may co-author, the length limit
/// and the member's own name and mobile as the default contact.</summary>
public sealed record ReportOptions(IReadOnlyList<string> Categories, IReadOnlyList<Option> Members, int MaxChars, string MemberName, string MemberMobile);

/// <summary>A report as its writer edits it.</summary>
public sealed record ReportDraftView(
    Guid Id,
    OpinionStatus Status,
    int Version,
    bool CanEdit,
    string? ScreeningNote,
    ReportInput Input);
