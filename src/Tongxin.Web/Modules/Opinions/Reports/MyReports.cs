using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>One line of 我的社情民意.</summary>
public sealed record MyReportRow(
    Guid Id,
    int Year,
    int? SerialNo,
    string Title,
    OpinionStatus Status,
    OpinionSubmitterKind Kind,
    string SubmitterName,
    bool IsWriter,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    string Outcomes)
{
    public string DisplaySerial => SerialNo is { } n ? $"{Year}-{n:D4}" : "未报送";

    public bool CanEdit => IsWriter && OpinionStateMachine.Allows(Status, OpinionAction.Edit);
}

/// <summary>我的社情民意 – every report the member wrote, co-authored or is the contact of, across
/// all years, with where it stands and what came of it (采用 at which level, 批示).</summary>
public sealed class MyReportsHandler(TongxinDbContext db, OpinionAccess access, Platform.Tenancy.IActorAccessor actors)
{
    public async Task<PagedList<MyReportRow>> ListAsync(int? year, OpinionStatus? status, int page, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var userId = actors.Actor.UserId;
        var query = Mine(memberId);
        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var list = await query.OrderByDescending(r => r.Year).ThenByDescending(r => r.CreatedAt)
            .Select(r => new MyReportRow(r.Id, r.Year, r.SerialNo, r.Title, r.Status, r.SubmitterKind, r.SubmitterName,
                r.CreatedByUserId == userId || r.LeadMemberId == memberId, r.CreatedAt, r.SubmittedAt, ""))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        var ids = list.Items.Select(r => r.Id).ToList();
        var outcomes = await db.OpinionOutcomes.AsNoTracking().Where(o => ids.Contains(o.ReportId))
            .OrderBy(o => o.Date).Select(o => new { o.ReportId, o.Kind, o.Level, o.Combined, o.InstructionLevel }).ToListAsync(ct);
        return list with
        {
            Items = [.. list.Items.Select(r => r with
            {
                Outcomes = string.Join("；", outcomes.Where(o => o.ReportId == r.Id)
                    .Select(o => o.Kind == OpinionOutcomeKind.Instruction
                        ? $"{o.InstructionLevel?.DisplayName()}批示"
                        : $"{o.Level.DisplayName()}{o.Kind.DisplayName()}{(o.Combined ? "（综合）" : "")}")
                    .Distinct()),
            })],
        };
    }

    /// <summary>The years the member has reports in, newest first, for the filter.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        return await Mine(memberId).Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
    }

    /// <summary>Drafts are the writer's own; co-authors see a joint report once it is submitted.</summary>
    private IQueryable<OpinionReport> Mine(Guid memberId)
    {
        var userId = actors.Actor.UserId;
        return access.Readable().AsNoTracking()
            .Where(r => r.Status != OpinionStatus.Draft || r.CreatedByUserId == userId || r.LeadMemberId == memberId);
    }
}
