using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.Liaison;

/// <summary>一人一事 item as the member's form sends it.</summary>
public sealed class PlanItemInput
{
    public const int MaxTitle = 100;
    public const int MaxDetail = 1000;

    [Display(Name = "事项")]
    public string Title { get; set; } = "";

    [Display(Name = "具体内容")]
    public string? Detail { get; set; }

    /// <summary>The item's version the form was read at (null: not checked); a stale one is refused.</summary>
    public int? Version { get; set; }
}

/// <summary>完成情况 of an item.</summary>
public sealed class PlanCompletionInput
{
    public const int MaxNote = 500;

    [Display(Name = "完成日期")]
    public DateOnly? CompletedOn { get; set; }

    [Display(Name = "完成情况")]
    public string? Note { get; set; }
}

public sealed record PlanItemView(Guid Id, string Title, string Detail, DateOnly? CompletedOn, string CompletionNote, int SortOrder, int Version = 0)
{
    public bool Done => CompletedOn is not null;
}

/// <summary>A member's plan for a year; <see cref="CanEdit"/> only for the member themself.</summary>
public sealed record DutyPlanView(Guid MemberId, string MemberName, int Year, bool CanEdit, IReadOnlyList<PlanItemView> Items)
{
    public int Done => Items.Count(i => i.Done);
}

/// <summary>One member's line of the committee overview.</summary>
public sealed record PlanOverviewRow(Guid MemberId, string MemberName, string Sector, int Items, int Done);

/// <summary>The committee's 一人一事 for a year: members with a plan, items done of total.</summary>
public sealed record PlanOverview(int Year, int Members, int MembersWithPlan, int Items, int Done, PagedList<PlanOverviewRow> Rows);

/// <summary>一人一事 – a member keeps their own plan for the year (items, completion); staff with
/// 委员履职 and leaders read any member's plan of the committee and the committee's overview.
/// Completion changes raise <see cref="DutyRecordChanged"/> (a completed item is a duty entry).</summary>
public sealed class DutyPlanHandler(TongxinDbContext db, PerformanceAccess access, IActorAccessor actors, TimeProvider time)
{
    public const int MaxItems = 20;

    private Actor Actor => actors.Actor;

    /// <summary>The plan of <paramref name="memberId"/> (null: the actor's own) for the year.</summary>
    public async Task<DutyPlanView> GetAsync(Guid? memberId, int year, CancellationToken ct = default)
    {
        var id = memberId ?? access.RequireMember();
        var committeeId = await access.RequireRecordReaderAsync(id, ct);
        var name = await db.Members.IgnoreQueryFilters().Where(m => m.Id == id).Select(m => m.Name).FirstAsync(ct);
        var items = await db.DutyPlanItems.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.MemberId == id && p.Year == year && p.CommitteeId == committeeId)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.CreatedAt)
            .Select(p => new PlanItemView(p.Id, p.Title, p.Detail, p.CompletedOn, p.CompletionNote, p.SortOrder, p.Version)).ToListAsync(ct);
        return new DutyPlanView(id, name, year, id == Actor.MemberId, items);
    }

    public async Task<Guid> AddAsync(int year, PlanItemInput input, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var committeeId = Actor.CommitteeId!.Value;
        var today = BeijingTime.Today(time);
        var count = await db.DutyPlanItems.CountAsync(p => p.MemberId == memberId && p.Year == year, ct);
        Check(input)
            .Require(year >= today.Year - 1 && year <= today.Year + 1, "Year", $"只能制定{today.Year - 1}年至{today.Year + 1}年的一人一事计划。")
            .Require(count < MaxItems, nameof(input.Title), $"每年的一人一事计划最多{MaxItems}项。")
            .ThrowIfInvalid();
        var order = count == 0 ? 0 : await db.DutyPlanItems.Where(p => p.MemberId == memberId && p.Year == year).MaxAsync(p => p.SortOrder, ct) + 1;
        var item = new DutyPlanItem
        {
            CommitteeId = committeeId,
            MemberId = memberId,
            Year = year,
            Title = input.Title.Trim(),
            Detail = (input.Detail ?? "").Trim(),
            SortOrder = order,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.DutyPlanItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public async Task UpdateAsync(Guid id, PlanItemInput input, CancellationToken ct = default)
    {
        var item = await LoadOwnAsync(id, ct);
        Check(input).ThrowIfInvalid();
        if (input.Version is { } version)
        {
            db.Entry(item).Property(x => x.Version).OriginalValue = version;
        }

        item.Title = input.Title.Trim();
        item.Detail = (input.Detail ?? "").Trim();
        if (item.CompletedOn is not null)
        {
            // A completed item's title is its duty entry's title.
            db.Raise(new DutyRecordChanged(item.CommitteeId, item.MemberId, item.Year));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该事项刚刚已在别处修改，您的修改未保存。请刷新后重新编辑。");
        }
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var item = await LoadOwnAsync(id, ct);
        db.DutyPlanItems.Remove(item);
        if (item.CompletedOn is not null)
        {
            db.Raise(new DutyRecordChanged(item.CommitteeId, item.MemberId, item.Year));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>标记完成 (or changes the completion date and note).</summary>
    public async Task CompleteAsync(Guid id, PlanCompletionInput input, CancellationToken ct = default)
    {
        var item = await LoadOwnAsync(id, ct);
        var today = BeijingTime.Today(time);
        new Validation()
            .Require(input.CompletedOn is not null, nameof(input.CompletedOn), "请填写完成日期。")
            .Require(input.CompletedOn is null || input.CompletedOn <= today, nameof(input.CompletedOn), $"完成日期不能晚于今天（{today:yyyy年M月d日}）。")
            .Require(input.CompletedOn is null || input.CompletedOn.Value.Year == item.Year, nameof(input.CompletedOn), $"完成日期须在计划年度（{item.Year}年）内。")
            .MaxLength(input.Note?.Trim(), PlanCompletionInput.MaxNote, nameof(input.Note), "完成情况")
            .ThrowIfInvalid();
        item.CompletedOn = input.CompletedOn;
        item.CompletionNote = (input.Note ?? "").Trim();
        db.Raise(new DutyRecordChanged(item.CommitteeId, item.MemberId, item.Year));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>重新打开 – the item is not completed any more.</summary>
    public async Task ReopenAsync(Guid id, CancellationToken ct = default)
    {
        var item = await LoadOwnAsync(id, ct);
        if (item.CompletedOn is null)
        {
            throw new ConflictException("该事项尚未完成。");
        }

        item.CompletedOn = null;
        item.CompletionNote = "";
        db.Raise(new DutyRecordChanged(item.CommitteeId, item.MemberId, item.Year));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The committee's completion overview (staff with 委员履职, leaders): every active member, those with a plan first.</summary>
    public async Task<PlanOverview> OverviewAsync(int year, int page, CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException();
        access.RequireCommitteeReader(committeeId);
        var items = db.DutyPlanItems.AsNoTracking().Where(p => p.CommitteeId == committeeId && p.Year == year);
        var perMember = await items.GroupBy(p => p.MemberId)
            .Select(g => new { MemberId = g.Key, Items = g.Count(), Done = g.Count(p => p.CompletedOn != null) }).ToListAsync(ct);
        var members = await (from m in db.Members.AsNoTracking()
                             where m.CommitteeId == committeeId && (m.IsActive || items.Any(p => p.MemberId == m.Id))
                             join s in db.Sectors.AsNoTracking() on m.SectorId equals s.Id into ss
                             from s in ss.DefaultIfEmpty()
                             select new { m.Id, m.Name, Sector = s == null ? "" : s.Name }).ToListAsync(ct);
        var rows = members.Select(m =>
            {
                var p = perMember.FirstOrDefault(x => x.MemberId == m.Id);
                return new PlanOverviewRow(m.Id, m.Name, m.Sector, p?.Items ?? 0, p?.Done ?? 0);
            })
            .OrderByDescending(r => r.Items > 0).ThenBy(r => r.Items == 0 ? 0 : (double)r.Done / r.Items).ThenBy(r => r.MemberName, StringComparer.Ordinal)
            .ToList();
        var pageSize = Paging.DefaultPageSize;
        var pageCount = Math.Max(1, (rows.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var paged = new PagedList<PlanOverviewRow>([.. rows.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, rows.Count);
        return new PlanOverview(year, rows.Count, perMember.Count, perMember.Sum(p => p.Items), perMember.Sum(p => p.Done), paged);
    }

    private static Validation Check(PlanItemInput input) => new Validation()
        .NotBlank(input.Title, nameof(input.Title), "事项")
        .MaxLength(input.Title?.Trim(), PlanItemInput.MaxTitle, nameof(input.Title), "事项")
        .MaxLength(input.Detail?.Trim(), PlanItemInput.MaxDetail, nameof(input.Detail), "具体内容");

    /// <summary>The tracked item when it is the actor's own: 404 when not visible, 403 when another member's.</summary>
    private async Task<DutyPlanItem> LoadOwnAsync(Guid id, CancellationToken ct)
    {
        var memberId = access.RequireMember();
        var item = await db.DutyPlanItems.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("一人一事事项");
        return item.MemberId == memberId ? item : throw new ForbiddenException("只能修改本人的一人一事计划。");
    }
}
