using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Studios;

/// <summary>One forwarded message in the unit's list.</summary>
public sealed record ForwardedRow(Guid Id, string StudioName, string Title, PublicSubmissionStatus Status, DateTime CreatedAt, DateTime? UnitRepliedAt, DateTime LastActivityAt)
{
    /// <summary>Still waiting for the unit's answer.</summary>
    public bool Open => Status == PublicSubmissionStatus.ForwardedToUnit;
}

/// <summary>工作室转交 – the studio messages a handling unit was asked to answer: it sees only its
/// own, with the phone masked, and answers the host (who reports back to the public).</summary>
public sealed class StudioForwarded(TongxinDbContext db, StudioAccess access, StudioMessages messages)
{
    public const int AnswerMax = 2000;

    public async Task<PagedList<ForwardedRow>> ListAsync(bool open, int page, CancellationToken ct = default)
    {
        var q = access.UnitMessages().AsNoTracking();
        if (open)
        {
            q = q.Where(s => s.Status == PublicSubmissionStatus.ForwardedToUnit);
        }

        return await q.OrderByDescending(s => s.LastActivityAt).ThenByDescending(s => s.Id)
            .Select(s => new ForwardedRow(s.Id, db.MemberStudios.Where(x => x.Id == s.StudioId).Select(x => x.Name).FirstOrDefault() ?? "",
                s.Title, s.Status, s.CreatedAt, s.UnitRepliedAt, s.LastActivityAt))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    public async Task<StudioMessageDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var m = await access.LoadForUnitAsync(id, ct);
        return await messages.DetailAsync(m, StudioMessages.Mask(m.Phone), ct);
    }

    /// <summary>承办单位答复 – goes back to the hosts, who report it to the public.</summary>
    public async Task AnswerAsync(Guid id, string? answer, int version, CancellationToken ct = default)
    {
        var m = await access.LoadForUnitAsync(id, ct);
        db.ExpectVersion(m, version);
        var text = PublicText.Block(answer);
        new Validation().NotBlank(text, "answer", "答复内容").MaxLength(text, AnswerMax, "answer", "答复内容").ThrowIfInvalid();
        StudioMessageFlow.UnitAnswer(m, text, db.Time.GetUtcNow().UtcDateTime);
        db.Raise(new StudioMessageChanged(m.Id, m.CommitteeId, m.StudioId!.Value, StudioMessageEvent.UnitAnswered, m.Title));
        await StudioSave.ActionAsync(db, ct);
    }
}
