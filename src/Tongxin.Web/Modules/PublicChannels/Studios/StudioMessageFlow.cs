using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Studios;

/// <summary>What can be done with a studio message (工作室来信), in which status (DESIGN.md "Flow"):
/// the host replies to the public or forwards to a handling unit; the unit answers, which brings the
/// message back to the host (处理中) to report back to the public. Plain code, tested without a database.</summary>
public static class StudioMessageFlow
{
    /// <summary>A reply to the public (directly, or reporting back after the unit's answer).</summary>
    public static bool CanReply(PublicSubmissionStatus s) =>
        s is PublicSubmissionStatus.Received or PublicSubmissionStatus.Processing;

    /// <summary>转交承办单位: also again after an answer the host finds insufficient.</summary>
    public static bool CanForward(PublicSubmissionStatus s) =>
        s is PublicSubmissionStatus.Received or PublicSubmissionStatus.Processing;

    /// <summary>The unit answers only while the message waits for it.</summary>
    public static bool CanUnitAnswer(PublicSubmissionStatus s) => s == PublicSubmissionStatus.ForwardedToUnit;

    public static void Reply(PublicSubmission m, string reply, string byName, DateTime now)
    {
        Ensure(CanReply(m.Status), m, "答复");
        m.Status = PublicSubmissionStatus.Replied;
        m.Reply = reply;
        m.RepliedAt = now;
        m.RepliedByName = byName;
        m.LastActivityAt = now;
    }

    public static void Forward(PublicSubmission m, Guid unitId, DateTime now)
    {
        Ensure(CanForward(m.Status), m, "转交承办单位");
        m.Status = PublicSubmissionStatus.ForwardedToUnit;
        m.ForwardedUnitId = unitId;
        m.UnitReply = null;
        m.UnitRepliedAt = null;
        m.LastActivityAt = now;
    }

    public static void UnitAnswer(PublicSubmission m, string answer, DateTime now)
    {
        Ensure(CanUnitAnswer(m.Status), m, "答复");
        m.Status = PublicSubmissionStatus.Processing;
        m.UnitReply = answer;
        m.UnitRepliedAt = now;
        m.LastActivityAt = now;
    }

    private static void Ensure(bool allowed, PublicSubmission m, string action)
    {
        if (!allowed)
        {
            throw new ConflictException($"该来信当前状态为“{m.Status.DisplayName()}”，不能{action}。请刷新后查看最新状态。");
        }
    }
}
