using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Documents;

public class ProposalFormDocumentTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_downloads_the_form_of_a_joint_proposal_in_the_official_layout(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var session = await app.NewSessionAsync(committee, 10, "第十届", 3, "十届三次会议");
        var lead = await app.NewMemberAsync(committee, "张晓梅");
        var co = await app.NewMemberAsync(committee, "李建国");
        var declined = await app.NewMemberAsync(committee, "王拒签");
        var id = await app.NewProposalAsync(committee, session, new ProposalRow("关于加强老旧小区停车管理的建议", ProposalStatus.Filed, 1, lead)
        {
            Kind = ProposerKind.Joint,
            CoSigners = [(co.Id, co.Name, SignerStatus.Confirmed), (declined.Id, declined.Name, SignerStatus.Declined)],
            Situation = "老旧小区停车难问题突出。\r\n\r\n　　夜间占道停车严重，影响消防通道。",
            Suggestions = "一是挖潜增建停车位。\n二是推行错时共享停车。",
            MayPublish = false,
        });
        var member = await app.NewUserAsync(committee, Roles.Member, memberId: lead.Id);
        using var session1 = await WebSession.LoginAsync(app, member.UserName);

        var (bytes, fileName) = await session1.DownloadAsync($"/Proposals/Documents/Form/{id}");

        fileName.ShouldBe("提案表_第0001号_关于加强老旧小区停车管理的建议.docx");
        using var doc = DocumentsTestData.OpenDocx(bytes);
        GbtAssert.Layout(doc);
        doc.Styled("TxTitle").ShouldBe([committee.Name + "十届三次会议", "提　案"]);
        var cells = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Single()
            .Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => string.Concat(c.Descendants<Text>().Select(t => t.Text))).ToList()).ToList();
        cells.ShouldBe(
        [
            ["编　　号", "第0001号", "类　　别", "城市建设与管理"],
            ["提 案 人", "张晓梅、李建国"],
            ["提案方式", "联名（大会提案）", "提交时间", "2026年2月28日"],
            ["建议承办单位", "市住房和城乡建设局", "是否公开", "不公开"],
            ["案　　由", "关于加强老旧小区停车管理的建议"],
        ]);
        doc.Styled("TxHeading1").ShouldBe(["一、情况分析", "二、具体建议"]);
        doc.Styled("TxBody").ShouldBe(["老旧小区停车难问题突出。", "夜间占道停车严重，影响消防通道。", "一是挖潜增建停车位。", "二是推行错时共享停车。"]);
        doc.AllText().ShouldNotContain("王拒签");
        var body = GbtAssert.Style(doc, "TxBody").StyleParagraphProperties!.Indentation!;
        body.FirstLineChars!.Value.ShouldBe(200);

        var audit = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries
            .Where(a => a.Action == "导出提案表" && a.TargetId == id.ToString()).Select(a => new { a.Result, a.Details }).SingleAsync());
        audit.Result.ShouldBe("成功");
        audit.Details.ShouldBe("第0001号 关于加强老旧小区停车管理的建议");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_group_proposal_not_yet_filed_says_so_and_names_the_group_and_its_contact_person(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var session = await app.NewSessionAsync(committee, 9, "第九届", 2, "九届二次会议");
        var contact = await app.NewMemberAsync(committee, "周联络");
        var id = await app.NewProposalAsync(committee, session, new ProposalRow("关于完善社区养老服务体系的建议", ProposalStatus.Submitted, null, contact)
        {
            Kind = ProposerKind.Party,
            GroupName = "民盟测试市委会",
        });
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var web = await WebSession.LoginAsync(app, staff.UserName);

        var (bytes, fileName) = await web.DownloadAsync($"/api/v1/proposals/{id}/document");

        fileName.ShouldBe("提案表_未立案_关于完善社区养老服务体系的建议.docx");
        using var doc = DocumentsTestData.OpenDocx(bytes);
        GbtAssert.Layout(doc);
        var lines = doc.Lines();
        lines.ShouldContain("未立案");
        lines.ShouldContain("民盟测试市委会（联系人：周联络）");
        lines.ShouldContain("党派（大会提案）");
        doc.Styled("TxTitle")[0].ShouldBe(committee.Name + "九届二次会议");
    }

    /// <summary>No office suite is installed here to draw the pages, so the test checks what makes
    /// Chinese render: the characters are stored as text (not images or escapes), every run's
    /// East-Asian font is declared in the font table with the GB2312 character set and an alternate
    /// that exists on Linux (Noto CJK SC), and the language is zh-CN.</summary>
    [Theory, ClassData(typeof(Databases))]
    public async Task Chinese_text_is_stored_as_text_in_east_asian_fonts_the_font_table_declares(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var session = await app.NewSessionAsync(committee, 9, "第九届", 2, "九届二次会议");
        var lead = await app.NewMemberAsync(committee, "欧阳𠀤");
        var id = await app.NewProposalAsync(committee, session, new ProposalRow("关于“一老一小”服务的建议", ProposalStatus.Filed, 7, lead)
        {
            Situation = "粘贴的文字带有控制字符\u0007和\u000B，也不影响导出。",
        });
        var leader = await app.NewUserAsync(committee, Roles.Leader);
        using var web = await WebSession.LoginAsync(app, leader.UserName);

        var (bytes, _) = await web.DownloadAsync($"/Proposals/Documents/Form/{id}");

        using var doc = DocumentsTestData.OpenDocx(bytes);
        var lines = doc.Lines();
        lines.ShouldContain("关于“一老一小”服务的建议");
        lines.ShouldContain("欧阳𠀤");
        lines.ShouldContain("粘贴的文字带有控制字符和，也不影响导出。");
        var declared = doc.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!);
        var runs = doc.MainDocumentPart.Document.Body!.Descendants<Run>().Where(r => r.Descendants<Text>().Any(t => t.Text.Any(c => c >= '\u4e00'))).ToList();
        runs.ShouldNotBeEmpty();
        foreach (var run in runs)
        {
            var font = GbtAssert.EastAsiaFont(doc, run);
            declared.ShouldContainKey(font);
            declared[font].FontCharSet!.Val!.Value.ShouldBe("86");
            declared[font].AltName!.Val!.Value.ShouldBeOneOf("Noto Serif CJK SC", "Noto Sans CJK SC");
        }

        runs.Select(r => GbtAssert.EastAsiaFont(doc, r)).Distinct().ShouldBe(["方正小标宋简体", "黑体", "仿宋"], ignoreOrder: true);
        doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!.Hint!.Value.ShouldBe(FontTypeHintValues.EastAsia);
    }
}
