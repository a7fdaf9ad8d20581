using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Reports;

/// <summary>Members write and submit reports; staff enter reports of non-member submitters.</summary>
public class SubmissionTests
{
    private static ReportHandler Reports(IServiceProvider sp) => sp.GetRequiredService<ReportHandler>();

    [Theory, ClassData(typeof(Databases))]
    public async Task A_submitted_report_gets_the_next_number_of_its_committee_and_year_and_keeps_the_author_text(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var draft = await w.DraftAsync();
        (await w.StoredAsync(draft.Id)).ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(OpinionStatus.Draft),
            r => r.SerialNo.ShouldBeNull(),
            r => r.SubmitterName.ShouldBe("周信息"));

        var serial = await w.As(w.Lead, sp => Reports(sp).SubmitAsync(draft.Id, draft.Version));
        var second = await w.SubmittedAsync(ReportsWorld.Input("关于增设公交夜班线路的建议"));
        var countyReport = await w.SubmittedAsync(ReportsWorld.Input("关于区内河道保洁的建议"), w.CountyMember);

        serial.ShouldBe(1);
        var stored = await w.StoredAsync(draft.Id);
        stored.ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(OpinionStatus.Submitted),
            r => r.Year.ShouldBe(2026),
            r => r.SerialNo.ShouldBe(1),
            r => r.SubmittedAt.ShouldBe(w.App.Clock.GetUtcNow().UtcDateTime),
            r => r.CurrentVersionNo.ShouldBe(1));
        (await w.StoredAsync(second)).SerialNo.ShouldBe(2);
        (await w.StoredAsync(countyReport)).SerialNo.ShouldBe(1, "每个政协单独编号");

        var version = (await w.VersionsAsync(draft.Id)).ShouldHaveSingleItem();
        version.ShouldSatisfyAllConditions(
            v => v.IsAuthorText.ShouldBeTrue(),
            v => v.No.ShouldBe(1),
            v => v.Title.ShouldBe("关于规范社区养老服务站运营的建议"),
            v => v.Suggestion.ShouldBe("一、按服务量发放运营补贴；二、引入专业机构连锁运营。"));
        (await w.AuthorsAsync(draft.Id)).ShouldHaveSingleItem().MemberId.ShouldBe(w.Lead.Actor.MemberId!.Value);
        (await w.TimelineAsync(draft.Id)).ShouldBe(["创建草稿", "报送，收稿编号2026-0001"]);
        (await w.EventsAsync(draft.Id)).Select(e => e.Action).ShouldBe([OpinionAction.Edit, OpinionAction.Submit], ignoreOrder: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reports_submitted_at_the_same_moment_get_different_numbers(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var drafts = new List<ReportSaved>();
        for (var i = 0; i < 4; i++)
        {
            drafts.Add(await w.DraftAsync(ReportsWorld.Input($"关于第{i}件事的建议")));
        }

        var numbers = await Task.WhenAll(drafts.Select(d => w.As(w.Lead, sp => Reports(sp).SubmitAsync(d.Id, d.Version))));

        numbers.Order().ShouldBe([1, 2, 3, 4]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_joint_report_lists_its_co_authors_in_order_and_tells_them_on_submission(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.SubmittedAsync(ReportsWorld.Input(kind: OpinionSubmitterKind.Joint, coAuthors: [w.CoAuthor, w.OtherMember]));

        (await w.AuthorsAsync(id)).Select(a => (a.MemberName, a.Order)).ShouldBe([("周信息", 0), ("吴联名", 1), ("郑委员", 2)]);
        var stored = await w.StoredAsync(id);
        stored.SubmitterKind.ShouldBe(OpinionSubmitterKind.Joint);
        stored.SubmitterName.ShouldBe("周信息 等3人");
        var submitted = (await w.EventsAsync(id)).Single(e => e.Action == OpinionAction.Submit);
        submitted.RecipientMemberIds.ShouldBe([w.CoAuthor.Actor.MemberId!.Value, w.OtherMember.Actor.MemberId!.Value]);

        await w.App.AsAsync(Actor.System, sp => sp.GetRequiredService<NotifyReportAuthors>().HandleAsync(submitted, new EventContext(Guid.NewGuid(), w.App.Clock.GetUtcNow().UtcDateTime, 1), default));
        var inbox = await w.As(w.CoAuthor, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));
        inbox.Items.ShouldContain(n => n.Title == "联名社情民意已报送" && n.Link == $"/Opinions/Detail/{id}");

        var joint = ReportsWorld.Input(kind: OpinionSubmitterKind.Joint);
        var refused = await Should.ThrowAsync<ValidationFailedException>(() => w.DraftAsync(joint));
        refused.Errors[nameof(ReportInput.CoAuthorIds)].ShouldContain("联名报送至少需要一位联名委员。");
        var foreign = ReportsWorld.Input(kind: OpinionSubmitterKind.Joint, coAuthors: w.CountyMember);
        (await Should.ThrowAsync<ValidationFailedException>(() => w.DraftAsync(foreign))).Errors[nameof(ReportInput.CoAuthorIds)]
            .ShouldContain("联名委员须为本会在册委员。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_report_for_a_party_names_the_party_with_the_member_as_contact(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var input = ReportsWorld.Input(kind: OpinionSubmitterKind.Party);
        (await Should.ThrowAsync<ValidationFailedException>(() => w.DraftAsync(input))).Errors[nameof(ReportInput.GroupName)]
            .ShouldContain("以党派名义报送须填写党派名称。");

        input.GroupName = " 民盟市委会 ";
        var id = await w.SubmittedAsync(input);

        var stored = await w.StoredAsync(id);
        stored.ShouldSatisfyAllConditions(
            r => r.SubmitterKind.ShouldBe(OpinionSubmitterKind.Party),
            r => r.SubmitterName.ShouldBe("民盟市委会"),
            r => r.LeadMemberId.ShouldBe(w.Lead.Actor.MemberId),
            r => r.ContactName.ShouldBe("周信息"));
        (await w.AuthorsAsync(id)).ShouldBeEmpty("党派报送的信息计入党派，不计入联系人个人");
        var mine = await w.As(w.Lead, sp => sp.GetRequiredService<MyReportsHandler>().ListAsync(null, null, 1));
        mine.Items.ShouldContain(r => r.Id == id && r.IsWriter);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task One_matter_per_report_counts_the_title_and_the_three_texts_against_the_committee_limit(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var input = ReportsWorld.Input(title: "关于一事的建议");
        input.Situation = new string('情', 600);
        input.Analysis = new string('析', 400) + "\n\n   ";
        input.Suggestion = new string('议', 1500 - 7 - 1000);
        ReportRules.CountChars(input).ShouldBe(1500);
        var fits = await w.DraftAsync(input);

        input.Suggestion += "多";
        var refused = await Should.ThrowAsync<ValidationFailedException>(() => w.DraftAsync(input));
        refused.Errors[nameof(ReportInput.Suggestion)].ShouldBe(["社情民意信息坚持一事一报，标题和正文合计不能超过1500字（现为1501字），请精简后再保存。"]);

        var settings = await w.As(w.Staff, sp => sp.GetRequiredService<OpinionSettingsHandler>().GetAsync());
        settings.MaxChars = 800;
        await w.As(w.Staff, sp => sp.GetRequiredService<OpinionSettingsHandler>().SaveAsync(settings));
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Lead, sp => Reports(sp).SubmitAsync(fits.Id, fits.Version))))
            .Message.ShouldContain("不能超过800字（现为1500字）");
        (await w.StoredAsync(fits.Id)).Status.ShouldBe(OpinionStatus.Draft);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_contact_phone_must_be_a_mobile_or_a_landline_and_the_category_one_of_the_committee(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        foreach (var bad in new[] { "", "12345", "1381234567x", "138123456789", "<script>" })
        {
            var input = ReportsWorld.Input();
            input.ContactPhone = bad;
            (await Should.ThrowAsync<ValidationFailedException>(() => w.DraftAsync(input))).Errors.Keys.ShouldContain(nameof(ReportInput.ContactPhone), bad);
        }

        var landline = ReportsWorld.Input();
        landline.ContactPhone = "0571-88886666";
        (await w.StoredAsync((await w.DraftAsync(landline)).Id)).ContactPhone.ShouldBe("0571-88886666");

        var category = ReportsWorld.Input();
        category.Category = "不存在的类别";
        (await Should.ThrowAsync<ValidationFailedException>(() => w.DraftAsync(category))).Errors[nameof(ReportInput.Category)].ShouldBe(["请选择信息类别。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_returned_report_is_completed_and_resubmitted_as_a_new_author_version_with_the_same_number(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.SubmittedAsync();
        await w.SetStatusAsync(id, OpinionStatus.Returned, "请补充站点关停的数量。");

        var view = await w.As(w.Lead, sp => Reports(sp).GetAsync(id));
        view.CanEdit.ShouldBeTrue();
        view.ScreeningNote.ShouldBe("请补充站点关停的数量。");
        var input = view.Input;
        input.Situation += "其中37个站点已关停。";
        var saved = await w.As(w.Lead, sp => Reports(sp).UpdateAsync(id, input));
        await w.As(w.Lead, sp => Reports(sp).SubmitAsync(id, saved.Version));

        var stored = await w.StoredAsync(id);
        stored.Status.ShouldBe(OpinionStatus.Submitted);
        stored.SerialNo.ShouldBe(1);
        stored.CurrentVersionNo.ShouldBe(2);
        var versions = await w.VersionsAsync(id);
        versions.Select(v => (v.No, v.IsAuthorText)).ShouldBe([(1, true), (2, true)]);
        versions[0].Situation.ShouldNotContain("37个");
        versions[1].Situation.ShouldEndWith("其中37个站点已关停。");
        (await w.TimelineAsync(id)).ShouldContain("修改后重新报送，收稿编号2026-0001");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_returned_report_is_on_the_writers_to_do_list_until_resubmitted(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.SubmittedAsync();
        await w.SetStatusAsync(id, OpinionStatus.Returned, "请补充数据。");

        async Task<int> TodoCount(Tongxin.Tests.Infrastructure.TestData.TestUser user) =>
            (await w.App.AsAsync(user.Actor, sp => sp.GetServices<ITodoSource>().OfType<ReportTodos>().Single().GetAsync(user.Actor, default)))
                .SingleOrDefault()?.Count ?? 0;

        (await TodoCount(w.Lead)).ShouldBe(1);
        (await TodoCount(w.OtherMember)).ShouldBe(0);
        var view = await w.As(w.Lead, sp => Reports(sp).GetAsync(id));
        await w.As(w.Lead, sp => Reports(sp).SubmitAsync(id, view.Version));
        (await TodoCount(w.Lead)).ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_draft_can_be_deleted_and_a_submitted_report_withdrawn_but_not_the_other_way_round(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var draft = await w.DraftAsync();
        await Should.ThrowAsync<ConflictException>(() => w.As(w.Lead, sp => Reports(sp).WithdrawAsync(draft.Id)));
        await w.As(w.Lead, sp => Reports(sp).DeleteAsync(draft.Id));
        (await w.App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OpinionReports.AnyAsync(r => r.Id == draft.Id))).ShouldBeFalse();

        var submitted = await w.SubmittedAsync();
        await Should.ThrowAsync<ConflictException>(() => w.As(w.Lead, sp => Reports(sp).DeleteAsync(submitted)));
        var stale = ReportsWorld.Input();
        stale.Version = 0;
        await Should.ThrowAsync<ConflictException>(() => w.As(w.Lead, sp => Reports(sp).UpdateAsync(submitted, stale)));
        await w.As(w.Lead, sp => Reports(sp).WithdrawAsync(submitted));
        (await w.StoredAsync(submitted)).Status.ShouldBe(OpinionStatus.Withdrawn);
        (await w.TimelineAsync(submitted)).Last().ShouldBe("报送人撤回");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_enter_a_report_of_a_public_reporter_which_is_submitted_at_once(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        EntryInput Entry() => new()
        {
            SubmitterKind = OpinionSubmitterKind.PublicReporter,
            SubmitterName = "李群众",
            Title = "关于小区电动车充电桩不足的建议",
            Situation = "小区内电动车停放拥挤，飞线充电多。",
            Suggestion = "在小区增设集中充电桩。",
            Category = "社会治理",
            ContactName = "李群众",
            ContactPhone = "13700001234",
        };

        var (id, serial) = await w.As(w.Staff, sp => sp.GetRequiredService<EntryHandler>().EnterAsync(Entry()));

        serial.ShouldBe(1);
        var stored = await w.StoredAsync(id);
        stored.ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(OpinionStatus.Submitted),
            r => r.SubmitterKind.ShouldBe(OpinionSubmitterKind.PublicReporter),
            r => r.SubmitterName.ShouldBe("李群众"),
            r => r.LeadMemberId.ShouldBeNull(),
            r => r.CreatedByUserId.ShouldBe(w.Staff.Id));
        (await w.AuthorsAsync(id)).ShouldBeEmpty();
        (await w.VersionsAsync(id)).ShouldHaveSingleItem().IsAuthorText.ShouldBeTrue();
        (await w.TimelineAsync(id)).ShouldBe(["代群众反映人“李群众”录入报送，收稿编号2026-0001"]);

        var memberKind = Entry();
        memberKind.SubmitterKind = OpinionSubmitterKind.Member;
        memberKind.SubmitterName = "";
        var refused = await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => sp.GetRequiredService<EntryHandler>().EnterAsync(memberKind)));
        refused.Errors.Keys.ShouldBe([nameof(EntryInput.SubmitterKind), nameof(EntryInput.SubmitterName)], ignoreOrder: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task My_reports_show_own_and_co_authored_reports_of_every_year_with_their_outcomes(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var own = await w.InStatusAsync(OpinionStatus.Published);
        var joint = await w.SubmittedAsync(ReportsWorld.Input("关于联名事项的建议", OpinionSubmitterKind.Joint, w.CoAuthor), w.OtherMember);
        var othersDraft = await w.DraftAsync(ReportsWorld.Input("关于他人草稿的建议", OpinionSubmitterKind.Joint, w.Lead), w.OtherMember);
        await w.App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var r = await db.OpinionReports.SingleAsync(x => x.Id == own);
            r.Year = 2025;
            db.OpinionOutcomes.Add(new OpinionOutcome { CommitteeId = w.City.Id, ReportId = own, Kind = OpinionOutcomeKind.Adopted, Level = AdoptionLevel.Own, Date = new(2025, 12, 1), RecordedByName = "信息科" });
            db.OpinionOutcomes.Add(new OpinionOutcome { CommitteeId = w.City.Id, ReportId = own, Kind = OpinionOutcomeKind.Instruction, InstructionLevel = InstructionLevel.City, LeaderName = "张市长", Text = "请民政局研究。", Date = new(2025, 12, 5), RecordedByName = "信息科" });
            await db.SaveChangesAsync();
        });

        var lead = await w.As(w.Lead, sp => sp.GetRequiredService<MyReportsHandler>().ListAsync(null, null, 1));
        lead.Items.Select(r => r.Id).ShouldBe([own]);
        lead.Items[0].Outcomes.ShouldBe("本级政协采用；市级领导批示");
        lead.Items[0].DisplaySerial.ShouldBe("2025-0001");

        var co = await w.As(w.CoAuthor, sp => sp.GetRequiredService<MyReportsHandler>().ListAsync(null, null, 1));
        co.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Id.ShouldBe(joint), r => r.IsWriter.ShouldBeFalse(), r => r.CanEdit.ShouldBeFalse());
        (await w.As(w.Lead, sp => sp.GetRequiredService<MyReportsHandler>().YearsAsync())).ShouldBe([2025]);
        (await w.As(w.Lead, sp => sp.GetRequiredService<MyReportsHandler>().ListAsync(2026, null, 1))).Total.ShouldBe(0);
        (await w.As(w.OtherMember, sp => sp.GetRequiredService<MyReportsHandler>().ListAsync(null, OpinionStatus.Draft, 1))).Items
            .ShouldHaveSingleItem().Id.ShouldBe(othersDraft.Id);
    }
}
