using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Data;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Preparation;

/// <summary>会前调研任务 as staff fill it in.</summary>
public sealed class ActivityTaskInput
{
    [Display(Name = "形式")]
    public ActivityTaskKind? Kind { get; set; }

    [Display(Name = "任务名称")]
    public string Title { get; set; } = "";

    [Display(Name = "日期")]
    public DateOnly? Date { get; set; }

    [Display(Name = "地点")]
    public string Place { get; set; } = "";

    [Display(Name = "参加人员")]
    public string People { get; set; } = "";

    [Display(Name = "备注")]
    public string Notes { get; set; } = "";

    /// <summary>The version the form was loaded with (edits only).</summary>
    public int Version { get; set; }
}

/// <summary>会前准备 – staff keep an activity's pre-meeting research tasks (走访/座谈/调研) and its
/// meeting materials, and send the materials to every participant (inbox notification).</summary>
public sealed class PreparationHandler(
    TongxinDbContext db,
    ConsultationAccess access,
    AttachmentService attachments,
    NotificationService notifications,
    TimeProvider time)
{
    public const int MaxTitleLength = 100;
    public const int MaxPlaceLength = 200;
    public const int MaxPeopleLength = 500;
    public const int MaxNotesLength = 2000;
    public const int MaxMaterialTitleLength = 200;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Guid> AddTaskAsync(Guid activityId, ActivityTaskInput input, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForStaffAsync(activityId, ct);
        PreparationAccess.EnsureChangeable(activity);
        Validate(input);
        var task = new ActivityTask { CommitteeId = activity.CommitteeId, ActivityId = activity.Id };
        Apply(task, input);
        db.ActivityTasks.Add(task);
        await db.SaveConsultationAsync(ct);
        return task.Id;
    }

    public async Task<ActivityTaskInput> GetTaskForEditAsync(Guid activityId, Guid taskId, CancellationToken ct = default)
    {
        var task = await LoadTaskAsync(activityId, taskId, ct);
        return new ActivityTaskInput
        {
            Kind = task.Kind,
            Title = task.Title,
            Date = task.Date,
            Place = task.Place,
            People = task.People,
            Notes = task.Notes,
            Version = task.Version,
        };
    }

    public async Task UpdateTaskAsync(Guid activityId, Guid taskId, ActivityTaskInput input, CancellationToken ct = default)
    {
        var task = await LoadTaskAsync(activityId, taskId, ct);
        Validate(input);
        if (task.Version != input.Version)
        {
            throw new ConflictException(ConsultationSave.ConcurrentMessage);
        }

        Apply(task, input);
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>标记完成 / 重新打开.</summary>
    public async Task SetTaskDoneAsync(Guid activityId, Guid taskId, bool done, CancellationToken ct = default)
    {
        var task = await LoadTaskAsync(activityId, taskId, ct);
        task.Done = done;
        await db.SaveConsultationAsync(ct);
    }

    public async Task DeleteTaskAsync(Guid activityId, Guid taskId, CancellationToken ct = default)
    {
        var task = await LoadTaskAsync(activityId, taskId, ct);
        db.ActivityTasks.Remove(task);
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>Uploads a file (size and content checks of <see cref="AttachmentService"/>) and adds
    /// it to the activity's materials; an empty title takes the file name.</summary>
    public async Task<Guid> UploadMaterialAsync(Guid activityId, string? title, Stream content, string fileName, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForStaffAsync(activityId, ct);
        PreparationAccess.EnsureChangeable(activity);
        var name = string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(fileName ?? "").Trim() : title.Trim();
        new Validation().MaxLength(name, MaxMaterialTitleLength, "Title", "材料名称").ThrowIfInvalid();
        var file = await attachments.UploadAsync(content, fileName ?? "", ct);
        file.OwnerType = MaterialAttachmentAccess.Owner;
        file.OwnerId = activity.Id;
        var material = new ActivityMaterial
        {
            CommitteeId = activity.CommitteeId,
            ActivityId = activity.Id,
            AttachmentId = file.Id,
            Title = name.Length == 0 ? file.FileName : name,
            AddedAt = Now,
        };
        db.ActivityMaterials.Add(material);
        await db.SaveConsultationAsync(ct);
        return material.Id;
    }

    /// <summary>Removes a material and its file record (the page asks first).</summary>
    public async Task RemoveMaterialAsync(Guid activityId, Guid materialId, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForStaffAsync(activityId, ct);
        PreparationAccess.EnsureChangeable(activity);
        var material = await db.ActivityMaterials.FirstOrDefaultAsync(m => m.Id == materialId && m.ActivityId == activityId, ct)
            ?? throw new NotFoundException("会议材料");
        var file = await db.Attachments.FirstOrDefaultAsync(a => a.Id == material.AttachmentId, ct);
        if (file is not null)
        {
            db.Attachments.Remove(file);
        }

        db.ActivityMaterials.Remove(material);
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>发送材料: marks the activity's materials sent and puts a message in every
    /// participant's inbox, in one save. Sending again (after adding a file) tells them again.
    /// Returns how many accounts were told.</summary>
    public async Task<int> SendMaterialsAsync(Guid activityId, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForStaffAsync(activityId, ct);
        if (activity.Status != ActivityStatus.Published)
        {
            throw new ConflictException("只能向已发布活动的参加人员发送会议材料。");
        }

        var count = await db.ActivityMaterials.CountAsync(m => m.ActivityId == activityId, ct);
        if (count == 0)
        {
            throw new ConflictException("还没有上传会议材料，请先上传再发送。");
        }

        var again = activity.MaterialsSentAt is not null;
        var members = db.ActivityParticipants
            .Where(p => p.ActivityId == activityId && p.Response != ParticipantResponse.Declined)
            .Select(p => p.MemberId);
        var users = await db.Users.Where(u => u.MemberId != null && members.Contains(u.MemberId.Value) && !u.IsDisabled)
            .Select(u => u.Id).ToListAsync(ct);
        activity.MaterialsSentAt = Now;
        db.Audit(again ? "补发会议材料" : "发送会议材料", nameof(Activity), activity.Id.ToString(), "成功", $"《{activity.Title}》{count}份材料，通知{users.Count}人");
        try
        {
            // NotifyAsync saves the notifications together with MaterialsSentAt and the audit entry.
            await notifications.NotifyAsync(users,
                again ? $"会议材料已更新：{activity.Title}" : $"会议材料：{activity.Title}",
                $"活动《{activity.Title}》的会议材料（{count}份）已发送，请在活动页面查看和下载。",
                PreparationLinks.Overview(activity.Id), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConsultationSave.ConcurrentMessage);
        }

        return users.Count;
    }

    private async Task<ActivityTask> LoadTaskAsync(Guid activityId, Guid taskId, CancellationToken ct)
    {
        var activity = await access.LoadActivityForStaffAsync(activityId, ct);
        PreparationAccess.EnsureChangeable(activity);
        return await db.ActivityTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.ActivityId == activityId, ct)
            ?? throw new NotFoundException("调研任务");
    }

    private static void Validate(ActivityTaskInput input)
    {
        new Validation()
            .Require(input.Kind is { } kind && Enum.IsDefined(kind), nameof(input.Kind), "请选择调研形式（走访、座谈或调研）。")
            .NotBlank(input.Title, nameof(input.Title), "任务名称")
            .MaxLength(input.Title?.Trim(), MaxTitleLength, nameof(input.Title), "任务名称")
            .Require(input.Date is not null, nameof(input.Date), "请填写日期。")
            .MaxLength(input.Place?.Trim(), MaxPlaceLength, nameof(input.Place), "地点")
            .MaxLength(input.People?.Trim(), MaxPeopleLength, nameof(input.People), "参加人员")
            .MaxLength(input.Notes?.Trim(), MaxNotesLength, nameof(input.Notes), "备注")
            .ThrowIfInvalid();
    }

    private static void Apply(ActivityTask task, ActivityTaskInput input)
    {
        task.Kind = input.Kind!.Value;
        task.Title = input.Title.Trim();
        task.Date = input.Date!.Value;
        task.Place = input.Place?.Trim() ?? "";
        task.People = input.People?.Trim() ?? "";
        task.Notes = input.Notes?.Trim() ?? "";
    }
}

/// <summary>The addresses of the preparation pages.</summary>
public static class PreparationLinks
{
    /// <summary>The activity's preparation and speeches at a glance (the partial on a page of its own).</summary>
    public static string Overview(Guid activityId) => $"/Consultation/Preparation/{activityId}";

    public static string Tasks(Guid activityId) => $"/Consultation/Preparation/Tasks/{activityId}";

    public static string Materials(Guid activityId) => $"/Consultation/Preparation/Materials/{activityId}";

    public static string Speeches(Guid activityId) => $"/Consultation/Preparation/Speeches/{activityId}";

    /// <summary>The activity detail page (the activities part), where a draft is published.</summary>
    public static string ActivityDetail(Guid activityId) => $"/Consultation/Activities/Detail/{activityId}";
}
