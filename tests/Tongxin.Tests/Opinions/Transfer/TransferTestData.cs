using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Transfer;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Transfer;

/// <summary>One committee ready for 转办: a current session, a report author and a co-author, another
/// member, three units (two assigned in most tests, one never), 社情民意 staff, proposal-only staff,
/// and 社情民意 staff of another committee.</summary>
internal sealed record TransferWorld(
    TestApp App,
    TestData.TestCommittee Committee,
    Guid SessionId,
    Guid AuthorId,
    Guid CoAuthorId,
    TestData.TestUser Author,
    TestData.TestUser CoAuthor,
    TestData.TestUser OtherMember,
    TestData.TestUser OpinionStaff,
    TestData.TestUser ProposalStaff,
    TestData.TestUser OtherCommitteeOpinionStaff,
    TestData.TestUser BothStaff,
    (Guid Id, TestData.TestUser User) Unit1,
    (Guid Id, TestData.TestUser User) Unit2,
    (Guid Id, TestData.TestUser User) Unit3)
{
    public const string AuthorName = "李明";

    public static async Task<TransferWorld> CreateAsync(TestApp app)
    {
        var c = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var ids = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var term = new Term { CommitteeId = c.Id, Number = 9, Name = "九届", StartDate = new(2025, 1, 1), EndDate = new(2029, 12, 31) };
            var session = new Session { CommitteeId = c.Id, TermId = term.Id, Number = 2, Name = "九届二次会议", StartDate = new(2026, 1, 10), EndDate = new(2026, 1, 14), IsCurrent = true };
            Member NewMember(string name) => new() { CommitteeId = c.Id, Name = name, Gender = Gender.Male, BirthYear = 1970, SectorId = c.SectorId, Mobile = "13800138000", DutyCode = "T" + Guid.NewGuid().ToString("N")[..12] };
            var author = NewMember(AuthorName);
            var coAuthor = NewMember("王芳");
            var stranger = NewMember("张三");
            var units = new[] { "市住房和城乡建设局", "市交通运输局", "市财政局" }
                .Select(n => new HandlingUnit { CommitteeId = c.Id, Name = n, Kind = HandlingUnitKind.GovernmentDepartment }).ToList();
            db.AddRange(term, session, author, coAuthor, stranger);
            db.AddRange(units);
            await db.SaveChangesAsync();
            return (Session: session.Id, Author: author.Id, CoAuthor: coAuthor.Id, Stranger: stranger.Id, Units: units.Select(u => u.Id).ToList());
        });
        return new TransferWorld(
            app, c, ids.Session, ids.Author, ids.CoAuthor,
            await app.NewUserAsync(c, Roles.Member, memberId: ids.Author),
            await app.NewUserAsync(c, Roles.Member, memberId: ids.CoAuthor),
            await app.NewUserAsync(c, Roles.Member, memberId: ids.Stranger),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Opinions]),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Proposals]),
            await app.NewUserAsync(other, Roles.Staff, [Permissions.Opinions]),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Proposals, Permissions.Opinions, Permissions.OpinionsSignOff]),
            (ids.Units[0], await app.NewUserAsync(c, Roles.Unit, unitId: ids.Units[0])),
            (ids.Units[1], await app.NewUserAsync(c, Roles.Unit, unitId: ids.Units[1])),
            (ids.Units[2], await app.NewUserAsync(c, Roles.Unit, unitId: ids.Units[2])));
    }

    /// <summary>A report in <paramref name="status"/> by the author (and the co-author when joint),
    /// with the author text as version 1 and an edited version 2 as the current text. Without
    /// <paramref name="byMember"/> it comes from a public reporter (no member author).</summary>
    public Task<Guid> ReportAsync(OpinionStatus status = OpinionStatus.SignedOff, bool byMember = true, bool joint = false, string title = "关于规范共享单车停放秩序的建议") =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var serial = 1 + (await db.OpinionReports.Where(r => r.CommitteeId == Committee.Id && r.Year == 2026).MaxAsync(r => r.SerialNo) ?? 0);
            var r = new OpinionReport
            {
                CommitteeId = Committee.Id,
                Year = 2026,
                SerialNo = serial,
                Title = title,
                Situation = "原稿：地铁站口共享单车堆放严重。",
                Analysis = "原稿：企业投放过量。",
                Suggestion = "原稿：划定停放区。",
                Category = "城乡建设",
                Source = "调研",
                SubmitterKind = byMember ? (joint ? OpinionSubmitterKind.Joint : OpinionSubmitterKind.Member) : OpinionSubmitterKind.PublicReporter,
                SubmitterName = byMember ? AuthorName : "市民赵六",
                LeadMemberId = byMember ? AuthorId : null,
                Status = status,
                CreatedAt = now,
                SubmittedAt = now,
                CurrentVersionNo = 2,
                LastActivityAt = now,
            };
            db.OpinionReports.Add(r);
            if (byMember)
            {
                db.OpinionReportAuthors.Add(new OpinionReportAuthor { CommitteeId = Committee.Id, ReportId = r.Id, MemberId = AuthorId, MemberName = AuthorName, Order = 0 });
                if (joint)
                {
                    db.OpinionReportAuthors.Add(new OpinionReportAuthor { CommitteeId = Committee.Id, ReportId = r.Id, MemberId = CoAuthorId, MemberName = "王芳", Order = 1 });
                }
            }

            db.OpinionReportVersions.Add(new OpinionReportVersion
            {
                CommitteeId = Committee.Id,
                ReportId = r.Id,
                No = 1,
                IsAuthorText = true,
                Title = r.Title,
                Situation = r.Situation,
                Analysis = r.Analysis,
                Suggestion = r.Suggestion,
                EditorName = r.SubmitterName,
                At = now,
            });
            db.OpinionReportVersions.Add(new OpinionReportVersion
            {
                CommitteeId = Committee.Id,
                ReportId = r.Id,
                No = 2,
                IsAuthorText = false,
                Title = title + "（核稿）",
                Situation = "核稿：地铁站口共享单车堆放，影响通行。",
                Analysis = "核稿：投放总量缺乏调控。",
                Suggestion = "核稿：一是划定停放区；二是实行总量调控。",
                EditorName = "编辑",
                At = now,
            });
            await db.SaveChangesAsync();
            return r.Id;
        });

    /// <summary>转办 of a report to Unit1 alone (单办) by the 社情民意 staff.</summary>
    public Task<Guid> TransferSingleAsync(Guid reportId) =>
        As(OpinionStaff, sp => sp.GetRequiredService<OpinionTransferHandler>()
            .TransferAsync(reportId, AssignmentMode.Single, [new UnitChoice(Unit1.Id, AssignmentRole.Single)]));

    /// <summary>Unit1 accepts, logs a contact and submits its reply on the case.</summary>
    public async Task<Guid> Unit1RepliesAsync(Guid caseId, string text = "我局已在地铁站口划定停放区，并约谈运营企业。")
    {
        await As(Unit1.User, sp => sp.GetRequiredService<UnitHandlingHandler>().AcceptAsync(caseId));
        await As(Unit1.User, sp => sp.GetRequiredService<UnitHandlingHandler>().AddContactAsync(caseId,
            new ContactInput { Method = ContactMethod.Phone, Date = BeijingTime.Today(App.Clock), Notes = "电话联系报送人，听取意见。" }));
        return await As(Unit1.User, sp => sp.GetRequiredService<UnitHandlingHandler>().SaveReplyAsync(caseId, new ReplyInput
        {
            Text = text,
            Signer = "局长 陈刚",
            ReplyClass = "A",
            Items = [new ReplyItemInput { Commitment = "划定停放区", ResponsibleUnit = "市住房和城乡建设局", Status = ItemStatus.Done }],
        }, submit: true));
    }

    public Task<T> As<T>(TestData.TestUser user, Func<IServiceProvider, Task<T>> work) => App.AsAsync(user.Actor, work);

    public Task As(TestData.TestUser user, Func<IServiceProvider, Task> work) => App.AsAsync(user.Actor, work);

    public Task<T> Read<T>(Func<TongxinDbContext, Task<T>> read) =>
        App.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));
}
