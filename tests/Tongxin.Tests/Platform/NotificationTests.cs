using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform;

public class NotificationTests
{
    private static Task NotifyAsync(TestApp app, Guid[] userIds, string title, string body = "", string? link = null) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<NotificationService>().NotifyAsync(userIds, title, body, link));

    [Theory, ClassData(typeof(Databases))]
    public async Task A_user_sees_and_marks_only_their_own_notifications(Db db)
    {
        // Moves the clock to order the two notifications, so it needs an app of its own.
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var me = await app.NewUserAsync(committee, Roles.Member);
        var colleague = await app.NewUserAsync(committee, Roles.Member);
        await NotifyAsync(app, [me.Id], "会议通知", "3月5日上午9时开会", "/");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await NotifyAsync(app, [me.Id, colleague.Id], "提案已立案");
        var colleaguesId = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Notifications
            .Where(n => n.UserId == colleague.Id).Select(n => n.Id).SingleAsync());

        var inbox = await app.AsAsync(me.Actor, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));
        inbox.Items.Select(i => i.Title).ShouldBe(["提案已立案", "会议通知"], "newest first, only mine");
        await app.AsAsync(me.Actor, async sp =>
            await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<NotificationService>().MarkReadAsync(colleaguesId)));

        using var session = await WebSession.LoginAsync(app, me.UserName);
        var api = await session.Client.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        api.GetProperty("total").GetInt32().ShouldBe(2);
        api.GetProperty("unread").GetInt32().ShouldBe(2);
        var foreign = await session.Client.PostAsync($"/api/v1/inbox/{colleaguesId}/read", null);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mine = await session.Client.PostAsync($"/api/v1/inbox/{inbox.Items[0].Id}/read", null);
        mine.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var colleagueUnread = await app.AsAsync(colleague.Actor, sp => sp.GetRequiredService<NotificationService>().UnreadCountAsync());
        colleagueUnread.ShouldBe(1, "marking mine read leaves the colleague's copy unread");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_inbox_page_shows_unread_in_bold_and_marks_read(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var me = await app.NewUserAsync(committee, Roles.Staff);
        await NotifyAsync(app, [me.Id], "请审核社情民意", link: "/Inbox?page=1");
        using var session = await WebSession.LoginAsync(app, me.UserName);

        var page = await session.GetPageAsync("/Inbox");
        page.ShouldContain("请审核社情民意");
        page.ShouldContain("fw-bold");
        page.ShouldContain("（1 条未读）");
        page.ShouldContain("aria-label=\"消息，1条未读\"");

        var id = await app.AsAsync(me.Actor, async sp => (await sp.GetRequiredService<NotificationService>().InboxAsync(1)).Items.Single().Id);
        var open = await session.PostFormAsync($"/Inbox?handler=Open&id={id}", [], formPageUrl: "/Inbox");
        open.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        open.Headers.Location!.ToString().ShouldBe("/Inbox?page=1");

        page = await session.GetPageAsync("/Inbox");
        page.ShouldContain("（0 条未读）");
        page.ShouldContain("data-read=\"true\"");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Marking_all_read_clears_the_badge(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var me = await app.NewUserAsync(committee, Roles.Member);
        await NotifyAsync(app, [me.Id], "通知一");
        await NotifyAsync(app, [me.Id], "通知二");
        using var session = await WebSession.LoginAsync(app, me.UserName);

        var response = await session.PostFormAsync("/Inbox?handler=ReadAll", [], formPageUrl: "/Inbox");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AsAsync(me.Actor, sp => sp.GetRequiredService<NotificationService>().UnreadCountAsync())).ShouldBe(0);
        (await session.GetPageAsync("/")).ShouldContain("aria-label=\"消息，0条未读\"");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Without_smtp_nothing_is_queued_for_email(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var me = await app.NewUserAsync(committee, Roles.Member);

        await NotifyAsync(app, [me.Id], "仅站内");

        var payloads = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OutboxMessages
            .Where(m => m.Type == nameof(NotificationCreated)).Select(m => m.Payload).ToListAsync());
        payloads.ShouldNotContain(p => p.Contains(me.Id.ToString()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task With_smtp_the_notification_is_emailed_after_commit_to_users_with_an_address(Db db)
    {
        await using var smtp = new SmtpSink();
        await using var app = await TestApp.CreateIsolatedAsync(db, settings: new Dictionary<string, string?>
        {
            ["Tongxin:Events:RunDispatcher"] = "false",
            ["Tongxin:Smtp:Host"] = "127.0.0.1",
            ["Tongxin:Smtp:Port"] = smtp.Port.ToString(),
            ["Tongxin:Smtp:From"] = "noreply@tongxin.test",
        });
        var committee = await app.NewCommitteeAsync();
        var withEmail = await app.NewUserAsync(committee, Roles.Member);
        var withoutEmail = await app.NewUserAsync(committee, Roles.Member);
        await app.AsAsync(Actor.System, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(withEmail.Id.ToString()))!;
            (await users.SetEmailAsync(user, "weiyuan@tongxin.test")).Succeeded.ShouldBeTrue();
        });

        await NotifyAsync(app, [withEmail.Id, withoutEmail.Id], "您的提案已立案", "提案《关于加强社区养老服务的建议》已立案。", "/Inbox");
        smtp.Count.ShouldBe(0, "no mail is sent inside the request");
        await app.DeliverEventsAsync();

        var mail = await smtp.NextAsync().WaitAsync(TimeSpan.FromSeconds(30));
        mail.From.ShouldBe("noreply@tongxin.test");
        mail.To.ShouldBe(["weiyuan@tongxin.test"]);
        mail.Subject.ShouldBe("您的提案已立案");
        mail.Body.ShouldContain("关于加强社区养老服务的建议");
        smtp.Count.ShouldBe(1, "the user without an email address only gets the inbox message");
        var undispatched = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OutboxMessages
            .CountAsync(m => m.Type == nameof(NotificationCreated) && m.DispatchedAt == null));
        undispatched.ShouldBe(0);
    }
}
