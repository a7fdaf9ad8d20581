using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Points;

/// <summary>码上商 from the public's side: scan, write, get a receipt, follow it, rate it.</summary>
public class PublicFormTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_letter_through_the_QR_form_gets_a_receipt_and_reaches_the_responsible_member(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);

        var form = await phone.GetPageAsync($"/q/{w.Token}");
        form.ShouldContain("测试医院联络点");
        form.ShouldContain("name=\"website\"");

        var (response, body, _) = await w.SubmitAsync(phone, PointsWorld.Letter(name: "张三", phone: "138 1234 5678"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldContain("提交成功");
        var code = PointsWorld.ReceiptCodeIn(body);
        var letter = await w.LetterAsync(code);
        letter.Status.ShouldBe(PublicSubmissionStatus.Received);
        letter.Title.ShouldBe("小区门口路灯不亮");
        letter.SubmitterName.ShouldBe("张三");
        letter.Phone.ShouldBe("13812345678");
        letter.CommitteeId.ShouldBe(w.Committee.Id);
        letter.ClientHash!.Length.ShouldBe(64);

        // The app's own dispatcher may be delivering the event at this moment; dispatching again
        // until the message is there (or nothing is left to try) does not depend on who wins.
        var notes = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Notifications.AsNoTracking()
            .Where(n => n.UserId == w.Responsible.Id).Select(n => new { n.Title, n.Link }).ToListAsync());
        for (var round = 0; notes.Count == 0 && round < 20; round++)
        {
            await app.DeliverEventsAsync();
            notes = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Notifications.AsNoTracking()
                .Where(n => n.UserId == w.Responsible.Id).Select(n => new { n.Title, n.Link }).ToListAsync());
        }

        var note = notes.ShouldHaveSingleItem();
        note.Title.ShouldBe("码上商新来信：测试医院联络点");
        note.Link.ShouldBe($"/PublicChannels/Letters/Detail/{letter.Id}");

        var receipt = await phone.GetPageAsync($"/q/receipt?code={code.ToLowerInvariant()}");
        receipt.ShouldContain("已收到，等待处理");
        receipt.ShouldNotContain("13812345678");
        receipt.ShouldNotContain("138****5678");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_double_click_or_a_resent_form_gives_the_same_receipt_and_one_row(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);

        var (_, first, stamp) = await w.SubmitAsync(phone, PointsWorld.Letter());
        var (again, second, _) = await w.SubmitAsync(phone, PointsWorld.Letter(), stamp: stamp);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.ShouldContain("已经提交过");
        PointsWorld.ReceiptCodeIn(second).ShouldBe(PointsWorld.ReceiptCodeIn(first));
        (await w.LettersAsync()).Count.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_letter_with_a_sensitive_word_waits_for_moderation_and_reaches_the_handler_only_when_approved(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);

        var (_, body, _) = await w.SubmitAsync(phone, PointsWorld.Letter(content: "小区里有人推广赌 博-网站，请管一管"));
        var code = PointsWorld.ReceiptCodeIn(body);
        var letter = await w.LetterAsync(code);
        letter.Status.ShouldBe(PublicSubmissionStatus.PendingModeration);
        letter.MatchedWords.ShouldBe("赌博网站");

        using var member = await WebSession.LoginAsync(app, w.Responsible.UserName);
        (await member.GetPageAsync("/PublicChannels/Letters")).ShouldNotContain("小区门口路灯不亮");
        (await phone.GetPageAsync($"/q/receipt?code={code}")).ShouldContain("已收到，正在审核");

        using var staff = await WebSession.LoginAsync(app, w.PublicStaff.UserName);
        var queue = await staff.GetPageAsync("/PublicChannels/Moderation");
        queue.ShouldContain("赌博网站");
        var approve = await staff.PostFormAsync($"/PublicChannels/Moderation?handler=Approve&id={letter.Id}", new() { ["version"] = letter.Version.ToString() }, "/PublicChannels/Moderation");
        approve.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await w.LetterAsync(code)).Status.ShouldBe(PublicSubmissionStatus.Received);
        (await member.GetPageAsync("/PublicChannels/Letters")).ShouldContain("小区门口路灯不亮");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Blocked_letters_are_not_found_by_their_receipt(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);
        var (_, body, _) = await w.SubmitAsync(phone, PointsWorld.Letter(title: "赌博网站广告"));
        var letter = await w.LetterAsync(PointsWorld.ReceiptCodeIn(body));

        using var staff = await WebSession.LoginAsync(app, w.PublicStaff.UserName);
        await staff.PostFormAsync($"/PublicChannels/Moderation?handler=Block&id={letter.Id}", new() { ["version"] = letter.Version.ToString() }, "/PublicChannels/Moderation");

        (await w.LetterAsync(letter.ReceiptCode)).Status.ShouldBe(PublicSubmissionStatus.Blocked);
        var lookup = await phone.GetAsync($"/q/receipt?code={letter.ReceiptCode}");
        lookup.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lookup.Content.ReadAsStringAsync()).ShouldContain("未找到该回执码");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_reply_is_shown_escaped_on_the_receipt_and_can_be_rated_once(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);
        var (_, body, _) = await w.SubmitAsync(phone, PointsWorld.Letter(title: "<script>alert(1)</script>路灯"));
        var code = PointsWorld.ReceiptCodeIn(body);
        var letter = await w.LetterAsync(code);

        using var member = await WebSession.LoginAsync(app, w.Responsible.UserName);
        var detail = await member.GetPageAsync($"/PublicChannels/Letters/Detail/{letter.Id}");
        detail.ShouldNotContain("<script>alert(1)</script>");
        detail.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;路灯");
        var reply = await member.PostFormAsync(
            $"/PublicChannels/Letters/Detail/{letter.Id}?handler=Reply",
            new() { ["Version"] = letter.Version.ToString(), ["Reply"] = "已联系供电部门，<b>三天内</b>修复。" },
            $"/PublicChannels/Letters/Detail/{letter.Id}");
        reply.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var receipt = await phone.GetPageAsync($"/q/receipt?code={code}");
        receipt.ShouldContain("已答复");
        receipt.ShouldContain("已联系供电部门，&lt;b&gt;三天内&lt;/b&gt;修复。");
        receipt.ShouldNotContain("<script>alert(1)</script>");

        var rate = await phone.PostFormAsync("/q/receipt?handler=Rate", new() { ["Code"] = code, ["Rating"] = "Satisfied", ["Comment"] = "修得很快👍" }, $"/q/receipt?code={code}");
        rate.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var rated = await w.LetterAsync(code);
        rated.Rating.ShouldBe(PublicRating.Satisfied);
        rated.RatingComment.ShouldBe("修得很快👍");
        rated.Status.ShouldBe(PublicSubmissionStatus.Closed);

        // The rating form is gone now; any page's anti-forgery token of this browser will do.
        var again = await phone.PostFormAsync("/q/receipt?handler=Rate", new() { ["Code"] = code, ["Rating"] = "Unsatisfied" }, $"/q/{w.Token}");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("只能评价一次");
        (await w.LetterAsync(code)).Rating.ShouldBe(PublicRating.Satisfied);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_letter_cannot_be_rated_before_a_reply(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);
        var (_, body, _) = await w.SubmitAsync(phone, PointsWorld.Letter());
        var code = PointsWorld.ReceiptCodeIn(body);

        (await phone.GetPageAsync($"/q/receipt?code={code}")).ShouldNotContain("提交评价");
        var rate = await phone.PostFormAsync("/q/receipt?handler=Rate", new() { ["Code"] = code, ["Rating"] = "Satisfied" }, $"/q/{w.Token}");
        rate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await rate.Content.ReadAsStringAsync()).ShouldContain("答复后才能评价");
        (await w.LetterAsync(code)).Rating.ShouldBeNull();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Unknown_or_deactivated_points_and_unknown_codes_are_not_found(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);

        (await phone.GetAsync("/q/doesnotexist")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await phone.GetAsync($"/q/{new string('a', 300)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var point = await db.LiaisonPoints.SingleAsync(p => p.Id == w.StaffPointId);
            point.IsActive = false;
            await db.SaveChangesAsync();
        });
        var closed = await phone.GetAsync($"/q/{w.StaffToken}");
        closed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await closed.Content.ReadAsStringAsync()).ShouldContain("页面不存在");

        var unknown = await phone.GetAsync("/q/receipt?code=ABCDE-FGHJK");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("未找到该回执码");
        var malformed = await phone.GetAsync("/q/receipt?code=%3Cscript%3E");
        malformed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await malformed.Content.ReadAsStringAsync()).ShouldNotContain("<script>");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_point_deactivated_by_staff_closes_its_form_at_once_although_the_form_was_just_served(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);
        (await phone.GetAsync($"/q/{w.Token}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.AsAsync(w.PublicStaff.Actor, async sp =>
        {
            var admin = sp.GetRequiredService<LiaisonPointAdmin>();
            var input = await admin.GetForEditAsync(w.PointId);
            input.IsActive = false;
            await admin.UpdateAsync(w.PointId, input);
        });

        var closed = await phone.GetAsync($"/q/{w.Token}");
        closed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await closed.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_receipt_api_answers_with_the_code_only(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);
        var (_, body, _) = await w.SubmitAsync(phone, PointsWorld.Letter(phone: "13812345678"));
        var code = PointsWorld.ReceiptCodeIn(body);

        var ok = await phone.GetAsync($"/api/v1/public/receipts/{code}");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await ok.Content.ReadAsStringAsync();
        json.ShouldContain("小区门口路灯不亮");
        json.ShouldNotContain("1381234");
        var missing = await phone.GetAsync("/api/v1/public/receipts/ABCDEFGHJK");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await missing.Content.ReadAsStringAsync()).ShouldContain("未找到该回执码");
    }
}
