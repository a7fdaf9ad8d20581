using Shouldly;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Web;
using Xunit;
using S = Tongxin.Modules.Proposals.ProposalStatus;
using A = Tongxin.Modules.Proposals.ProposalAction;

namespace Tongxin.Tests.Proposals.Review;

/// <summary>Every (status, action) pair: the allowed ones lead where DOMAIN.md §3 says, every other
/// one is refused with a Chinese conflict message and changes nothing.</summary>
public class StateMachineTests
{
    private static readonly S[] AfterFiling = [S.Filed, S.Handling, S.AwaitingRating, S.Completed];

    /// <summary>The specification, written out by hand (not read from the implementation).</summary>
    private static readonly Dictionary<(S, A), S> Expected = new()
    {
        [(S.Draft, A.Edit)] = S.Draft,
        [(S.Returned, A.Edit)] = S.Returned,
        [(S.Draft, A.Delete)] = S.Draft,
        [(S.Draft, A.Share)] = S.Draft,
        [(S.Draft, A.Comment)] = S.Draft,
        [(S.Draft, A.Submit)] = S.Submitted,
        [(S.Returned, A.Submit)] = S.Submitted,
        [(S.Submitted, A.Withdraw)] = S.Withdrawn,
        [(S.Returned, A.Withdraw)] = S.Withdrawn,
        [(S.Submitted, A.CoSign)] = S.Submitted,
        [(S.Submitted, A.Return)] = S.Returned,
        [(S.Submitted, A.File)] = S.Filed,
        [(S.Submitted, A.Merge)] = S.Merged,
        [(S.Submitted, A.NotFile)] = S.NotFiled,
        [(S.Filed, A.Assign)] = S.Handling,
        [(S.Handling, A.Reassign)] = S.Handling,
        [(S.Handling, A.DecideReturnRequest)] = S.Handling,
        [(S.Handling, A.ExtendDeadline)] = S.Handling,
        [(S.Handling, A.Accept)] = S.Handling,
        [(S.Handling, A.RequestReturn)] = S.Handling,
        [(S.Handling, A.Contact)] = S.Handling,
        [(S.Handling, A.GiveCoOpinion)] = S.Handling,
        [(S.Handling, A.DraftReply)] = S.Handling,
        [(S.Handling, A.SubmitReply)] = S.Handling,
        [(S.Handling, A.ReviewReply)] = S.Handling,
        [(S.Handling, A.AllRepliesApproved)] = S.AwaitingRating,
        [(S.AwaitingRating, A.Rate)] = S.AwaitingRating,
        [(S.AwaitingRating, A.RateUnsatisfied)] = S.Handling,
        [(S.AwaitingRating, A.Complete)] = S.Completed,
        [(S.Handling, A.UpdateItem)] = S.Handling,
        [(S.AwaitingRating, A.UpdateItem)] = S.AwaitingRating,
        [(S.Completed, A.UpdateItem)] = S.Completed,
    };

    static StateMachineTests()
    {
        foreach (var s in AfterFiling)
        {
            Expected[(s, A.Mark)] = s;
            Expected[(s, A.Instruct)] = s;
            Expected[(s, A.ChooseExcellent)] = s;
        }
    }

    public static TheoryData<S, A> AllPairs()
    {
        var data = new TheoryData<S, A>();
        foreach (var s in Enum.GetValues<S>())
        {
            foreach (var a in Enum.GetValues<A>())
            {
                data.Add(s, a);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(AllPairs))]
    public void Every_status_and_action_is_allowed_exactly_as_specified(S from, A action)
    {
        var p = new Proposal { Status = from, LastActivityAt = DateTime.UnixEpoch };
        var now = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
        if (Expected.TryGetValue((from, action), out var to))
        {
            ProposalStateMachine.Allows(from, action).ShouldBeTrue();
            ProposalStateMachine.Move(p, action, now);
            p.Status.ShouldBe(to);
            p.LastActivityAt.ShouldBe(now);
        }
        else
        {
            ProposalStateMachine.Allows(from, action).ShouldBeFalse();
            var e = Should.Throw<ConflictException>(() => ProposalStateMachine.Move(p, action, now));
            e.Message.ShouldContain(from.DisplayName());
            e.Message.ShouldContain("不能");
            p.Status.ShouldBe(from);
            p.LastActivityAt.ShouldBe(DateTime.UnixEpoch);
        }
    }

    [Fact]
    public void The_machine_allows_nothing_beyond_the_specification() =>
        ProposalStateMachine.AllowedMoves.Keys.Except(Expected.Keys).ShouldBeEmpty();

    [Fact]
    public void Terminal_statuses_allow_no_status_change()
    {
        foreach (var terminal in new[] { S.Withdrawn, S.NotFiled, S.Merged })
        {
            Enum.GetValues<A>().Where(a => ProposalStateMachine.Allows(terminal, a)).ShouldBeEmpty();
        }
    }
}
