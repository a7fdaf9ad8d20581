using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.Terms;

/// <summary>届 as a form and an API body.</summary>
public sealed class TermInput
{
    public int Number { get; set; }
    public string? Name { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int Version { get; set; }
}

/// <summary>次会议 as a form and an API body.</summary>
public sealed class SessionInput
{
    public Guid TermId { get; set; }
    public int Number { get; set; }
    public string? Name { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool IsCurrent { get; set; }
    public int Version { get; set; }
}

public sealed record SessionRow(Guid Id, Guid TermId, int Number, string Name, DateOnly StartDate, DateOnly EndDate, bool IsCurrent, int Version);

public sealed record TermRow(Guid Id, int Number, string Name, DateOnly StartDate, DateOnly EndDate, int Version, IReadOnlyList<SessionRow> Sessions);

/// <summary>届次与会议管理 – terms and their yearly plenary sessions; exactly one session of a
/// committee is current, because proposals are numbered in the current session.</summary>
public sealed class TermAdmin(TongxinDbContext db, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    public bool CanManage => Actor.CommitteeId is { } id && OrganizationPermissions.CanManage(Actor, id);

    public async Task<IReadOnlyList<TermRow>> ListAsync(Guid? committeeId = null, CancellationToken ct = default)
    {
        var id = Actor.CommitteeToRead(committeeId);
        var terms = await db.Terms.AsNoTracking().Where(t => t.CommitteeId == id).OrderByDescending(t => t.Number)
            .Select(t => new { t.Id, t.Number, t.Name, t.StartDate, t.EndDate, t.Version })
            .ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CommitteeId == id).OrderBy(s => s.Number)
            .Select(s => new SessionRow(s.Id, s.TermId, s.Number, s.Name, s.StartDate, s.EndDate, s.IsCurrent, s.Version))
            .ToListAsync(ct);
        return [.. terms.Select(t => new TermRow(t.Id, t.Number, t.Name, t.StartDate, t.EndDate, t.Version,
            [.. sessions.Where(s => s.TermId == t.Id)]))];
    }

    public async Task<TermInput> GetTermForEditAsync(Guid id, CancellationToken ct = default)
    {
        var term = await db.Terms.AsNoTracking().FindOrThrowAsync(id, "届次", ct);
        OrganizationPermissions.EnsureCanManage(Actor, term.CommitteeId);
        return new TermInput { Number = term.Number, Name = term.Name, StartDate = term.StartDate, EndDate = term.EndDate, Version = term.Version };
    }

    public async Task<Guid> CreateTermAsync(TermInput input, CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeToManage();
        await ValidateTermAsync(committeeId, null, input, ct);
        var term = new Term { CommitteeId = committeeId };
        Apply(term, input);
        db.Terms.Add(term);
        await db.SaveChangesAsync(ct);
        return term.Id;
    }

    public async Task UpdateTermAsync(Guid id, TermInput input, CancellationToken ct = default)
    {
        var term = await db.Terms.FindOrThrowAsync(id, "届次", ct);
        OrganizationPermissions.EnsureCanManage(Actor, term.CommitteeId);
        db.ExpectVersion(term, input.Version);
        await ValidateTermAsync(term.CommitteeId, id, input, ct);
        Apply(term, input);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteTermAsync(Guid id, int version, CancellationToken ct = default)
    {
        var term = await db.Terms.FindOrThrowAsync(id, "届次", ct);
        OrganizationPermissions.EnsureCanManage(Actor, term.CommitteeId);
        db.ExpectVersion(term, version);
        var sessions = await db.Sessions.CountAsync(s => s.TermId == id, ct);
        var members = await db.Members.CountAsync(m => m.TermId == id, ct);
        if (sessions > 0 || members > 0)
        {
            throw new ConflictException($"“{term.Name}”还有 {sessions} 次会议、{members} 名委员，不能删除。");
        }

        db.Terms.Remove(term);
        await db.SaveChangesAsync(ct);
    }

    public async Task<SessionInput> GetSessionForEditAsync(Guid id, CancellationToken ct = default)
    {
        var s = await db.Sessions.AsNoTracking().FindOrThrowAsync(id, "会议", ct);
        OrganizationPermissions.EnsureCanManage(Actor, s.CommitteeId);
        return new SessionInput
        {
            TermId = s.TermId,
            Number = s.Number,
            Name = s.Name,
            StartDate = s.StartDate,
            EndDate = s.EndDate,
            IsCurrent = s.IsCurrent,
            Version = s.Version,
        };
    }

    public async Task<Guid> CreateSessionAsync(SessionInput input, CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeToManage();
        var term = await db.Terms.AsNoTracking().Where(t => t.CommitteeId == committeeId).FindOrThrowAsync(input.TermId, "届次", ct);
        await ValidateSessionAsync(term, null, input, ct);
        var session = new Session { CommitteeId = committeeId, TermId = term.Id };
        Apply(session, input);
        db.Sessions.Add(session);
        if (input.IsCurrent)
        {
            await ClearCurrentAsync(committeeId, session.Id, ct);
        }
        else if (!await db.Sessions.AnyAsync(s => s.CommitteeId == committeeId && s.IsCurrent, ct))
        {
            // The committee's first session is current, so there is always one to number proposals in.
            session.IsCurrent = true;
        }

        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    public async Task UpdateSessionAsync(Guid id, SessionInput input, CancellationToken ct = default)
    {
        var session = await db.Sessions.FindOrThrowAsync(id, "会议", ct);
        OrganizationPermissions.EnsureCanManage(Actor, session.CommitteeId);
        db.ExpectVersion(session, input.Version);
        var term = await db.Terms.AsNoTracking().FindOrThrowAsync(session.TermId, "届次", ct);
        await ValidateSessionAsync(term, id, input, ct);
        if (session.IsCurrent && !input.IsCurrent)
        {
            throw new ValidationFailedException("isCurrent", "必须有一次当前会议：请将另一次会议设为当前会议，而不是取消本次。");
        }

        Apply(session, input);
        if (input.IsCurrent)
        {
            await ClearCurrentAsync(session.CommitteeId, session.Id, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>设为当前会议: the session becomes current and every other session of the committee stops being so.</summary>
    public async Task MakeCurrentAsync(Guid id, CancellationToken ct = default)
    {
        var session = await db.Sessions.FindOrThrowAsync(id, "会议", ct);
        OrganizationPermissions.EnsureCanManage(Actor, session.CommitteeId);
        session.IsCurrent = true;
        await ClearCurrentAsync(session.CommitteeId, session.Id, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteSessionAsync(Guid id, int version, CancellationToken ct = default)
    {
        var session = await db.Sessions.FindOrThrowAsync(id, "会议", ct);
        OrganizationPermissions.EnsureCanManage(Actor, session.CommitteeId);
        db.ExpectVersion(session, version);
        if (session.IsCurrent)
        {
            throw new ConflictException($"“{session.Name}”是当前会议，不能删除。请先将另一次会议设为当前会议。");
        }

        db.Sessions.Remove(session);
        await db.SaveChangesAsync(ct);
    }

    private async Task ClearCurrentAsync(Guid committeeId, Guid except, CancellationToken ct)
    {
        var others = await db.Sessions.Where(s => s.CommitteeId == committeeId && s.IsCurrent && s.Id != except).ToListAsync(ct);
        foreach (var other in others)
        {
            other.IsCurrent = false;
        }
    }

    private async Task ValidateTermAsync(Guid committeeId, Guid? self, TermInput input, CancellationToken ct)
    {
        var v = new Validation()
            .Require(input.Number is >= 1 and <= 99, "number", "届次序号须在 1 到 99 之间。")
            .Name(input.Name, "name", "届次名称")
            .Require(input.StartDate is not null, "startDate", "请填写开始日期。")
            .Require(input.EndDate is not null, "endDate", "请填写结束日期。");
        if (input.StartDate is { } start && input.EndDate is { } end)
        {
            v.Require(end > start, "endDate", "结束日期须晚于开始日期。");
            if (self is not null)
            {
                var outside = await db.Sessions.AnyAsync(s => s.TermId == self && (s.StartDate < start || s.EndDate > end), ct);
                v.Require(!outside, "startDate", "本届已有会议的日期不在新的起止日期之内。");
            }
        }

        if (v.IsValid)
        {
            var taken = await db.Terms.AnyAsync(t => t.CommitteeId == committeeId && t.Number == input.Number && t.Id != self, ct);
            v.Require(!taken, "number", $"第{input.Number}届已存在。");
        }

        v.ThrowIfInvalid();
    }

    private async Task ValidateSessionAsync(Term term, Guid? self, SessionInput input, CancellationToken ct)
    {
        var v = new Validation()
            .Require(input.Number is >= 1 and <= 20, "number", "会议序号须在 1 到 20 之间。")
            .Name(input.Name, "name", "会议名称")
            .Require(input.StartDate is not null, "startDate", "请填写开始日期。")
            .Require(input.EndDate is not null, "endDate", "请填写结束日期。");
        if (input.StartDate is { } start && input.EndDate is { } end)
        {
            v.Require(end >= start, "endDate", "结束日期不能早于开始日期。")
                .Require(start >= term.StartDate && end <= term.EndDate, "startDate",
                    $"会议日期须在{term.Name}的任期（{term.StartDate:yyyy-MM-dd} 至 {term.EndDate:yyyy-MM-dd}）之内。");
        }

        if (v.IsValid)
        {
            var taken = await db.Sessions.AnyAsync(s => s.TermId == term.Id && s.Number == input.Number && s.Id != self, ct);
            v.Require(!taken, "number", $"{term.Name}第{input.Number}次会议已存在。");
        }

        v.ThrowIfInvalid();
    }

    private static void Apply(Term term, TermInput input)
    {
        term.Number = input.Number;
        term.Name = OrganizationAdminSupport.Clean(input.Name);
        term.StartDate = input.StartDate!.Value;
        term.EndDate = input.EndDate!.Value;
    }

    private static void Apply(Session session, SessionInput input)
    {
        session.Number = input.Number;
        session.Name = OrganizationAdminSupport.Clean(input.Name);
        session.StartDate = input.StartDate!.Value;
        session.EndDate = input.EndDate!.Value;
        session.IsCurrent = input.IsCurrent;
    }
}
