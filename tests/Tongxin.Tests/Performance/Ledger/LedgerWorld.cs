using System.Security.Cryptography;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Supervision;
using Tongxin.Platform.Data;

namespace Tongxin.Tests.Performance.Ledger;

/// <summary>Source rows of every module for one committee, written as the modules would leave
/// them (the ledger reads tables, not handlers). Each method returns the members whose record it
/// may change – what the module's event names.</summary>
public sealed class LedgerWorld(Guid committeeId)
{
    private int problemNo;

    public Guid CommitteeId { get; } = committeeId;

    /// <summary>A Beijing wall-clock time as the UTC instant the database stores.</summary>
    public static DateTime Bj(int year, int month, int day, int hour = 9) => new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    public List<Member> AddMembers(TongxinDbContext d, int count)
    {
        var members = Enumerable.Range(0, count).Select(i => new Member
        {
            CommitteeId = CommitteeId,
            Name = $"履职委员{i}",
            Gender = Gender.Male,
            BirthYear = 1970,
            DutyCode = "P" + Guid.NewGuid().ToString("N")[..15],
        }).ToList();
        d.Members.AddRange(members);
        return members;
    }

    public Activity Activity(TongxinDbContext d, ActivityType type, DateTime startsAt, AttendanceMode mode, int halfDays, params (Guid Member, Attendance Attendance)[] participants)
    {
        var a = new Activity
        {
            CommitteeId = CommitteeId,
            Type = type,
            Title = $"{type}活动",
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(3),
            HalfDays = halfDays,
            Mode = mode,
            Status = ActivityStatus.Closed,
            SignInSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = startsAt.AddDays(-10),
        };
        d.Activities.Add(a);
        d.ActivityParticipants.AddRange(participants.Select(p => new ActivityParticipant
        {
            CommitteeId = CommitteeId,
            ActivityId = a.Id,
            MemberId = p.Member,
            Invited = true,
            Attendance = p.Attendance,
        }));
        return a;
    }

    public void Speech(TongxinDbContext d, Activity a, Guid member) => d.ActivitySpeeches.Add(new ActivitySpeech
    {
        CommitteeId = CommitteeId,
        ActivityId = a.Id,
        SpeakerMemberId = member,
        SpeakerName = "发言人",
        Title = "关于发展的发言",
        Text = "发言内容",
        CreatedAt = a.StartsAt,
    });

    /// <summary>The proposals made through this world, in the order made (ids of one millisecond do not sort in it).</summary>
    public List<Guid> ProposalIds { get; } = [];

    /// <summary>The visits made through this world and not yet deleted, in the order made.</summary>
    public List<Guid> VisitIds { get; } = [];

    public Proposal Proposal(TongxinDbContext d, int year, Guid lead, ProposalStatus status, bool key = false, bool excellent = false, params (Guid Member, SignerStatus Status)[] signers)
    {
        var p = new Proposal
        {
            CommitteeId = CommitteeId,
            SessionId = Guid.NewGuid(),
            Year = year,
            Title = $"关于第{year}年的提案",
            LeadMemberId = lead,
            LeadMemberName = "领衔人",
            Status = status,
            IsKey = key,
            IsExcellent = excellent,
            CreatedAt = Bj(year, 1, 10),
            SubmittedAt = Bj(year, 1, 11),
            ReviewedAt = Bj(year, 2, 1),
            LastActivityAt = Bj(year, 2, 1),
        };
        d.Proposals.Add(p);
        ProposalIds.Add(p.Id);
        d.ProposalSigners.Add(new ProposalSigner { CommitteeId = CommitteeId, ProposalId = p.Id, MemberId = lead, MemberName = "领衔人", IsLead = true, Status = SignerStatus.Confirmed });
        d.ProposalSigners.AddRange(signers.Select((s, i) => new ProposalSigner
        {
            CommitteeId = CommitteeId,
            ProposalId = p.Id,
            MemberId = s.Member,
            MemberName = "联名人",
            Order = i + 1,
            Status = s.Status,
        }));
        return p;
    }

    public OpinionReport Report(TongxinDbContext d, int year, OpinionStatus status, params Guid[] authors)
    {
        var r = new OpinionReport
        {
            CommitteeId = CommitteeId,
            Year = year,
            Title = "关于加强社区养老服务的建议",
            SubmitterKind = OpinionSubmitterKind.Member,
            SubmitterName = "委员",
            LeadMemberId = authors[0],
            Status = status,
            CreatedAt = Bj(year, 3, 1),
            SubmittedAt = Bj(year, 3, 1),
            LastActivityAt = Bj(year, 3, 1),
        };
        d.OpinionReports.Add(r);
        d.OpinionReportAuthors.AddRange(authors.Select((m, i) => new OpinionReportAuthor { CommitteeId = CommitteeId, ReportId = r.Id, MemberId = m, MemberName = "作者", Order = i + 1 }));
        return r;
    }

    public void Outcome(TongxinDbContext d, OpinionReport r, OpinionOutcomeKind kind, AdoptionLevel level = AdoptionLevel.Own, InstructionLevel? instruction = null, bool combined = false) =>
        d.OpinionOutcomes.Add(new OpinionOutcome
        {
            CommitteeId = CommitteeId,
            ReportId = r.Id,
            Kind = kind,
            Level = level,
            InstructionLevel = instruction,
            Combined = combined,
            Date = new DateOnly(r.Year, 4, 1),
            RecordedByName = "工作人员",
            RecordedAt = Bj(r.Year, 4, 1),
        });

    public SupervisionProblem Problem(TongxinDbContext d, int year, Guid member, ProblemStatus status = ProblemStatus.Assigned)
    {
        var p = new SupervisionProblem
        {
            CommitteeId = CommitteeId,
            Year = year,
            Number = ++problemNo,
            Source = ProblemSource.Supervisor,
            ReportedByMemberId = member,
            Title = "营商环境问题",
            Status = status,
            RecordedAt = Bj(year, 5, 1),
            AssignDueOn = new DateOnly(year, 5, 6),
        };
        d.SupervisionProblems.Add(p);
        return p;
    }

    public SupervisorGroup Group(TongxinDbContext d, params Guid[] members)
    {
        var g = new SupervisorGroup
        {
            CommitteeId = CommitteeId,
            Name = "监督小组",
            Department = "市场监管局",
            TermStart = new DateOnly(2025, 1, 1),
            TermEnd = new DateOnly(2027, 12, 31),
        };
        d.SupervisorGroups.Add(g);
        d.SupervisorGroupMembers.AddRange(members.Select(m => new SupervisorGroupMember { CommitteeId = CommitteeId, GroupId = g.Id, MemberId = m }));
        return g;
    }

    public SupervisionLetter Letter(TongxinDbContext d, SupervisorGroup g, Guid drafter, DateTime sentAt, int number) => d.SupervisionLetters.Add(new SupervisionLetter
    {
        CommitteeId = CommitteeId,
        Year = sentAt.Year,
        Number = number,
        GroupId = g.Id,
        Title = "民主监督建议书",
        Recipient = "市场监管局",
        Status = LetterStatus.Sent,
        DraftedByMemberId = drafter,
        CreatedAt = sentAt.AddDays(-5),
        SentAt = sentAt,
    }).Entity;

    public MassVisit Visit(TongxinDbContext d, Guid member, DateOnly date, int people = 10)
    {
        var v = d.MassVisits.Add(new MassVisit
        {
            CommitteeId = CommitteeId,
            MemberId = member,
            Date = date,
            Place = "社区服务中心",
            PeopleServed = people,
            Summary = "走访",
            CreatedAt = Bj(date.Year, date.Month, date.Day),
        }).Entity;
        VisitIds.Add(v.Id);
        return v;
    }

    public DutyPlanItem PlanItem(TongxinDbContext d, Guid member, int year, DateOnly? completed) => d.DutyPlanItems.Add(new DutyPlanItem
    {
        CommitteeId = CommitteeId,
        MemberId = member,
        Year = year,
        Title = "为一户困难家庭办实事",
        CompletedOn = completed,
        CreatedAt = Bj(year, 1, 5),
    }).Entity;
}
