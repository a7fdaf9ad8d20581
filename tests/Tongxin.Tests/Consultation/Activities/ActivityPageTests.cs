using System.Net;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Activities;

/// <summary>The activity pages over HTTP: staff create (with Chinese errors), list, export and the
/// detail; the member's 我的活动 and detail; signing in by opening the on-screen QR's URL.</summary>
public class ActivityPageTests
{
    private static Dictionary<string, string> Form(string title, string venue = "协商议政厅", string ends = "2026-03-20T12:00") => new()
    {
        ["Input.Type"] = nameof(ActivityType.PleaseComeConsult),
        ["Input.Title"] = title,
        ["Input.Topic"] = "老旧小区加装电梯的资金分摊。",
        ["Input.StartsAt"] = "2026-03-20T09:00",
        ["Input.EndsAt"] = ends,
        ["Input.HalfDays"] = "1",
        ["Input.Venue"] = venue,
        ["Input.Organizer"] = "城建专委会",
        ["Input.LeadLeader"] = "陈主席",
        ["Input.Mode"] = nameof(AttendanceMode.MustAttend),
        ["Input.Version"] = "0",
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_create_an_activity_on_the_form_see_it_listed_and_exported_and_bad_input_is_explained_in_chinese(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        using var staff = await WebSession.LoginAsync(w.App, w.Staff.UserName);

        var refused = await staff.PostFormAsync("/Consultation/Activities/Edit", Form("", venue: "", ends: "2026-03-20T08:00"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await refused.Content.ReadAsStringAsync();
        errors.ShouldContain("活动名称不能为空。");
        errors.ShouldContain("请填写活动地点或线上会议链接。");
        errors.ShouldContain("结束时间须晚于开始时间。");

        var created = await staff.PostFormAsync("/Consultation/Activities/Edit", Form("请你来协商：加装电梯"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var location = created.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Consultation/Activities/Detail/");
        var id = Guid.Parse(location.Split('/').Last());
        var stored = await w.StoredAsync(id);
        stored.ShouldSatisfyAllConditions(
            a => a.Status.ShouldBe(ActivityStatus.Draft),
            a => a.CommitteeId.ShouldBe(w.City.Id),
            a => a.StartsAt.ShouldBe(new DateTime(2026, 3, 20, 1, 0, 0, DateTimeKind.Utc)),
            a => Convert.FromBase64String(a.SignInSecret).Length.ShouldBe(32));

        var detail = await staff.GetPageAsync(location);
        detail.ShouldContain("请你来协商：加装电梯");
        detail.ShouldContain("城建专委会");
        detail.ShouldContain("尚无参加人员");

        var list = await staff.GetPageAsync("/Consultation/Activities?Filter.Status=Draft&Filter.Q=加装电梯");
        list.ShouldContain($"/Consultation/Activities/Detail/{id}");
        list.ShouldContain("共 1 条");

        var export = await staff.GetAsync("/Consultation/Activities?handler=Export&Filter.Q=加装电梯");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await export.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_sees_the_invitation_in_my_activities_and_signs_in_by_opening_the_screen_url(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.RunningAsync(w.Member);
        using var member = await WebSession.LoginAsync(w.App, w.Member.UserName);

        var mine = await member.GetPageAsync("/Consultation/Activities/My");
        mine.ShouldContain($"/Consultation/Activities/Detail/{id}");
        var detail = await member.GetPageAsync($"/Consultation/Activities/Detail/{id}");
        detail.ShouldContain("我的参加情况");
        detail.ShouldNotContain("id=\"participants\"");

        var code = await w.CurrentCodeAsync(id);
        var signedIn = await member.GetPageAsync($"/c/s/{id}/{code}");
        signedIn.ShouldContain("李参会 签到成功（09:00）");
        var again = await member.GetPageAsync($"/c/s/{id}/{code}");
        again.ShouldContain("李参会 已签到（09:00）");
        var wrong = await member.GetPageAsync($"/c/s/{id}/ZZZZZZZZ");
        wrong.ShouldContain(SignInHandler.WrongCodeMessage);
        (await w.PlaceAsync(id, w.Member)).SignInMethod.ShouldBe(SignInMethod.ActivityCode);

        using var staff = await WebSession.LoginAsync(w.App, w.Staff.UserName);
        var staffDetail = await staff.GetPageAsync($"/Consultation/Activities/Detail/{id}");
        staffDetail.ShouldContain("已签到 <strong id=\"signed-in-count\">1</strong> / 应到 <strong id=\"expected-count\">1</strong>");
        (await staff.GetPageAsync($"/Consultation/Activities/Screen/{id}")).ShouldContain($"/Consultation/Activities/Screen/{id}?handler=Qr");
        var qr = await staff.GetAsync($"/Consultation/Activities/Screen/{id}?handler=Qr");
        qr.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await staff.GetPageAsync($"/Consultation/Activities/Scan/{id}")).ShouldContain("scan-video");
        (await member.GetAsync($"/Consultation/Activities/Screen/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_screen_url_opened_without_signing_in_goes_to_the_login_page_first(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var client = app.CreateClient();
        var response = await client.GetAsync($"/c/s/{Guid.NewGuid()}/ABCDEFGH");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_signs_up_and_asks_leave_on_the_detail_page_and_staff_decide_it_there(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var signUp = await w.ActivityAsync(mode: AttendanceMode.SignUp, capacity: 10);
        var mustAttend = await w.ActivityAsync(invited: [w.Member]);
        using var member = await WebSession.LoginAsync(w.App, w.Member.UserName);

        var open = await member.GetPageAsync("/Consultation/Activities/My");
        open.ShouldContain($"/Consultation/Activities/Detail/{signUp}");
        var signedUp = await member.PostFormAsync($"/Consultation/Activities/Detail/{signUp}?handler=SignUp", [], $"/Consultation/Activities/Detail/{signUp}");
        signedUp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetPageAsync($"/Consultation/Activities/Detail/{signUp}")).ShouldContain("报名成功。");
        (await w.PlaceAsync(signUp, w.Member)).Response.ShouldBe(ParticipantResponse.SignedUp);

        await member.PostFormAsync($"/Consultation/Activities/Detail/{mustAttend}?handler=Leave", new() { ["reason"] = "出差" }, $"/Consultation/Activities/Detail/{mustAttend}");
        (await w.PlaceAsync(mustAttend, w.Member)).Leave.ShouldBe(LeaveStatus.Requested);

        using var staff = await WebSession.LoginAsync(w.App, w.Staff.UserName);
        var waiting = await staff.GetPageAsync("/Consultation/Activities?Filter.Leave=true");
        waiting.ShouldContain($"/Consultation/Activities/Detail/{mustAttend}");
        waiting.ShouldNotContain($"/Consultation/Activities/Detail/{signUp}");
        var placeId = (await w.PlaceAsync(mustAttend, w.Member)).Id;
        await staff.PostFormAsync($"/Consultation/Activities/Detail/{mustAttend}?handler=DecideLeave",
            new() { ["participantId"] = placeId.ToString(), ["approve"] = "true" }, $"/Consultation/Activities/Detail/{mustAttend}");
        (await w.PlaceAsync(mustAttend, w.Member)).Leave.ShouldBe(LeaveStatus.Approved);
    }
}
