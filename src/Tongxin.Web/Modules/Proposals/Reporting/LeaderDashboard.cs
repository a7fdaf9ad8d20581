using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Reporting;

/// <summary>领导批示 – a leader records an instruction on a filed (or later) proposal of the own
/// committee. Writes the instruction, a timeline entry and a <see cref="ProposalChanged"/> event
/// (the handling units and the lead proposer are told).</summary>
public sealed class ProposalInstructionHandler(TongxinDbContext db, IActorAccessor actors, ProposalAccess access, TimeProvider time)
{
    public const int MaxLength = 2000;

    private Actor Actor => actors.Actor;

    /// <summary>May the actor give instructions at all (a leader)?</summary>
    public static bool CanInstruct(Actor a) => ProposalAccess.IsLeader(a);

    /// <returns>The new instruction's id.</returns>
    public async Task<Guid> GiveAsync(Guid proposalId, string? text, CancellationToken ct = default)
    {
        var a = Actor;
        if (!CanInstruct(a))
        {
            throw new ForbiddenException("只有领导可以对提案作出批示。");
        }

        var proposal = await access.LoadAsync(proposalId, ct);
        if (!a.CanWrite(proposal.CommitteeId))
        {
            throw new ForbiddenException("只能对本级政协的提案作出批示。");
        }

        text = text?.Trim();
        new Validation()
            .NotBlank(text, "text", "批示内容")
            .MaxLength(text, MaxLength, "text", "批示内容")
            .ThrowIfInvalid();
        ProposalStateMachine.Ensure(proposal, ProposalAction.Instruct);

        var now = time.GetUtcNow().UtcDateTime;
        var leaderName = await db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } name
            ? name
            : a.UserName;
        db.Touch(proposal, now);
        var instruction = new ProposalInstruction
        {
            CommitteeId = proposal.CommitteeId,
            ProposalId = proposal.Id,
            LeaderUserId = a.UserId!.Value,
            LeaderName = leaderName,
            Text = text!,
            GivenAt = now,
        };
        db.ProposalInstructions.Add(instruction);
        ProposalTimeline.Add(db, proposal, ProposalEventKind.Instruction, leaderName, text!, now);
        var units = await db.ProposalAssignments
            .Where(x => x.ProposalId == proposal.Id && x.Status != AssignmentStatus.Returned)
            .Select(x => x.HandlingUnitId).Distinct().ToListAsync(ct);
        db.Raise(new ProposalChanged(
            proposal.Id,
            proposal.CommitteeId,
            ProposalEventKind.Instruction,
            $"{leaderName}对提案《{proposal.Title}》作出批示",
            [proposal.LeadMemberId],
            units));
        await db.SaveChangesAsync(ct);
        return instruction.Id;
    }
}

/// <summary>A key or important proposal and how far its handling has come.</summary>
public sealed class KeyProposalRow
{
    public Guid Id { get; init; }
    public int? Number { get; init; }
    public string Title { get; init; } = "";
    public string LeadMemberName { get; init; } = "";
    public bool IsKey { get; init; }
    public string? SupervisingLeader { get; init; }
    public ProposalStatus Status { get; init; }
    public DateOnly? Deadline { get; init; }
    public string? ReplyClass { get; init; }
    public int Instructions { get; init; }
    public string Units { get; set; } = "";

    public string DisplayNumber => Number is { } n ? $"第{n:D4}号" : "未编号";
}

/// <summary>One recent instruction with its proposal.</summary>
public sealed record InstructionRow(Guid ProposalId, int? Number, string Title, string LeaderName, string Text, DateTime GivenAt);

/// <summary>What the leader dashboard shows.</summary>
public sealed record LeaderDashboard(SessionStatistics Statistics, IReadOnlyList<KeyProposalRow> KeyProposals, IReadOnlyList<InstructionRow> RecentInstructions);

/// <summary>领导驾驶舱 – the own committee's current session: its figures (the statistics), the key
/// and important proposals with their supervising leader and progress, and recent instructions.
/// For leaders, and for proposal staff of the same committee.</summary>
public sealed class LeaderDashboardHandler(TongxinDbContext db, IActorAccessor actors, ProposalStatisticsHandler statistics)
{
    public static bool CanView(Actor a) => ProposalAccess.IsLeader(a) || ProposalAccess.IsProposalStaff(a);

    public async Task<LeaderDashboard> GetAsync(CancellationToken ct = default)
    {
        var a = actors.Actor;
        if (!CanView(a) || a.CommitteeId is null)
        {
            throw new ForbiddenException("只有领导和提案工作人员可以查看领导驾驶舱。");
        }

        var committeeId = a.CommitteeId.Value;
        var session = await db.Sessions.AsNoTracking().Where(s => s.CommitteeId == committeeId)
            .OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.StartDate).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("会次");
        var figures = await statistics.GetAsync(session, ct);

        var key = await db.Proposals.AsNoTracking()
            .Where(p => p.CommitteeId == committeeId && p.SessionId == session && (p.IsKey || p.IsImportant))
            .OrderByDescending(p => p.IsKey).ThenBy(p => p.Number)
            .Take(100)
            .Select(p => new KeyProposalRow
            {
                Id = p.Id,
                Number = p.Number,
                Title = p.Title,
                LeadMemberName = p.LeadMemberName,
                IsKey = p.IsKey,
                SupervisingLeader = p.SupervisingLeader,
                Status = p.Status,
                Deadline = p.Deadline,
                ReplyClass = p.ReplyClass,
                Instructions = db.ProposalInstructions.Count(i => i.ProposalId == p.Id),
            })
            .ToListAsync(ct);
        var ids = key.Select(k => k.Id).ToList();
        var units = (await db.ProposalAssignments.AsNoTracking()
                .Where(x => ids.Contains(x.ProposalId) && x.Status != AssignmentStatus.Returned)
                .OrderBy(x => x.Role).Select(x => new { x.ProposalId, x.HandlingUnitName }).ToListAsync(ct))
            .ToLookup(x => x.ProposalId, x => x.HandlingUnitName);
        foreach (var row in key)
        {
            row.Units = string.Join("、", units[row.Id].Distinct());
        }

        var recent = await (from i in db.ProposalInstructions.AsNoTracking()
                            join p in db.Proposals on i.ProposalId equals p.Id
                            where i.CommitteeId == committeeId
                            orderby i.GivenAt descending
                            select new InstructionRow(p.Id, p.Number, p.Title, i.LeaderName, i.Text, i.GivenAt))
            .Take(10).ToListAsync(ct);
        return new LeaderDashboard(figures, key, recent);
    }
}
