using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals;

/// <summary>What can be done to a proposal as a whole. Actions on assignments, replies and
/// items are guarded by the proposal status through <see cref="ProposalStateMachine.Allows"/>.</summary>
public enum ProposalAction
{
    Edit,
    Delete,
    Share,
    Comment,
    Submit,
    Withdraw,
    CoSign,
    Return,
    File,
    Merge,
    NotFile,
    Assign,
    Reassign,
    DecideReturnRequest,
    ExtendDeadline,
    Accept,
    RequestReturn,
    Contact,
    GiveCoOpinion,
    DraftReply,
    SubmitReply,
    ReviewReply,
    AllRepliesApproved,
    Rate,
    RateUnsatisfied,
    Complete,
    UpdateItem,
    Mark,
    Instruct,
    ChooseExcellent,
}

/// <summary>提案状态机 – the one place that says which action is allowed in which status and
/// where it leads. Handlers call <see cref="Move"/> (status-changing) or <see cref="Ensure"/>
/// (status-keeping) before they touch anything.</summary>
public static class ProposalStateMachine
{
    private static readonly ProposalStatus[] Reviewed =
        [ProposalStatus.Filed, ProposalStatus.Handling, ProposalStatus.AwaitingRating, ProposalStatus.Completed];

    private static readonly Dictionary<(ProposalStatus, ProposalAction), ProposalStatus> Moves = Build();

    private static Dictionary<(ProposalStatus, ProposalAction), ProposalStatus> Build()
    {
        var m = new Dictionary<(ProposalStatus, ProposalAction), ProposalStatus>();
        void Keep(ProposalAction a, params ProposalStatus[] from)
        {
            foreach (var s in from)
            {
                m[(s, a)] = s;
            }
        }

        void Go(ProposalAction a, ProposalStatus to, params ProposalStatus[] from)
        {
            foreach (var s in from)
            {
                m[(s, a)] = to;
            }
        }

        Keep(ProposalAction.Edit, ProposalStatus.Draft, ProposalStatus.Returned);
        Keep(ProposalAction.Delete, ProposalStatus.Draft);
        Keep(ProposalAction.Share, ProposalStatus.Draft);
        Keep(ProposalAction.Comment, ProposalStatus.Draft);
        Go(ProposalAction.Submit, ProposalStatus.Submitted, ProposalStatus.Draft, ProposalStatus.Returned);
        Go(ProposalAction.Withdraw, ProposalStatus.Withdrawn, ProposalStatus.Submitted, ProposalStatus.Returned);
        Keep(ProposalAction.CoSign, ProposalStatus.Submitted);
        Go(ProposalAction.Return, ProposalStatus.Returned, ProposalStatus.Submitted);
        Go(ProposalAction.File, ProposalStatus.Filed, ProposalStatus.Submitted);
        Go(ProposalAction.Merge, ProposalStatus.Merged, ProposalStatus.Submitted);
        Go(ProposalAction.NotFile, ProposalStatus.NotFiled, ProposalStatus.Submitted);
        Go(ProposalAction.Assign, ProposalStatus.Handling, ProposalStatus.Filed);
        Keep(ProposalAction.Reassign, ProposalStatus.Handling);
        Keep(ProposalAction.DecideReturnRequest, ProposalStatus.Handling);
        Keep(ProposalAction.ExtendDeadline, ProposalStatus.Handling);
        Keep(ProposalAction.Accept, ProposalStatus.Handling);
        Keep(ProposalAction.RequestReturn, ProposalStatus.Handling);
        Keep(ProposalAction.Contact, ProposalStatus.Handling);
        Keep(ProposalAction.GiveCoOpinion, ProposalStatus.Handling);
        Keep(ProposalAction.DraftReply, ProposalStatus.Handling);
        Keep(ProposalAction.SubmitReply, ProposalStatus.Handling);
        Keep(ProposalAction.ReviewReply, ProposalStatus.Handling);
        Go(ProposalAction.AllRepliesApproved, ProposalStatus.AwaitingRating, ProposalStatus.Handling);
        Keep(ProposalAction.Rate, ProposalStatus.AwaitingRating);
        Go(ProposalAction.RateUnsatisfied, ProposalStatus.Handling, ProposalStatus.AwaitingRating);
        Go(ProposalAction.Complete, ProposalStatus.Completed, ProposalStatus.AwaitingRating);
        Keep(ProposalAction.UpdateItem, ProposalStatus.Handling, ProposalStatus.AwaitingRating, ProposalStatus.Completed);
        Keep(ProposalAction.Mark, Reviewed);
        Keep(ProposalAction.Instruct, Reviewed);
        Keep(ProposalAction.ChooseExcellent, Reviewed);
        return m;
    }

    /// <summary>Every (status, action) pair that is allowed, for tests and documentation.</summary>
    public static IReadOnlyDictionary<(ProposalStatus From, ProposalAction Action), ProposalStatus> AllowedMoves => Moves;

    public static bool Allows(ProposalStatus from, ProposalAction action) => Moves.ContainsKey((from, action));

    /// <summary>Where the action leads, or a <see cref="ConflictException"/> in Chinese when the
    /// proposal's status does not allow it (typically someone else acted first).</summary>
    public static ProposalStatus Next(ProposalStatus from, ProposalAction action) =>
        Moves.TryGetValue((from, action), out var to)
            ? to
            : throw new ConflictException($"该提案当前状态为“{Label(from)}”，不能{ActionLabel(action)}。请刷新后查看最新状态。");

    /// <summary>Checks an action that keeps the status.</summary>
    public static void Ensure(Proposal proposal, ProposalAction action) => Next(proposal.Status, action);

    /// <summary>Applies a status-changing action (the status differs, so the row is saved with a new version).</summary>
    public static void Move(Proposal proposal, ProposalAction action, DateTime now)
    {
        proposal.Status = Next(proposal.Status, action);
        proposal.LastActivityAt = now;
    }

    public static string Label(ProposalStatus status) => status.DisplayName();

    public static string ActionLabel(ProposalAction action) => action switch
    {
        ProposalAction.Edit => "修改",
        ProposalAction.Delete => "删除",
        ProposalAction.Share => "发布讨论",
        ProposalAction.Comment => "发表讨论意见",
        ProposalAction.Submit => "提交",
        ProposalAction.Withdraw => "撤回",
        ProposalAction.CoSign => "联名确认",
        ProposalAction.Return => "退回修改",
        ProposalAction.File => "立案",
        ProposalAction.Merge => "并案",
        ProposalAction.NotFile => "不予立案",
        ProposalAction.Assign => "交办",
        ProposalAction.Reassign => "调整承办单位",
        ProposalAction.DecideReturnRequest => "处理退回申请",
        ProposalAction.ExtendDeadline => "延期",
        ProposalAction.Accept => "签收",
        ProposalAction.RequestReturn => "申请退回",
        ProposalAction.Contact => "登记联系情况",
        ProposalAction.GiveCoOpinion => "提交协办意见",
        ProposalAction.DraftReply => "撰写答复",
        ProposalAction.SubmitReply => "提交答复",
        ProposalAction.ReviewReply => "审核答复",
        ProposalAction.AllRepliesApproved => "发送答复",
        ProposalAction.Rate => "评价",
        ProposalAction.RateUnsatisfied => "评价",
        ProposalAction.Complete => "办结",
        ProposalAction.UpdateItem => "更新办理事项",
        ProposalAction.Mark => "标记",
        ProposalAction.Instruct => "批示",
        ProposalAction.ChooseExcellent => "评选优秀提案",
        _ => action.ToString(),
    };
}
