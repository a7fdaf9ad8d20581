using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Supervision.Problems;

/// <summary>优化营商环境监测点 – a letter through a business-environment point's QR page enters the
/// problem chain in the save that stores it (or that releases it from moderation): a problem with
/// source 监测点, the letter's writer and phone as the person concerned, due for assignment in 2
/// working days. The letter then follows the problem (see <see cref="ProblemWorkflow"/>).</summary>
public sealed class MonitoringPointProblems(TongxinDbContext db, WorkingDayCalendar calendar, TimeProvider time) : IPublicLetterFollower
{
    private readonly Dictionary<Guid, PointInfo?> points = [];

    public async Task<string?> TakenOverByAsync(Guid submissionId, CancellationToken ct) =>
        await db.SupervisionProblems.AnyAsync(p => p.PublicSubmissionId == submissionId, ct) ? "民主监督问题清单" : null;

    public async Task FollowAsync(PublicSubmission submission, CancellationToken ct)
    {
        if (submission.Channel != PublicChannel.LiaisonPoint || submission.LiaisonPointId is not { } pointId)
        {
            return;
        }

        // One look-up per point and context: the intake's batch writer follows many letters in one save.
        if (!points.TryGetValue(pointId, out var point))
        {
            point = await db.LiaisonPoints.AsNoTracking().Where(p => p.Id == pointId)
                .Select(p => new PointInfo(p.Purpose, p.Name, p.Address)).FirstOrDefaultAsync(ct);
            points[pointId] = point;
        }

        if (point?.Purpose != LiaisonPointPurpose.BusinessEnvironment)
        {
            return;
        }

        var today = BeijingTime.Today(time);
        var pending = db.ChangeTracker.Entries<SupervisionProblem>().Select(e => e.Entity).FirstOrDefault(p => p.PublicSubmissionId == submission.Id);
        if (pending is not null)
        {
            // A save before this one was refused: the number may have gone to another problem.
            pending.Number = await ProblemNumbers.NextAsync(db, pending.CommitteeId, pending.Year, ct);
            return;
        }

        if (await db.SupervisionProblems.AnyAsync(p => p.PublicSubmissionId == submission.Id, ct))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var problem = new SupervisionProblem
        {
            CommitteeId = submission.CommitteeId,
            Year = today.Year,
            Number = await NextNumberAsync(submission.CommitteeId, today.Year, ct),
            Source = ProblemSource.MonitoringPoint,
            PublicSubmissionId = submission.Id,
            LiaisonPointId = pointId,
            Title = submission.Title,
            Description = submission.Content,
            Location = Cut(point.Address.Length > 0 ? $"{point.Name}（{point.Address}）" : point.Name, 200),
            Department = "",
            ConcernedPerson = submission.SubmitterName,
            ConcernedPhone = submission.Phone,
            Status = ProblemStatus.Recorded,
            RecordedAt = now,
            AssignDueOn = await calendar.AddWorkingDaysAsync(today, ProblemRecording.AssignWorkingDays, ct),
        };
        db.SupervisionProblems.Add(problem);
        ProblemSteps.Add(db, problem, now, ProblemSteps.Record, "营商环境监测点",
            $"企业通过“{point.Name}”反映问题，交办期限{ProblemDeadlines.Date(problem.AssignDueOn)}");
        db.Raise(new SupervisionProblemRecorded(problem.Id, problem.CommitteeId, null, null, problem.Title, today));
    }

    /// <summary>The next number, past the problems this context is about to insert too (a batch of letters).</summary>
    private async Task<int> NextNumberAsync(Guid committeeId, int year, CancellationToken ct)
    {
        var stored = await ProblemNumbers.NextAsync(db, committeeId, year, ct);
        var pending = db.ChangeTracker.Entries<SupervisionProblem>()
            .Where(e => e.State == EntityState.Added && e.Entity.CommitteeId == committeeId && e.Entity.Year == year)
            .Select(e => e.Entity.Number + 1);
        return pending.Append(stored).Max();
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;

    private sealed record PointInfo(LiaisonPointPurpose Purpose, string Name, string Address);
}

/// <summary>Evidence files are read by whoever may read the problem.</summary>
public sealed class ProblemAttachmentAccess(SupervisionAccess access) : Platform.Attachments.IAttachmentOwnerAccess
{
    public string OwnerType => ProblemRecording.AttachmentOwner;

    public Task<bool> MayReadAsync(Guid ownerId, CancellationToken ct) => access.ReadableProblems().AnyAsync(p => p.Id == ownerId, ct);
}
