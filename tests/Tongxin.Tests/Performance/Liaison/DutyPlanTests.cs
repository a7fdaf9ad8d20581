using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Performance.Liaison;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Performance.Liaison;

/// <summary>一人一事: the member keeps their plan, completion is a duty entry, others only read.</summary>
public class DutyPlanTests
{
    private static Task<T> AsAsync<T>(TestApp app, TestData.TestUser user, Func<DutyPlanHandler, Task<T>> work) =>
        app.AsAsync(user.Actor, sp => work(sp.GetRequiredService<DutyPlanHandler>()));

    private static Task RunAsync(TestApp app, TestData.TestUser user, Func<DutyPlanHandler, Task> work) =>
        app.AsAsync(user.Actor, sp => work(sp.GetRequiredService<DutyPlanHandler>()));

    private static Task<List<DutyEntry>> DoneEntriesAsync(TestApp app, Guid memberId) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().DutyEntries.IgnoreQueryFilters()
            .Where(e => e.MemberId == memberId && e.Item == DutyItem.PlanItemDone).ToListAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task Completing_an_item_creates_the_duty_entry_and_reopening_removes_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await LiaisonWorld.CreateAsync(app);
        var a = await AsAsync(app, w.Member, h => h.AddAsync(2026, new PlanItemInput { Title = "推动社区图书室建设", Detail = "联系区文旅局" }));
        var b = await AsAsync(app, w.Member, h => h.AddAsync(2026, new PlanItemInput { Title = "资助困难学生" }));

        await RunAsync(app, w.Member, h => h.CompleteAsync(a, new PlanCompletionInput { CompletedOn = new DateOnly(2026, 2, 28), Note = "图书室已开放" }));
        await app.DeliverEventsAsync();
        var entry = (await DoneEntriesAsync(app, w.MemberId)).ShouldHaveSingleItem();
        entry.SourceId.ShouldBe(a);
        entry.Title.ShouldBe("推动社区图书室建设");
        entry.Date.ShouldBe(new DateOnly(2026, 2, 28));
        DutyLinks.For(entry).ShouldBe($"/Performance/Plan?year=2026#p-{a}");

        var plan = await AsAsync(app, w.Member, h => h.GetAsync(null, 2026));
        plan.CanEdit.ShouldBeTrue();
        plan.Items.Select(i => i.Title).ShouldBe(["推动社区图书室建设", "资助困难学生"]);
        plan.Done.ShouldBe(1);

        await RunAsync(app, w.Member, h => h.ReopenAsync(a));
        await app.DeliverEventsAsync();
        (await DoneEntriesAsync(app, w.MemberId)).ShouldBeEmpty();
        await Should.ThrowAsync<ConflictException>(() => RunAsync(app, w.Member, h => h.ReopenAsync(b)));

        var future = await Should.ThrowAsync<ValidationFailedException>(() => RunAsync(app, w.Member, h => h.CompleteAsync(b, new PlanCompletionInput { CompletedOn = new DateOnly(2026, 3, 5) })));
        future.Errors[nameof(PlanCompletionInput.CompletedOn)].ShouldBe(["完成日期不能晚于今天（2026年3月2日）。"]);
        var blank = await Should.ThrowAsync<ValidationFailedException>(() => AsAsync(app, w.Member, h => h.AddAsync(2026, new PlanItemInput { Title = " " })));
        blank.Errors[nameof(PlanItemInput.Title)].ShouldBe(["事项不能为空。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_stale_edit_of_an_item_is_refused_and_the_first_one_kept(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await LiaisonWorld.CreateAsync(app);
        var id = await AsAsync(app, w.Member, h => h.AddAsync(2026, new PlanItemInput { Title = "走访困难群众" }));
        var version = (await AsAsync(app, w.Member, h => h.GetAsync(null, 2026))).Items.Single(i => i.Id == id).Version;

        await RunAsync(app, w.Member, h => h.UpdateAsync(id, new PlanItemInput { Title = "走访十户困难群众", Version = version }));
        var refused = await Should.ThrowAsync<ConflictException>(() => RunAsync(app, w.Member, h => h.UpdateAsync(id, new PlanItemInput { Title = "走访五户", Version = version })));
        refused.Message.ShouldContain("已在别处修改");
        (await AsAsync(app, w.Member, h => h.GetAsync(null, 2026))).Items.Single(i => i.Id == id).Title.ShouldBe("走访十户困难群众");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Others_read_or_are_refused_but_never_edit(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await LiaisonWorld.CreateAsync(app);
        var id = await AsAsync(app, w.Member, h => h.AddAsync(2026, new PlanItemInput { Title = "调研养老服务" }));

        await Should.ThrowAsync<ForbiddenException>(() => RunAsync(app, w.Member2, h => h.UpdateAsync(id, new PlanItemInput { Title = "改掉" })));
        await Should.ThrowAsync<ForbiddenException>(() => RunAsync(app, w.Member2, h => h.DeleteAsync(id)));
        await Should.ThrowAsync<ForbiddenException>(() => RunAsync(app, w.Member2, h => h.CompleteAsync(id, new PlanCompletionInput { CompletedOn = new DateOnly(2026, 3, 1) })));
        await Should.ThrowAsync<NotFoundException>(() => RunAsync(app, w.Outsider, h => h.DeleteAsync(id)));
        await Should.ThrowAsync<ForbiddenException>(() => RunAsync(app, w.Staff, h => h.DeleteAsync(id)));

        // Reading a member's plan: the member, 委员履职 staff, the leader; not another member or staff without the permission.
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.Member2, h => h.GetAsync(w.MemberId, 2026)));
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.StaffWithoutPermission, h => h.GetAsync(w.MemberId, 2026)));
        var read = await AsAsync(app, w.Staff, h => h.GetAsync(w.MemberId, 2026));
        read.CanEdit.ShouldBeFalse();
        read.Items.ShouldHaveSingleItem().Title.ShouldBe("调研养老服务");
        (await AsAsync(app, w.Leader, h => h.GetAsync(w.MemberId, 2026))).Items.Count.ShouldBe(1);

        await RunAsync(app, w.Member, h => h.CompleteAsync(id, new PlanCompletionInput { CompletedOn = new DateOnly(2026, 3, 1) }));
        var overview = await AsAsync(app, w.Staff, h => h.OverviewAsync(2026, 1));
        (overview.Members, overview.MembersWithPlan, overview.Items, overview.Done).ShouldBe((2, 1, 1, 1));
        overview.Rows.Items[0].MemberName.ShouldBe("陈联系");
        await Should.ThrowAsync<ForbiddenException>(() => AsAsync(app, w.Member, h => h.OverviewAsync(2026, 1)));

        // The item is still the member's own after all the refused attempts.
        (await AsAsync(app, w.Member, h => h.GetAsync(null, 2026))).Items.ShouldHaveSingleItem().Title.ShouldBe("调研养老服务");
        using var web = await WebSession.LoginAsync(app, w.Member.UserName);
        (await web.GetPageAsync("/Performance/Plan?year=2026")).ShouldContain($"id=\"p-{id}\"");
        using var staff = await WebSession.LoginAsync(app, w.Staff.UserName);
        (await staff.GetPageAsync("/Performance/Plan?year=2026")).ShouldContain("陈联系");
        using var other = await WebSession.LoginAsync(app, w.Member2.UserName);
        (await other.GetAsync($"/Performance/Plan?year=2026&memberId={w.MemberId}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }
}
