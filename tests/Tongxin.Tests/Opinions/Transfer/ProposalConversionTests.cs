using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Transfer;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Transfer;

/// <summary>提案转社情民意: one action turns a 不予立案 proposal into a Submitted report by the same
/// members, linked both ways; refused twice and for proposals in any other status.</summary>
public class ProposalConversionTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Proposal_staff_convert_a_not_filed_proposal_into_a_report_by_its_confirmed_proposers(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        var proposalId = await ProposalAsync(w, ProposalStatus.NotFiled);
        var expectedSerial = 1 + (await w.Read(d => d.OpinionReports.Where(r => r.CommitteeId == w.Committee.Id && r.Year == 2026).MaxAsync(r => r.SerialNo)) ?? 0);

        var reportId = await w.As(w.ProposalStaff, sp => sp.GetRequiredService<ProposalConversionHandler>().ConvertAsync(proposalId));

        var r = await w.Read(d => d.OpinionReports.SingleAsync(x => x.Id == reportId));
        r.Status.ShouldBe(OpinionStatus.Submitted);
        (r.Year, r.SerialNo).ShouldBe((2026, expectedSerial));
        r.SubmitterKind.ShouldBe(OpinionSubmitterKind.Joint);
        r.SubmitterName.ShouldBe("李明 等2人");
        r.LeadMemberId.ShouldBe(w.AuthorId);
        r.Title.ShouldBe("关于整治校园周边交通拥堵的建议");
        r.Situation.ShouldBe("上下学高峰校门口拥堵严重。");
        r.Analysis.ShouldBe("接送车辆无序停放。\n缺少临时停车位。");
        r.Suggestion.ShouldBe("设置临时停车位，错峰放学。");
        r.Category.ShouldBe("城乡建设");
        r.Source.ShouldBe("提案转化");
        r.ConvertedFromProposalId.ShouldBe(proposalId);
        r.CurrentVersionNo.ShouldBe(1);
        var authors = await w.Read(d => d.OpinionReportAuthors.Where(a => a.ReportId == reportId).OrderBy(a => a.Order).Select(a => a.MemberId).ToListAsync());
        authors.ShouldBe([w.AuthorId, w.CoAuthorId]); // the declined co-signer is not an author
        var version = await w.Read(d => d.OpinionReportVersions.SingleAsync(v => v.ReportId == reportId));
        (version.No, version.IsAuthorText, version.Situation).ShouldBe((1, true, r.Situation));

        var p = await w.Read(d => d.Proposals.SingleAsync(x => x.Id == proposalId));
        (p.ConvertedToOpinion, p.OpinionReportId, p.Status).ShouldBe((true, (Guid?)reportId, ProposalStatus.NotFiled));
        (await w.Read(d => d.ProposalHistory.CountAsync(h => h.ProposalId == proposalId && h.Kind == ProposalEventKind.ConvertedToOpinion))).ShouldBe(1);
        (await w.Read(d => d.OpinionHistory.Where(h => h.ReportId == reportId).Select(h => h.Text).SingleAsync())).ShouldContain("由不予立案的提案");
        (await w.Read(d => d.OutboxMessages.CountAsync(m => m.Type == nameof(OpinionChanged) && m.Payload.Contains(reportId.ToString())))).ShouldBe(1);
        (await w.Read(d => d.OutboxMessages.CountAsync(m => m.Type == nameof(ProposalChanged) && m.Payload.Contains(proposalId.ToString())))).ShouldBe(1);

        // It waits in the 社情民意 screening (readable, Submitted) for opinion staff; the authors see it too.
        var screening = await w.As(w.OpinionStaff, sp => sp.GetRequiredService<OpinionAccess>().Readable()
            .Where(x => x.Status == OpinionStatus.Submitted && x.CommitteeId == w.Committee.Id).Select(x => x.Id).ToListAsync());
        screening.ShouldContain(reportId);
        (await w.As(w.CoAuthor, sp => sp.GetRequiredService<OpinionAccess>().LoadAsync(reportId))).Id.ShouldBe(reportId);

        var twice = await Should.ThrowAsync<ConflictException>(w.As(w.ProposalStaff, sp => sp.GetRequiredService<ProposalConversionHandler>().ConvertAsync(proposalId)));
        twice.Message.ShouldContain("不能重复转化");
        (await w.Read(d => d.OpinionReports.CountAsync(x => x.ConvertedFromProposalId == proposalId))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_not_filed_proposals_convert_and_only_proposal_staff_of_the_own_committee_convert(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        Task<Guid> Convert(TestData.TestUser who, Guid id) => w.As(who, sp => sp.GetRequiredService<ProposalConversionHandler>().ConvertAsync(id));

        foreach (var status in new[] { ProposalStatus.Submitted, ProposalStatus.Filed, ProposalStatus.Returned, ProposalStatus.Merged })
        {
            var id = await ProposalAsync(w, status);
            (await Should.ThrowAsync<ConflictException>(Convert(w.ProposalStaff, id))).Message.ShouldContain("只有不予立案的提案");
        }

        var notFiled = await ProposalAsync(w, ProposalStatus.NotFiled);
        await Should.ThrowAsync<ForbiddenException>(Convert(w.OpinionStaff, notFiled));
        await Should.ThrowAsync<ForbiddenException>(Convert(w.Author, notFiled));
        var otherCommitteeProposalStaff = await app.NewUserAsync(await app.NewCommitteeAsync(), Roles.Staff, [Permissions.Proposals]);
        await Should.ThrowAsync<NotFoundException>(Convert(otherCommitteeProposalStaff, notFiled));
        (await w.Read(d => d.OpinionReports.CountAsync(r => r.ConvertedFromProposalId == notFiled))).ShouldBe(0);
        (await w.Read(d => d.Proposals.SingleAsync(p => p.Id == notFiled))).ConvertedToOpinion.ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_proposal_page_offers_the_conversion_and_links_to_the_report_afterwards(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await TransferWorld.CreateAsync(app);
        var proposalId = await ProposalAsync(w, ProposalStatus.NotFiled);
        using var s = await WebSession.LoginAsync(app, w.ProposalStaff.UserName);
        (await s.GetPageAsync($"/Proposals/Detail/{proposalId}")).ShouldContain("id=\"convert-form\"");
        using (var member = await WebSession.LoginAsync(app, w.Author.UserName))
        {
            (await member.GetPageAsync($"/Proposals/Detail/{proposalId}")).ShouldNotContain("id=\"convert-form\"");
        }

        var response = await s.PostFormAsync($"/Opinions/Transfer/Convert/{proposalId}", new(), $"/Proposals/Detail/{proposalId}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reportId = (await w.Read(d => d.Proposals.SingleAsync(p => p.Id == proposalId))).OpinionReportId!.Value;
        response.Headers.Location!.ToString().ShouldBe($"/Opinions/Detail/{reportId}");
        var page = await s.GetPageAsync($"/Proposals/Detail/{proposalId}");
        page.ShouldContain($"href=\"/Opinions/Detail/{reportId}\" id=\"converted-link\"");
        page.ShouldNotContain("id=\"convert-form\"");

        // The report side links back (the report page's 转办 section, shown to the authors).
        var handling = await w.As(w.Author, sp => sp.GetRequiredService<ReportHandlingQuery>().GetAsync(reportId));
        (handling.ConvertedFromProposalId, handling.CanOpenProposal).ShouldBe(((Guid?)proposalId, true));
    }

    /// <summary>A proposal by the author with the co-author confirmed and another member declined.</summary>
    private static Task<Guid> ProposalAsync(TransferWorld w, ProposalStatus status) =>
        w.App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var now = w.App.Clock.GetUtcNow().UtcDateTime;
            var p = new Proposal
            {
                CommitteeId = w.Committee.Id,
                SessionId = w.SessionId,
                Year = 2026,
                Title = "关于整治校园周边交通拥堵的建议",
                Situation = "上下学高峰校门口拥堵严重。\n\n接送车辆无序停放。\n缺少临时停车位。",
                Suggestions = "设置临时停车位，错峰放学。",
                Category = "城市建设与管理",
                Kind = ProposerKind.Joint,
                LeadMemberId = w.AuthorId,
                LeadMemberName = TransferWorld.AuthorName,
                Status = status,
                CreatedAt = now,
                SubmittedAt = now,
                ReviewedAt = now,
                LastActivityAt = now,
                NotFiledReason = status == ProposalStatus.NotFiled ? "内容空泛、没有具体建议的" : null,
            };
            db.Proposals.Add(p);
            db.ProposalSigners.Add(new ProposalSigner { CommitteeId = w.Committee.Id, ProposalId = p.Id, MemberId = w.AuthorId, MemberName = TransferWorld.AuthorName, IsLead = true, Status = SignerStatus.Confirmed });
            db.ProposalSigners.Add(new ProposalSigner { CommitteeId = w.Committee.Id, ProposalId = p.Id, MemberId = w.CoAuthorId, MemberName = "王芳", Order = 1, Status = SignerStatus.Confirmed });
            var stranger = await db.Members.Where(m => m.CommitteeId == w.Committee.Id && m.Name == "张三").Select(m => m.Id).SingleAsync();
            db.ProposalSigners.Add(new ProposalSigner { CommitteeId = w.Committee.Id, ProposalId = p.Id, MemberId = stranger, MemberName = "张三", Order = 2, Status = SignerStatus.Declined });
            await db.SaveChangesAsync();
            return p.Id;
        });
}
