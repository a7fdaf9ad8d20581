using Tongxin.Modules.Proposals.Handling;
using Tongxin.Platform.Calendar;

namespace Tongxin.Modules.Supervision.Problems;

/// <summary>两天内交办、一周内答复 – which deadline a problem is running against and how late it is,
/// in working days (the working-day calendar; the count is the one unit deadlines use).</summary>
public static class ProblemDeadlines
{
    public const int ReplyWorkingDays = 5;

    /// <summary>The open step's deadline: assignment while 待交办, the reply while 办理中; none otherwise.</summary>
    public static DateOnly? OpenDue(ProblemStatus status, DateOnly assignDueOn, DateOnly? replyDueOn) => status switch
    {
        ProblemStatus.Recorded => assignDueOn,
        ProblemStatus.Assigned => replyDueOn,
        _ => null,
    };

    /// <summary>Working days past the open deadline (0 when not overdue). Overdue = today is after the due date.</summary>
    public static int OverdueDays(WorkingDays rules, DateOnly today, DateOnly? due) =>
        due is { } d && today > d ? -UnitDeadlines.WorkingDaysLeft(rules, today, d) : 0;

    /// <summary>「已超期N个工作日」, or empty.</summary>
    public static string Describe(int overdueDays) => overdueDays > 0 ? $"已超期{overdueDays}个工作日" : "";

    public static string Date(DateOnly date) => UnitDeadlines.Date(date);
}
