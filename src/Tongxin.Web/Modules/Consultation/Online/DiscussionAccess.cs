using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Online;

/// <summary>The discussion a request works on, as the handlers need it (no tracking).</summary>
public sealed record DiscussionRef(
    Guid Id,
    Guid CommitteeId,
    Guid? ActivityId,
    Guid? TopicId,
    string Title,
    string Intro,
    bool PublicParticipation,
    string Token,
    DiscussionStatus Status,
    int CommentCount,
    DateTime CreatedAt);

/// <summary>参与者 – who comments, likes or reports: a signed-in member or staff account
/// (key <c>u:{userId}</c>) or a member of the public through the token link (key <c>p:{clientHash}</c>).</summary>
public sealed record Participant(string Key, Guid? UserId, bool IsPublic, string? ClientHash)
{
    public static Participant User(Guid userId) => new($"u:{userId}", userId, false, null);

    public static Participant Public(string clientHash) => new($"p:{clientHash}", null, true, clientHash);
}

/// <summary>Who may read and write a 网络议政 (DESIGN.md "Who may do what"): members, staff and
/// leaders of a committee the actor may read; writes only in the actor's own committee; the public
/// only through the token when public participation is on. Moderation and opening need the
/// 协商议政 permission.</summary>
public sealed class DiscussionAccess(TongxinDbContext db, ActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    /// <summary>Members, staff and leaders take part in their committee's discussions.</summary>
    public static bool MayTakePart(Actor a) =>
        a.IsAuthenticated && (a.IsInRole(Roles.Member) || a.IsInRole(Roles.Staff) || a.IsInRole(Roles.Leader));

    public static bool IsModerator(Actor a) => ConsultationAccess.IsConsultationStaff(a);

    /// <summary>A discussion for a signed-in reader, or 404 (other committee) / 403 (role).</summary>
    public async Task<DiscussionRef> LoadForReaderAsync(Guid id, CancellationToken ct = default)
    {
        if (!MayTakePart(Actor))
        {
            throw new ForbiddenException("只有委员和政协工作人员可以参与网络议政。");
        }

        return await Project(db.Discussions.Where(d => d.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("网络议政");
    }

    /// <summary>A discussion for a signed-in writer (comment, like, report): own committee only.</summary>
    public async Task<DiscussionRef> LoadForWriterAsync(Guid id, CancellationToken ct = default)
    {
        var d = await LoadForReaderAsync(id, ct);
        if (!Actor.CanWrite(d.CommitteeId))
        {
            throw new ForbiddenException("只能参与本级政协的网络议政。");
        }

        return d;
    }

    /// <summary>A discussion for a moderator (staff with 协商议政 of its own committee).</summary>
    public async Task<DiscussionRef> LoadForModeratorAsync(Guid id, CancellationToken ct = default)
    {
        if (!IsModerator(Actor))
        {
            throw new ForbiddenException("只有具有协商议政管理权限的工作人员可以管理网络议政。");
        }

        return await LoadForWriterAsync(id, ct);
    }

    /// <summary>The public side: the discussion with this token and public participation on, else
    /// 404 (an unknown token and a discussion closed to the public look the same). From here on the
    /// request acts as <see cref="Actor.Public"/> of the discussion's committee.</summary>
    public async Task<DiscussionRef> LoadPublicAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length != DiscussionAdmin.TokenLength)
        {
            throw new NotFoundException("网络议政");
        }

        // The token is the capability: looked up across committees before the actor is known.
        var d = await Project(db.Discussions.IgnoreQueryFilters().Where(x => x.Token == token && x.PublicParticipation))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("网络议政");
        PublicActor.Enter(actors, d.CommitteeId);
        return d;
    }

    /// <summary>The participant of a signed-in request.</summary>
    public Participant SignedIn() =>
        Actor.UserId is { } id ? Participant.User(id) : throw new ForbiddenException("请先登录。");

    /// <summary>May the principal of a live connection watch the discussion? Members, staff and
    /// leaders of a committee that may read it; anyone with the token when public participation is on.</summary>
    public static async Task<bool> MayWatchAsync(TongxinDbContext db, CommitteeTree tree, ClaimsPrincipal? user, Guid discussionId, string? token, CancellationToken ct)
    {
        var d = await db.Discussions.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.Id == discussionId)
            .Select(x => new { x.CommitteeId, x.PublicParticipation, x.Token })
            .FirstOrDefaultAsync(ct);
        if (d is null)
        {
            return false;
        }

        if (d.PublicParticipation && !string.IsNullOrEmpty(token)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(d.Token)))
        {
            return true;
        }

        if (user?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(TongxinClaims.Committee), out var committeeId)
            || !(user.IsInRole(Roles.Member) || user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Leader)))
        {
            return false;
        }

        return (await tree.ReadableFromAsync(committeeId, ct)).Contains(d.CommitteeId);
    }

    public static IQueryable<DiscussionRef> Project(IQueryable<Discussion> q) =>
        q.AsNoTracking().Select(d => new DiscussionRef(
            d.Id, d.CommitteeId, d.ActivityId, d.TopicId, d.Title, d.Intro, d.PublicParticipation, d.Token, d.Status, d.CommentCount, d.CreatedAt));
}
