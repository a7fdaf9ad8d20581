using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Points;

/// <summary>我的码上商来信: who sees which letters (and phones), and the handler's actions.</summary>
public class LetterInboxTests
{
    private static async Task<(Guid Id, string Code)> LetterAsync(PointsWorld w, Guid? pointId = null, string title = "公交站没有遮雨棚", string? name = null)
    {
        var point = pointId ?? w.PointId;
        return await w.App.AsAsync(Actor.Public(w.Committee.Id, "203.0.113.9"), async sp =>
        {
            var receipt = await sp.GetRequiredService<PublicSubmissionIntake>().AcceptAsync(
                new PublicLetterTarget(w.Committee.Id, PublicChannel.LiaisonPoint, point, null),
                new PublicLetterInput(title, "下雨天等车的老人孩子淋雨。", name, "13912345678"),
                new IntakeTicket(Guid.NewGuid().ToString("N"), w.App.Clock.GetUtcNow().UtcDateTime),
                "hash");
            return (receipt.SubmissionId, receipt.ReceiptCode);
        });
    }

    private static Task<T> As<T>(PointsWorld w, TestData.TestUser user, Func<LetterInbox, Task<T>> work) =>
        w.App.AsAsync(user.Actor, sp => work(sp.GetRequiredService<LetterInbox>()));

    [Theory, ClassData(typeof(Databases))]
    public async Task Each_handler_sees_the_letters_of_their_points_and_public_staff_see_all_of_their_committee(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var (memberLetter, _) = await LetterAsync(w);
        var (staffLetter, _) = await LetterAsync(w, w.StaffPointId, "学校门口堵车");

        async Task<Guid[]> Sees(TestData.TestUser u) => [.. (await As(w, u, i => i.ListAsync(null, 1))).Items.Select(r => r.Id)];

        (await Sees(w.Responsible)).ShouldBe([memberLetter]);
        (await Sees(w.OpinionStaff)).ShouldBe([staffLetter]);
        (await Sees(w.PublicStaff)).ShouldBe([memberLetter, staffLetter], ignoreOrder: true);
        (await Sees(w.OtherMember)).ShouldBeEmpty();
        (await Sees(w.PlainStaff)).ShouldBeEmpty();
        (await Sees(w.OtherCommitteeStaff)).ShouldBeEmpty();

        (await As(w, w.Responsible, i => i.GetAsync(memberLetter))).Phone.ShouldBe("13912345678");
        (await As(w, w.PublicStaff, i => i.GetAsync(memberLetter))).Phone.ShouldBe("13912345678");
        await Should.ThrowAsync<NotFoundException>(() => As(w, w.OtherMember, i => i.GetAsync(memberLetter)));
        await Should.ThrowAsync<NotFoundException>(() => As(w, w.Responsible, i => i.GetAsync(staffLetter)));
        await Should.ThrowAsync<NotFoundException>(() => As(w, w.OtherCommitteeStaff, i => i.GetAsync(memberLetter)));
        await Should.ThrowAsync<NotFoundException>(() => As(w, w.OtherMember, async i => { await i.OpenAsync(memberLetter, 0); return 0; }));
        await Should.ThrowAsync<NotFoundException>(() => As(w, w.OtherCommitteeStaff, async i => { await i.ReplyAsync(memberLetter, 0, "越权答复"); return 0; }));
        (await As(w, w.Responsible, i => i.GetAsync(memberLetter))).Status.ShouldBe(PublicSubmissionStatus.Received);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_handler_opens_replies_and_closes_and_stale_or_wrong_state_actions_are_refused(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var (id, _) = await LetterAsync(w);

        await As(w, w.Responsible, async i => { await i.OpenAsync(id, 0); return 0; });
        var opened = await As(w, w.Responsible, i => i.GetAsync(id));
        opened.Status.ShouldBe(PublicSubmissionStatus.Processing);

        var stale = await Should.ThrowAsync<ConflictException>(() => As(w, w.PublicStaff, async i => { await i.ReplyAsync(id, 0, "旧版本的答复"); return 0; }));
        stale.Message.ShouldContain("刚刚已被他人处理");
        await Should.ThrowAsync<ValidationFailedException>(() => As(w, w.Responsible, async i => { await i.ReplyAsync(id, opened.Version, " \u0000 "); return 0; }));
        await Should.ThrowAsync<ConflictException>(() => As(w, w.Responsible, async i => { await i.OpenAsync(id, opened.Version); return 0; }));

        await As(w, w.Responsible, async i => { await i.ReplyAsync(id, opened.Version, "已联系公交公司，下月加装。"); return 0; });
        var replied = await As(w, w.Responsible, i => i.GetAsync(id));
        replied.Status.ShouldBe(PublicSubmissionStatus.Replied);
        replied.Reply.ShouldBe("已联系公交公司，下月加装。");
        replied.RepliedByName.ShouldBe("测试委员");

        await As(w, w.Responsible, async i => { await i.CloseAsync(id, replied.Version); return 0; });
        (await As(w, w.Responsible, i => i.GetAsync(id))).Status.ShouldBe(PublicSubmissionStatus.Closed);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Turning_a_letter_into_a_report_submits_it_and_the_receipt_follows_the_report(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var (anonymous, anonymousCode) = await LetterAsync(w);
        var (named, _) = await LetterAsync(w, title: "菜市场周边占道经营", name: "孙大妈");

        var reportId = await As(w, w.Responsible, i => i.ConvertToReportAsync(anonymous, 0));
        var namedReportId = await As(w, w.PublicStaff, i => i.ConvertToReportAsync(named, 0));

        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var report = await db.OpinionReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
            report.Status.ShouldBe(OpinionStatus.Submitted);
            report.SubmitterKind.ShouldBe(OpinionSubmitterKind.LiaisonPoint);
            report.SubmitterName.ShouldBe("测试医院联络点");
            report.Title.ShouldBe("公交站没有遮雨棚");
            report.Situation.ShouldBe("下雨天等车的老人孩子淋雨。");
            report.ContactPhone.ShouldBe("13912345678");
            report.PublicSubmissionId.ShouldBe(anonymous);
            report.Year.ShouldBe(2026);
            report.CreatedByUserId.ShouldBe(w.Responsible.Id);
            var version = await db.OpinionReportVersions.AsNoTracking().SingleAsync(v => v.ReportId == reportId);
            (version.No, version.IsAuthorText, version.Situation).ShouldBe((1, true, report.Situation));
            (await db.OpinionHistory.CountAsync(h => h.ReportId == reportId)).ShouldBe(1);

            var second = await db.OpinionReports.AsNoTracking().SingleAsync(r => r.Id == namedReportId);
            second.SubmitterKind.ShouldBe(OpinionSubmitterKind.PublicReporter);
            second.SubmitterName.ShouldBe("孙大妈");
            second.SerialNo.ShouldBe(report.SerialNo + 1);

            var letter = await db.PublicSubmissions.AsNoTracking().SingleAsync(s => s.Id == anonymous);
            letter.Status.ShouldBe(PublicSubmissionStatus.ConvertedToReport);
            letter.ReportId.ShouldBe(reportId);
        });
        await Should.ThrowAsync<ConflictException>(() => As(w, w.Responsible, i => i.ConvertToReportAsync(anonymous, 1)));

        using var phone = new WebSession(app);
        var receipt = await phone.GetPageAsync($"/q/receipt?code={anonymousCode}");
        receipt.ShouldContain("已转为社情民意信息报送");
        receipt.ShouldContain("已报送政协，正在筛选");

        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var report = await db.OpinionReports.SingleAsync(r => r.Id == reportId);
            report.Status = OpinionStatus.Published;
            await db.SaveChangesAsync();
        });
        (await phone.GetPageAsync($"/q/receipt?code={anonymousCode}")).ShouldContain("已被采用");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_moderation_queue_and_the_word_list_belong_to_public_staff_of_the_committee(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        var (id, _) = await LetterAsync(w, title: "代 开 发 票");

        await app.AsAsync(w.PublicStaff.Actor, async sp =>
        {
            var words = sp.GetRequiredService<SensitiveWordAdmin>();
            (await words.SaveAsync("赌博网站\n代开发票\n代开发票\n  \n")).ShouldBe((1, 0));
            (await words.ListAsync()).ShouldBe(["代开发票", "赌博网站"]);
        });
        var (caught, _) = await LetterAsync(w, title: "代 开 发 票");
        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            (await db.PublicSubmissions.AsNoTracking().SingleAsync(s => s.Id == id)).Status.ShouldBe(PublicSubmissionStatus.Received);
            (await db.PublicSubmissions.AsNoTracking().SingleAsync(s => s.Id == caught)).MatchedWords.ShouldBe("代开发票");
        });

        foreach (var outsider in new[] { w.Responsible, w.OpinionStaff, w.PlainStaff })
        {
            await app.AsAsync(outsider.Actor, async sp =>
            {
                await Should.ThrowAsync<ForbiddenException>(() => sp.GetRequiredService<ModerationQueue>().ListAsync(1));
                await Should.ThrowAsync<ForbiddenException>(() => sp.GetRequiredService<ModerationQueue>().ApproveAsync(caught, 0));
                await Should.ThrowAsync<ForbiddenException>(() => sp.GetRequiredService<SensitiveWordAdmin>().SaveAsync(""));
            });
        }

        await app.AsAsync(w.OtherCommitteeStaff.Actor, async sp =>
        {
            (await sp.GetRequiredService<ModerationQueue>().ListAsync(1)).Items.ShouldNotContain(r => r.Id == caught);
            await Should.ThrowAsync<NotFoundException>(() => sp.GetRequiredService<ModerationQueue>().BlockAsync(caught, 0));
        });

        await app.AsAsync(w.PublicStaff.Actor, async sp =>
        {
            var queue = sp.GetRequiredService<ModerationQueue>();
            (await queue.ListAsync(1)).Items.Single().Id.ShouldBe(caught);
            await queue.BlockAsync(caught, 0);
            await Should.ThrowAsync<ConflictException>(() => queue.ApproveAsync(caught, 1));
        });
    }
}
