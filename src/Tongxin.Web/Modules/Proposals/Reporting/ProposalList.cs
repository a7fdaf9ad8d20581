using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Reporting;

/// <summary>办理时限筛选: 已超期 (deadline passed, still handling) or 临期 (due within the
/// committee's <see cref="ProposalSettings.SoonDueWorkingDays"/> working days).</summary>
public enum DueFilter
{
    [System.ComponentModel.DataAnnotations.Display(Name = "已超期")]
    Overdue = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "临期")]
    SoonDue = 2,
}

/// <summary>排序.</summary>
public enum ProposalSort
{
    [System.ComponentModel.DataAnnotations.Display(Name = "按编号")]
    Number = 0,
    [System.ComponentModel.DataAnnotations.Display(Name = "按提交时间（新→旧）")]
    SubmittedDesc = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "按提交时间（旧→新）")]
    Submitted = 2,
}

/// <summary>提案管理列表的筛选条件 – the same for the page, the API and the Excel export.
/// Settable properties so that pages and minimal APIs bind it from the query string.</summary>
public sealed class ProposalFilter
{
    public Guid? CommitteeId { get; set; }
    public Guid? SessionId { get; set; }
    public ProposalStatus? Status { get; set; }
    public string? Category { get; set; }
    public ProposerKind? Kind { get; set; }
    public Guid? UnitId { get; set; }

    /// <summary>Only 重点 or 重要 proposals.</summary>
    public bool? KeyOrImportant { get; set; }

    public Guid? ProjectId { get; set; }
    public DueFilter? Due { get; set; }

    /// <summary>Text in the title (案由).</summary>
    public string? Text { get; set; }

    /// <summary>By number when not given.</summary>
    public ProposalSort? Sort { get; set; }

    /// <summary>A short Chinese description for the audit log of an export.</summary>
    public string Describe() => "筛选：" + string.Join("，", new[]
    {
        CommitteeId is not null ? "指定政协" : null,
        SessionId is not null ? "指定会次" : null,
        Status is { } s ? $"状态={s.DisplayName()}" : null,
        Category is { Length: > 0 } ? $"类别={Category}" : null,
        Kind is { } k ? $"提案者={k.DisplayName()}" : null,
        UnitId is not null ? "指定承办单位" : null,
        KeyOrImportant == true ? "重点/重要" : null,
        ProjectId is not null ? "指定专题" : null,
        Due is { } d ? d.DisplayName() : null,
        Text is { Length: > 0 } ? $"案由含“{Text}”" : null,
    }.Where(x => x is not null).DefaultIfEmpty("无"));
}

/// <summary>排序键 – the columns the staff list is ordered by (<see cref="ProposalListHandler.Sorted"/>),
/// implemented by the page's rows and the export's.</summary>
public interface IProposalListOrder
{
    Guid Id { get; }
    int? Number { get; }
    DateTime? SubmittedAt { get; }
}

/// <summary>One line of the staff list, projected so that only the shown columns are read.
/// Init properties (not a positional record) so that EF translates ordering after the projection.</summary>
public sealed class ProposalRow : IProposalListOrder
{
    public Guid Id { get; init; }
    public Guid CommitteeId { get; init; }
    public string CommitteeName { get; init; } = "";
    public string SessionName { get; init; } = "";
    public int? Number { get; init; }
    public string Title { get; init; } = "";
    public string Category { get; init; } = "";
    public ProposerKind Kind { get; init; }
    public string LeadMemberName { get; init; } = "";
    public string? GroupName { get; init; }
    public ProposalStatus Status { get; init; }
    public DateTime? SubmittedAt { get; init; }
    public DateOnly? Deadline { get; init; }
    public bool IsKey { get; init; }
    public bool IsImportant { get; init; }
    public string? ReplyClass { get; init; }

    /// <summary>The active handling units, "、"-separated; filled by one grouped query per page.</summary>
    public string Units { get; set; } = "";

    public string DisplayNumber => Number is { } n ? $"第{n:D4}号" : "未编号";

    public string Proposer => GroupName is { Length: > 0 } ? $"{GroupName}（{LeadMemberName}）" : LeadMemberName;
}

/// <summary>One choice of a filter drop-down.</summary>
public sealed record Choice(Guid Id, string Name);

/// <summary>What the filter drop-downs offer: readable committees, the chosen committee's sessions,
/// units, projects and categories.</summary>
public sealed record ProposalListOptions(
    IReadOnlyList<Choice> Committees,
    IReadOnlyList<Choice> Sessions,
    IReadOnlyList<Choice> Units,
    IReadOnlyList<Choice> Projects,
    IReadOnlyList<string> Categories,
    Guid CommitteeId);

/// <summary>提案管理列表 – the proposal staff's list over every readable committee, with filters,
/// paging and the Excel export (<see cref="ProposalExcelExport"/>).</summary>
public sealed class ProposalListHandler(
    TongxinDbContext db,
    IActorAccessor actors,
    ProposalAccess access,
    ProposalSettingsStore settings,
    WorkingDayCalendar calendar)
{
    public const int PageSize = 20;

    private Actor Actor => actors.Actor;

    /// <summary>403 unless the actor is 提案委 staff.</summary>
    public void EnsureStaff()
    {
        if (!ProposalAccess.IsProposalStaff(Actor))
        {
            throw new ForbiddenException("只有具有提案管理权限的工作人员可以查看提案管理列表。");
        }
    }

    public async Task<PagedList<ProposalRow>> ListAsync(ProposalFilter filter, int page, CancellationToken ct = default)
    {
        EnsureStaff();
        var rows = await (await QueryAsync(filter, ct)).ToPagedListAsync(page, PageSize, ct);
        await FillUnitsAsync(db, rows.Items, ct);
        return rows;
    }

    /// <summary>The filtered, sorted rows (not yet paged); readable proposals only.</summary>
    public async Task<IQueryable<ProposalRow>> QueryAsync(ProposalFilter f, CancellationToken ct = default)
    {
        var rows = (await FilterAsync(f, ct)).Select(p => new ProposalRow
        {
            Id = p.Id,
            CommitteeId = p.CommitteeId,
            CommitteeName = db.Committees.Where(x => x.Id == p.CommitteeId).Select(x => x.Name).FirstOrDefault() ?? "",
            SessionName = db.Sessions.Where(x => x.Id == p.SessionId).Select(x => x.Name).FirstOrDefault() ?? "",
            Number = p.Number,
            Title = p.Title,
            Category = p.Category,
            Kind = p.Kind,
            LeadMemberName = p.LeadMemberName,
            GroupName = p.GroupName,
            Status = p.Status,
            SubmittedAt = p.SubmittedAt,
            Deadline = p.Deadline,
            IsKey = p.IsKey,
            IsImportant = p.IsImportant,
            ReplyClass = p.ReplyClass,
        });
        return Sorted(rows, f.Sort);
    }

    /// <summary>The proposals the filter selects (readable ones only, untracked), not yet sorted.</summary>
    public async Task<IQueryable<Proposal>> FilterAsync(ProposalFilter f, CancellationToken ct = default)
    {
        EnsureStaff();
        if (f.CommitteeId is { } committeeId && !Actor.CanRead(committeeId))
        {
            throw new ForbiddenException("您无权查看该政协的提案。");
        }

        // 社情民意转办 cases run through the handling loop but are not proposals.
        var q = access.Readable().AsNoTracking().Where(p => p.SourceReportId == null);
        if (f.CommitteeId is { } c)
        {
            q = q.Where(p => p.CommitteeId == c);
        }

        if (f.SessionId is { } s)
        {
            q = q.Where(p => p.SessionId == s);
        }

        if (f.Status is { } status)
        {
            q = q.Where(p => p.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            q = q.Where(p => p.Category == f.Category);
        }

        if (f.Kind is { } kind)
        {
            q = q.Where(p => p.Kind == kind);
        }

        if (f.UnitId is { } unitId)
        {
            q = q.Where(p => db.ProposalAssignments.Any(a => a.ProposalId == p.Id && a.HandlingUnitId == unitId && a.Status != AssignmentStatus.Returned));
        }

        if (f.KeyOrImportant == true)
        {
            q = q.Where(p => p.IsKey || p.IsImportant);
        }

        if (f.ProjectId is { } projectId)
        {
            q = q.Where(p => p.ProjectId == projectId);
        }

        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var text = f.Text.Trim();
            q = q.Where(p => p.Title.Contains(text));
        }

        if (f.Due is { } due)
        {
            var (today, soonLimit) = await DueWindowAsync(f.CommitteeId ?? Actor.CommitteeId, ct);
            q = due == DueFilter.Overdue
                ? q.Where(p => p.Status == ProposalStatus.Handling && p.Deadline < today)
                : q.Where(p => p.Status == ProposalStatus.Handling && p.Deadline >= today && p.Deadline <= soonLimit);
        }

        return q;
    }

    /// <summary>The list order, shared by the page's rows and the export's, so that both always agree.</summary>
    public static IOrderedQueryable<T> Sorted<T>(IQueryable<T> rows, ProposalSort? sort)
        where T : class, IProposalListOrder => (sort ?? ProposalSort.Number) switch
        {
            // Unnumbered (not yet filed) proposals after the numbered ones, oldest first.
            ProposalSort.Number => rows.OrderBy(r => r.Number == null).ThenBy(r => r.Number).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id),
            ProposalSort.Submitted => rows.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id),
            _ => rows.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id),
        };

    /// <summary>Today (Beijing) and the last day counted as 临期 for a committee's settings.</summary>
    public async Task<(DateOnly Today, DateOnly SoonLimit)> DueWindowAsync(Guid? committeeId, CancellationToken ct = default)
    {
        var days = committeeId is { } id ? (await settings.GetAsync(id, ct)).SoonDueWorkingDays : new ProposalSettings().SoonDueWorkingDays;
        var today = calendar.Today;
        return (today, await calendar.AddWorkingDaysAsync(today, days, ct));
    }

    /// <summary>The active units of a page of proposals in one grouped query, not one per row.</summary>
    public static async Task FillUnitsAsync(TongxinDbContext db, IReadOnlyList<ProposalRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var ids = rows.Select(r => r.Id).ToList();
        var units = (await db.ProposalAssignments.AsNoTracking()
                .Where(a => ids.Contains(a.ProposalId) && a.Status != AssignmentStatus.Returned)
                .OrderBy(a => a.Role).ThenBy(a => a.HandlingUnitName)
                .Select(a => new { a.ProposalId, a.HandlingUnitName, a.Role })
                .ToListAsync(ct))
            .ToLookup(a => a.ProposalId, a => a.Role == AssignmentRole.Co ? $"{a.HandlingUnitName}（协办）" : a.HandlingUnitName);
        foreach (var row in rows)
        {
            row.Units = string.Join("、", units[row.Id].Distinct());
        }
    }

    /// <summary>Drop-down choices; sessions, units and projects are those of the chosen committee
    /// (the actor's own when none is chosen).</summary>
    public async Task<ProposalListOptions> OptionsAsync(Guid? committeeId, CancellationToken ct = default)
    {
        EnsureStaff();
        var readable = Actor.ReadableCommitteeIds.ToList();
        var committees = await db.Committees.AsNoTracking().Where(c => readable.Contains(c.Id))
            .OrderBy(c => c.Level).ThenBy(c => c.Code).Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct);
        var chosen = committeeId is { } id && Actor.CanRead(id) ? id : Actor.CommitteeId ?? Guid.Empty;
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CommitteeId == chosen)
            .OrderByDescending(s => s.StartDate).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == chosen)
            .OrderBy(u => u.Name).Select(u => new Choice(u.Id, u.Name)).ToListAsync(ct);
        var projects = await db.ProposalProjects.AsNoTracking().Where(p => p.CommitteeId == chosen)
            .OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);
        var categories = (await settings.GetAsync(chosen, ct)).CategoryList;
        return new ProposalListOptions(committees, sessions, units, projects, categories, chosen);
    }
}
