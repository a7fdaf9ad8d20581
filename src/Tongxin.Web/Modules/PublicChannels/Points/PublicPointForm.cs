using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>What the public form shows about its point.</summary>
public sealed record PublicPointView(Guid Id, Guid CommitteeId, string Name, string CommitteeName, LiaisonPointKind Kind, string Address, string Description, string Token);

/// <summary>The active points by QR token, kept for <see cref="For"/> so that a busy point's form and
/// its posts do not each ask the database; only points that exist are kept (unknown tokens cannot
/// fill the memory). An edit or deletion on this instance drops the entry at once; other instances
/// of a multi-server deployment see it within <see cref="For"/>.</summary>
public sealed class PublicPointCache(IMemoryCache memory, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan For = TimeSpan.FromSeconds(30);

    /// <summary>The active point with this token, or null.</summary>
    public async Task<PublicPointView?> GetAsync(string token, CancellationToken ct = default)
    {
        if (memory.TryGetValue(Key(token), out PublicPointView? known))
        {
            return known;
        }

        PublicPointView? point;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
            point = await db.LiaisonPoints.IgnoreQueryFilters().AsNoTracking()
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
                .FirstOrDefaultAsync(ct);
        }

        if (point is not null)
        {
            memory.Set(Key(token), point, For);
        }

        return point;
    }

    /// <summary>After a point was edited, deactivated or deleted.</summary>
    public void Forget(string token) => memory.Remove(Key(token));

    private static string Key(string token) => $"tx:public-point:{token}";
}

/// <summary>码上商 public side – the page a QR code opens: finds the active point by its token,
/// turns the request into <see cref="Actor.Public"/> of the point's committee and stores the letter
/// through <see cref="PublicSubmissionIntake"/>.</summary>
public sealed class PublicPointForm(PublicPointCache cache, ActorAccessor actors, PublicFormStamps stamps, PublicSubmissionIntake intake)
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
        var point = await cache.GetAsync(token, ct) ?? throw new NotFoundException("联络点");
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
