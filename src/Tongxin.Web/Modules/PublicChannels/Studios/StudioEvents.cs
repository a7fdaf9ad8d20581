using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Studios;

/// <summary>What happened to a studio message.</summary>
public enum StudioMessageEvent
{
    [Display(Name = "转交承办单位")]
    Forwarded = 1,
    [Display(Name = "承办单位已答复")]
    UnitAnswered = 2,
    [Display(Name = "已答复群众")]
    Replied = 3,
}

/// <summary>工作室来信变动 – raised in the same save as a handler's change; the hosts and units it
/// concerns are told in their inbox. (A new letter is the intake's <see cref="PublicSubmissionReceived"/>.)</summary>
/// <param name="SubmissionId">The message.</param>
/// <param name="CommitteeId">Its committee.</param>
/// <param name="StudioId">Its studio.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Title">The message's title, for the notification.</param>
/// <param name="UnitId">The unit it was forwarded to, for <see cref="StudioMessageEvent.Forwarded"/>.</param>
public sealed record StudioMessageChanged(
    Guid SubmissionId, Guid CommitteeId, Guid StudioId, StudioMessageEvent Kind, string Title, Guid? UnitId = null) : IDomainEvent;

/// <summary>Tells the hosts of a studio about a new message (once it is past moderation) and a
/// unit's answer, and the unit about a forwarded message. The public has no account: it follows
/// the message with its receipt code.</summary>
public sealed class NotifyStudioParties(TongxinDbContext db, NotificationService notifications)
    : IEventHandler<StudioMessageChanged>, IEventHandler<PublicSubmissionReceived>
{
    public async Task HandleAsync(PublicSubmissionReceived e, EventContext ctx, CancellationToken ct)
    {
        if (e.Channel != PublicChannel.Studio || e.StudioId is not { } studioId || e.Status != PublicSubmissionStatus.Received)
        {
            return;
        }

        var title = await db.PublicSubmissions.Where(s => s.Id == e.SubmissionId).Select(s => s.Title).FirstOrDefaultAsync(ct);
        if (title is not null)
        {
            await NotifyHostsAsync(studioId, e.SubmissionId, "工作室新来信", $"您主持的委员工作室收到群众来信《{Shorten(title)}》，请及时答复或转交承办单位。", ct);
        }
    }

    public async Task HandleAsync(StudioMessageChanged e, EventContext ctx, CancellationToken ct)
    {
        switch (e.Kind)
        {
            case StudioMessageEvent.UnitAnswered:
                await NotifyHostsAsync(e.StudioId, e.SubmissionId, "工作室来信已获承办单位答复", $"承办单位已答复转交的来信《{Shorten(e.Title)}》，请向群众反馈办理结果。", ct);
                break;
            case StudioMessageEvent.Forwarded when e.UnitId is { } unitId:
                var units = await db.Users.Where(u => !u.IsDisabled && u.HandlingUnitId == unitId).Select(u => u.Id).ToListAsync(ct);
                await notifications.NotifyAsync(units, "委员工作室转交来信", $"委员工作室转交来信《{Shorten(e.Title)}》，请答复。",
                    $"/PublicChannels/Studios/Forwarded/Detail/{e.SubmissionId}", ct);
                break;
        }
    }

    private async Task NotifyHostsAsync(Guid studioId, Guid submissionId, string subject, string body, CancellationToken ct)
    {
        var hosts = await db.Users
            .Where(u => !u.IsDisabled && u.MemberId != null && db.MemberStudioHosts.Any(h => h.StudioId == studioId && h.MemberId == u.MemberId))
            .Select(u => u.Id).ToListAsync(ct);
        await notifications.NotifyAsync(hosts, subject, body, $"/PublicChannels/Studios/Messages/Detail/{submissionId}", ct);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>"我的待办": studio messages waiting for a host's reply, and forwarded ones waiting for the unit.</summary>
public sealed class StudioTodos(TongxinDbContext db) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (actor.IsSystem)
        {
            return [];
        }

        if (StudioAccess.IsMember(actor))
        {
            var memberId = actor.MemberId!.Value;
            var count = await db.PublicSubmissions.CountAsync(s => s.Channel == PublicChannel.Studio
                && (s.Status == PublicSubmissionStatus.Received || s.Status == PublicSubmissionStatus.Processing)
                && db.MemberStudioHosts.Any(h => h.StudioId == s.StudioId && h.MemberId == memberId), ct);
            return [new TodoItem("待答复的工作室来信", count, "/PublicChannels/Studios/Messages?open=true", "公众渠道")];
        }

        if (StudioAccess.IsUnit(actor))
        {
            var unitId = actor.HandlingUnitId!.Value;
            var count = await db.PublicSubmissions.CountAsync(s => s.Channel == PublicChannel.Studio
                && s.ForwardedUnitId == unitId && s.Status == PublicSubmissionStatus.ForwardedToUnit, ct);
            return [new TodoItem("待答复的工作室转交", count, "/PublicChannels/Studios/Forwarded?open=true", "公众渠道")];
        }

        return [];
    }
}
