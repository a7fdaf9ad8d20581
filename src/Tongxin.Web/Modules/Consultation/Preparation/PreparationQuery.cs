using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Preparation;

public sealed record TaskRow(Guid Id, ActivityTaskKind Kind, string Title, DateOnly Date, string Place, string People, string Notes, bool Done);

public sealed record MaterialRow(Guid Id, string Title, Guid AttachmentId, string FileName, long Size, DateTime AddedAt);

public sealed record SpeechRow(Guid Id, Guid? SpeakerMemberId, string SpeakerName, string Title, string Text, SpeechMode Mode, int VoteCount, bool IsBest, DateTime CreatedAt);

/// <summary>What the actor sees of an activity's preparation and speeches, and may do there.</summary>
public sealed record PreparationView(
    Guid ActivityId,
    string Title,
    ActivityStatus Status,
    bool CanManage,
    bool CanReadPreparation,
    bool IsParticipant,
    Guid? MemberId,
    IReadOnlyList<PreparationDeadline> Deadlines,
    IReadOnlyList<TaskRow> Tasks,
    int TaskCount,
    bool MaterialsVisible,
    DateTime? MaterialsSentAt,
    IReadOnlyList<MaterialRow> Materials,
    IReadOnlyList<SpeechRow> TopSpeeches,
    int SpeechCount,
    bool VoteOpen,
    Guid? MyVoteSpeechId)
{
    public bool CanVote => IsParticipant && VoteOpen && MyVoteSpeechId is null;

    public bool CanSubmitWritten => IsParticipant && Status == ActivityStatus.Published;
}

/// <summary>Reads an activity's preparation for the partial and the pages; each list is one
/// projected query.</summary>
public sealed class PreparationQuery(
    TongxinDbContext db,
    ConsultationAccess access,
    PreparationAccess preparation,
    ConsultationSettingsStore settings,
    WorkingDayCalendar calendar,
    IActorAccessor actors,
    TimeProvider time)
{
    /// <summary>How many tasks and speeches the overview shows; the pages list them all.</summary>
    public const int OverviewRows = 10;

    public const int PageSize = 20;

    private Actor Actor => actors.Actor;

    public async Task<PreparationView> GetAsync(Guid activityId, CancellationToken ct = default)
    {
        var activity = await access.ReadableActivities().AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct)
            ?? throw new NotFoundException("活动");
        var canManage = preparation.CanManage(activity);
        var isParticipant = await preparation.IsParticipantAsync(activityId, ct);
        var canRead = await preparation.CanReadPreparationAsync(activity, ct);
        IReadOnlyList<PreparationDeadline> deadlines = [];
        if (canManage && activity.Status is ActivityStatus.Draft or ActivityStatus.Published)
        {
            var rules = await calendar.RulesAsync(ct);
            deadlines = PreparationDeadlines.For(rules, activity, await settings.GetAsync(activity.CommitteeId, ct), BeijingTime.Today(time));
        }

        var tasks = canRead ? await TaskRows(activityId).Take(OverviewRows).ToListAsync(ct) : [];
        var taskCount = canRead ? await db.ActivityTasks.CountAsync(t => t.ActivityId == activityId, ct) : 0;
        var materialsVisible = ConsultationAccess.IsConsultationStaff(Actor) || (canRead && activity.MaterialsSentAt is not null);
        var materials = materialsVisible ? await MaterialsAsync(activityId, ct) : [];
        var speeches = await SpeechRows(activityId).Take(OverviewRows).ToListAsync(ct);
        var speechCount = await db.ActivitySpeeches.CountAsync(s => s.ActivityId == activityId, ct);
        Guid? myVote = null;
        if (isParticipant)
        {
            var memberId = Actor.MemberId;
            myVote = await db.SpeechVotes.Where(v => v.ActivityId == activityId && v.VoterMemberId == memberId)
                .Select(v => (Guid?)v.SpeechId).FirstOrDefaultAsync(ct);
        }

        return new PreparationView(activity.Id, activity.Title, activity.Status, canManage, canRead, isParticipant, Actor.MemberId,
            deadlines, tasks, taskCount, materialsVisible, activity.MaterialsSentAt, materials, speeches, speechCount,
            SpeechHandler.VoteOpen(activity, time.GetUtcNow().UtcDateTime), myVote);
    }

    /// <summary>One page of the tasks, for those who may read them.</summary>
    public async Task<PagedList<TaskRow>> TasksAsync(Guid activityId, int page, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityAsync(activityId, ct);
        if (!await preparation.CanReadPreparationAsync(activity, ct))
        {
            throw new ForbiddenException("只有协商工作人员、领导和参加本次活动的委员可以查看会前调研安排。");
        }

        return await TaskRows(activityId).ToPagedListAsync(page, PageSize, ct);
    }

    /// <summary>One page of the speeches, ranked by votes.</summary>
    public async Task<PagedList<SpeechRow>> SpeechesAsync(Guid activityId, int page, CancellationToken ct = default)
    {
        await access.LoadActivityAsync(activityId, ct);
        return await SpeechRows(activityId).ToPagedListAsync(page, PageSize, ct);
    }

    /// <summary>The members taking part, for the speaker list (anyone else is entered by name).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> SpeakerOptionsAsync(Guid activityId, Guid committeeId, CancellationToken ct = default)
    {
        var participants = db.ActivityParticipants.Where(p => p.ActivityId == activityId).Select(p => p.MemberId);
        var rows = await db.Members.AsNoTracking()
            .Where(m => m.CommitteeId == committeeId && participants.Contains(m.Id))
            .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    private IQueryable<TaskRow> TaskRows(Guid activityId) =>
        db.ActivityTasks.AsNoTracking().Where(t => t.ActivityId == activityId)
            .OrderBy(t => t.Date).ThenBy(t => t.Id)
            .Select(t => new TaskRow(t.Id, t.Kind, t.Title, t.Date, t.Place, t.People, t.Notes, t.Done));

    private IQueryable<SpeechRow> SpeechRows(Guid activityId) =>
        db.ActivitySpeeches.AsNoTracking().Where(s => s.ActivityId == activityId)
            .OrderByDescending(s => s.VoteCount).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new SpeechRow(s.Id, s.SpeakerMemberId, s.SpeakerName, s.Title, s.Text, s.Mode, s.VoteCount, s.IsBest, s.CreatedAt));

    private async Task<List<MaterialRow>> MaterialsAsync(Guid activityId, CancellationToken ct) =>
        await (from m in db.ActivityMaterials.AsNoTracking()
               join a in db.Attachments.AsNoTracking() on m.AttachmentId equals a.Id
               where m.ActivityId == activityId
               orderby m.AddedAt, m.Id
               select new MaterialRow(m.Id, m.Title, a.Id, a.FileName, a.Size, m.AddedAt)).ToListAsync(ct);
}
