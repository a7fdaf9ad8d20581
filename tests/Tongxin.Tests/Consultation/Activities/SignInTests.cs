using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Activities;

/// <summary>签到: the rotating activity code (current and previous window only), the member's 履职码
/// scanned by staff, manual sign-in, the time window, and concurrent sign-ins counting once.</summary>
public class SignInTests
{
    private static SignInHandler SignIn(IServiceProvider sp) => sp.GetRequiredService<SignInHandler>();

    [Theory, ClassData(typeof(Databases))]
    public async Task The_screen_code_works_in_its_window_and_the_next_but_an_older_one_is_refused_as_expired(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var w = await ActivitiesWorld.CreateAsync(app);
        var id = await w.RunningAsync(w.Member, w.OtherMember);
        var code = await w.CurrentCodeAsync(id);

        // The previous window is still accepted: a member who read the code just before it changed.
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        var outcome = await w.As(w.Member, sp => SignIn(sp).SignInByActivityCodeAsync(id, code));
        outcome.AlreadySignedIn.ShouldBeFalse();
        (await w.PlaceAsync(id, w.Member)).SignInMethod.ShouldBe(SignInMethod.ActivityCode);

        // Two windows later the same code (a photo of the screen) is stale.
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        var stale = await Should.ThrowAsync<ConflictException>(() => w.As(w.OtherMember, sp => SignIn(sp).SignInByActivityCodeAsync(id, code)));
        stale.Message.ShouldBe("签到码已过期，请扫描现场大屏上的最新二维码。");
        (await w.PlaceAsync(id, w.OtherMember)).SignedInAt.ShouldBeNull();

        // A made-up code is not "expired" but wrong.
        var wrong = await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.OtherMember, sp => SignIn(sp).SignInByActivityCodeAsync(id, "AAAAAAAA")));
        wrong.Message.ShouldBe(SignInHandler.WrongCodeMessage);

        // The screen's current code (lower-case as a phone keyboard might type it) works.
        var current = await w.As(w.Staff, sp => SignIn(sp).ScreenAsync(id));
        current.Path.ShouldBe($"/c/s/{id}/{current.Code}");
        (await w.As(w.OtherMember, sp => SignIn(sp).SignInByActivityCodeAsync(id, current.Code.ToLowerInvariant()))).AlreadySignedIn.ShouldBeFalse();
        current.Expected.ShouldBe(2);
        (await w.As(w.Staff, sp => SignIn(sp).ScreenAsync(id))).SignedIn.ShouldBe(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Sign_in_is_open_only_from_two_hours_before_the_start_to_two_hours_after_the_end_of_a_published_activity(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var early = await w.ActivityAsync(startsIn: TimeSpan.FromHours(3), invited: [w.Member]);
        var late = await w.ActivityAsync(startsIn: TimeSpan.FromHours(-6), invited: [w.Member]);
        var draft = await w.ActivityAsync(ActivityStatus.Draft, startsIn: TimeSpan.FromMinutes(-10), invited: [w.Member]);
        var soon = await w.ActivityAsync(startsIn: TimeSpan.FromMinutes(110), invited: [w.Member]);

        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Member, async sp => await SignIn(sp).SignInByActivityCodeAsync(early, await w.CurrentCodeAsync(early)))))
            .Message.ShouldStartWith("签到尚未开始");
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, async sp => await SignIn(sp).SignInByMemberCodeAsync(late, await w.App.DutyCodeAsync(w.Member)))))
            .Message.ShouldBe("签到已结束（活动结束两小时后关闭）。");
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, async sp =>
            await SignIn(sp).SignInManuallyAsync(draft, (await w.PlaceAsync(draft, w.Member)).Id))))
            .Message.ShouldBe("活动草稿，不能签到。");
        (await w.As(w.Member, async sp => await SignIn(sp).SignInByActivityCodeAsync(soon, await w.CurrentCodeAsync(soon)))).AlreadySignedIn.ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_sign_members_in_by_their_duty_code_or_by_hand_and_a_second_sign_in_is_told_the_time(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.RunningAsync(w.Member, w.OtherMember);
        var outsider = await w.App.NewActivityMemberAsync(w.City, "赵未邀");

        var scanned = await w.As(w.Staff, async sp => await SignIn(sp).SignInByMemberCodeAsync(id, " " + await w.App.DutyCodeAsync(w.Member) + " "));
        scanned.Message.ShouldBe("李参会 签到成功（09:00）");
        var again = await w.As(w.Staff, async sp => await SignIn(sp).SignInByMemberCodeAsync(id, await w.App.DutyCodeAsync(w.Member)));
        again.AlreadySignedIn.ShouldBeTrue();
        again.Message.ShouldBe("李参会 已签到（09:00）");

        var manual = await w.As(w.Staff, async sp => await SignIn(sp).SignInManuallyAsync(id, (await w.PlaceAsync(id, w.OtherMember)).Id));
        manual.AlreadySignedIn.ShouldBeFalse();
        (await w.PlaceAsync(id, w.OtherMember)).SignInMethod.ShouldBe(SignInMethod.Manual);

        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => SignIn(sp).SignInByMemberCodeAsync(id, "NO-SUCH-CODE"))))
            .Message.ShouldBe("未找到该履职码对应的委员，请核对后重试。");
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => SignIn(sp).SignInByMemberCodeAsync(id, ""))))
            .Message.ShouldBe("请扫描或输入委员的履职码。");
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, async sp => await SignIn(sp).SignInByMemberCodeAsync(id, await w.App.DutyCodeAsync(outsider)))))
            .Message.ShouldBe("赵未邀不在本次活动的参加名单中。");
        (await Should.ThrowAsync<ForbiddenException>(() => w.As(outsider, async sp => await SignIn(sp).SignInByActivityCodeAsync(id, await w.CurrentCodeAsync(id)))))
            .Message.ShouldBe("您不在本次活动的参加名单中，不能签到。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_concurrent_sign_ins_of_the_same_member_count_once_with_one_audit_entry(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.RunningAsync(w.Member);
        var code = await w.CurrentCodeAsync(id);
        var dutyCode = await w.App.DutyCodeAsync(w.Member);

        var outcomes = await Task.WhenAll(
            w.As(w.Member, sp => SignIn(sp).SignInByActivityCodeAsync(id, code)),
            w.As(w.Staff, sp => SignIn(sp).SignInByMemberCodeAsync(id, dutyCode)),
            w.As(w.Member, sp => SignIn(sp).SignInByActivityCodeAsync(id, code)));

        outcomes.Count(o => !o.AlreadySignedIn).ShouldBe(1);
        var place = await w.PlaceAsync(id, w.Member);
        place.SignedInAt.ShouldNotBeNull();
        place.Version.ShouldBe(1);
        outcomes.ShouldAllBe(o => o.SignedInAt == place.SignedInAt);
        var audited = await w.App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(e => e.Action == "活动签到" && e.TargetId == place.Id.ToString()));
        audited.ShouldBe(1);
    }
}
