using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>What the public form shows about its point.</summary>
public sealed record PublicPointView(Guid Id, Guid CommitteeId, string Name, string CommitteeName, LiaisonPointKind Kind, string Address, string Description, string Token);

/// <summary>码上商 public side – the page a QR code opens: finds the active point by its token,
/// turns the request into <see cref="Actor.Public"/> of the point's committee and stores the letter
/// through <see cref="PublicSubmissionIntake"/>.</summary>
public sealed class PublicPointForm(TongxinDbContext db, ActorAccessor actors, PublicFormStamps stamps, PublicSubmissionIntake intake)
{
    public static string Scope(string token) => $"point:{token}";

    /// <summary>The active point with this token, or 404 (an unknown, malformed or deactivated token look the same).</summary>
    public async Task<PublicPointView> FindAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 32)
        {
            throw new NotFoundException("联络点");
        }

        // The token is the capability: looked up across committees before the actor is known.
        var point = await db.LiaisonPoints.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Token == token && p.IsActive)
            .Select(p => new PublicPointView(
                p.Id,
                p.CommitteeId,
                p.Name,
                db.Committees.IgnoreQueryFilters().Where(c => c.Id == p.CommitteeId).Select(c => c.Name).FirstOrDefault() ?? "",
                p.Kind,
                p.Address,
                p.Description,
                p.Token))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("联络点");
        PublicActor.Enter(actors, point.CommitteeId);
        return point;
    }

    /// <summary>For a point found with <see cref="FindAsync"/>: checks the stamp and honeypot, then stores the letter (or finds the first one of this form).</summary>
    public async Task<PublicReceipt> SubmitAsync(PublicPointView point, PublicLetterInput input, string? stamp, string? honeypot, string clientHash, CancellationToken ct = default)
    {
        var ticket = stamps.Verify(Scope(point.Token), stamp, honeypot);
        return await intake.AcceptAsync(
            new PublicLetterTarget(point.CommitteeId, PublicChannel.LiaisonPoint, point.Id, null),
            input,
            ticket,
            clientHash,
            ct);
    }
}
