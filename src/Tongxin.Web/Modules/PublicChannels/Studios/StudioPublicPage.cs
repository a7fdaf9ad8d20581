using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Studios;

/// <summary>A reply the studio gave, as the public page shows it: no name, no phone, no receipt.</summary>
public sealed record AnsweredMessage(string Title, string Reply, DateTime RepliedAt);

/// <summary>The public page of one studio.</summary>
public sealed record PublicStudioView(
    Guid Id, Guid CommitteeId, string CommitteeName, string Token, string Name, string Description, string Address, bool IsActive,
    IReadOnlyList<string> Hosts, IReadOnlyList<AnsweredMessage> Answered);

/// <summary>One studio in the public index.</summary>
public sealed record PublicStudioCard(string Token, string Name, string CommitteeName, string Address, IReadOnlyList<string> Hosts);

/// <summary>线上委员工作室公开页 – anyone, without signing in, finds a studio, reads its hosts and the
/// replies it has given, and leaves a message (stored by the shared public intake with its abuse
/// defence). The studio is found by its unguessable token; from then on the request acts as the
/// public of the studio's committee.</summary>
public sealed class StudioPublicPage(TongxinDbContext db, ActorAccessor actors, PublicFormStamps stamps, PublicSubmissionIntake intake)
{
    /// <summary>How many answered messages the page shows.</summary>
    public const int AnsweredShown = 10;

    /// <summary>Active studios of every committee or of one, for the index (anonymous: read past the
    /// committee filter, public fields only).</summary>
    public async Task<PagedList<PublicStudioCard>> ListAsync(Guid? committeeId, int page, CancellationToken ct = default)
    {
        var studios = db.MemberStudios.IgnoreQueryFilters().AsNoTracking().Where(s => s.IsActive);
        if (committeeId is { } id)
        {
            studios = studios.Where(s => s.CommitteeId == id);
        }

        var rows = await studios
            .OrderBy(s => db.Committees.Where(c => c.Id == s.CommitteeId).Select(c => c.Name).FirstOrDefault()).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Token, s.Name, s.Address, Committee = db.Committees.Where(c => c.Id == s.CommitteeId).Select(c => c.Name).FirstOrDefault() })
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        var hosts = await StudioAdmin.HostNamesAsync(db, [.. rows.Items.Select(r => r.Id)], ct);
        return new PagedList<PublicStudioCard>(
            [.. rows.Items.Select(r => new PublicStudioCard(r.Token, r.Name, r.Committee ?? "", r.Address, hosts.GetValueOrDefault(r.Id, [])))],
            rows.Page, rows.PageSize, rows.Total);
    }

    /// <summary>The studio of <paramref name="token"/> (404 when unknown), read as the public of its committee.</summary>
    public async Task<PublicStudioView> FindAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 32)
        {
            throw new NotFoundException("委员工作室");
        }

        var studio = await db.MemberStudios.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct)
            ?? throw new NotFoundException("委员工作室");
        PublicActor.Enter(actors, studio.CommitteeId);
        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == studio.CommitteeId).Select(c => c.Name).FirstAsync(ct);
        var hosts = await StudioAdmin.HostNamesAsync(db, [studio.Id], ct);
        var answered = await db.PublicSubmissions.AsNoTracking()
            .Where(s => s.StudioId == studio.Id && s.Reply != null && s.RepliedAt != null
                && (s.Status == PublicSubmissionStatus.Replied || s.Status == PublicSubmissionStatus.Closed))
            .OrderByDescending(s => s.RepliedAt).ThenByDescending(s => s.Id)
            .Take(AnsweredShown)
            .Select(s => new AnsweredMessage(s.Title, s.Reply!, s.RepliedAt!.Value))
            .ToListAsync(ct);
        return new PublicStudioView(studio.Id, studio.CommitteeId, committee, studio.Token, studio.Name, studio.Description, studio.Address,
            studio.IsActive, hosts.GetValueOrDefault(studio.Id, []), answered);
    }

    /// <summary>Leaves a message: the form stamp and honeypot are checked, then the intake stores it
    /// once per form (a resent form gets the first receipt back).</summary>
    public async Task<PublicReceipt> SubmitAsync(PublicStudioView studio, PublicLetterInput input, string? stamp, string? honeypot, string clientHash, CancellationToken ct = default)
    {
        if (!studio.IsActive)
        {
            throw new ConflictException("该委员工作室暂停接收来信。");
        }

        var ticket = stamps.Verify(FormScope(studio.Token), stamp, honeypot);
        return await intake.AcceptAsync(new PublicLetterTarget(studio.CommitteeId, PublicChannel.Studio, null, studio.Id), input, ticket, clientHash, ct);
    }

    /// <summary>The form stamp's scope: a stamp from one studio's page is not accepted on another's.</summary>
    public static string FormScope(string token) => $"studio:{token}";
}
