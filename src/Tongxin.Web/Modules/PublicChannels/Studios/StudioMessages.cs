using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Studios;

/// <summary>工作室来信查询条件. <paramref name="Open"/>: only what still needs the host (待处理, 处理中).</summary>
public sealed record StudioMessageFilter(Guid? StudioId = null, PublicSubmissionStatus? Status = null, bool Open = false);

/// <summary>One message in the host's list; the phone is masked in lists, shown in full on the detail.</summary>
public sealed record StudioMessageRow(
    Guid Id, string StudioName, string Title, string? SubmitterName, string? MaskedPhone, PublicSubmissionStatus Status,
    string? UnitName, DateTime CreatedAt, DateTime LastActivityAt);

/// <summary>A studio message as its handler sees it. <see cref="Phone"/> is the full number for
/// the hosts and 公众渠道 staff, masked for the unit. The receipt code is never shown to handlers:
/// it is the submitter's key to the rating.</summary>
public sealed record StudioMessageDetail(
    Guid Id, Guid StudioId, string StudioName, string Title, string Content, string? SubmitterName, string? Phone,
    PublicSubmissionStatus Status, DateTime CreatedAt,
    Guid? UnitId, string? UnitName, string? UnitReply, DateTime? UnitRepliedAt,
    string? Reply, DateTime? RepliedAt, string? RepliedByName,
    PublicRating? Rating, string? RatingComment, int Version);

/// <summary>A handling unit to forward to.</summary>
public sealed record UnitOption(Guid Id, string Name);

/// <summary>工作室来信 – the hosts' inbox: list, read, reply to the public, 转交承办单位 and report back
/// after the unit's answer. 公众渠道 staff of the committee may do the same for every studio.</summary>
public sealed class StudioMessages(TongxinDbContext db, StudioAccess access, IActorAccessor actors)
{
    public const int ReplyMax = 2000;

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ExportName = "工作室来信.xlsx";

    private static readonly string[] Headers = ["工作室", "标题", "内容", "来信人", "联系电话", "状态", "承办单位", "来信时间", "答复时间", "评价"];
    private static readonly double[] Widths = [20, 36, 60, 10, 14, 12, 24, 17, 17, 10];

    public async Task<PagedList<StudioMessageRow>> ListAsync(StudioMessageFilter filter, int page, CancellationToken ct = default)
    {
        var rows = await Filtered(filter)
            .Select(s => new
            {
                s.Id,
                Studio = db.MemberStudios.Where(x => x.Id == s.StudioId).Select(x => x.Name).FirstOrDefault(),
                s.Title,
                s.SubmitterName,
                s.Phone,
                s.Status,
                Unit = db.HandlingUnits.Where(u => u.Id == s.ForwardedUnitId).Select(u => u.Name).FirstOrDefault(),
                s.CreatedAt,
                s.LastActivityAt,
            })
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        return new PagedList<StudioMessageRow>(
            [.. rows.Items.Select(r => new StudioMessageRow(r.Id, r.Studio ?? "", r.Title, r.SubmitterName, Mask(r.Phone), r.Status, r.Unit, r.CreatedAt, r.LastActivityAt))],
            rows.Page, rows.PageSize, rows.Total);
    }

    /// <summary>The filtered list as .xlsx (phones masked: the file leaves the system), written row by
    /// row into a self-deleting temporary file; the export is audited.</summary>
    public async Task<Stream> ExportAsync(StudioMessageFilter filter, CancellationToken ct = default)
    {
        var rows = Filtered(filter).Select(s => new
        {
            Studio = db.MemberStudios.Where(x => x.Id == s.StudioId).Select(x => x.Name).FirstOrDefault(),
            s.Title,
            s.Content,
            s.SubmitterName,
            s.Phone,
            s.Status,
            Unit = db.HandlingUnits.Where(u => u.Id == s.ForwardedUnitId).Select(u => u.Name).FirstOrDefault(),
            s.CreatedAt,
            s.RepliedAt,
            s.Rating,
        });
        return await XlsxStreamWriter.ExportAsync(
            rows.AsAsyncEnumerable(),
            "工作室来信",
            Widths,
            Headers,
            r => [r.Studio ?? "", r.Title, r.Content, r.SubmitterName ?? "", Mask(r.Phone) ?? "", r.Status.DisplayName(), r.Unit ?? "",
                BeijingTime.FromUtc(r.CreatedAt).ToString("yyyy-MM-dd HH:mm"),
                r.RepliedAt is { } at ? BeijingTime.FromUtc(at).ToString("yyyy-MM-dd HH:mm") : "", r.Rating?.DisplayName() ?? ""],
            async count =>
            {
                db.Audit("导出工作室来信", nameof(PublicSubmission), filter.StudioId?.ToString() ?? "", "成功", $"{count} 条");
                await db.SaveChangesAsync(ct);
            },
            ct);
    }

    private IQueryable<PublicSubmission> Filtered(StudioMessageFilter filter)
    {
        var q = access.HostMessages().AsNoTracking();
        if (filter.StudioId is { } studioId)
        {
            q = q.Where(s => s.StudioId == studioId);
        }

        if (filter.Status is { } status)
        {
            q = q.Where(s => s.Status == status);
        }

        if (filter.Open)
        {
            q = q.Where(s => s.Status == PublicSubmissionStatus.Received || s.Status == PublicSubmissionStatus.Processing);
        }

        return q.OrderByDescending(s => s.LastActivityAt).ThenByDescending(s => s.Id);
    }

    /// <summary>The studios the actor answers for, for the filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> StudiosAsync(CancellationToken ct = default)
    {
        var a = actors.Actor;
        var q = db.MemberStudios.AsNoTracking();
        if (PointsAccess.IsPublicStaff(a) && a.CommitteeId is { } committeeId)
        {
            q = q.Where(s => s.CommitteeId == committeeId);
        }
        else if (StudioAccess.IsMember(a))
        {
            var memberId = a.MemberId!.Value;
            q = q.Where(s => db.MemberStudioHosts.Any(h => h.StudioId == s.Id && h.MemberId == memberId));
        }
        else
        {
            return [];
        }

        var list = await q.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return [.. list.Select(s => (s.Id, s.Name))];
    }

    /// <summary>The message with the full phone number; reading it is recorded in the audit log,
    /// as every access to a sensitive field is.</summary>
    public async Task<StudioMessageDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var m = await access.LoadForHostAsync(id, ct);
        if (!string.IsNullOrEmpty(m.Phone))
        {
            db.Audit("查看联系电话", nameof(PublicSubmission), id.ToString(), "成功", "工作室来信");
            await db.SaveChangesAsync(ct);
        }

        return await DetailAsync(m, m.Phone, ct);
    }

    /// <summary>The committee's active units, to forward to.</summary>
    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(Guid messageId, CancellationToken ct = default)
    {
        var m = await access.LoadForHostAsync(messageId, ct);
        return await db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == m.CommitteeId && u.IsActive)
            .OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => new UnitOption(u.Id, u.Name)).ToListAsync(ct);
    }

    /// <summary>答复群众 – directly, or reporting back the unit's answer; the public reads it with the receipt code.</summary>
    public async Task ReplyAsync(Guid id, string? reply, int version, CancellationToken ct = default)
    {
        var m = await access.LoadForHostAsync(id, ct);
        db.ExpectVersion(m, version);
        var text = PublicText.Block(reply);
        new Validation().NotBlank(text, "reply", "答复内容").MaxLength(text, ReplyMax, "reply", "答复内容").ThrowIfInvalid();
        var now = db.Time.GetUtcNow().UtcDateTime;
        StudioMessageFlow.Reply(m, text, await db.ActorNameAsync(actors.Actor, ct), now);
        db.Raise(new StudioMessageChanged(m.Id, m.CommitteeId, m.StudioId!.Value, StudioMessageEvent.Replied, m.Title));
        await StudioSave.ActionAsync(db, ct);
    }

    /// <summary>转交承办单位 – to one active unit of the message's committee; the unit is told.</summary>
    public async Task ForwardAsync(Guid id, Guid? unitId, int version, CancellationToken ct = default)
    {
        var m = await access.LoadForHostAsync(id, ct);
        db.ExpectVersion(m, version);
        var unit = unitId is { } u
            ? await db.HandlingUnits.AsNoTracking().Where(x => x.Id == u && x.CommitteeId == m.CommitteeId && x.IsActive)
                .Select(x => new { x.Id }).FirstOrDefaultAsync(ct)
            : null;
        new Validation().Require(unit is not null, "unitId", "请选择本级政协的一个承办单位。").ThrowIfInvalid();
        StudioMessageFlow.Forward(m, unit!.Id, db.Time.GetUtcNow().UtcDateTime);
        db.Raise(new StudioMessageChanged(m.Id, m.CommitteeId, m.StudioId!.Value, StudioMessageEvent.Forwarded, m.Title, unit.Id));
        await StudioSave.ActionAsync(db, ct);
    }

    internal async Task<StudioMessageDetail> DetailAsync(PublicSubmission m, string? phone, CancellationToken ct)
    {
        var names = await db.MemberStudios.AsNoTracking().Where(s => s.Id == m.StudioId)
            .Select(s => new { s.Name, Unit = db.HandlingUnits.Where(u => u.Id == m.ForwardedUnitId).Select(u => u.Name).FirstOrDefault() })
            .FirstAsync(ct);
        return new StudioMessageDetail(
            m.Id, m.StudioId!.Value, names.Name, m.Title, m.Content, m.SubmitterName, phone, m.Status, m.CreatedAt,
            m.ForwardedUnitId, names.Unit, m.UnitReply, m.UnitRepliedAt, m.Reply, m.RepliedAt, m.RepliedByName,
            m.Rating, m.RatingComment, m.Version);
    }

    internal static string? Mask(string? phone) => string.IsNullOrEmpty(phone) ? null : PublicPhone.Mask(phone);
}

/// <summary>Saving shared by the studio handlers.</summary>
internal static class StudioSave
{
    /// <summary>Saves a message action; of two concurrent actions on one message the second is told in Chinese.</summary>
    public static async Task ActionAsync(TongxinDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该来信刚刚已被他人处理，您的操作未保存。请刷新后查看最新状态。");
        }
    }
}
