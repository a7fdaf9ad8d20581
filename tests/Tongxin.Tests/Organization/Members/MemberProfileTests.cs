using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Organization.Members;

public class MemberProfileTests
{
    private sealed record Arrangement(TestData.TestCommittee Committee, TestData.TestUser Staff, Guid MemberId, TestData.TestUser Member);

    private static async Task<Arrangement> ArrangeAsync(TestApp app, string name = "自助委员")
    {
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var memberId = await app.AddMemberAsync(staff, RosterTestData.Input(committee, name));
        var member = await app.NewUserAsync(committee, Roles.Member, memberId: memberId);
        return new Arrangement(committee, staff, memberId, member);
    }

    /// <summary>The sensitive form as the member sees it, with one edit.</summary>
    private static SensitiveInput Changed(Member m, Action<SensitiveInput> edit)
    {
        var input = new SensitiveInput { Party = m.Party, Ethnicity = m.Ethnicity, WorkUnit = m.WorkUnit, Title = m.Title, SectorId = m.SectorId };
        edit(input);
        return input;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_changes_the_mobile_at_once_but_the_party_only_by_a_pending_request(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var a = await ArrangeAsync(app);
        var before = await app.StoredMemberAsync(a.MemberId);

        await app.AsAsync(a.Member.Actor, sp => sp.GetRequiredService<MemberProfileHandler>()
            .UpdateContactAsync(new ContactInput { Mobile = "13900001111", Email = before.Email, Tags = "教育，数字经济", Version = before.Version }));
        var filed = await app.AsAsync(a.Member.Actor, sp => sp.GetRequiredService<MemberProfileHandler>()
            .RequestChangesAsync(Changed(before, i => i.Party = "中共党员")));

        filed.ShouldBe(1);
        var after = await app.StoredMemberAsync(a.MemberId);
        after.Mobile.ShouldBe("13900001111");
        after.Tags.ShouldBe("教育、数字经济");
        after.Party.ShouldBe("民盟盟员");
        var request = (await RequestsAsync(app, a.MemberId)).Single();
        (request.Field, request.OldValue, request.NewValue, request.Status).ShouldBe(("Party", "民盟盟员", "中共党员", ProfileChangeStatus.Pending));
        var profile = await app.AsAsync(a.Member.Actor, sp => sp.GetRequiredService<MemberProfileHandler>().GetAsync());
        profile.Requests.ShouldHaveSingleItem().Status.ShouldBe(ProfileChangeStatus.Pending);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_approve_a_request_and_the_member_record_changes(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var a = await ArrangeAsync(app);
        var before = await app.StoredMemberAsync(a.MemberId);
        await app.AsAsync(a.Member.Actor, sp => sp.GetRequiredService<MemberProfileHandler>()
            .RequestChangesAsync(Changed(before, i => (i.Party, i.SectorId) = ("中共党员", a.Committee.OtherSectorId))));
        var todo = await app.AsAsync(a.Staff.Actor, sp => sp.GetServices<ITodoSource>().OfType<ChangeRequestTodos>().Single().GetAsync(a.Staff.Actor, default));
        todo.ShouldHaveSingleItem().ShouldBe(new TodoItem("待审核的委员信息修改", 2, "/Organization/Members/ChangeRequests", "组织与名册"));

        var queue = await app.AsAsync(a.Staff.Actor, sp => sp.GetRequiredService<ChangeRequestHandler>().ListAsync(ProfileChangeStatus.Pending, 1));
        foreach (var row in queue.Items)
        {
            await app.AsAsync(a.Staff.Actor, sp => sp.GetRequiredService<ChangeRequestHandler>().ApproveAsync(row.Id, row.Version, null));
        }

        var after = await app.StoredMemberAsync(a.MemberId);
        after.Party.ShouldBe("中共党员");
        after.SectorId.ShouldBe(a.Committee.OtherSectorId);
        (await RequestsAsync(app, a.MemberId)).Select(r => r.Status).ShouldAllBe(s => s == ProfileChangeStatus.Approved);
        var decided = (await RequestsAsync(app, a.MemberId)).First();
        decided.DecidedBy.ShouldBe(a.Staff.Id);
        decided.DecidedAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_member_finds_the_staff_decision_in_the_inbox_once_the_event_is_dispatched(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db, settings: new Dictionary<string, string?> { ["Tongxin:Events:RunDispatcher"] = "false" });
        var a = await ArrangeAsync(app);
        var before = await app.StoredMemberAsync(a.MemberId);
        await app.AsAsync(a.Member.Actor, sp => sp.GetRequiredService<MemberProfileHandler>()
            .RequestChangesAsync(Changed(before, i => (i.WorkUnit, i.Title) = ("新单位", "新职务"))));
        var requests = await RequestsAsync(app, a.MemberId);
        var workUnit = requests.Single(r => r.Field == ProfileFields.WorkUnit);
        var title = requests.Single(r => r.Field == ProfileFields.Title);
        await app.AsAsync(a.Staff.Actor, sp => sp.GetRequiredService<ChangeRequestHandler>().ApproveAsync(workUnit.Id, workUnit.Version, null));
        await app.AsAsync(a.Staff.Actor, sp => sp.GetRequiredService<ChangeRequestHandler>().RejectAsync(title.Id, title.Version, "请附任职文件"));
        var inboxBefore = await app.AsAsync(a.Member.Actor, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));

        await app.DeliverEventsAsync();

        inboxBefore.Total.ShouldBe(0, "nothing is sent before the decision's event is dispatched");
        var inbox = await app.AsAsync(a.Member.Actor, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));
        inbox.Items.Select(i => i.Title).ShouldBe(["您的信息修改申请已通过：工作单位", "您的信息修改申请未通过：职务"], ignoreOrder: true);
        inbox.Items.Single(i => i.Title.Contains("未通过")).Body.ShouldContain("请附任职文件");
        var staffInbox = await app.AsAsync(a.Staff.Actor, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));
        staffInbox.Total.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_rejected_request_leaves_the_member_unchanged_and_the_member_sees_why(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var a = await ArrangeAsync(app);
        var before = await app.StoredMemberAsync(a.MemberId);
        await app.AsAsync(a.Member.Actor, sp => sp.GetRequiredService<MemberProfileHandler>()
            .RequestChangesAsync(Changed(before, i => i.WorkUnit = "另一家单位")));
        var request = (await RequestsAsync(app, a.MemberId)).Single();

        await Should.ThrowAsync<ValidationFailedException>(() => app.AsAsync(a.Staff.Actor, sp => sp.GetRequiredService<ChangeRequestHandler>().RejectAsync(request.Id, request.Version, " ")));
        await app.AsAsync(a.Staff.Actor, sp => sp.GetRequiredService<ChangeRequestHandler>().RejectAsync(request.Id, request.Version, "请提供单位证明"));
        var again = await Should.ThrowAsync<ConflictException>(() => app.AsAsync(a.Staff.Actor, sp => sp.GetRequiredService<ChangeRequestHandler>().ApproveAsync(request.Id, request.Version + 1, null)));

        again.Message.ShouldBe("该申请已经处理过了。");
        (await app.StoredMemberAsync(a.MemberId)).WorkUnit.ShouldBe("示例大学");
        using var session = await WebSession.LoginAsync(app, a.Member.UserName);
        var page = await session.GetPageAsync("/Profile");
        page.ShouldContain("已驳回");
        page.ShouldContain("请提供单位证明");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_member_uses_the_profile_page_for_both_kinds_of_change(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var a = await ArrangeAsync(app);
        using var session = await WebSession.LoginAsync(app, a.Member.UserName);

        var contact = await session.PostFormAsync("/Profile?handler=Contact", new()
        {
            ["Contact.Mobile"] = "13700002222",
            ["Contact.Email"] = "self@example.cn",
            ["Contact.Tags"] = "医疗",
            ["Contact.Version"] = "0",
        }, formPageUrl: "/Profile");
        var request = await session.PostFormAsync("/Profile?handler=Request", new()
        {
            ["Sensitive.Party"] = "无党派人士",
            ["Sensitive.Ethnicity"] = "汉族",
            ["Sensitive.WorkUnit"] = "示例大学",
            ["Sensitive.Title"] = "教授",
            ["Sensitive.SectorId"] = a.Committee.SectorId.ToString(),
        }, formPageUrl: "/Profile");

        contact.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        request.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await session.GetPageAsync("/Profile");
        page.ShouldContain("已提交 1 项修改申请，待政协机关审核");
        page.ShouldContain("待审核");
        var stored = await app.StoredMemberAsync(a.MemberId);
        (stored.Mobile, stored.Email, stored.Tags, stored.Party).ShouldBe(("13700002222", "self@example.cn", "医疗", "民盟盟员"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_sees_the_own_duty_code_as_a_png_qr_image(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var a = await ArrangeAsync(app);
        var dutyCode = (await app.StoredMemberAsync(a.MemberId)).DutyCode;
        using var session = await WebSession.LoginAsync(app, a.Member.UserName);

        var page = await session.GetPageAsync("/Profile");
        var image = await session.GetAsync("/Profile/DutyCode");

        page.ShouldContain($"<img src=\"/Profile/DutyCode\" alt=\"履职码二维码：{dutyCode}\"");
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var bytes = await image.Content.ReadAsByteArrayAsync();
        bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        bytes.ShouldBe(DutyCodeQr.Png(dutyCode), "the image encodes the member's own duty code");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_cannot_open_another_members_details_or_act_as_staff(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var a = await ArrangeAsync(app);
        var otherId = await app.AddMemberAsync(a.Staff, RosterTestData.Input(a.Committee, "别的委员"));
        using var session = await WebSession.LoginAsync(app, a.Member.UserName);

        (await session.GetAsync($"/Organization/Members/Details/{otherId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.GetAsync("/Organization/Members")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await session.GetAsync("/Organization/Members/ChangeRequests")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var own = await app.AsAsync(a.Member.Actor, sp => sp.GetRequiredService<MemberProfileHandler>().GetAsync());
        own.Id.ShouldBe(a.MemberId);
        own.Name.ShouldBe("自助委员");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_and_accounts_without_a_roster_entry_have_no_profile(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var a = await ArrangeAsync(app);
        var unlinked = await app.NewUserAsync(a.Committee, Roles.Member);

        await Should.ThrowAsync<ForbiddenException>(() => app.AsAsync(a.Staff.Actor, sp => sp.GetRequiredService<MemberProfileHandler>().GetAsync()));
        await Should.ThrowAsync<ForbiddenException>(() => app.AsAsync(unlinked.Actor, sp => sp.GetRequiredService<MemberProfileHandler>().DutyCodePngAsync()));
    }

    private static Task<List<ProfileChangeRequest>> RequestsAsync(TestApp app, Guid memberId) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProfileChangeRequests.AsNoTracking()
            .Where(r => r.MemberId == memberId).OrderBy(r => r.Field).ToListAsync());
}
