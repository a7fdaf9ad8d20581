using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Results;

/// <summary>The results pages over HTTP: forms post, errors come back in Chinese on the same page,
/// and pages refuse the wrong role with 403.</summary>
public class ResultsPageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_record_and_assign_on_the_pages_and_the_unit_answers_on_its_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var activityId = await w.NewActivityAsync();
        using var staff = await WebSession.LoginAsync(app, w.Staff.UserName);

        var empty = await staff.PostFormAsync($"/Consultation/Results/Record/{activityId}", new() { ["Input.Title"] = "", ["Input.Content"] = "" });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await empty.Content.ReadAsStringAsync();
        html.ShouldContain("标题不能为空。");
        html.ShouldContain("请选择提出建议的委员或填写提出人。");

        var recorded = await staff.PostFormAsync($"/Consultation/Results/Record/{activityId}", new()
        {
            ["Input.Title"] = "关于增设公交线路的建议",
            ["Input.Content"] = "新城区公交覆盖不足。",
            ["Input.RaisedByMemberId"] = w.Member.MemberId.ToString(),
        });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        recorded.Headers.Location!.OriginalString.ShouldBe($"/Consultation/Activities/Detail/{activityId}");
        var id = await w.Read(d => d.ConsultationSuggestions.Where(s => s.ActivityId == activityId).Select(s => s.Id).SingleAsync());

        var page = $"/Consultation/Results/Suggestion/{id}";
        (await staff.GetPageAsync(page)).ShouldContain(w.Unit1.Name);
        var noUnit = await staff.PostFormAsync($"{page}?handler=Assign", new() { ["HandlingUnitId"] = "" }, page);
        noUnit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noUnit.Content.ReadAsStringAsync()).ShouldContain("请选择承办单位。");
        var assigned = await staff.PostFormAsync($"{page}?handler=Assign", new() { ["HandlingUnitId"] = w.Unit1.UnitId.ToString() }, page);
        assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var otherUnit = await WebSession.LoginAsync(app, w.Unit2.User.UserName);
        (await otherUnit.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var unit = await WebSession.LoginAsync(app, w.Unit1.User.UserName);
        (await unit.GetPageAsync("/Consultation/Results/Unit")).ShouldContain("关于增设公交线路的建议");
        (await unit.GetPageAsync("/")).ShouldContain("待答复的意见建议");
        var noReason = await unit.PostFormAsync($"{page}?handler=Answer", new() { ["Answer"] = "Adopted", ["AnswerText"] = "" }, page);
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写答复理由。");
        var answered = await unit.PostFormAsync($"{page}?handler=Answer", new() { ["Answer"] = "NotAdopted", ["AnswerText"] = "线路已在规划中，暂不新增。" }, page);
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.SuggestionAsync(id)).Answer.ShouldBe(SuggestionAnswer.NotAdopted);

        var closed = await staff.PostFormAsync($"{page}?handler=Close", new() { ["FollowUp"] = "回头看：规划已公示。" }, page);
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.GetPageAsync(page)).ShouldContain("已办结");
        (await staff.GetPageAsync("/Consultation/Results?status=Closed")).ShouldContain("关于增设公交线路的建议");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_raises_a_micro_suggestion_on_the_phone_form_and_staff_hand_it_over_on_the_list_row(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        using var member = await WebSession.LoginAsync(app, w.Member.User.UserName);

        (await member.GetPageAsync("/Consultation/Results/Micro/New")).ShouldContain("提微建言");
        var empty = await member.PostFormAsync("/Consultation/Results/Micro/New", new() { ["Input.Title"] = "", ["Input.Content"] = "" });
        (await empty.Content.ReadAsStringAsync()).ShouldContain("建言内容不能为空。");
        var raised = await member.PostFormAsync("/Consultation/Results/Micro/New", new() { ["Input.Title"] = "学校门口增设护学岗", ["Input.Content"] = "上下学时段拥堵。" });
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        raised.Headers.Location!.OriginalString.ShouldBe("/Consultation/Results/Micro/My");
        (await member.GetPageAsync("/Consultation/Results/Micro/My")).ShouldContain("学校门口增设护学岗");
        (await member.GetAsync("/Consultation/Results/Micro")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var id = await w.Read(d => d.ConsultationSuggestions.Where(s => s.RaisedByMemberId == w.Member.MemberId).Select(s => s.Id).SingleAsync());
        using var staff = await WebSession.LoginAsync(app, w.Staff.UserName);
        (await staff.GetPageAsync("/Consultation/Results/Micro")).ShouldContain("学校门口增设护学岗");
        var handed = await staff.PostFormAsync($"/Consultation/Results/Micro?handler=Assign&id={id}", new() { ["HandlingUnitId"] = w.Unit2.UnitId.ToString() }, "/Consultation/Results/Micro");
        handed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var s = await w.SuggestionAsync(id);
        (s.Status, s.HandlingUnitId).ShouldBe((SuggestionStatus.Assigned, (Guid?)w.Unit2.UnitId));
        (await member.GetPageAsync("/Consultation/Results/Micro/My")).ShouldContain(w.Unit2.Name);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_write_and_send_minutes_and_a_leader_reads_them_once_on_the_pages(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var activityId = await w.NewActivityAsync(startsAt: new DateTime(2026, 2, 10, 14, 0, 0), title: "请你来协商：养老服务");
        var page = $"/Consultation/Results/Minutes/{activityId}";
        using var staff = await WebSession.LoginAsync(app, w.Staff.UserName);

        var html = await staff.GetPageAsync(page);
        html.ShouldContain("报送期限：2026-02-26");
        html.ShouldContain("已逾期");
        (await staff.GetPageAsync("/Consultation/Results/Minutes?pending=true")).ShouldContain("请你来协商：养老服务");
        (await staff.PostFormAsync($"{page}?handler=Text", new() { ["Text"] = "一、协商情况" }, page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.PostFormAsync($"{page}?handler=Send", new(), page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var leader = await WebSession.LoginAsync(app, w.Leader.UserName);
        (await leader.GetPageAsync("/Consultation/Results/Leader")).ShouldContain("请你来协商：养老服务");
        (await leader.GetPageAsync(page)).ShouldContain("一、协商情况");
        (await leader.PostFormAsync($"{page}?handler=Read", new() { ["Instruction"] = "同意。" }, page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var twice = await leader.PostFormAsync($"{page}?handler=Read", new() { ["Instruction"] = "再批。" }, page);
        twice.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("您已阅批过该纪要，不能重复阅批。");

        using var member = await WebSession.LoginAsync(app, w.Member.User.UserName);
        (await member.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync("/Consultation/Results/Leader")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_figures_page_shows_the_totals_line_and_exports_excel_for_leaders_only(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var activityId = await w.NewActivityAsync(present: 2);
        await w.AnsweredAsync(activityId, SuggestionAnswer.Adopted);
        using var leader = await WebSession.LoginAsync(app, w.Leader.UserName);

        (await leader.GetPageAsync("/Consultation/Results/Figures?year=2026")).ShouldContain("1 场, 2 人次, 1 条, 采纳 1 条");
        var export = await leader.GetAsync("/Consultation/Results/Figures?year=2026&handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using var member = await WebSession.LoginAsync(app, w.Member.User.UserName);
        (await member.GetAsync("/Consultation/Results/Figures")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
