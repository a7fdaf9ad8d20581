using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Plan;

/// <summary>Bad input is refused field by field in Chinese, and nothing is stored.</summary>
public class PlanInputTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_bad_plan_item_is_refused_per_field(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var planId = await w.AsStaff(h => h.CreateAsync(2026, null));
        var bad = new PlanItemInput { Title = new string('题', 101), Format = (PlanFormat)9, ActivityType = (ActivityType)77, Month = 13, LeadLeader = " ", Organizer = new string('办', 101) };

        var e = await Should.ThrowAsync<ValidationFailedException>(w.AsStaff(h => h.AddItemAsync(planId, bad)));
        e.Errors["Title"].ShouldBe(["协商题目不能超过100个字符。"]);
        e.Errors["Format"].ShouldBe(["请选择协商形式。"]);
        e.Errors["ActivityType"].ShouldBe(["请选择活动类型。"]);
        e.Errors["Month"].ShouldBe(["月份须在1至12之间。"]);
        e.Errors["LeadLeader"].ShouldBe(["领办领导不能为空。"]);
        e.Errors["Organizer"].ShouldBe(["承办单位不能超过100个字符。"]);
        var missing = await Should.ThrowAsync<ValidationFailedException>(w.AsStaff(h => h.AddItemAsync(planId, PlanWorld.Item("x", PlanFormat.Other, 1, Guid.NewGuid()))));
        missing.Errors["TopicId"].ShouldBe(["所选选题不存在。"]);
        (await w.AsStaff(h => h.GetAsync(planId))).Items.ShouldBeEmpty();

        var year = await Should.ThrowAsync<ValidationFailedException>(w.AsStaff(h => h.CreateAsync(1999, null)));
        year.Errors["Year"].ShouldBe(["年度须在2000至2100之间。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_bad_topic_is_refused_per_field(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var bad = PlanWorld.Topic("");
        bad.ProposedBy = "";
        bad.NeedNote = new string('需', 1001);
        var e = await Should.ThrowAsync<ValidationFailedException>(w.Pool(w.Staff.Actor, p => p.CreateAsync(bad)));
        e.Errors["Title"].ShouldBe(["选题不能为空。"]);
        e.Errors["ProposedBy"].ShouldBe(["提出者不能为空。"]);
        e.Errors["NeedNote"].ShouldBe(["党政所需不能超过1000个字符。"]);
        (await w.ReadAsync(d => d.ConsultationTopics.CountAsync(t => t.CommitteeId == w.Committee.Id))).ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Settings_are_validated_saved_and_guarded_against_a_concurrent_save(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        ConsultationSettingsHandler Settings(IServiceProvider sp) => sp.GetRequiredService<ConsultationSettingsHandler>();
        var defaults = await w.App.AsAsync(w.Staff.Actor, sp => Settings(sp).GetAsync());
        (defaults.NoticeWorkingDays, defaults.MaterialsWorkingDays, defaults.MinutesWorkingDays, defaults.AnswerMonths, defaults.SignInCodeSeconds, defaults.MaxLeaveRequests, defaults.PlanPattern, defaults.Version)
            .ShouldBe((15, 10, 7, 3, 60, 2, "1+2+6+X", 0));

        var bad = new ConsultationSettingsInput { NoticeWorkingDays = 0, MaterialsWorkingDays = 20, MinutesWorkingDays = 31, AnswerMonths = 13, SignInCodeSeconds = 5, MaxLeaveRequests = -1, PlanPattern = "1+2+6" };
        var e = await Should.ThrowAsync<ValidationFailedException>(w.App.AsAsync(w.Staff.Actor, sp => Settings(sp).SaveAsync(bad)));
        e.Errors.Keys.ShouldBe(["NoticeWorkingDays", "MaterialsWorkingDays", "MinutesWorkingDays", "AnswerMonths", "SignInCodeSeconds", "MaxLeaveRequests", "PlanPattern"], ignoreOrder: true);
        e.Errors["MaterialsWorkingDays"].ShouldBe(["会议材料不能早于会议通知发出，提前工作日数不能多于会议通知。"]);
        e.Errors["PlanPattern"].ShouldBe([PlanPattern.InvalidMessage]);

        var good = new ConsultationSettingsInput { NoticeWorkingDays = 12, MaterialsWorkingDays = 8, MinutesWorkingDays = 5, AnswerMonths = 2, SignInCodeSeconds = 90, MaxLeaveRequests = 1, PlanPattern = "1+1+4+x" };
        await w.App.AsAsync(w.Staff.Actor, sp => Settings(sp).SaveAsync(good));
        var stored = await w.ReadAsync(d => d.ConsultationSettings.AsNoTracking().SingleAsync(s => s.CommitteeId == w.Committee.Id));
        (stored.NoticeWorkingDays, stored.MaterialsWorkingDays, stored.SignInCodeSeconds, stored.PlanPattern).ShouldBe((12, 8, 90, "1+1+4+X"));

        var late = await Should.ThrowAsync<ConflictException>(w.App.AsAsync(w.Staff.Actor, sp => Settings(sp).SaveAsync(good)));
        late.Message.ShouldBe(ConsultationSettingsHandler.ConcurrentMessage);
    }
}
