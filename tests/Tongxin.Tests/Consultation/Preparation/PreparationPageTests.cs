using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Preparation;

/// <summary>The preparation pages over HTTP, and the partial on the overview page.</summary>
public partial class PreparationPageTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static async Task<HttpResponseMessage> UploadAsync(WebSession s, Guid activityId, string title, byte[] bytes, string fileName)
    {
        var page = await s.GetPageAsync(PreparationLinks.Materials(activityId));
        var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(title), "MaterialTitle" },
            { new ByteArrayContent(bytes), "Upload", fileName },
        };
        return await s.Client.PostAsync($"{PreparationLinks.Materials(activityId)}?handler=Upload", content);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_prepare_an_activity_and_a_participant_downloads_the_materials_and_votes(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync(startsAt: app.Clock.GetUtcNow().AddDays(10));
        var overview = PreparationLinks.Overview(activityId);

        using (var staff = await WebSession.LoginAsync(app, w.Staff.UserName))
        {
            var page = await staff.GetPageAsync(overview);
            page.ShouldContain("data-testid=\"preparation-deadlines\"");
            // Ten days ahead, the materials (due 10 working days before) are already late.
            page.ShouldContain("已逾期");

            var bad = await staff.PostFormAsync($"/Consultation/Preparation/TaskEdit/{activityId}", new() { ["Input.Kind"] = "", ["Input.Title"] = "" });
            bad.StatusCode.ShouldBe(HttpStatusCode.OK);
            var errors = await bad.Content.ReadAsStringAsync();
            errors.ShouldContain("任务名称不能为空。");
            errors.ShouldContain("请选择调研形式（走访、座谈或调研）。");

            var saved = await staff.PostFormAsync($"/Consultation/Preparation/TaskEdit/{activityId}", new()
            {
                ["Input.Kind"] = "2",
                ["Input.Title"] = "社区居民座谈会",
                ["Input.Date"] = "2026-03-05",
                ["Input.Place"] = "东湖社区",
                ["Input.People"] = "张参会、李参会",
            });
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            saved.Headers.Location!.OriginalString.ShouldBe(PreparationLinks.Tasks(activityId));
            (await staff.GetPageAsync(PreparationLinks.Tasks(activityId))).ShouldContain("社区居民座谈会");

            (await UploadAsync(staff, activityId, "会议议程", MaterialTests.Pdf(), "议程.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var refused = await UploadAsync(staff, activityId, "伪装", "MZ\u0090\0"u8.ToArray(), "议程.pdf");
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("不允许上传可执行文件或脚本。");

            var sent = await staff.PostFormAsync($"{PreparationLinks.Materials(activityId)}?handler=Send", new(), PreparationLinks.Materials(activityId));
            sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);

            var speech = await staff.PostFormAsync($"/Consultation/Preparation/SpeechEdit/{activityId}", new()
            {
                ["Input.SpeakerName"] = "市住建局副局长",
                ["Input.Mode"] = "1",
                ["Input.Title"] = "住建部门的工作打算",
                ["Input.Text"] = "今年计划改造小区四十个。",
            });
            speech.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await w.InboxAsync(w.Participant)).ShouldBe(["会议材料：关于老旧小区改造的专题协商"]);
        var attachmentId = await w.ReadAsync(d => d.ActivityMaterials.Where(m => m.ActivityId == activityId).Select(m => m.AttachmentId).SingleAsync());
        var speechId = await w.ReadAsync(d => d.ActivitySpeeches.Where(s => s.ActivityId == activityId).Select(s => s.Id).SingleAsync());

        using var member = await WebSession.LoginAsync(app, w.Participant.UserName);
        var view = await member.GetPageAsync(overview);
        view.ShouldContain("社区居民座谈会");
        view.ShouldContain($"/api/v1/attachments/{attachmentId}");
        view.ShouldNotContain("data-testid=\"preparation-deadlines\"");
        view.ShouldContain($"action=\"{PreparationLinks.Speeches(activityId)}?handler=Vote\"");
        var file = await member.GetAsync($"/api/v1/attachments/{attachmentId}");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync()).Take(5).ShouldBe("%PDF-"u8.ToArray());

        var vote = await member.PostFormAsync($"{PreparationLinks.Speeches(activityId)}?handler=Vote",
            new() { ["speechId"] = speechId.ToString(), ["returnUrl"] = overview }, overview);
        vote.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        vote.Headers.Location!.OriginalString.ShouldBe(overview);
        var again = await member.PostFormAsync($"{PreparationLinks.Speeches(activityId)}?handler=Vote",
            new() { ["speechId"] = speechId.ToString(), ["returnUrl"] = overview }, overview);
        again.Headers.Location!.OriginalString.ShouldBe(PreparationLinks.Speeches(activityId));
        var speeches = await member.GetPageAsync(PreparationLinks.Speeches(activityId));
        speeches.ShouldContain(SpeechHandler.AlreadyVoted);
        speeches.ShouldContain("1 票");
        speeches.ShouldContain("我的投票");
        (await w.ReadAsync(d => d.ActivitySpeeches.Where(s => s.Id == speechId).Select(s => s.VoteCount).SingleAsync())).ShouldBe(1);

        (await member.GetPageAsync($"/Consultation/Preparation/SpeechEdit/{activityId}")).ShouldContain("提交书面发言");
        var written = await member.PostFormAsync($"/Consultation/Preparation/SpeechEdit/{activityId}",
            new() { ["Input.Title"] = "关于资金筹措的书面发言", ["Input.Text"] = "建议设立改造基金。" });
        written.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await w.ReadAsync(d => d.ActivitySpeeches.AsNoTracking().SingleAsync(s => s.ActivityId == activityId && s.SpeakerMemberId == w.ParticipantMemberId));
        stored.Mode.ShouldBe(SpeechMode.Written);
        stored.SpeakerName.ShouldBe("张参会");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Pages_refuse_those_who_may_not_use_them(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync();
        var draft = await w.NewActivityAsync(ActivityStatus.Draft);

        using (var outsider = await WebSession.LoginAsync(app, w.Outsider.UserName))
        {
            (await outsider.GetAsync(PreparationLinks.Tasks(activityId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await outsider.GetAsync(PreparationLinks.Materials(activityId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await outsider.GetAsync($"/Consultation/Preparation/SpeechEdit/{activityId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await outsider.GetAsync(PreparationLinks.Overview(draft))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var overview = await outsider.GetPageAsync(PreparationLinks.Overview(activityId));
            overview.ShouldContain("data-testid=\"activity-preparation\"");
            overview.ShouldNotContain("管理调研任务");
        }

        using var other = await WebSession.LoginAsync(app, w.StaffWithoutPermission.UserName);
        (await other.GetAsync($"/Consultation/Preparation/TaskEdit/{activityId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.GetAsync(PreparationLinks.Materials(activityId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
