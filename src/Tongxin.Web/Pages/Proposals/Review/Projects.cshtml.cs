using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.Review;

/// <summary>专题项目 of a session: staff create them and see how many proposals each holds.</summary>
public class ProjectsModel(TongxinDbContext db, IActorAccessor actors, ProposalReviewHandler review) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Description, int Count);

    [BindProperty(SupportsGet = true)]
    public Guid? SessionId { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Sessions { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var c = Committee();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CommitteeId == c)
            .OrderByDescending(s => s.StartDate).Select(s => new { s.Id, s.Name, s.IsCurrent }).ToListAsync(ct);
        Sessions = [.. sessions.Select(s => (s.Id, s.Name))];
        SessionId ??= sessions.FirstOrDefault(s => s.IsCurrent)?.Id ?? sessions.FirstOrDefault()?.Id;
        Rows = await db.ProposalProjects.AsNoTracking().Where(x => x.CommitteeId == c && x.SessionId == SessionId)
            .OrderBy(x => x.Name)
            .Select(x => new Row(x.Id, x.Name, x.Description, db.Proposals.Count(p => p.ProjectId == x.Id)))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid sessionId, string name, string? description, CancellationToken ct)
    {
        try
        {
            await review.CreateProjectAsync(sessionId, name ?? "", description, ct);
            TempData["Message"] = "专题项目已创建。";
        }
        catch (ValidationFailedException e)
        {
            TempData["Error"] = e.Message;
        }

        return RedirectToPage(new { sessionId });
    }

    private Guid Committee() =>
        ProposalAccess.IsProposalStaff(actors.Actor) && actors.Actor.CommitteeId is { } c
            ? c
            : throw new ForbiddenException("只有具有提案管理权限的工作人员可以管理专题项目。");
}
