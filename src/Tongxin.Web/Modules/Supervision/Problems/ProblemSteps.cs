using Tongxin.Platform.Data;

namespace Tongxin.Modules.Supervision.Problems;

/// <summary>问题办理过程 – the step names of the timeline and the one way to write a step.</summary>
public static class ProblemSteps
{
    public const string Record = "记录";
    public const string Assign = "交办";
    public const string Reply = "答复";
    public const string Return = "退回";
    public const string ReturnVisit = "回访";
    public const string Close = "销号";
    public const string Dismiss = "不予交办";
    public const string Remind = "催办";

    public static void Add(TongxinDbContext db, SupervisionProblem problem, DateTime at, string action, string actorName, string text) =>
        db.SupervisionProblemSteps.Add(new SupervisionProblemStep
        {
            CommitteeId = problem.CommitteeId,
            ProblemId = problem.Id,
            At = at,
            Action = action,
            ActorName = actorName.Length > 50 ? actorName[..50] : actorName,
            Text = text,
        });
}
