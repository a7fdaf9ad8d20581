using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Plan;

/// <summary>协商设置表单 – every field of <see cref="ConsultationSettings"/>.</summary>
public sealed class ConsultationSettingsInput
{
    [Display(Name = "会议通知提前工作日数")]
    public int NoticeWorkingDays { get; set; }

    [Display(Name = "会议材料提前工作日数")]
    public int MaterialsWorkingDays { get; set; }

    [Display(Name = "协商纪要报送工作日数")]
    public int MinutesWorkingDays { get; set; }

    [Display(Name = "意见建议答复期限（月）")]
    public int AnswerMonths { get; set; }

    [Display(Name = "签到码有效窗口（秒）")]
    public int SignInCodeSeconds { get; set; }

    [Display(Name = "每次活动请假申请上限")]
    public int MaxLeaveRequests { get; set; }

    [Display(Name = "年度协商计划格局")]
    public string PlanPattern { get; set; } = "";

    /// <summary>The stored row's version the form was filled from (0 while the defaults were never saved).</summary>
    public int Version { get; set; }

    public static ConsultationSettingsInput From(ConsultationSettings s) => new()
    {
        NoticeWorkingDays = s.NoticeWorkingDays,
        MaterialsWorkingDays = s.MaterialsWorkingDays,
        MinutesWorkingDays = s.MinutesWorkingDays,
        AnswerMonths = s.AnswerMonths,
        SignInCodeSeconds = s.SignInCodeSeconds,
        MaxLeaveRequests = s.MaxLeaveRequests,
        PlanPattern = s.PlanPattern,
        Version = s.Version,
    };
}

/// <summary>协商设置 – consultation staff read and change their committee's deadlines, limits and plan
/// pattern; of two people saving from the same version the second is told.</summary>
public sealed class ConsultationSettingsHandler(TongxinDbContext db, ConsultationAccess access, ConsultationSettingsStore store, IActorAccessor actors)
{
    public const string ConcurrentMessage = "协商设置刚刚已被他人修改，您的修改未保存。请刷新后重新修改。";

    public async Task<ConsultationSettingsInput> GetAsync(CancellationToken ct = default) =>
        ConsultationSettingsInput.From(await store.GetAsync(RequireStaffCommittee(), ct));

    public async Task SaveAsync(ConsultationSettingsInput input, CancellationToken ct = default)
    {
        var committeeId = RequireStaffCommittee();
        new Validation()
            .Require(input.NoticeWorkingDays is >= 1 and <= 60, nameof(input.NoticeWorkingDays), "会议通知提前工作日数须在1至60之间。")
            .Require(input.MaterialsWorkingDays is >= 1 and <= 60, nameof(input.MaterialsWorkingDays), "会议材料提前工作日数须在1至60之间。")
            .Require(input.MaterialsWorkingDays <= input.NoticeWorkingDays, nameof(input.MaterialsWorkingDays), "会议材料不能早于会议通知发出，提前工作日数不能多于会议通知。")
            .Require(input.MinutesWorkingDays is >= 1 and <= 30, nameof(input.MinutesWorkingDays), "协商纪要报送工作日数须在1至30之间。")
            .Require(input.AnswerMonths is >= 1 and <= 12, nameof(input.AnswerMonths), "意见建议答复期限须在1至12个月之间。")
            .Require(input.SignInCodeSeconds is >= 15 and <= 600, nameof(input.SignInCodeSeconds), "签到码有效窗口须在15至600秒之间。")
            .Require(input.MaxLeaveRequests is >= 0 and <= 10, nameof(input.MaxLeaveRequests), "请假申请上限须在0至10次之间。")
            .Require(PlanPattern.Parse(input.PlanPattern) is not null, nameof(input.PlanPattern), PlanPattern.InvalidMessage)
            .ThrowIfInvalid();
        var s = await db.ForEditAsync<ConsultationSettings>(committeeId, input.Version, ConcurrentMessage, ct);

        s.NoticeWorkingDays = input.NoticeWorkingDays;
        s.MaterialsWorkingDays = input.MaterialsWorkingDays;
        s.MinutesWorkingDays = input.MinutesWorkingDays;
        s.AnswerMonths = input.AnswerMonths;
        s.SignInCodeSeconds = input.SignInCodeSeconds;
        s.MaxLeaveRequests = input.MaxLeaveRequests;
        s.PlanPattern = PlanPattern.Normalize(input.PlanPattern);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConcurrentMessage);
        }
        catch (DbUpdateException) when (input.Version == 0)
        {
            // Two first saves of a committee's settings: the unique index keeps the first.
            throw new ConflictException(ConcurrentMessage);
        }
    }

    private Guid RequireStaffCommittee()
    {
        access.RequireStaff();
        return actors.Actor.CommitteeId ?? throw new ForbiddenException();
    }
}
