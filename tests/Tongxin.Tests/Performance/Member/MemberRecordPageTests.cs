using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Performance.MemberRecord;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using Tongxin.Tests.Platform.Documents;
using Tongxin.Tests.Proposals.Documents;

namespace Tongxin.Tests.Performance.MemberRecord;

/// <summary>我的履职, the annual report downloads and the bulk ZIP over a committee whose ledger was
/// rebuilt from inserted source rows (closed activities with participants, a filed proposal).</summary>
public class MemberRecordPageTests
{
    private sealed record Arranged(TestData.TestCommittee Committee, Guid A, Guid B, Guid Consult, Guid ProposalId);

    private static DateTime Bj(int month, int day, int hour) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    /// <summary>Member 甲 attended a two-half-day plenary and a 请你来协商 and leads a filed proposal 乙
    /// co-signed; 乙 attended the consultation only. The ledger is rebuilt for 2026.</summary>
    private static async Task<Arranged> ArrangeAsync(TestApp app)
    {
        var committee = await app.NewCommitteeAsync();
        var a = await app.NewMemberAsync(committee, "委员甲");
        var b = await app.NewMemberAsync(committee, "委员乙");
        var session = await app.NewSessionAsync(committee, 1, "第一届", 1, "一届一次会议");
        var ids = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            Activity Activity(ActivityType type, string title, DateTime startsAt, int halfDays) => new()
            {
                CommitteeId = committee.Id,
                Type = type,
                Title = title,
                StartsAt = startsAt,
                EndsAt = startsAt.AddHours(4),
                HalfDays = halfDays,
                Status = ActivityStatus.Closed,
                SignInSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                CreatedAt = startsAt.AddDays(-10),
            };
            var plenary = Activity(ActivityType.Plenary, "一届一次全体会议", Bj(1, 10, 9), 2);
            var consult = Activity(ActivityType.PleaseComeConsult, "请你来协商：托育服务", Bj(2, 12, 9), 1);
            db.Activities.AddRange(plenary, consult);
            ActivityParticipant Present(Activity x, Guid member) => new() { CommitteeId = committee.Id, ActivityId = x.Id, MemberId = member, Invited = true, Attendance = Attendance.Present };
            db.ActivityParticipants.AddRange(Present(plenary, a.Id), Present(consult, a.Id), Present(consult, b.Id));
            var proposal = new Proposal
            {
                CommitteeId = committee.Id,
                SessionId = session,
                Year = 2026,
                Number = 1,
                Title = "关于发展普惠托育服务的提案",
                Situation = "情况",
                Suggestions = "建议",
                LeadMemberId = a.Id,
                LeadMemberName = a.Name,
                Status = ProposalStatus.Filed,
                CreatedAt = Bj(1, 8, 9),
                SubmittedAt = Bj(1, 8, 10),
                ReviewedAt = Bj(1, 20, 10),
                LastActivityAt = Bj(1, 20, 10),
            };
            db.Proposals.Add(proposal);
            db.ProposalSigners.AddRange(
                new ProposalSigner { CommitteeId = committee.Id, ProposalId = proposal.Id, MemberId = a.Id, MemberName = a.Name, Order = 1, IsLead = true, Status = SignerStatus.Confirmed },
                new ProposalSigner { CommitteeId = committee.Id, ProposalId = proposal.Id, MemberId = b.Id, MemberName = b.Name, Order = 2, Status = SignerStatus.Confirmed });
            await db.SaveChangesAsync();
            await sp.GetRequiredService<DutyLedger>().RebuildAsync(committee.Id, 2026);
            return (consult.Id, proposal.Id);
        });
        return new Arranged(committee, a.Id, b.Id, ids.Item1, ids.Item2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_sees_the_own_year_with_entries_by_category_points_rank_and_links(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var x = await ArrangeAsync(app);
        var user = await app.NewUserAsync(x.Committee, Roles.Member, memberId: x.A);
        using var web = await WebSession.LoginAsync(app, user.UserName);

        var page = await web.GetPageAsync("/Performance?year=2026");

        // 2 half-days × 5 + 5 (consultation) + 15 (lead proposal) = 30; 乙: 5 + 3 = 8.
        page.ShouldContain("data-testid=\"total\">30<");
        page.ShouldContain("第1名");
        page.ShouldContain("共2人");
        page.ShouldContain("不称职");
        page.ShouldContain("尚缺：履职活动3次、社情民意1篇");
        page.ShouldContain("请你来协商：托育服务");
        page.ShouldContain($"/Consultation/Activities/Detail/{x.Consult}");
        page.ShouldContain($"/Proposals/Detail/{x.ProposalId}");
        page.ShouldContain("data-testid=\"category-1\""); // 会议
        page.ShouldContain("data-testid=\"category-3\""); // 提案
        page.ShouldNotContain("data-testid=\"category-4\""); // no opinions

        var report = await web.GetPageAsync("/Performance/Report?year=2026");
        report.ShouldContain("今年我一共参加了2次履职活动，其中全体会议1次、请你来协商1次（全体会议共出席2个半天）。");
        report.ShouldContain("提交并经审查立案的提案1件，其中领衔1件。主要有《关于发展普惠托育服务的提案》。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_item_past_its_yearly_cap_is_marked_and_the_total_counts_only_the_cap(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var x = await ArrangeAsync(app);
        await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            for (var i = 1; i <= 11; i++)
            {
                d.MassVisits.Add(new Tongxin.Modules.Performance.MassVisit
                {
                    CommitteeId = x.Committee.Id,
                    MemberId = x.B,
                    Date = new DateOnly(2026, 2, i),
                    Place = $"社区{i}",
                    PeopleServed = 10,
                    CreatedAt = Bj(2, i, 20),
                });
            }

            await d.SaveChangesAsync();
            await sp.GetRequiredService<DutyLedger>().RebuildAsync(x.Committee.Id, 2026);
        });
        var user = await app.NewUserAsync(x.Committee, Roles.Member, memberId: x.B);
        using var web = await WebSession.LoginAsync(app, user.UserName);

        var page = await web.GetPageAsync("/Performance?year=2026");

        // 11 visits × 2 = 22, capped at 20; + 5 (consultation) + 3 (joint proposal).
        page.ShouldContain("data-testid=\"total\">28<");
        page.ShouldContain("已达年度上限 20");
        page.Split("已达年度上限").Length.ShouldBe(2); // noted once, at the item's first entry
        page.ShouldContain("第2名"); // 甲 has 30
        (await web.GetPageAsync("/Performance/Report?year=2026")).ShouldContain("深入界别群众走访联系11次");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Who_may_open_a_members_record_the_member_staff_and_leaders_of_the_committee_and_nobody_else(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var x = await ArrangeAsync(app);
        var other = await app.NewCommitteeAsync();
        var cases = new (TestData.TestUser User, string Url, HttpStatusCode Expected)[]
        {
            (await app.NewUserAsync(x.Committee, Roles.Member, memberId: x.A), $"/Performance?memberId={x.A}&year=2026", HttpStatusCode.OK),
            (await app.NewUserAsync(x.Committee, Roles.Member, memberId: x.B), $"/Performance?memberId={x.A}&year=2026", HttpStatusCode.Forbidden),
            (await app.NewUserAsync(x.Committee, Roles.Member, memberId: x.B), $"/Performance/Report?memberId={x.A}&year=2026&handler=Docx", HttpStatusCode.Forbidden),
            (await app.NewUserAsync(x.Committee, Roles.Staff, [Permissions.Performance]), $"/Performance?memberId={x.A}&year=2026", HttpStatusCode.OK),
            (await app.NewUserAsync(x.Committee, Roles.Staff, [Permissions.Performance]), $"/Performance/Report?memberId={x.A}&year=2026&handler=Pdf", HttpStatusCode.OK),
            (await app.NewUserAsync(x.Committee, Roles.Staff, [Permissions.Proposals]), $"/Performance?memberId={x.A}&year=2026", HttpStatusCode.Forbidden),
            (await app.NewUserAsync(x.Committee, Roles.Leader), $"/Performance/Report?memberId={x.A}&year=2026", HttpStatusCode.OK),
            (await app.NewUserAsync(other, Roles.Staff, [Permissions.Performance]), $"/Performance?memberId={x.A}&year=2026", HttpStatusCode.Forbidden),
            (await app.NewUserAsync(x.Committee, Roles.Staff, [Permissions.Performance]), "/Performance", HttpStatusCode.Forbidden), // no own record
            (await app.NewUserAsync(x.Committee, Roles.Member, memberId: x.A), "/Performance/Reports", HttpStatusCode.Forbidden),
            (await app.NewUserAsync(x.Committee, Roles.Staff, [Permissions.Performance]), "/Performance/Reports", HttpStatusCode.OK),
        };
        foreach (var (user, url, expected) in cases)
        {
            using var web = await WebSession.LoginAsync(app, user.UserName);
            var response = await web.GetAsync(url);
            response.StatusCode.ShouldBe(expected, $"{user.Role} {string.Join(",", user.Actor.Permissions)} GET {url}");
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_report_downloads_as_word_with_the_sentence_and_as_pdf_under_chinese_file_names(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var x = await ArrangeAsync(app);
        var staff = await app.NewUserAsync(x.Committee, Roles.Staff, [Permissions.Performance]);
        using var web = await WebSession.LoginAsync(app, staff.UserName);

        var docx = await web.GetAsync($"/Performance/Report?memberId={x.B}&year=2026&handler=Docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        docx.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("2026年度履职报告-委员乙.docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            text.ShouldContain("2026年度履职报告");
            text.ShouldContain("今年我一共参加了1次履职活动，其中请你来协商1次。");
            text.ShouldContain("提交并经审查立案的提案1件，其中联名1件。主要有《关于发展普惠托育服务的提案》。");
            text.ShouldContain("全年履职积分8分，在全体2名委员中排第2名");
        }

        var pdf = await web.GetAsync($"/Performance/Report?memberId={x.B}&year=2026&handler=Pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("2026年度履职报告-委员乙.pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        PdfAssert.WellFormed(bytes).ShouldBeGreaterThan(0);
        // The same sentences as the Word file (checked where poppler-utils is installed; test.sh requires it).
        if (PdfAssert.ExtractText(bytes, out _) is { } pdfText)
        {
            var flat = pdfText.Replace("\n", "").Replace(" ", "");
            flat.ShouldContain("2026年度履职报告");
            flat.ShouldContain("今年我一共参加了1次履职活动，其中请你来协商1次。");
            flat.ShouldContain("全年履职积分8分");
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_generate_every_members_report_into_one_zip_in_the_background_and_download_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var x = await ArrangeAsync(app);
        var staff = await app.NewUserAsync(x.Committee, Roles.Staff, [Permissions.Performance]);
        using var web = await WebSession.LoginAsync(app, staff.UserName);

        var started = await web.PostFormAsync("/Performance/Reports", new() { ["Year"] = "2026" });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(started.Headers.Location!.OriginalString.Split("id=")[1]);
        await app.Services.GetRequiredService<AnnualReportJobs>().WaitAsync(id).WaitAsync(TimeSpan.FromMinutes(2));

        var progress = await web.GetPageAsync($"/Performance/Reports?handler=Progress&id={id}");
        progress.ShouldContain("data-state=\"Finished\"");
        progress.ShouldNotContain("hx-trigger");
        (await web.GetPageAsync("/Performance/Reports")).ShouldContain("下载 ZIP（2 份）");

        var download = await web.GetAsync($"/Performance/Reports?handler=Download&id={id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{x.Committee.Name}2026年度履职报告.zip");
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        zip.Entries.Select(e => e.FullName).Order().ShouldBe(["2026年度履职报告-委员乙.docx", "2026年度履职报告-委员甲.docx"]);
        var entry = zip.GetEntry("2026年度履职报告-委员甲.docx")!;
        using var copy = new MemoryStream();
        await using (var s = entry.Open())
        {
            await s.CopyToAsync(copy);
        }

        copy.Position = 0;
        using var word = WordprocessingDocument.Open(copy, false);
        word.MainDocumentPart!.Document.Body!.InnerText.ShouldContain("今年我一共参加了2次履职活动");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_performance_staff_of_the_committee_start_a_bulk_run_and_another_committee_cannot_follow_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var x = await ArrangeAsync(app);
        var other = await app.NewCommitteeAsync();
        foreach (var user in new[]
        {
            await app.NewUserAsync(x.Committee, Roles.Member, memberId: x.A),
            await app.NewUserAsync(x.Committee, Roles.Leader),
            await app.NewUserAsync(x.Committee, Roles.Staff, [Permissions.Proposals]),
        })
        {
            await Should.ThrowAsync<ForbiddenException>(app.AsAsync(user.Actor, sp => sp.GetRequiredService<AnnualReportBatch>().StartAsync(2026)));
        }

        var staff = await app.NewUserAsync(x.Committee, Roles.Staff, [Permissions.Performance]);
        var job = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<AnnualReportBatch>().StartAsync(2026));
        await app.Services.GetRequiredService<AnnualReportJobs>().WaitAsync(job.Id).WaitAsync(TimeSpan.FromMinutes(2));
        var leader = await app.NewUserAsync(x.Committee, Roles.Leader);
        (await app.AsAsync(leader.Actor, sp => Task.FromResult(sp.GetRequiredService<AnnualReportBatch>().Get(job.Id)))).State.ShouldBe(ReportJobState.Finished);
        var outsider = await app.NewUserAsync(other, Roles.Staff, [Permissions.Performance]);
        await Should.ThrowAsync<ForbiddenException>(app.AsAsync(outsider.Actor, sp => Task.FromResult(sp.GetRequiredService<AnnualReportBatch>().Open(job.Id))));
    }
}
