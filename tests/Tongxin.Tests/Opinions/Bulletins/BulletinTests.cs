using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Bulletins;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using Tongxin.Tests.Platform.Documents;
using Xunit.Abstractions;

namespace Tongxin.Tests.Opinions.Bulletins;

public class BulletinTests(ITestOutputHelper output)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Issue_numbers_run_per_year_and_type(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewOpinionStaffAsync(city);

        async Task<int> Issue(string type, int year) =>
            await app.BulletinsAsync(staff, async h => await h.IssueAsync(await app.NewBulletinWithReportAsync(city, staff, type, year)));

        (await Issue("快报", 2026)).ShouldBe(1);
        (await Issue("快报", 2026)).ShouldBe(2);
        (await Issue("专报", 2026)).ShouldBe(1);
        (await Issue("快报", 2025)).ShouldBe(1);
        (await Issue("专报", 2026)).ShouldBe(2);
        (await Issue("快报", 2026)).ShouldBe(3);

        var other = await app.NewCommitteeAsync();
        var otherStaff = await app.NewOpinionStaffAsync(other);
        (await app.BulletinsAsync(otherStaff, async h => await h.IssueAsync(await app.NewBulletinWithReportAsync(other, otherStaff)))).ShouldBe(1, "each committee counts its own");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_bulletins_issued_at_the_same_moment_get_distinct_numbers(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewOpinionStaffAsync(city);
        var first = await app.NewBulletinWithReportAsync(city, staff, "专报");
        var second = await app.NewBulletinWithReportAsync(city, staff, "专报");

        var numbers = await Task.WhenAll(
            Task.Run(() => app.BulletinsAsync(staff, h => h.IssueAsync(first))),
            Task.Run(() => app.BulletinsAsync(staff, h => h.IssueAsync(second))));

        numbers.Order().ShouldBe([1, 2]);
        var stored = await app.ReadAsync(d => d.OpinionBulletins.Where(b => b.Id == first || b.Id == second).Select(b => b.IssueNo).ToListAsync());
        stored.Order().ShouldBe([1, 2]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Issuing_publishes_every_report_and_records_its_own_level_adoption_combined_or_single(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewOpinionStaffAsync(city);
        var author = Guid.NewGuid();
        var single = await app.NewReportAsync(city, "关于老旧小区加装电梯的建议", "张晓梅", authorMemberId: author);
        var partA = await app.NewReportAsync(city, "关于社区食堂运营的建议", "李建国");
        var partB = await app.NewReportAsync(city, "关于老年助餐服务的建议", "王丽华");
        var bulletin = await app.NewBulletinAsync(staff, "综合", title: "养老服务专题");

        await app.BulletinsAsync(staff, async h =>
        {
            await h.AddSingleAsync(bulletin, single);
            await h.AddCombinedAsync(bulletin, [partA, partB], "关于完善社区养老助餐服务的建议", null);
        });
        var draft = await app.BulletinsAsync(staff, h => h.GetAsync(bulletin));
        draft.Articles.Count.ShouldBe(2);
        draft.Articles[0].Title.ShouldBe("关于老旧小区加装电梯的建议（核稿）", "单篇 takes the current signed-off version");
        draft.Articles[0].Body.ShouldContain("基本情况。（核稿）");
        draft.Articles[1].IsCombined.ShouldBeTrue();
        draft.Articles[1].Body.ShouldContain("关于社区食堂运营的建议（核稿）");
        draft.Articles[1].Body.ShouldContain("关于老年助餐服务的建议（核稿）");
        draft.Articles[1].Submitters.ShouldBe("李建国；王丽华");

        var no = await app.BulletinsAsync(staff, h => h.IssueAsync(bulletin));

        no.ShouldBe(1);
        var stored = await app.ReadAsync(async d => new
        {
            Bulletin = await d.OpinionBulletins.SingleAsync(b => b.Id == bulletin),
            Reports = await d.OpinionReports.Where(r => r.Id == single || r.Id == partA || r.Id == partB).ToListAsync(),
            Outcomes = await d.OpinionOutcomes.Where(o => o.BulletinId == bulletin).ToListAsync(),
            History = await d.OpinionHistory.Where(x => x.ReportId == single).Select(x => x.Text).ToListAsync(),
            Events = await d.OutboxMessages.Where(m => m.Type == nameof(OpinionChanged) && m.Payload.Contains(single.ToString())).Select(m => m.Payload).ToListAsync(),
        });
        stored.Bulletin.Status.ShouldBe(BulletinStatus.Issued);
        stored.Bulletin.IssuedAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
        stored.Bulletin.IssuedByName.ShouldBe("测试机关工作人员");
        stored.Reports.ShouldAllBe(r => r.Status == OpinionStatus.Published && r.PublishedAt != null);
        stored.Outcomes.Count.ShouldBe(3);
        stored.Outcomes.ShouldAllBe(o => o.Kind == OpinionOutcomeKind.Adopted && o.Level == AdoptionLevel.Own && o.Date == new DateOnly(2026, 3, 2));
        stored.Outcomes.Single(o => o.ReportId == single).Combined.ShouldBeFalse();
        stored.Outcomes.Where(o => o.ReportId != single).ShouldAllBe(o => o.Combined);
        stored.History.ShouldContain(t => t.Contains("编入期刊《养老服务专题》（单篇）"));
        stored.History.ShouldContain(t => t.Contains("印发") && t.Contains("记本级采用"));
        stored.Events.Count.ShouldBe(2, "one OpinionChanged for 编入 and one for 印发");
        stored.Events.ShouldContain(p => p.Contains(author.ToString()), "the author is told");

        // Issued: nothing changes any more.
        await Should.ThrowAsync<ConflictException>(() => app.BulletinsAsync(staff, h => h.RemoveArticleAsync(draft.Articles[0].Id)));
        await Should.ThrowAsync<ConflictException>(() => app.BulletinsAsync(staff, h => h.IssueAsync(bulletin)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_report_is_credited_once_even_when_two_drafts_carry_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewOpinionStaffAsync(city);
        var report = await app.NewReportAsync(city, "关于规范电动自行车充电的建议", "张晓梅");
        var first = await app.NewBulletinAsync(staff);
        var second = await app.NewBulletinAsync(staff);
        await app.BulletinsAsync(staff, async h =>
        {
            await h.AddSingleAsync(first, report);
            await h.AddSingleAsync(second, report);
            await Should.ThrowAsync<ConflictException>(() => h.AddSingleAsync(first, report));
        });

        await app.BulletinsAsync(staff, h => h.IssueAsync(first));
        await Should.ThrowAsync<ConflictException>(() => app.BulletinsAsync(staff, h => h.IssueAsync(second)));

        var outcomes = await app.ReadAsync(d => d.OpinionOutcomes.CountAsync(o => o.ReportId == report));
        outcomes.ShouldBe(1);
        (await app.ReadAsync(d => d.OpinionBulletins.SingleAsync(b => b.Id == second))).Status.ShouldBe(BulletinStatus.Draft);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_signed_off_reports_of_the_own_committee_can_be_added(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var staff = await app.NewOpinionStaffAsync(city);
        var bulletin = await app.NewBulletinAsync(staff);
        var editing = await app.NewReportAsync(city, "关于停车难的建议", "张晓梅", OpinionStatus.Adopted);
        var submitted = await app.NewReportAsync(city, "关于夜间施工扰民的建议", "李建国", OpinionStatus.Submitted);
        var foreign = await app.NewReportAsync(other, "关于外地信息的建议", "王丽华");
        var ok = await app.NewReportAsync(city, "关于校园周边交通的建议", "赵敏");

        await app.BulletinsAsync(staff, async h =>
        {
            (await Should.ThrowAsync<ConflictException>(() => h.AddSingleAsync(bulletin, editing))).Message.ShouldContain("不能编入期刊");
            await Should.ThrowAsync<ConflictException>(() => h.AddSingleAsync(bulletin, submitted));
            await Should.ThrowAsync<NotFoundException>(() => h.AddSingleAsync(bulletin, foreign));
            await Should.ThrowAsync<ConflictException>(() => h.AddCombinedAsync(bulletin, [ok, editing], "综合", null));
            (await Should.ThrowAsync<ValidationFailedException>(() => h.AddCombinedAsync(bulletin, [ok], "综合", null))).Errors.Keys.ShouldContain("reportIds");
            (await h.CandidatesAsync(bulletin)).Select(c => c.ReportId).ShouldBe([ok]);
        });

        (await app.ReadAsync(d => d.OpinionBulletinArticles.CountAsync(a => a.BulletinId == bulletin))).ShouldBe(0, "nothing stored half");
        await Should.ThrowAsync<ConflictException>(() => app.BulletinsAsync(staff, h => h.IssueAsync(bulletin)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Articles_are_reordered_edited_and_removed_while_a_draft(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewOpinionStaffAsync(city);
        var bulletin = await app.NewBulletinAsync(staff);
        var reports = new List<Guid>();
        foreach (var t in new[] { "甲", "乙", "丙" })
        {
            reports.Add(await app.NewReportAsync(city, $"关于{t}事项的建议", "张晓梅"));
        }

        await app.BulletinsAsync(staff, async h =>
        {
            foreach (var r in reports)
            {
                await h.AddSingleAsync(bulletin, r);
            }

            var articles = (await h.GetAsync(bulletin)).Articles;
            await h.MoveArticleAsync(articles[2].Id, up: true);
            await h.EditArticleAsync(articles[0].Id, "关于甲事项的建议（改）", "改写后的正文。");
            await h.RemoveArticleAsync(articles[1].Id);
            await Should.ThrowAsync<ValidationFailedException>(() => h.EditArticleAsync(articles[0].Id, " ", ""));
        });

        var view = await app.BulletinsAsync(staff, h => h.GetAsync(bulletin));
        view.Articles.Select(a => a.Title).ShouldBe(["关于甲事项的建议（改）", "关于丙事项的建议（核稿）"]);
        view.Articles[0].Body.ShouldBe("改写后的正文。");
        var removed = await app.ReadAsync(d => d.OpinionReports.SingleAsync(r => r.Id == reports[1]));
        removed.Status.ShouldBe(OpinionStatus.SignedOff, "a removed report waits for another bulletin");
        (await app.BulletinsAsync(staff, h => h.CandidatesAsync(bulletin))).Select(c => c.ReportId).ShouldContain(reports[1]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Issuing_needs_the_sign_off_permission_in_the_handler_and_through_the_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var editor = await app.NewOpinionStaffAsync(city, signOff: false);
        var bulletin = await app.NewBulletinWithReportAsync(city, editor);

        await Should.ThrowAsync<ForbiddenException>(() => app.BulletinsAsync(editor, h => h.IssueAsync(bulletin)));
        using (var s = await WebSession.LoginAsync(app, editor.UserName))
        {
            var page = await s.GetPageAsync($"/Opinions/Bulletins/Detail/{bulletin}");
            page.ShouldContain("印发需要社情民意签发权限");
            var response = await s.PostFormAsync($"/Opinions/Bulletins/Detail/{bulletin}?handler=Issue", [], $"/Opinions/Bulletins/Detail/{bulletin}");
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await app.ReadAsync(d => d.OpinionBulletins.SingleAsync(b => b.Id == bulletin))).Status.ShouldBe(BulletinStatus.Draft);

        var signer = await app.NewOpinionStaffAsync(city);
        using (var s = await WebSession.LoginAsync(app, signer.UserName))
        {
            var response = await s.PostFormAsync($"/Opinions/Bulletins/Detail/{bulletin}?handler=Issue", [], $"/Opinions/Bulletins/Detail/{bulletin}");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var detail = await s.GetPageAsync($"/Opinions/Bulletins/Detail/{bulletin}");
            detail.ShouldContain("2026年第1期");
            var list = await s.GetPageAsync("/Opinions/Bulletins?year=2026&status=Issued");
            list.ShouldContain($"/Opinions/Bulletins/Detail/{bulletin}");
            var export = await s.GetAsync("/Opinions/Bulletins?year=2026&handler=Export");
            export.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var workbook = new ClosedXML.Excel.XLWorkbook(await export.Content.ReadAsStreamAsync());
            workbook.Worksheet(1).Cell(2, 3).GetString().ShouldBe("第1期");
        }

        (await app.ReadAsync(d => d.OpinionBulletins.SingleAsync(b => b.Id == bulletin))).Status.ShouldBe(BulletinStatus.Issued);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task County_staff_cannot_touch_city_bulletins_nor_city_staff_county_ones(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(city.Id, parentMayRead: true, level: Tongxin.Modules.Organization.CommitteeLevel.County);
        var cityStaff = await app.NewOpinionStaffAsync(city);
        var countyStaff = await app.NewOpinionStaffAsync(county);
        var cityBulletin = await app.NewBulletinWithReportAsync(city, cityStaff);
        var countyBulletin = await app.NewBulletinWithReportAsync(county, countyStaff);
        var countyReport = await app.NewReportAsync(county, "关于县域信息的建议", "赵敏");

        await app.BulletinsAsync(countyStaff, async h =>
        {
            await Should.ThrowAsync<NotFoundException>(() => h.GetAsync(cityBulletin));
            await Should.ThrowAsync<NotFoundException>(() => h.IssueAsync(cityBulletin));
            await Should.ThrowAsync<NotFoundException>(() => h.UpdateAsync(cityBulletin, new BulletinInput { Year = 2026, Type = "快报", Title = "改" }));
            await Should.ThrowAsync<NotFoundException>(() => h.AddSingleAsync(cityBulletin, countyReport));
            (await h.ListAsync(new BulletinFilter(), 1)).Items.ShouldNotContain(r => r.Id == cityBulletin);
        });
        await app.BulletinsAsync(cityStaff, async h =>
        {
            (await h.GetAsync(countyBulletin)).MayEdit.ShouldBeFalse("the city reads the county's bulletins");
            await Should.ThrowAsync<ForbiddenException>(() => h.IssueAsync(countyBulletin));
            await Should.ThrowAsync<ForbiddenException>(() => h.DeleteAsync(countyBulletin));
            await Should.ThrowAsync<ForbiddenException>(() => h.AddSingleAsync(cityBulletin, countyReport));
        });

        var proposalClerk = await app.NewUserAsync(city, Tongxin.Platform.Accounts.Roles.Staff, [Tongxin.Platform.Accounts.Permissions.Proposals]);
        await Should.ThrowAsync<ForbiddenException>(() => app.BulletinsAsync(proposalClerk, h => h.ListAsync(new BulletinFilter(), 1)));
        await Should.ThrowAsync<ForbiddenException>(() => app.BulletinsAsync(proposalClerk, h => h.CreateAsync(new BulletinInput { Year = 2026, Type = "快报", Title = "x" })));
        await Should.ThrowAsync<ForbiddenException>(() => app.BulletinsAsync(proposalClerk, h => h.IssueAsync(cityBulletin)));
        (await app.ReadAsync(d => d.OpinionBulletins.Where(b => b.Id == cityBulletin || b.Id == countyBulletin).Select(b => b.Status).ToListAsync()))
            .ShouldBe([BulletinStatus.Draft, BulletinStatus.Draft], "both bulletins still exist, neither was issued");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_issued_bulletin_opens_in_word_and_as_pdf_with_masthead_number_articles_and_recipients(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewOpinionStaffAsync(city);
        var bulletin = await app.NewBulletinAsync(staff, "专报", title: "关于民生实事的专报");
        var report = await app.NewReportAsync(city, "关于加快老旧小区加装电梯的建议", "张晓梅");
        await app.BulletinsAsync(staff, async h =>
        {
            await h.AddSingleAsync(bulletin, report);
            await h.IssueAsync(bulletin);
        });

        var docx = await app.BulletinsAsync(staff, h => h.DocumentAsync(bulletin, pdf: false));
        docx.FileName.ShouldBe("社情民意专报2026年第1期.docx");
        using (var word = WordprocessingDocument.Open(docx.Content, false))
        {
            var text = string.Join("\n", word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            text.ShouldContain("社情民意");
            text.ShouldContain("（专报）");
            text.ShouldContain("2026年第1期");
            text.ShouldContain($"{city.Name}办公室编");
            text.ShouldContain("2026年3月2日");
            text.ShouldContain("关于加快老旧小区加装电梯的建议（核稿）");
            text.ShouldContain("（张晓梅）");
            text.ShouldContain("主送：市委、市政府主要领导");
            text.ShouldContain("抄送：市委办公室、市政府办公室");
        }

        var pdf = await app.BulletinsAsync(staff, h => h.DocumentAsync(bulletin, pdf: true));
        pdf.FileName.ShouldBe("社情民意专报2026年第1期.pdf");
        var bytes = ((MemoryStream)pdf.Content).ToArray();
        PdfAssert.WellFormed(bytes).ShouldBeGreaterThanOrEqualTo(1);
        var extracted = PdfAssert.ExtractText(bytes, out var skipped);
        if (extracted is null)
        {
            output.WriteLine(skipped);
            return;
        }

        var flat = extracted.Replace("\n", "").Replace(" ", "");
        flat.ShouldContain("社情民意");
        flat.ShouldContain("2026年第1期");
        flat.ShouldContain("关于加快老旧小区加装电梯的建议（核稿）");
        flat.ShouldContain("主送：市委、市政府主要领导");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_report_page_links_its_bulletins(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var staff = await app.NewOpinionStaffAsync(city);
        var bulletin = await app.NewBulletinAsync(staff, title: "第一期快报");
        var report = await app.NewReportAsync(city, "关于路灯维修的建议", "张晓梅");
        await app.BulletinsAsync(staff, h => h.AddSingleAsync(bulletin, report));

        using var s = await WebSession.LoginAsync(app, staff.UserName);
        var response = await s.GetAsync($"/Opinions/Detail/{report}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain($"/Opinions/Bulletins/Detail/{bulletin}");
        page.ShouldContain("第一期快报");
    }
}
