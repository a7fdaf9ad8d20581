using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions;

/// <summary>What can be done to a report as a whole.</summary>
public enum OpinionAction
{
    Edit,
    Delete,
    Submit,
    Withdraw,
    /// <summary>筛选: 采用.</summary>
    Adopt,
    /// <summary>筛选: 留存.</summary>
    Keep,
    /// <summary>筛选: 不采用 (reason).</summary>
    Reject,
    /// <summary>筛选: 退回补充 (note).</summary>
    Return,
    /// <summary>筛选: 转提案线索 (the author is invited to write a proposal).</summary>
    MarkProposalClue,
    /// <summary>核稿: save an edited version.</summary>
    EditText,
    /// <summary>审签/签发.</summary>
    SignOff,
    /// <summary>Withdraw a sign-off to edit again (before it is printed).</summary>
    ReopenEditing,
    /// <summary>Put into a bulletin draft.</summary>
    AddToBulletin,
    /// <summary>The bulletin is issued (印发).</summary>
    Publish,
    /// <summary>Record an outcome (upward adoption, instruction).</summary>
    RecordOutcome,
    /// <summary>上报 to the upper committee.</summary>
    Forward,
    /// <summary>转办 to handling units.</summary>
    Transfer,
}

/// <summary>社情民意状态机 – the one place that says which action is allowed in which status and
/// where it leads. Handlers call <see cref="Move"/> (status-changing) or <see cref="Ensure"/>
/// (status-keeping) before they touch anything.</summary>
/// <remarks>
/// Draft ─submit→ Submitted ─adopt→ Adopted ─sign off→ SignedOff ─bulletin issued→ Published
/// Submitted ─keep→ Kept (─adopt→ Adopted later); ─reject→ Rejected; ─return→ Returned ─submit→ Submitted;
/// ─proposal clue→ ProposalClue; Submitted/Returned ─withdraw→ Withdrawn. SignedOff ─reopen→ Adopted.
/// </remarks>
public static class OpinionStateMachine
{
    private static readonly Dictionary<(OpinionStatus, OpinionAction), OpinionStatus> Moves = Build();

    private static Dictionary<(OpinionStatus, OpinionAction), OpinionStatus> Build()
    {
        var m = new Dictionary<(OpinionStatus, OpinionAction), OpinionStatus>();
        void Keep(OpinionAction a, params OpinionStatus[] from)
        {
            foreach (var s in from)
            {
                m[(s, a)] = s;
            }
        }

        void To(OpinionAction a, OpinionStatus to, params OpinionStatus[] from)
        {
            foreach (var s in from)
            {
                m[(s, a)] = to;
            }
        }

        Keep(OpinionAction.Edit, OpinionStatus.Draft, OpinionStatus.Returned);
        Keep(OpinionAction.Delete, OpinionStatus.Draft);
        To(OpinionAction.Submit, OpinionStatus.Submitted, OpinionStatus.Draft, OpinionStatus.Returned);
        To(OpinionAction.Withdraw, OpinionStatus.Withdrawn, OpinionStatus.Submitted, OpinionStatus.Returned);
        To(OpinionAction.Adopt, OpinionStatus.Adopted, OpinionStatus.Submitted, OpinionStatus.Kept);
        To(OpinionAction.Keep, OpinionStatus.Kept, OpinionStatus.Submitted);
        To(OpinionAction.Reject, OpinionStatus.Rejected, OpinionStatus.Submitted, OpinionStatus.Kept);
        To(OpinionAction.Return, OpinionStatus.Returned, OpinionStatus.Submitted, OpinionStatus.Kept);
        To(OpinionAction.MarkProposalClue, OpinionStatus.ProposalClue, OpinionStatus.Submitted, OpinionStatus.Kept);
        Keep(OpinionAction.EditText, OpinionStatus.Adopted);
        To(OpinionAction.SignOff, OpinionStatus.SignedOff, OpinionStatus.Adopted);
        To(OpinionAction.ReopenEditing, OpinionStatus.Adopted, OpinionStatus.SignedOff);
        Keep(OpinionAction.AddToBulletin, OpinionStatus.SignedOff);
        To(OpinionAction.Publish, OpinionStatus.Published, OpinionStatus.SignedOff);
        Keep(OpinionAction.RecordOutcome, OpinionStatus.SignedOff, OpinionStatus.Published);
        Keep(OpinionAction.Forward, OpinionStatus.Adopted, OpinionStatus.SignedOff, OpinionStatus.Published);
        Keep(OpinionAction.Transfer, OpinionStatus.SignedOff, OpinionStatus.Published);
        return m;
    }

    public static bool Allows(OpinionStatus status, OpinionAction action) => Moves.ContainsKey((status, action));

    /// <summary>Checks and applies a move; touches <see cref="OpinionReport.LastActivityAt"/>.</summary>
    public static void Move(OpinionReport r, OpinionAction action, DateTime now)
    {
        r.Status = Next(r.Status, action);
        r.LastActivityAt = now;
    }

    /// <summary>Checks a status-keeping action (the caller touches the row with <c>db.Touch</c>).</summary>
    public static void Ensure(OpinionReport r, OpinionAction action) => Next(r.Status, action);

    private static OpinionStatus Next(OpinionStatus status, OpinionAction action) =>
        Moves.TryGetValue((status, action), out var next)
            ? next
            : throw new ConflictException($"该信息当前状态为“{status.DisplayName()}”，不能{Describe(action)}。");

    public static string Describe(OpinionAction action) => action switch
    {
        OpinionAction.Edit => "修改",
        OpinionAction.Delete => "删除",
        OpinionAction.Submit => "报送",
        OpinionAction.Withdraw => "撤回",
        OpinionAction.Adopt => "采用",
        OpinionAction.Keep => "留存",
        OpinionAction.Reject => "不采用",
        OpinionAction.Return => "退回补充",
        OpinionAction.MarkProposalClue => "转提案线索",
        OpinionAction.EditText => "编辑核稿",
        OpinionAction.SignOff => "签发",
        OpinionAction.ReopenEditing => "撤回签发",
        OpinionAction.AddToBulletin => "编入期刊",
        OpinionAction.Publish => "印发",
        OpinionAction.RecordOutcome => "登记采用或批示",
        OpinionAction.Forward => "上报",
        OpinionAction.Transfer => "转办",
        _ => action.ToString(),
    };
}
