using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Letters;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Letters;

/// <summary>《民主监督建议书》 from draft to the department's response, its numbers, who may do what,
/// validation and the Word document.</summary>
public class LetterTests
{
    private static readonly Type F = typeof(ForbiddenException);
    private static readonly Type N = typeof(NotFoundException);

    [Theory, ClassData(typeof(Databases))]
    public async Task A_letter_goes_from_the_groups_draft_to_the_departments_response(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewLettersWorldAsync();
        await w.AddProblemAsync(1, "施工许可网上申报卡顿", "市政务服务网", ProblemStatus.Assigned);
        await w.AddProblemAsync(2, "不属实的反映", "城区", ProblemStatus.Dismissed);

        var summary = await w.Queries(w.Supervisor, q => q.ProblemSummaryAsync(w.GroupId));
        summary.ShouldContain("发现问题1个");
        summary.ShouldContain("1．施工许可网上申报卡顿（市政务服务网）：群众反映强烈。〔监督〔2026〕1号，办理中〕");
        summary.ShouldNotContain("不属实");

        var id = await w.Letters(w.Supervisor, h => h.CreateAsync(w.GroupId, w.Input()));
        var input = w.Input("关于压缩施工许可审批时限的建议");
        input.Body = summary + "\n建议压缩审批时限。";
        await w.Letters(w.Supervisor2, h => h.UpdateAsync(id, input));
        await w.Letters(w.Supervisor2, h => h.SubmitAsync(id));
        (await Should.ThrowAsync<ConflictException>(w.Letters(w.Supervisor, h => h.UpdateAsync(id, input)))).Message.ShouldBe("只有起草中的建议书可以修改。");

        (await w.Letters(w.Staff, h => h.SignOffAsync(id))).ShouldBe(1);
        await w.Letters(w.Staff, h => h.SendAsync(id));
        var sent = await w.LetterAsync(id);
        sent.Status.ShouldBe(LetterStatus.Sent);
        sent.Number.ShouldBe(1);
        sent.Year.ShouldBe(2026);
        sent.Recipient.ShouldBe("市住房和城乡建设局");
        sent.DraftedByMemberId.ShouldBe(w.SupervisorId);
        sent.SignedOffAt.ShouldNotBeNull();

        var payload = await w.Read(d => d.OutboxMessages.AsNoTracking()
            .Where(m => m.Type == nameof(SupervisionLetterSent) && m.Payload.Contains(id.ToString())).Select(m => m.Payload).SingleAsync());
        var e = JsonSerializer.Deserialize<SupervisionLetterSent>(payload)!;
        e.GroupId.ShouldBe(w.GroupId);
        e.DrafterMemberId.ShouldBe(w.SupervisorId);
        e.GroupMemberIds.Count.ShouldBe(2);
        e.GroupMemberIds.ShouldContain(w.SupervisorId);
        e.Date.ShouldBe(new DateOnly(2026, 3, 2));

        await app.DeliverEventsAsync();
        var inbox = await app.AsAsync(w.Unit1.Actor, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1, 50));
        inbox.Items.ShouldContain(i => i.Title == "收到民主监督建议书" && i.Link == $"/Supervision/Letters/Detail/{id}" && i.Body.Contains("监督建议〔2026〕1号"));
        (await app.AsAsync(w.Unit2.Actor, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1, 50))).Items.ShouldBeEmpty();

        // The unit sees it now, answers once.
        (await w.Queries(w.Unit1, q => q.ListAsync(new LetterFilter(), 1))).Items.Select(r => r.Id).ShouldBe([id]);
        await w.Letters(w.Unit1, h => h.RecordResponseAsync(id, "已将审批时限压缩至15个工作日。"));
        (await Should.ThrowAsync<ConflictException>(w.Letters(w.Staff, h => h.RecordResponseAsync(id, "再次反馈")))).Message.ShouldBe("该建议书已有反馈，不能重复反馈。");
        var answered = await w.LetterAsync(id);
        answered.Status.ShouldBe(LetterStatus.Answered);
        answered.Response.ShouldBe("已将审批时限压缩至15个工作日。");
        answered.RespondedAt.ShouldNotBeNull();

        var list = await w.Queries(w.Staff, q => q.ListAsync(new LetterFilter(w.GroupId, LetterStatus.Answered), 1));
        list.Total.ShouldBe(1);
        list.Items[0].NumberText.ShouldBe("监督建议〔2026〕1号");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Numbers_run_per_committee_and_year_without_gaps_and_returned_letters_take_none(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewLettersWorldAsync();
        var first = await w.SubmittedAsync("第一份");
        var returned = await w.SubmittedAsync("退回的");
        var second = await w.SubmittedAsync("第二份");

        (await w.Letters(w.Staff, h => h.SignOffAsync(first))).ShouldBe(1);
        await w.Letters(w.Staff, h => h.ReturnAsync(returned));
        (await w.Letters(w.Staff, h => h.SignOffAsync(second))).ShouldBe(2);
        var back = await w.LetterAsync(returned);
        back.Status.ShouldBe(LetterStatus.Draft);
        back.Number.ShouldBeNull();

        var other = await app.NewLettersWorldAsync();
        (await other.Letters(other.Staff, async h => await h.SignOffAsync(await other.SubmittedAsync()))).ShouldBe(1, "each committee counts its own");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Of_two_staff_signing_off_one_letter_at_once_one_wins_and_two_letters_get_distinct_numbers(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewLettersWorldAsync();
        var id = await w.SubmittedAsync();
        var staff2 = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Supervision]);

        var results = await Task.WhenAll(
            Task.Run(() => Outcome(w.Letters(w.Staff, h => h.SignOffAsync(id)))),
            Task.Run(() => Outcome(w.Letters(staff2, h => h.SignOffAsync(id)))));
        results.Count(r => r == "1").ShouldBe(1);
        results.Count(r => r is "该建议书已被他人处理，请刷新后重试。" or "只有待签发的建议书可以签发。").ShouldBe(1);
        (await w.LetterAsync(id)).Number.ShouldBe(1);

        var a = await w.SubmittedAsync("甲");
        var b = await w.SubmittedAsync("乙");
        var numbers = await Task.WhenAll(
            Task.Run(() => w.Letters(w.Staff, h => h.SignOffAsync(a))),
            Task.Run(() => w.Letters(staff2, h => h.SignOffAsync(b))));
        numbers.Order().ShouldBe([2, 3]);
    }

    private static async Task<string> Outcome(Task<int> signOff)
    {
        try
        {
            return (await signOff).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (ConflictException e)
        {
            return e.Message;
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Everyone_but_the_right_person_is_refused_and_nothing_changes(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewLettersWorldAsync();
        var draft = await w.Letters(w.Supervisor, h => h.CreateAsync(w.GroupId, w.Input("草稿")));
        var submitted = await w.SubmittedAsync("待签发");
        var signedOff = await w.SubmittedAsync("待送达");
        await w.Letters(w.Staff, h => h.SignOffAsync(signedOff));
        var sent = await w.SentAsync("待反馈");

        var actions = new Dictionary<string, Func<LetterHandler, Task>>
        {
            ["起草"] = h => h.CreateAsync(w.GroupId, w.Input("越权起草")),
            ["修改"] = h => h.UpdateAsync(draft, w.Input("越权修改")),
            ["提交"] = h => h.SubmitAsync(draft),
            ["签发"] = h => h.SignOffAsync(submitted),
            ["退回"] = h => h.ReturnAsync(submitted),
            ["送达"] = h => h.SendAsync(signedOff),
            ["反馈"] = h => h.RecordResponseAsync(sent, "越权反馈"),
        };
        var denied = new (string Who, Tongxin.Tests.Infrastructure.TestData.TestUser User, (string Action, Type Expected)[] Cases)[]
        {
            ("小组外的委员", w.Outsider, [("起草", F), ("修改", F), ("提交", F), ("签发", F), ("退回", F), ("送达", F), ("反馈", F)]),
            ("小组的监督员", w.Supervisor, [("签发", F), ("退回", F), ("送达", F), ("反馈", F)]),
            ("无民主监督权限的工作人员", w.StaffWithoutPermission, [("起草", F), ("修改", F), ("提交", F), ("签发", F), ("退回", F), ("送达", F), ("反馈", F)]),
            ("民主监督工作人员", w.Staff, [("起草", F), ("修改", F), ("提交", F)]),
            ("主送单位", w.Unit1, [("起草", F), ("修改", F), ("提交", F), ("签发", F), ("退回", F), ("送达", F)]),
            ("非主送单位", w.Unit2, [("反馈", F)]),
            ("其他政协的工作人员", w.OtherStaff, [("签发", N), ("退回", N), ("送达", N), ("反馈", N)]),
        };
        foreach (var (who, user, cases) in denied)
        {
            foreach (var (action, expected) in cases)
            {
                var thrown = await Should.ThrowAsync<DomainException>(w.Letters(user, actions[action]), $"{who} {action}");
                thrown.GetType().ShouldBe(expected, $"{who} {action}");
            }
        }

        (await w.Read(d => d.SupervisionLetters.CountAsync(l => l.GroupId == w.GroupId))).ShouldBe(4);
        (await w.LetterAsync(draft)).Title.ShouldBe("草稿");
        (await w.LetterAsync(draft)).Status.ShouldBe(LetterStatus.Draft);
        (await w.LetterAsync(submitted)).Status.ShouldBe(LetterStatus.Submitted);
        (await w.LetterAsync(signedOff)).Status.ShouldBe(LetterStatus.SignedOff);
        (await w.LetterAsync(sent)).Status.ShouldBe(LetterStatus.Sent);

        // Reading: the group and staff see all four, the addressed unit only the sent one, the others nothing.
        (await w.Queries(w.Supervisor2, q => q.ListAsync(new LetterFilter(), 1))).Total.ShouldBe(4);
        (await w.Queries(w.Staff, q => q.ListAsync(new LetterFilter(w.GroupId), 1))).Total.ShouldBe(4);
        (await w.Queries(w.Unit1, q => q.ListAsync(new LetterFilter(), 1))).Items.Select(r => r.Id).ShouldBe([sent]);
        (await w.Queries(w.Outsider, q => q.ListAsync(new LetterFilter(), 1))).Total.ShouldBe(0);
        (await w.Queries(w.Unit2, q => q.ListAsync(new LetterFilter(), 1))).Total.ShouldBe(0);
        (await w.Queries(w.OtherStaff, q => q.ListAsync(new LetterFilter(w.GroupId), 1))).Total.ShouldBe(0);
        await Should.ThrowAsync<ForbiddenException>(w.Queries(w.StaffWithoutPermission, q => q.ListAsync(new LetterFilter(), 1)));
        await Should.ThrowAsync<NotFoundException>(w.Queries(w.Unit1, q => q.GetAsync(draft)));
        await Should.ThrowAsync<NotFoundException>(w.Queries(w.OtherStaff, q => q.GetAsync(sent)));
        await Should.ThrowAsync<ForbiddenException>(w.Queries(w.Outsider, q => q.ProblemSummaryAsync(w.GroupId)));

        // The right people may.
        await w.Letters(w.Supervisor2, actions["修改"]);
        await w.Letters(w.Staff, actions["退回"]);
        await w.Letters(w.Staff, actions["送达"]);
        await w.Letters(w.Staff, actions["反馈"]);
        (await w.LetterAsync(draft)).Title.ShouldBe("越权修改");
        (await w.LetterAsync(submitted)).Status.ShouldBe(LetterStatus.Draft);
        (await w.LetterAsync(signedOff)).Status.ShouldBe(LetterStatus.Sent);
        (await w.LetterAsync(sent)).Status.ShouldBe(LetterStatus.Answered);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Invalid_letters_are_refused_with_a_chinese_message_per_field(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewLettersWorldAsync();
        var invalid = await Should.ThrowAsync<ValidationFailedException>(w.Letters(w.Supervisor, h => h.CreateAsync(w.GroupId,
            new LetterInput { Title = new string('长', LetterHandler.TitleMax + 1), Body = " " })));
        invalid.Errors["Title"].ShouldBe(["标题不能超过100个字符。"]);
        invalid.Errors["Body"].ShouldBe(["正文不能为空。"]);
        invalid.Errors["Recipient"].ShouldBe(["请选择主送部门，或填写部门名称。"]);

        var otherUnit = await app.NewLettersWorldAsync();
        var wrongUnit = w.Input();
        wrongUnit.HandlingUnitId = otherUnit.Unit1Id;
        (await Should.ThrowAsync<ValidationFailedException>(w.Letters(w.Supervisor, h => h.CreateAsync(w.GroupId, wrongUnit))))
            .Errors["HandlingUnitId"].ShouldBe(["所选主送部门不存在或已停用。"]);

        var byName = new LetterInput { Title = "关于规范涉企检查的建议", Recipient = " 市综合行政执法局 ", Body = "建议统筹涉企检查。" };
        var id = await w.Letters(w.Supervisor, h => h.CreateAsync(w.GroupId, byName));
        var stored = await w.LetterAsync(id);
        stored.Recipient.ShouldBe("市综合行政执法局");
        stored.HandlingUnitId.ShouldBeNull();
        await w.Letters(w.Supervisor, h => h.SubmitAsync(id));
        await w.Letters(w.Staff, h => h.SignOffAsync(id));
        await w.Letters(w.Staff, h => h.SendAsync(id));
        (await Should.ThrowAsync<ValidationFailedException>(w.Letters(w.Staff, h => h.RecordResponseAsync(id, ""))))
            .Errors["ResponseText"].ShouldBe(["部门反馈不能为空。"]);
        (await w.Read(d => d.SupervisionLetters.CountAsync(l => l.GroupId == w.GroupId))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_word_document_prints_the_number_recipient_text_and_group_and_a_draft_is_marked(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewLettersWorldAsync();
        var id = await w.SubmittedAsync();

        static async Task<string> Text(Stream s)
        {
            using var zip = new ZipArchive(s, ZipArchiveMode.Read);
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            return await reader.ReadToEndAsync();
        }

        var (draft, draftName) = await app.AsAsync(w.Supervisor.Actor, sp => sp.GetRequiredService<LetterDocuments>().DocxAsync(id));
        draftName.ShouldBe("民主监督建议书（草稿）关于优化施工许可审批的建议.docx");
        (await Text(draft)).ShouldContain("尚未签发");

        await w.Letters(w.Staff, h => h.SignOffAsync(id));
        var (signed, name) = await app.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<LetterDocuments>().DocxAsync(id));
        name.ShouldBe("监督建议〔2026〕1号关于优化施工许可审批的建议.docx");
        var xml = await Text(signed);
        xml.ShouldNotContain("尚未签发");
        foreach (var expected in new[] { "民主监督建议书", "监督建议〔2026〕1号", "关于优化施工许可审批的建议", "市住房和城乡建设局：", "建议压缩审批时限。", "住建监督小组", "2026年3月2日" })
        {
            xml.ShouldContain(expected);
        }

        await Should.ThrowAsync<NotFoundException>(app.AsAsync(w.Unit1.Actor, sp => sp.GetRequiredService<LetterDocuments>().DocxAsync(id)));
        (await w.Read(d => d.AuditEntries.CountAsync(a => a.Action == "导出民主监督建议书" && a.TargetId == id.ToString()))).ShouldBe(2);
    }
}
