using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Bulletins;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Bulletins;

/// <summary>Reports in a given state and bulletins, written straight into the database for the bulletin tests.</summary>
public static class BulletinsTestData
{
    /// <summary>A report of <paramref name="committee"/> in <paramref name="status"/> whose current
    /// version (an editor's revision) says "（核稿）" after the author's text, so a test can tell which text was used.</summary>
    public static Task<Guid> NewReportAsync(this TestApp app, TestData.TestCommittee committee, string title, string submitter, OpinionStatus status = OpinionStatus.SignedOff, Guid? authorMemberId = null) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var serial = (await db.OpinionReports.Where(r => r.CommitteeId == committee.Id && r.Year == 2026).MaxAsync(r => r.SerialNo) ?? 0) + 1;
            var report = new OpinionReport
            {
                CommitteeId = committee.Id,
                Year = 2026,
                SerialNo = serial,
                Title = title,
                Situation = $"{title}的基本情况。",
                Analysis = "问题分析。",
                Suggestion = "意见建议。",
                Category = "社会民生",
                SubmitterKind = OpinionSubmitterKind.Member,
                SubmitterName = submitter,
                LeadMemberId = authorMemberId,
                Status = status,
                CreatedAt = now,
                SubmittedAt = now,
                CurrentVersionNo = 2,
                SignedOffAt = status == OpinionStatus.SignedOff ? now : null,
                LastActivityAt = now,
            };
            db.OpinionReports.Add(report);
            db.OpinionReportVersions.AddRange(
                new OpinionReportVersion { CommitteeId = committee.Id, ReportId = report.Id, No = 1, IsAuthorText = true, Title = title, Situation = report.Situation, Analysis = report.Analysis, Suggestion = report.Suggestion, EditorName = submitter, At = now },
                new OpinionReportVersion { CommitteeId = committee.Id, ReportId = report.Id, No = 2, Title = title + "（核稿）", Situation = report.Situation + "（核稿）", Analysis = report.Analysis, Suggestion = report.Suggestion, EditorName = "编辑", At = now });
            if (authorMemberId is { } member)
            {
                db.OpinionReportAuthors.Add(new OpinionReportAuthor { CommitteeId = committee.Id, ReportId = report.Id, MemberId = member, MemberName = submitter });
            }

            await db.SaveChangesAsync();
            return report.Id;
        });

    /// <summary>A 社情民意 staff account; with sign-off permission unless told otherwise.</summary>
    public static Task<TestData.TestUser> NewOpinionStaffAsync(this TestApp app, TestData.TestCommittee committee, bool signOff = true) =>
        app.NewUserAsync(committee, Roles.Staff, signOff ? [Permissions.Opinions, Permissions.OpinionsSignOff] : [Permissions.Opinions]);

    public static Task<T> BulletinsAsync<T>(this TestApp app, TestData.TestUser user, Func<BulletinHandler, Task<T>> work) =>
        app.AsAsync(user.Actor, sp => work(sp.GetRequiredService<BulletinHandler>()));

    public static Task BulletinsAsync(this TestApp app, TestData.TestUser user, Func<BulletinHandler, Task> work) =>
        app.AsAsync(user.Actor, sp => work(sp.GetRequiredService<BulletinHandler>()));

    /// <summary>A draft bulletin of the user's committee.</summary>
    public static Task<Guid> NewBulletinAsync(this TestApp app, TestData.TestUser staff, string type = "快报", int year = 2026, string title = "社情民意快报") =>
        app.BulletinsAsync(staff, async h =>
        {
            var input = await h.NewInputAsync();
            input.Year = year;
            input.Type = type;
            input.Title = title;
            return await h.CreateAsync(input);
        });

    /// <summary>A draft bulletin with one single article of a fresh signed-off report.</summary>
    public static async Task<Guid> NewBulletinWithReportAsync(this TestApp app, TestData.TestCommittee committee, TestData.TestUser staff, string type = "快报", int year = 2026)
    {
        var bulletin = await app.NewBulletinAsync(staff, type, year);
        var report = await app.NewReportAsync(committee, $"关于{type}{year}的信息{Guid.NewGuid():N}"[..24], "张晓梅");
        await app.BulletinsAsync(staff, h => h.AddSingleAsync(bulletin, report));
        return bulletin;
    }

    /// <summary>Reads rows as the system, past the tenancy filter.</summary>
    public static Task<T> ReadAsync<T>(this TestApp app, Func<TongxinDbContext, Task<T>> read) =>
        app.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));
}
