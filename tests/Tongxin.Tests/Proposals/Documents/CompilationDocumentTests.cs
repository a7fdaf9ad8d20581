using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Documents;

public class CompilationDocumentTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_compilation_holds_every_filed_proposal_of_the_session_in_number_order_and_nothing_else(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var session = await app.NewSessionAsync(committee, 10, "第十届", 3, "十届三次会议");
        var earlier = await app.NewSessionInTermOfAsync(session, 2, "十届二次会议");
        var a = await app.NewMemberAsync(committee, "张晓梅");
        var b = await app.NewMemberAsync(committee, "李建国");
        // Inserted out of number order, in every status that keeps a number.
        await app.NewProposalAsync(committee, session, new ProposalRow("关于发展社区养老服务的建议", ProposalStatus.Handling, 2, b));
        var first = await app.NewProposalAsync(committee, session, new ProposalRow("关于加强老旧小区停车管理的建议", ProposalStatus.Filed, 1, a)
        {
            Kind = ProposerKind.Joint,
            CoSigners = [(b.Id, b.Name, SignerStatus.Confirmed)],
            Situation = "停车难。\n占道多。",
            Suggestions = "增建车位。",
        });
        await app.NewProposalAsync(committee, session, new ProposalRow("关于推进垃圾分类的建议", ProposalStatus.Completed, 4, a));
        await app.NewProposalAsync(committee, session, new ProposalRow("关于优化营商环境的建议", ProposalStatus.AwaitingRating, 3, b)
        {
            Kind = ProposerKind.Organization,
            GroupName = "测试市工商联",
        });
        // Not in the compilation: not filed, merged, still open, or of another session.
        await app.NewProposalAsync(committee, session, new ProposalRow("关于待审查事项的建议", ProposalStatus.Submitted, null, a));
        await app.NewProposalAsync(committee, session, new ProposalRow("关于不予立案事项的建议", ProposalStatus.NotFiled, null, a));
        await app.NewProposalAsync(committee, session, new ProposalRow("关于并案事项的建议", ProposalStatus.Merged, null, b) { MergedIntoId = first });
        await app.NewProposalAsync(committee, session, new ProposalRow("关于草稿事项的建议", ProposalStatus.Draft, null, a));
        await app.NewProposalAsync(committee, session, new ProposalRow("关于退回修改事项的建议", ProposalStatus.Returned, null, a));
        await app.NewProposalAsync(committee, session, new ProposalRow("关于撤回事项的建议", ProposalStatus.Withdrawn, null, a));
        await app.NewProposalAsync(committee, earlier, new ProposalRow("关于另一次会议事项的建议", ProposalStatus.Completed, 1, a));
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var web = await WebSession.LoginAsync(app, staff.UserName);

        var (bytes, fileName) = await web.DownloadAsync($"/Proposals/Documents/Compilation?sessionId={session}");

        fileName.ShouldBe($"{committee.Name}十届三次会议_提案汇编.docx");
        using var doc = DocumentsTestData.OpenDocx(bytes);
        GbtAssert.Layout(doc);
        string[] titles = ["关于加强老旧小区停车管理的建议", "关于发展社区养老服务的建议", "关于优化营商环境的建议", "关于推进垃圾分类的建议"];
        doc.Styled("TxTitle").ShouldBe([committee.Name, "十届三次会议", "提案汇编", "目　录", .. titles]);
        doc.Styled("TxToc").ShouldBe(
        [
            "第0001号　关于加强老旧小区停车管理的建议张晓梅等2人",
            "第0002号　关于发展社区养老服务的建议李建国",
            "第0003号　关于优化营商环境的建议测试市工商联",
            "第0004号　关于推进垃圾分类的建议张晓梅",
        ]);
        var lines = doc.Lines();
        lines.ShouldContain("2026年3月");
        lines.Where(l => l.StartsWith("提案人：", StringComparison.Ordinal)).ShouldBe(
            ["提案人：张晓梅、李建国", "提案人：李建国", "提案人：测试市工商联（联系人：李建国）", "提案人：张晓梅"]);
        lines.ShouldContain("停车难。");
        lines.ShouldContain("占道多。");
        foreach (var excluded in new[] { "待审查", "不予立案事项", "并案事项", "草稿事项", "退回修改事项", "撤回事项", "另一次会议" })
        {
            doc.AllText().ShouldNotContain(excluded);
        }

        // The contents and each proposal start a new page; the cover has no page number and the
        // page after it is page 1.
        doc.MainDocumentPart!.Document.Body!.Descendants<PageBreakBefore>().Count().ShouldBe(1 + titles.Length);
        var section = doc.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single();
        section.GetFirstChild<TitlePage>().ShouldNotBeNull();
        section.GetFirstChild<PageNumberType>()!.Start!.Value.ShouldBe(0);
        var cover = section.Elements<FooterReference>().Single(f => f.Type!.Value == HeaderFooterValues.First);
        ((DocumentFormat.OpenXml.Packaging.FooterPart)doc.MainDocumentPart.GetPartById(cover.Id!.Value!)).Footer!.InnerText.ShouldBeEmpty();

        var audit = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries
            .Where(x => x.Action == "导出提案汇编" && x.TargetId == session.ToString()).Select(x => x.Details).SingleAsync());
        audit.ShouldBe($"{committee.Name}十届三次会议：4 件提案");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_session_of_several_hundred_proposals_comes_out_complete_through_the_api(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var session = await app.NewSessionAsync(committee, 10, "第十届", 1, "十届一次会议");
        var members = new List<(Guid Id, string Name)>();
        for (var i = 0; i < 5; i++)
        {
            members.Add(await app.NewMemberAsync(committee, $"委员{i}"));
        }

        const int count = 300;
        var numbers = Enumerable.Range(1, count).OrderBy(n => (n * 7919) % count).ToList();
        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            foreach (var n in numbers)
            {
                var lead = members[n % members.Count];
                var co = members[(n + 1) % members.Count];
                var p = new Proposal
                {
                    CommitteeId = committee.Id,
                    SessionId = session,
                    Year = 2026,
                    Number = n,
                    Title = $"关于第{n}项民生事项的建议",
                    Situation = string.Join("\n", Enumerable.Range(1, 8).Select(k => $"第{n}件提案情况分析第{k}段：群众反映的问题需要解决。")),
                    Suggestions = string.Join("\n", Enumerable.Range(1, 5).Select(k => $"第{n}件提案建议第{k}条。")),
                    Kind = ProposerKind.Joint,
                    LeadMemberId = lead.Id,
                    LeadMemberName = lead.Name,
                    Status = ProposalStatus.Handling,
                    CreatedAt = now,
                    SubmittedAt = now,
                    LastActivityAt = now,
                };
                data.Proposals.Add(p);
                data.ProposalSigners.Add(new ProposalSigner { CommitteeId = committee.Id, ProposalId = p.Id, MemberId = lead.Id, MemberName = lead.Name, IsLead = true, Status = SignerStatus.Confirmed });
                data.ProposalSigners.Add(new ProposalSigner { CommitteeId = committee.Id, ProposalId = p.Id, MemberId = co.Id, MemberName = co.Name, Order = 1, Status = SignerStatus.Confirmed });
            }

            await data.SaveChangesAsync();
        });
        var leader = await app.NewUserAsync(committee, Roles.Leader);
        using var web = await WebSession.LoginAsync(app, leader.UserName);

        var (bytes, _) = await web.DownloadAsync($"/api/v1/proposals/compilation?sessionId={session}");

        using var doc = DocumentsTestData.OpenDocx(bytes);
        var expected = Enumerable.Range(1, count).ToList();
        doc.Styled("TxToc").Select(l => int.Parse(l[1..5], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
        doc.Styled("TxTitle").Skip(4).ShouldBe(expected.Select(n => $"关于第{n}项民生事项的建议"));
        doc.Styled("TxBody").Count.ShouldBe(count * 13);
        var lines = doc.Lines();
        lines.ShouldContain("提案人：委员3、委员4");
        lines.ShouldContain("第300件提案建议第5条。");
    }
}
