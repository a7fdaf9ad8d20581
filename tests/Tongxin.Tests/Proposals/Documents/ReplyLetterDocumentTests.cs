using System.Net;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Documents;

public class ReplyLetterDocumentTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_proposer_downloads_an_approved_reply_titled_after_the_real_session_with_its_handling_items(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var session = await app.NewSessionAsync(committee, 9, "第九届", 2, "九届二次会议");
        var lead = await app.NewMemberAsync(committee, "张晓梅");
        var co = await app.NewMemberAsync(committee, "李建国");
        var mergedLead = await app.NewMemberAsync(committee, "陈并案");
        var id = await app.NewProposalAsync(committee, session, new ProposalRow("关于加强老旧小区停车管理的建议", ProposalStatus.AwaitingRating, 1, lead)
        {
            Kind = ProposerKind.Joint,
            CoSigners = [(co.Id, co.Name, SignerStatus.Confirmed)],
        });
        await app.NewProposalAsync(committee, session, new ProposalRow("关于缓解小区停车难的建议", ProposalStatus.Merged, null, mergedLead) { MergedIntoId = id });
        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            data.ProposalSettings.Add(new ProposalSettings { CommitteeId = committee.Id, ReplyClasses = "A=已经解决\nB=正在解决\nC=留作参考" });
            await data.SaveChangesAsync();
        });
        var unit = await app.NewUnitAsync(committee, "测试市住房和城乡建设局", "刘建华", "0571-87001234");
        var replyId = await app.NewReplyAsync(committee, id, unit, "测试市住房和城乡建设局", ReplyStatus.Approved, "B",
            "您提出的关于加强老旧小区停车管理的提案收悉。现答复如下：\n一、关于增建停车位。我局已会同有关部门开展摸排。",
            new ProposalReplyItem { Commitment = "新建公共停车场3处", ResponsibleUnit = "市住建局", PlannedDate = new(2026, 6, 30), Status = ItemStatus.InProgress },
            new ProposalReplyItem { Commitment = "推行错时共享停车", ResponsibleUnit = "市交警支队", Status = ItemStatus.Done });
        var member = await app.NewUserAsync(committee, Roles.Member, memberId: lead.Id);
        using var web = await WebSession.LoginAsync(app, member.UserName);

        var (bytes, fileName) = await web.DownloadAsync($"/Proposals/Documents/Reply/{replyId}");

        fileName.ShouldBe("答复函_第0001号_测试市住房和城乡建设局.docx");
        using var doc = DocumentsTestData.OpenDocx(bytes);
        GbtAssert.Layout(doc);
        doc.Styled("TxTitle").ShouldBe(["关于九届二次会议第0001号提案的答复"]);
        var plain = doc.Styled("TxPlain").Where(l => l.Length > 0).ToList();
        plain.ShouldBe(
        [
            "B类（正在解决）",
            "张晓梅、李建国、陈并案委员：",
            "签发人：赵局长",
            "测试市住房和城乡建设局",
            "2026年3月1日",
        ]);
        doc.Styled("TxBody").ShouldBe(
        [
            "您提出的关于加强老旧小区停车管理的提案收悉。现答复如下：",
            "一、关于增建停车位。我局已会同有关部门开展摸排。",
            "（联系人：刘建华，联系电话：0571-87001234）",
        ]);
        var rows = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Single()
            .Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => string.Concat(c.Descendants<Text>().Select(t => t.Text))).ToList()).ToList();
        rows.ShouldBe(
        [
            ["序号", "办理事项", "责任单位", "计划完成时间", "落实情况"],
            ["1", "新建公共停车场3处", "市住建局", "2026年6月30日", "正在落实"],
            ["2", "推行错时共享停车", "市交警支队", "", "已落实"],
        ]);
        // 成文日期右空四字: right-aligned, four body characters in from the edge.
        var date = doc.MainDocumentPart.Document.Body.Descendants<Paragraph>().Single(p => p.InnerText == "2026年3月1日").ParagraphProperties!;
        date.Justification!.Val!.Value.ShouldBe(JustificationValues.Right);
        date.Indentation!.RightChars!.Value.ShouldBe(400);

        var coUser = await app.NewUserAsync(committee, Roles.Member, memberId: co.Id);
        using var coWeb = await WebSession.LoginAsync(app, coUser.UserName);
        var (apiBytes, _) = await coWeb.DownloadAsync($"/api/v1/proposals/replies/{replyId}/letter");
        using var apiDoc = DocumentsTestData.OpenDocx(apiBytes);
        apiDoc.Styled("TxTitle").ShouldBe(["关于九届二次会议第0001号提案的答复"]);

        var audit = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries
            .Where(a => a.Action == "导出答复函" && a.TargetId == replyId.ToString()).Select(a => a.Details).ToListAsync());
        audit.ShouldBe(["第0001号 测试市住房和城乡建设局（已通过）", "第0001号 测试市住房和城乡建设局（已通过）"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_reply_not_yet_approved_is_shown_to_proposal_staff_only_and_marked_as_such(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var session = await app.NewSessionAsync(committee, 9, "第九届", 2, "九届二次会议");
        var lead = await app.NewMemberAsync(committee, "张晓梅");
        var id = await app.NewProposalAsync(committee, session, new ProposalRow("关于推进垃圾分类的建议", ProposalStatus.Handling, 5, lead));
        var unit = await app.NewUnitAsync(committee, "测试市城市管理局");
        var submitted = await app.NewReplyAsync(committee, id, unit, "测试市城市管理局", ReplyStatus.Submitted, "A", "已经落实。");
        var other = await app.NewProposalAsync(committee, session, new ProposalRow("关于增设垃圾分类站点的建议", ProposalStatus.Handling, 6, lead));
        var draft = await app.NewReplyAsync(committee, other, unit, "测试市城市管理局", ReplyStatus.Draft, "A", "草稿。");
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var member = await app.NewUserAsync(committee, Roles.Member, memberId: lead.Id);
        var unitUser = await app.NewUserAsync(committee, Roles.Unit, unitId: unit);

        using var staffWeb = await WebSession.LoginAsync(app, staff.UserName);
        var (bytes, _) = await staffWeb.DownloadAsync($"/Proposals/Documents/Reply/{submitted}");
        using var doc = DocumentsTestData.OpenDocx(bytes);
        doc.Lines()[0].ShouldBe("（待审核：本答复尚未审核通过，仅供审核使用）");
        doc.Styled("TxTitle").ShouldBe(["关于九届二次会议第0005号提案的答复"]);
        (await staffWeb.GetAsync($"/Proposals/Documents/Reply/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        foreach (var user in new[] { member, unitUser })
        {
            using var web = await WebSession.LoginAsync(app, user.UserName);
            (await web.GetAsync($"/Proposals/Documents/Reply/{submitted}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, user.Role);
            (await web.GetAsync($"/api/v1/proposals/replies/{submitted}/letter")).StatusCode.ShouldBe(HttpStatusCode.NotFound, user.Role);
        }
    }
}
