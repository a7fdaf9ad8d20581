using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Reporting;

/// <summary>One open assignment with its deadline: what a unit still owes.</summary>
public sealed class DeadlineRow
{
    public Guid ProposalId { get; init; }
    public Guid AssignmentId { get; init; }
    public Guid CommitteeId { get; init; }
    public int? Number { get; init; }
    public string Title { get; init; } = "";
    public string LeadMemberName { get; init; } = "";
    public string HandlingUnitName { get; init; } = "";
    public AssignmentRole Role { get; init; }
    public AssignmentStatus AssignmentStatus { get; init; }
    public DateTime AssignedAt { get; init; }
    public DateOnly Deadline { get; init; }
    public bool IsKey { get; init; }
    public bool IsImportant { get; init; }

    /// <summary>Working days from today to the deadline (0 = due today); negative when overdue
    /// (minus the working days since the deadline).</summary>
    public int WorkingDaysLeft { get; set; }

    public string DisplayNumber => Number is { } n ? $"第{n:D4}号" : "未编号";

    public string DueText => WorkingDaysLeft < 0 ? $"已超期{-WorkingDaysLeft}个工作日" : WorkingDaysLeft == 0 ? "今日到期" : $"剩余{WorkingDaysLeft}个工作日";
}

/// <summary>超期与临期提案 – open assignments of proposals still in handling whose deadline has
/// passed (已超期) or falls within the committee's 临期 window of working days. Staff see every
/// unit of their readable committees; a unit user sees the unit's own assignments.</summary>
public sealed class ProposalDeadlineHandler(
    TongxinDbContext db,
    IActorAccessor actors,
    ProposalListHandler list,
    WorkingDayCalendar calendar)
{
    private static readonly AssignmentStatus[] Open = [AssignmentStatus.Pending, AssignmentStatus.Accepted, AssignmentStatus.ReturnRequested];

    private Actor Actor => actors.Actor;

    /// <summary>Overdue (<paramref name="due"/> = Overdue) or soon-due rows, most urgent first.</summary>
    public async Task<PagedList<DeadlineRow>> ListAsync(DueFilter due, int page, CancellationToken ct = default)
    {
        var query = await QueryAsync(due, ct);
        var rows = await query.ToPagedListAsync(page, ProposalListHandler.PageSize, ct);
        await FillDaysLeftAsync(rows.Items, ct);
        return rows;
    }

    /// <summary>The workbook of one list (.xlsx in memory: the lists are short by nature).</summary>
    public async Task<Stream> ExportAsync(DueFilter due, CancellationToken ct = default)
    {
        var rows = await (await QueryAsync(due, ct)).Take(50_000).ToListAsync(ct);
        await FillDaysLeftAsync(rows, ct);
        var file = XlsxStreamWriter.TempFile();
        using (var xlsx = new XlsxStreamWriter(file, due.DisplayName() + "提案", [11, 50, 12, 30, 8, 10, 12, 12, 18, 10]))
        {
            xlsx.WriteHeader(["编号", "案由", "提案人", "承办单位", "承办方式", "单位状态", "交办日期", "办理时限", "时限情况", "重点/重要"]);
            foreach (var r in rows)
            {
                xlsx.WriteRow(
                [
                    r.DisplayNumber, r.Title, r.LeadMemberName, r.HandlingUnitName, r.Role.DisplayName(), r.AssignmentStatus.DisplayName(),
                    BeijingTime.FromUtc(r.AssignedAt).ToString("yyyy-MM-dd"), r.Deadline.ToString("yyyy-MM-dd"), r.DueText,
                    r.IsKey ? "重点" : r.IsImportant ? "重要" : "",
                ]);
            }

            xlsx.Finish();
        }

        db.Audit("导出" + due.DisplayName() + "提案", "Proposal", Actor.CommitteeId?.ToString() ?? "", "成功", $"{rows.Count} 条");
        await db.SaveChangesAsync(ct);
        file.Position = 0;
        return file;
    }

    private async Task<IQueryable<DeadlineRow>> QueryAsync(DueFilter due, CancellationToken ct)
    {
        var a = Actor;
        var assignments = db.ProposalAssignments.AsNoTracking().Where(x => Open.Contains(x.Status));
        // Staff see every unit of their readable committees (the global filter limits committees).
        if (!ProposalAccess.IsProposalStaff(a))
        {
            if (!ProposalAccess.IsUnit(a))
            {
                throw new ForbiddenException("只有提案工作人员和承办单位可以查看超期与临期提案。");
            }

            var unitId = a.HandlingUnitId!.Value;
            assignments = assignments.Where(x => x.HandlingUnitId == unitId);
        }

        var (today, soonLimit) = await list.DueWindowAsync(a.CommitteeId, ct);
        assignments = due == DueFilter.Overdue
            ? assignments.Where(x => x.Deadline < today)
            : assignments.Where(x => x.Deadline >= today && x.Deadline <= soonLimit);
        return from x in assignments
               join p in db.Proposals on x.ProposalId equals p.Id
               // 社情民意转办 cases are followed by the 社情民意 office on the report, not in the 提案委's lists.
               where p.Status == ProposalStatus.Handling && p.SourceReportId == null
               orderby x.Deadline, p.Number, x.HandlingUnitName
               select new DeadlineRow
               {
                   ProposalId = p.Id,
                   AssignmentId = x.Id,
                   CommitteeId = p.CommitteeId,
                   Number = p.Number,
                   Title = p.Title,
                   LeadMemberName = p.LeadMemberName,
                   HandlingUnitName = x.HandlingUnitName,
                   Role = x.Role,
                   AssignmentStatus = x.Status,
                   AssignedAt = x.AssignedAt,
                   Deadline = x.Deadline,
                   IsKey = p.IsKey,
                   IsImportant = p.IsImportant,
               };
    }

    private async Task FillDaysLeftAsync(IEnumerable<DeadlineRow> rows, CancellationToken ct)
    {
        var rules = await calendar.RulesAsync(ct);
        var today = calendar.Today;
        foreach (var r in rows)
        {
            r.WorkingDaysLeft = WorkingDaysBetween(rules, today, r.Deadline);
        }
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative (working days after <paramref name="to"/> up to <paramref name="from"/>) when
    /// <paramref name="to"/> is earlier.</summary>
    public static int WorkingDaysBetween(WorkingDays rules, DateOnly from, DateOnly to)
    {
        var sign = to >= from ? 1 : -1;
        var (start, end) = sign > 0 ? (from, to) : (to, from);
        var count = 0;
        for (var d = start.AddDays(1); d <= end; d = d.AddDays(1))
        {
            if (rules.IsWorkingDay(d))
            {
                count++;
            }
        }

        return sign * count;
    }
}
