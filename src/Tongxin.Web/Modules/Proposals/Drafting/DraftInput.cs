using System.ComponentModel.DataAnnotations;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Drafting;

/// <summary>提案草稿 – what a member writes; the same shape for the page form and the API.</summary>
public sealed class DraftInput
{
    public const int MaxTitle = 200;
    public const int MaxText = 20000;
    public const int MaxUnits = 500;
    public const int MaxGroupName = 100;

    [Display(Name = "案由")]
    public string Title { get; set; } = "";

    [Display(Name = "情况分析")]
    public string Situation { get; set; } = "";

    [Display(Name = "具体建议")]
    public string Suggestions { get; set; } = "";

    [Display(Name = "类别")]
    public string Category { get; set; } = "";

    [Display(Name = "建议承办单位")]
    public string SuggestedUnits { get; set; } = "";

    [Display(Name = "同意公开")]
    public bool MayPublish { get; set; } = true;

    [Display(Name = "提案方式")]
    public ProposerKind Kind { get; set; } = ProposerKind.Individual;

    /// <summary>党派/团体/专委会/界别/小组 name, for group proposals.</summary>
    [Display(Name = "提案单位名称")]
    public string? GroupName { get; set; }

    /// <summary>联名委员 in the order they should sign (joint proposals only).</summary>
    [Display(Name = "联名委员")]
    public List<Guid> CoSignerIds { get; set; } = [];

    /// <summary>The version the member edited (ignored on create).</summary>
    public int Version { get; set; }

    public static bool IsGroup(ProposerKind kind) => kind is not (ProposerKind.Individual or ProposerKind.Joint);
}

/// <summary>Saved: the proposal id, its new version and the hints the member should read (案由 wording).</summary>
public sealed record DraftSaved(Guid Id, int Version, IReadOnlyList<string> Warnings);

public sealed record SignerView(Guid MemberId, string Name, int Order, bool IsLead, SignerStatus Status, DateTime? RequestedAt, DateTime? ExpiresAt, DateTime? RespondedAt)
{
    /// <summary>待确认 / 已确认 / … or "待提交" for a co-signer of a draft who has not been asked yet.</summary>
    public string StatusLabel => !IsLead && RequestedAt is null && Status == SignerStatus.Pending ? "待提交后确认" : Status.DisplayName();
}

public sealed record AttachmentView(Guid Id, string FileName, long Size);

public sealed record CommentView(Guid Id, string AuthorName, string Text, DateTime CreatedAt);

/// <summary>A proposal as its lead member edits it, with everything the form shows around it.</summary>
public sealed record DraftView(
    Guid Id,
    ProposalStatus Status,
    int Version,
    string Title,
    string Situation,
    string Suggestions,
    string Category,
    string SuggestedUnits,
    bool MayPublish,
    ProposerKind Kind,
    string? GroupName,
    bool SharedForDiscussion,
    string? ReviewNote,
    string LeadMemberName,
    bool IsLead,
    IReadOnlyList<SignerView> Signers,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<CommentView> Comments)
{
    public bool CanEdit => IsLead && ProposalStateMachine.Allows(Status, ProposalAction.Edit);

    public DraftInput ToInput() => new()
    {
        Title = Title,
        Situation = Situation,
        Suggestions = Suggestions,
        Category = Category,
        SuggestedUnits = SuggestedUnits,
        MayPublish = MayPublish,
        Kind = Kind,
        GroupName = GroupName,
        CoSignerIds = [.. Signers.Where(s => !s.IsLead).OrderBy(s => s.Order).Select(s => s.MemberId)],
        Version = Version,
    };
}

/// <summary>What the draft form offers: categories, the committee's handling units (datalist) and the members who may co-sign.</summary>
public sealed record DraftOptions(IReadOnlyList<string> Categories, IReadOnlyList<string> HandlingUnits, IReadOnlyList<Option> Members, string? SessionName);
