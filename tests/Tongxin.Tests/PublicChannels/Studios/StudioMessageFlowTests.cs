using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Web;

namespace Tongxin.Tests.PublicChannels.Studios;

/// <summary>The studio message's status rules, without a database.</summary>
public class StudioMessageFlowTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Host_forwards_unit_answers_and_the_host_reports_back_to_the_public()
    {
        var m = new PublicSubmission { Status = PublicSubmissionStatus.Received };
        var unit = Guid.NewGuid();

        StudioMessageFlow.Forward(m, unit, Now);
        m.Status.ShouldBe(PublicSubmissionStatus.ForwardedToUnit);
        m.ForwardedUnitId.ShouldBe(unit);
        StudioMessageFlow.CanReply(m.Status).ShouldBeFalse("while the unit works, the host waits for its answer");

        StudioMessageFlow.UnitAnswer(m, "已安排施工队于三月中旬修复。", Now.AddDays(3));
        m.Status.ShouldBe(PublicSubmissionStatus.Processing);
        m.UnitReply.ShouldBe("已安排施工队于三月中旬修复。");
        m.UnitRepliedAt.ShouldBe(Now.AddDays(3));

        StudioMessageFlow.Reply(m, "经协调，城管局将于三月中旬修复。", "张主持", Now.AddDays(4));
        m.Status.ShouldBe(PublicSubmissionStatus.Replied);
        m.RepliedByName.ShouldBe("张主持");
        m.LastActivityAt.ShouldBe(Now.AddDays(4));
    }

    [Theory]
    [InlineData(PublicSubmissionStatus.PendingModeration)]
    [InlineData(PublicSubmissionStatus.ForwardedToUnit)]
    [InlineData(PublicSubmissionStatus.Replied)]
    [InlineData(PublicSubmissionStatus.Closed)]
    [InlineData(PublicSubmissionStatus.Blocked)]
    [InlineData(PublicSubmissionStatus.ConvertedToReport)]
    public void Reply_and_forward_are_refused_outside_received_and_processing(PublicSubmissionStatus status)
    {
        var m = new PublicSubmission { Status = status };
        Should.Throw<ConflictException>(() => StudioMessageFlow.Reply(m, "答复", "张主持", Now)).Message.ShouldContain("不能答复");
        Should.Throw<ConflictException>(() => StudioMessageFlow.Forward(m, Guid.NewGuid(), Now)).Message.ShouldContain("不能转交承办单位");
        m.Status.ShouldBe(status);
    }

    [Fact]
    public void A_second_forward_clears_the_first_units_answer()
    {
        var m = new PublicSubmission { Status = PublicSubmissionStatus.Processing, ForwardedUnitId = Guid.NewGuid(), UnitReply = "不属于本单位职责。", UnitRepliedAt = Now };
        var other = Guid.NewGuid();
        StudioMessageFlow.Forward(m, other, Now.AddDays(1));
        m.ForwardedUnitId.ShouldBe(other);
        m.UnitReply.ShouldBeNull();
        m.UnitRepliedAt.ShouldBeNull();
        Should.Throw<ConflictException>(() => StudioMessageFlow.UnitAnswer(new PublicSubmission { Status = PublicSubmissionStatus.Received }, "答复", Now));
    }
}
