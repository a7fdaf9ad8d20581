using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Results;

/// <summary>协商纪要: due 7 working days after the activity (holidays and 调休 counted), overdue when
/// not uploaded after that, sent to the committee's leaders, each of whom records one 阅批.</summary>
public class MinutesTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_due_date_counts_working_days_across_the_2026_holidays(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        // Ends Tuesday 10 Feb 2026: 11, 12, 13, Saturday 14 (调休, a working day), then the Spring
        // Festival 15–23 Feb, then 24, 25, 26 → the 7th working day is Thursday 26 Feb.
        var spring = await w.NewActivityAsync(startsAt: new DateTime(2026, 2, 10, 14, 0, 0));
        // Ends Monday 28 Sep: 29, 30, National Day 1–7 Oct, 8, 9, Saturday 10 (调休), 12, 13 → Tuesday 13 Oct.
        var national = await w.NewActivityAsync(startsAt: new DateTime(2026, 9, 28, 9, 0, 0));

        var springView = await w.Minutes(w.Staff, h => h.GetAsync(spring));
        var nationalView = await w.Minutes(w.Staff, h => h.GetAsync(national));

        springView.DueDate.ShouldBe(new DateOnly(2026, 2, 26));
        springView.Overdue.ShouldBeTrue("today (2 March) is after 26 February and nothing was uploaded");
        nationalView.DueDate.ShouldBe(new DateOnly(2026, 10, 13));
        nationalView.Overdue.ShouldBeFalse();

        await w.Minutes(w.Staff, h => h.SaveTextAsync(spring, "纪要正文"));
        var saved = await w.Minutes(w.Staff, h => h.GetAsync(spring));
        saved.Minutes!.DueDate.ShouldBe(new DateOnly(2026, 2, 26));
        saved.Overdue.ShouldBeFalse("uploaded, even if late");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Minutes_become_a_to_do_three_working_days_before_the_due_date_and_overdue_after_it(Db db)
    {
        // Tuesday 10 Feb 2026, 18:00 Beijing: the activity ended at 17:00.
        await using var app = await TestApp.CreateIsolatedAsync(db, now: new DateTimeOffset(2026, 2, 10, 10, 0, 0, TimeSpan.Zero));
        var w = await app.NewResultsWorldAsync();
        var activityId = await w.NewActivityAsync(startsAt: new DateTime(2026, 2, 10, 14, 0, 0));

        async Task<(int Soon, int Overdue, bool ListOverdue)> StateAsync()
        {
            var todos = await w.As(w.Staff, sp => sp.GetServices<ITodoSource>().OfType<ResultsTodos>().Single().GetAsync(w.Staff.Actor, default));
            var list = await w.As(w.Staff, sp => sp.GetRequiredService<MinutesList>().ListAsync(false, 1));
            return (todos.Single(t => t.Title.StartsWith("临近报送期限的协商纪要", StringComparison.Ordinal)).Count,
                todos.Single(t => t.Title == "已逾期未上传的协商纪要").Count,
                list.Items.Single(r => r.ActivityId == activityId).Overdue);
        }

        (await StateAsync()).ShouldBe((0, 0, false), "due 26 Feb is more than 3 working days away");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 24, 1, 0, 0, TimeSpan.Zero));
        (await StateAsync()).ShouldBe((1, 0, false), "24 Feb + 3 working days = 27 Feb covers the due date");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 26, 15, 0, 0, TimeSpan.Zero));
        (await StateAsync()).ShouldBe((1, 0, false), "the due day itself (23:00 Beijing) is not late yet");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 26, 16, 30, 0, TimeSpan.Zero));
        (await StateAsync()).ShouldBe((0, 1, true), "00:30 on 27 Feb in Beijing is after the due date");
        (await w.Minutes(w.Staff, h => h.GetAsync(activityId))).Overdue.ShouldBeTrue();

        await w.Minutes(w.Staff, h => h.UploadAsync(activityId, new MemoryStream(Encoding.UTF8.GetBytes("协商纪要：与会委员提出意见建议 5 条。")), "纪要.txt"));

        (await StateAsync()).ShouldBe((0, 0, false));
        var view = await w.Minutes(w.Staff, h => h.GetAsync(activityId));
        view.FileName.ShouldBe("纪要.txt");
        view.Minutes!.UploadedAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Sent_minutes_reach_the_committees_leaders_and_each_leader_records_one_reading(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var activityId = await w.NewActivityAsync();
        await w.Minutes(w.Staff, h => h.SaveTextAsync(activityId, "一、协商情况\n二、主要建议"));

        (await w.Minutes(w.Staff, h => h.SendAsync(activityId))).ShouldBe(2);

        var minutes = await w.Read(d => d.ActivityMinutes.AsNoTracking().SingleAsync(m => m.ActivityId == activityId));
        minutes.SentAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
        foreach (var leader in new[] { w.Leader, w.Leader2 })
        {
            (await w.InboxAsync(leader)).ShouldContain(n => n.Title == "协商纪要待阅批" && n.Link == $"/Consultation/Results/Minutes/{activityId}");
        }

        (await w.InboxAsync(w.OtherLeader)).ShouldBeEmpty();
        var toRead = await w.As(w.Leader, sp => sp.GetRequiredService<MinutesHandler>().ForLeaderAsync(1));
        toRead.Items.ShouldHaveSingleItem().Read.ShouldBeFalse();

        await w.Minutes(w.Leader, h => h.ReadAsync(activityId, "同意，请有关部门抓好落实。"));
        var again = await Should.ThrowAsync<ConflictException>(w.Minutes(w.Leader, h => h.ReadAsync(activityId, "再批一次")));
        again.Message.ShouldBe("您已阅批过该纪要，不能重复阅批。");
        await w.Minutes(w.Leader2, h => h.ReadAsync(activityId, "已阅。"));

        var view = await w.Minutes(w.Staff, h => h.GetAsync(activityId));
        view.Readings.Select(r => (r.LeaderUserId, r.Instruction)).ShouldBe([(w.Leader.Id, "同意，请有关部门抓好落实。"), (w.Leader2.Id, "已阅。")]);
        (await w.As(w.Leader, sp => sp.GetRequiredService<MinutesHandler>().ForLeaderAsync(1))).Items.ShouldHaveSingleItem().Read.ShouldBeTrue();
        (await Should.ThrowAsync<ConflictException>(w.Minutes(w.Staff, h => h.SaveTextAsync(activityId, "改一下"))))
            .Message.ShouldBe("纪要已报送，不能再修改。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Minutes_refuse_what_does_not_fit_their_state_in_chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var closed = await w.NewActivityAsync();
        var published = await w.NewActivityAsync(ActivityStatus.Published);

        (await Should.ThrowAsync<ConflictException>(w.Minutes(w.Staff, h => h.SaveTextAsync(published, "纪要"))))
            .Message.ShouldBe("活动结束（关闭）后才能填写协商纪要。");
        (await Should.ThrowAsync<ValidationFailedException>(w.Minutes(w.Staff, h => h.SaveTextAsync(closed, " "))))
            .Errors["Text"].ShouldBe(["纪要内容不能为空。"]);
        (await Should.ThrowAsync<ValidationFailedException>(w.Minutes(w.Staff, h => h.SendAsync(closed))))
            .Errors["Text"].ShouldBe(["请先填写纪要内容或上传纪要文件，再报送。"]);
        await w.Minutes(w.Staff, h => h.SaveTextAsync(closed, "纪要"));
        (await Should.ThrowAsync<ConflictException>(w.Minutes(w.Leader, h => h.ReadAsync(closed, "已阅"))))
            .Message.ShouldBe("该纪要尚未报送，暂不能阅批。");
        await w.Minutes(w.Staff, h => h.SendAsync(closed));
        (await Should.ThrowAsync<ValidationFailedException>(w.Minutes(w.Leader, h => h.ReadAsync(closed, ""))))
            .Errors["Instruction"].ShouldBe(["阅批意见不能为空。"]);
        (await w.Read(d => d.MinutesReadings.CountAsync(r => r.LeaderUserId == w.Leader.Id))).ShouldBe(0);
    }
}
