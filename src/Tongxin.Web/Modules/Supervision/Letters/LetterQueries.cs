using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Letters;

/// <summary>List filter: a group (<c>?groupId=</c>) and a status.</summary>
public sealed record LetterFilter(Guid? GroupId = null, LetterStatus? Status = null);

/// <summary>One line of the letters list.</summary>
public sealed record LetterRow(Guid Id, string Title, string GroupName, string Recipient, LetterStatus Status, int Year, int? Number, DateTime CreatedAt, DateTime? SentAt)
{
    public string NumberText => LetterNumber.Format(Year, Number);
}

/// <summary>A letter with the names it shows and what the actor may do with it now.</summary>
public sealed record LetterView(
    SupervisionLetter Letter,
    string CommitteeName,
    string GroupName,
    string? DrafterName,
    bool CanEdit,
    bool CanSignOff,
    bool CanSend,
    bool CanRespond)
{
    public string NumberText => LetterNumber.Format(Letter.Year, Letter.Number);
}

/// <summary>建议书编号 监督建议〔2026〕3号 (given at sign-off).</summary>
public static class LetterNumber
{
    public static string Format(int year, int? number) => number is { } n ? $"监督建议〔{year}〕{n}号" : "未签发";
}

/// <summary>Reading letters: supervision staff read their committee's and subordinate committees'
/// letters; a supervisor the letters of their groups; a unit the letters sent to it. Also the choices
/// the forms offer (groups, departments) and the 问题清单 summary a draft may start from.</summary>
public sealed class LetterQueries(TongxinDbContext db, SupervisionAccess access, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    /// <summary>The letters the actor may read; 403 for an actor who may read none.</summary>
    public IQueryable<SupervisionLetter> Readable()
    {
        var q = db.SupervisionLetters.AsNoTracking();
        if (SupervisionAccess.IsSupervisionStaff(Actor))
        {
            return q;
        }

        if (SupervisionAccess.IsUnit(Actor))
        {
            var unitId = Actor.HandlingUnitId!.Value;
            return q.Where(l => l.HandlingUnitId == unitId && (l.Status == LetterStatus.Sent || l.Status == LetterStatus.Answered));
        }

        if (SupervisionAccess.IsMember(Actor))
        {
            var memberId = Actor.MemberId!.Value;
            var groups = db.SupervisorGroupMembers.Where(m => m.MemberId == memberId).Select(m => m.GroupId);
            return q.Where(l => groups.Contains(l.GroupId));
        }

        throw new ForbiddenException("您没有查看民主监督建议书的权限。");
    }

    public async Task<PagedList<LetterRow>> ListAsync(LetterFilter filter, int page, CancellationToken ct = default)
    {
        var q = Readable();
        if (filter.GroupId is { } groupId)
        {
            q = q.Where(l => l.GroupId == groupId);
        }

        if (filter.Status is { } status)
        {
            q = q.Where(l => l.Status == status);
        }

        return await (from l in q
                      join g in db.SupervisorGroups on l.GroupId equals g.Id
                      orderby l.CreatedAt descending, l.Id descending
                      select new LetterRow(l.Id, l.Title, g.Name, l.Recipient, l.Status, l.Year, l.Number, l.CreatedAt, l.SentAt))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    /// <summary>One letter the actor may read, or 404.</summary>
    public async Task<LetterView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var letter = await Readable().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("建议书");
        var names = await (from g in db.SupervisorGroups.AsNoTracking()
                           join c in db.Committees.AsNoTracking() on g.CommitteeId equals c.Id
                           where g.Id == letter.GroupId
                           select new { Group = g.Name, Committee = c.Name }).FirstAsync(ct);
        var drafter = letter.DraftedByMemberId is { } d
            ? await db.Members.AsNoTracking().Where(m => m.Id == d).Select(m => m.Name).FirstOrDefaultAsync(ct)
            : null;
        var isSupervisor = SupervisionAccess.IsMember(Actor) && await access.IsInGroupAsync(letter.GroupId, Actor.MemberId!.Value, ct);
        var isOwnStaff = SupervisionAccess.IsSupervisionStaff(Actor) && Actor.CanWrite(letter.CommitteeId);
        var isUnit = SupervisionAccess.IsUnit(Actor) && letter.HandlingUnitId == Actor.HandlingUnitId;
        return new LetterView(
            letter,
            names.Committee,
            names.Group,
            drafter,
            CanEdit: isSupervisor && letter.Status == LetterStatus.Draft,
            CanSignOff: isOwnStaff && letter.Status == LetterStatus.Submitted,
            CanSend: isOwnStaff && letter.Status == LetterStatus.SignedOff,
            CanRespond: (isOwnStaff || isUnit) && letter.Status == LetterStatus.Sent);
    }

    /// <summary>Groups for the list's filter: staff their committee's groups, a supervisor their own.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> FilterGroupsAsync(CancellationToken ct = default)
    {
        var q = db.SupervisorGroups.AsNoTracking();
        if (SupervisionAccess.IsSupervisionStaff(Actor))
        {
            var committeeId = Actor.CommitteeId;
            q = q.Where(g => g.CommitteeId == committeeId);
        }
        else if (SupervisionAccess.IsMember(Actor))
        {
            var memberId = Actor.MemberId!.Value;
            q = q.Where(g => db.SupervisorGroupMembers.Any(m => m.GroupId == g.Id && m.MemberId == memberId));
        }
        else
        {
            return [];
        }

        return [.. (await q.OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct)).Select(g => (g.Id, g.Name))];
    }

    /// <summary>The groups the member supervises in, to draft a letter for (empty for anyone else).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> DraftingGroupsAsync(CancellationToken ct = default)
    {
        if (!SupervisionAccess.IsMember(Actor))
        {
            return [];
        }

        var memberId = Actor.MemberId!.Value;
        var groups = await db.SupervisorGroups.AsNoTracking()
            .Where(g => g.IsActive && db.SupervisorGroupMembers.Any(m => m.GroupId == g.Id && m.MemberId == memberId))
            .OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        return [.. groups.Select(g => (g.Id, g.Name))];
    }

    /// <summary>A group the actor drafts for, with its committee and the department it supervises (the
    /// default recipient); 404 when unknown, 403 when the actor is not one of its supervisors.</summary>
    public async Task<(Guid CommitteeId, string Name, Guid? HandlingUnitId, string Department)> DraftingGroupAsync(Guid groupId, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var group = await db.SupervisorGroups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.CommitteeId, g.Name, g.HandlingUnitId, g.Department }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("监督小组");
        if (!await access.IsInGroupAsync(groupId, memberId, ct))
        {
            throw new ForbiddenException("只有本小组的民主监督员可以起草和修改建议书。");
        }

        return (group.CommitteeId, group.Name, group.HandlingUnitId, group.Department);
    }

    /// <summary>The committee's active handling units, for the recipient choice.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> UnitsAsync(Guid committeeId, CancellationToken ct = default)
    {
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == committeeId && u.IsActive)
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return [.. units.Select(u => (u.Id, u.Name))];
    }

    /// <summary>从问题清单生成 – the group's problems (dismissed ones left out) as a numbered list a draft
    /// can start from: number, title, place, status and, once answered, the department's rectification.</summary>
    public async Task<string> ProblemSummaryAsync(Guid groupId, CancellationToken ct = default)
    {
        await access.RequireGroupMemberOrStaffAsync(groupId, ct);
        var problems = await db.SupervisionProblems.AsNoTracking()
            .Where(p => p.GroupId == groupId && p.Status != ProblemStatus.Dismissed)
            .OrderBy(p => p.Year).ThenBy(p => p.Number)
            .Select(p => new { p.Year, p.Number, p.Title, p.Location, p.Description, p.Status, p.Rectification })
            .ToListAsync(ct);
        if (problems.Count == 0)
        {
            return "";
        }

        var lines = new List<string> { $"小组在监督中发现问题{problems.Count}个，具体如下：" };
        var n = 0;
        foreach (var p in problems)
        {
            var where = string.IsNullOrWhiteSpace(p.Location) ? "" : $"（{p.Location.Trim()}）";
            var state = p.Rectification is { } r ? $"{p.Status.DisplayName()}，{r.DisplayName()}" : p.Status.DisplayName();
            lines.Add($"{++n}．{p.Title}{where}：{Summary(p.Description)}〔监督〔{p.Year}〕{p.Number}号，{state}〕");
        }

        return string.Join("\n", lines);
    }

    /// <summary>The first sentence or 80 characters of a problem's description.</summary>
    private static string Summary(string text)
    {
        var t = text.Replace('\r', ' ').Replace('\n', ' ').Trim();
        var end = t.IndexOf('。');
        if (end > 0 && end < 80)
        {
            return t[..(end + 1)];
        }

        return t.Length <= 80 ? t : t[..80] + "…";
    }

    /// <summary>The date a letter prints: the day it was signed off, or today for a draft.</summary>
    public static DateOnly DocumentDate(SupervisionLetter letter, TimeProvider time) =>
        letter.SignedOffAt is { } at ? DateOnly.FromDateTime(BeijingTime.FromUtc(at)) : BeijingTime.Today(time);
}
