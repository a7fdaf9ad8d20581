using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Preparation;

/// <summary>我的待办 of consultation staff on the shared app's day, Monday 2 March 2026.</summary>
public class PreparationTodoTests
{
    private static DateTimeOffset NineOClock(int month, int day) => new(BeijingTime.StartOfDayUtc(new DateOnly(2026, month, day)).AddHours(9), TimeSpan.Zero);

    private static Task<IReadOnlyList<TodoItem>> TodosAsync(PreparationWorld w, TestData.TestUser user) =>
        w.AsAsync(user, sp => sp.GetServices<ITodoSource>().OfType<PreparationTodos>().Single().GetAsync(user.Actor, CancellationToken.None));

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_are_reminded_of_notices_due_within_three_working_days_and_of_unsent_materials(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        // Notice due Saturday 28 February (春节调休, a working day): overdue.
        var overdue = await w.NewActivityAsync(ActivityStatus.Draft, NineOClock(3, 20), "草稿甲");
        // Notice due Thursday 5 March: three working days from today.
        var near = await w.NewActivityAsync(ActivityStatus.Draft, NineOClock(3, 26), "草稿乙");
        await w.NewActivityAsync(ActivityStatus.Draft, NineOClock(3, 27), "草稿丙（通知期限还远）");
        await w.NewActivityAsync(ActivityStatus.Draft, NineOClock(2, 27), "草稿丁（已过开始时间）");
        var unsent = await w.NewActivityAsync(ActivityStatus.Published, NineOClock(3, 20), "已发布戊");
        await w.NewActivityAsync(ActivityStatus.Published, NineOClock(3, 20), "已发布己（材料已发）", app.Clock.GetUtcNow().UtcDateTime);

        var todos = await TodosAsync(w, w.Staff);

        todos.ShouldBe(
        [
            new TodoItem("活动《草稿甲》应于2026年2月28日前发出通知（已逾期）", 1, PreparationLinks.ActivityDetail(overdue), "协商议政"),
            new TodoItem("活动《已发布戊》应于2026年3月6日前发送会议材料", 1, PreparationLinks.Materials(unsent), "协商议政"),
            new TodoItem("活动《草稿乙》应于2026年3月5日前发出通知", 1, PreparationLinks.ActivityDetail(near), "协商议政"),
        ], ignoreOrder: true);
        (await TodosAsync(w, w.StaffWithoutPermission)).ShouldBeEmpty();
        (await TodosAsync(w, w.OtherCommitteeStaff)).ShouldBeEmpty();
        (await TodosAsync(w, w.Participant)).ShouldBeEmpty();
    }
}
