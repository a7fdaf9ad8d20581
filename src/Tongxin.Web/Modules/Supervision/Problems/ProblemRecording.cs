using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Problems;

/// <summary>What a supervisor or staff member types when recording a problem (raw; the handler cleans it).</summary>
public sealed record ProblemInput(
    string? Title,
    string? Description,
    string? Location,
    string? Department,
    string? ConcernedPerson,
    string? ConcernedPhone,
    Guid? GroupId = null,
    Guid? TopicId = null,
    IReadOnlyList<Guid>? AttachmentIds = null);

/// <summary>The number a problem is known by: 监督〔2026〕N号, per committee and year.</summary>
public static class ProblemNumbers
{
    /// <summary>Two problems recorded in one committee at the same moment can both read the same
    /// highest number; the unique index refuses the second save, which then takes the next one.
    /// Every round of colliding saves lets at least one through, so N savers at once need up to N
    /// attempts: 5 failed under a full test run's load with 6 at once; 20 covers a hall's burst.</summary>
    public const int Attempts = 20;

    public static string Display(int year, int number) => $"监督〔{year}〕{number}号";

    /// <summary>The next free number of the committee's year (every committee's rows: the number is unique per committee).</summary>
    public static async Task<int> NextAsync(TongxinDbContext db, Guid committeeId, int year, CancellationToken ct) =>
        1 + (await db.SupervisionProblems.IgnoreQueryFilters()
            .Where(p => p.CommitteeId == committeeId && p.Year == year)
            .MaxAsync(p => (int?)p.Number, ct) ?? 0);

    /// <summary>Saves a new problem; when another save took its number, takes the next and saves again.</summary>
    public static async Task SaveNumberedAsync(TongxinDbContext db, SupervisionProblem problem, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < Attempts)
            {
                problem.Number = await NextAsync(db, problem.CommitteeId, problem.Year, ct);
            }
        }
    }
}

/// <summary>委员提 – records a problem found in supervision: a supervisor of the named group, or
/// supervision staff of the committee. Numbered, due for assignment in 2 working days, evidence
/// attached, the 记录 step and <see cref="SupervisionProblemRecorded"/> in the same save.</summary>
public sealed class ProblemRecording(
    TongxinDbContext db, SupervisionAccess access, IActorAccessor actors, WorkingDayCalendar calendar, AttachmentService attachments, TimeProvider time)
{
    public const string AttachmentOwner = nameof(SupervisionProblem);
    public const int AssignWorkingDays = 2;
    public const int MaxTitle = 100;
    public const int MaxDescription = 4000;
    public const int MaxLocation = 200;
    public const int MaxDepartment = 100;
    public const int MaxPerson = 50;

    private Actor Actor => actors.Actor;

    /// <summary>Checks the fields without storing anything (the page does it before accepting uploads).</summary>
    public static void Validate(ProblemInput input) => Clean(input, out _);

    /// <summary>Records the problem; returns its id.</summary>
    public async Task<Guid> RecordAsync(ProblemInput input, CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException("只有所属政协组织的用户才能记录问题。");
        Guid? memberId;
        if (input.GroupId is { } groupId)
        {
            memberId = await access.RequireGroupMemberOrStaffAsync(groupId, ct);
            if (!await db.SupervisorGroups.AnyAsync(g => g.Id == groupId && g.CommitteeId == committeeId, ct))
            {
                throw new ValidationFailedException(nameof(ProblemInput.GroupId), "请选择本级政协的监督小组。");
            }
        }
        else if (SupervisionAccess.IsSupervisionStaff(Actor))
        {
            memberId = null;
        }
        else
        {
            access.RequireMember();
            throw new ValidationFailedException(nameof(ProblemInput.GroupId), "请选择您所在的监督小组。");
        }

        if (memberId is null)
        {
            access.RequireStaffOf(committeeId);
        }

        var clean = Clean(input, out var phone);
        if (input.TopicId is { } topicId && !await db.SupervisionTopics.AnyAsync(t => t.Id == topicId && t.CommitteeId == committeeId, ct))
        {
            throw new ValidationFailedException(nameof(ProblemInput.TopicId), "请选择本级政协的监督选题。");
        }

        var files = new List<Attachment>();
        foreach (var fileId in (input.AttachmentIds ?? []).Distinct())
        {
            // Only the actor's own unattached uploads: an id cannot pull someone else's file in.
            files.Add(await db.Attachments.FirstOrDefaultAsync(a => a.Id == fileId && a.UploadedBy == Actor.UserId && a.OwnerId == null, ct)
                ?? throw new ValidationFailedException(nameof(ProblemInput.AttachmentIds), "证据附件不存在或已被使用，请重新上传。"));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = BeijingTime.Today(time);
        var problem = new SupervisionProblem
        {
            CommitteeId = committeeId,
            Year = today.Year,
            Number = await ProblemNumbers.NextAsync(db, committeeId, today.Year, ct),
            Source = ProblemSource.Supervisor,
            GroupId = input.GroupId,
            TopicId = input.TopicId,
            ReportedByMemberId = memberId,
            Title = clean.Title!,
            Description = clean.Description!,
            Location = clean.Location!,
            Department = clean.Department!,
            ConcernedPerson = Blank(clean.ConcernedPerson),
            ConcernedPhone = phone,
            Status = ProblemStatus.Recorded,
            RecordedAt = now,
            AssignDueOn = await calendar.AddWorkingDaysAsync(today, AssignWorkingDays, ct),
        };
        db.SupervisionProblems.Add(problem);
        foreach (var file in files)
        {
            file.OwnerType = AttachmentOwner;
            file.OwnerId = problem.Id;
        }

        var name = await db.ActorNameAsync(Actor, ct);
        ProblemSteps.Add(db, problem, now, ProblemSteps.Record, name, $"记录问题，{files.Count}份证据附件，交办期限{ProblemDeadlines.Date(problem.AssignDueOn)}");
        db.Raise(new SupervisionProblemRecorded(problem.Id, committeeId, memberId, problem.GroupId, problem.Title, today));
        await ProblemNumbers.SaveNumberedAsync(db, problem, ct);
        return problem.Id;
    }

    /// <summary>Adds an evidence file (the reporter, a supervisor of the group, or staff; not after 销号 or 不予交办).</summary>
    public async Task<Guid> AddEvidenceAsync(Guid problemId, Stream content, string fileName, CancellationToken ct = default)
    {
        var problem = await access.LoadProblemAsync(problemId, ct);
        var staff = SupervisionAccess.IsSupervisionStaff(Actor) && Actor.CanWrite(problem.CommitteeId);
        var reporter = SupervisionAccess.IsMember(Actor) && Actor.CommitteeId == problem.CommitteeId;
        if (!staff && !reporter)
        {
            throw new ForbiddenException("只有提出问题的监督员和民主监督工作人员可以补充证据。");
        }

        if (problem.Status is ProblemStatus.Closed or ProblemStatus.Dismissed)
        {
            throw new ConflictException($"该问题已{problem.Status.DisplayName()}，不能再补充证据。");
        }

        var file = await attachments.UploadAsync(content, fileName, ct);
        var tracked = await db.Attachments.FirstAsync(a => a.Id == file.Id, ct);
        tracked.OwnerType = AttachmentOwner;
        tracked.OwnerId = problem.Id;
        await db.SaveChangesAsync(ct);
        return file.Id;
    }

    private static ProblemInput Clean(ProblemInput input, out string? phone)
    {
        var clean = input with
        {
            Title = PublicText.Line(input.Title),
            Description = PublicText.Block(input.Description),
            Location = PublicText.Line(input.Location),
            Department = PublicText.Line(input.Department),
            ConcernedPerson = PublicText.Line(input.ConcernedPerson),
        };
        phone = PublicPhone.Normalize(input.ConcernedPhone, out var phoneOk);
        new Validation()
            .Text(clean.Title!, MaxTitle, nameof(ProblemInput.Title), "问题标题")
            .Text(clean.Description!, MaxDescription, nameof(ProblemInput.Description), "问题描述")
            .Text(clean.Location!, MaxLocation, nameof(ProblemInput.Location), "地点")
            .Text(clean.Department!, MaxDepartment, nameof(ProblemInput.Department), "涉及部门")
            .Text(clean.ConcernedPerson!, MaxPerson, nameof(ProblemInput.ConcernedPerson), "当事人", required: false)
            .Require(phoneOk, nameof(ProblemInput.ConcernedPhone), PublicPhone.Invalid)
            .ThrowIfInvalid();
        return clean;
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
