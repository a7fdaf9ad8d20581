using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Review;

/// <summary>Proposal API for staff (review, assignment, reply review, settings) and for the
/// proposer's rating: the same handlers as the pages, so the same rules and authorization.</summary>
public static class ProposalReviewApi
{
    public sealed record FileRequest(IReadOnlyList<Guid> Ids, string? Category);
    public sealed record MergeRequest(Guid MainId, string? Note);
    public sealed record NotFileRequest(string Reason, string? Note);
    public sealed record NoteRequest(string Note);
    public sealed record MarkRequest(bool IsKey, bool IsImportant, string? SupervisingLeader, Guid? ProjectId);
    public sealed record ExcellentRequest(bool Excellent);
    public sealed record ProjectRequest(Guid SessionId, string Name, string? Description);
    public sealed record AssignRequest(AssignmentMode Mode, IReadOnlyList<UnitChoice> Units);
    public sealed record ReturnDecision(bool Approve, Guid? NewUnitId, string? Note);
    public sealed record ReassignRequest(Guid NewUnitId, string Reason);
    public sealed record ExtendRequest(DateOnly NewDeadline, string Reason);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/proposals").RequireSignedIn().WithTags("提案");
        g.MapGet("/{id:guid}", (Guid id, ProposalDetailQuery q, CancellationToken ct) => q.GetAsync(id, ct));
        g.MapPost("/file", async (FileRequest r, ProposalReviewHandler h, CancellationToken ct) =>
            Results.Ok(new { numbers = await h.FileAsync(r.Ids, r.Category, ct) }));
        g.MapPost("/{id:guid}/merge", (Guid id, MergeRequest r, ProposalReviewHandler h, CancellationToken ct) =>
            NoContent(h.MergeAsync(id, r.MainId, r.Note, ct)));
        g.MapPost("/{id:guid}/not-file", (Guid id, NotFileRequest r, ProposalReviewHandler h, CancellationToken ct) =>
            NoContent(h.NotFileAsync(id, r.Reason, r.Note, ct)));
        g.MapPost("/{id:guid}/return", (Guid id, NoteRequest r, ProposalReviewHandler h, CancellationToken ct) =>
            NoContent(h.ReturnAsync(id, r.Note, ct)));
        g.MapPost("/{id:guid}/mark", (Guid id, MarkRequest r, ProposalReviewHandler h, CancellationToken ct) =>
            NoContent(h.MarkAsync(id, r.IsKey, r.IsImportant, r.SupervisingLeader, r.ProjectId, ct)));
        g.MapPost("/{id:guid}/excellent", (Guid id, ExcellentRequest r, ProposalReviewHandler h, CancellationToken ct) =>
            NoContent(h.SetExcellentAsync(id, r.Excellent, ct)));
        g.MapPost("/projects", async (ProjectRequest r, ProposalReviewHandler h, CancellationToken ct) =>
            Results.Ok(new { id = await h.CreateProjectAsync(r.SessionId, r.Name, r.Description, ct) }));
        g.MapPost("/{id:guid}/assign", (Guid id, AssignRequest r, ProposalAssignmentHandler h, CancellationToken ct) =>
            NoContent(h.AssignAsync(id, r.Mode, r.Units, ct)));
        g.MapPost("/assignments/{assignmentId:guid}/return-decision", (Guid assignmentId, ReturnDecision r, ProposalAssignmentHandler h, CancellationToken ct) =>
            NoContent(h.DecideReturnAsync(assignmentId, r.Approve, r.NewUnitId, r.Note, ct)));
        g.MapPost("/assignments/{assignmentId:guid}/reassign", (Guid assignmentId, ReassignRequest r, ProposalAssignmentHandler h, CancellationToken ct) =>
            NoContent(h.ReassignAsync(assignmentId, r.NewUnitId, r.Reason, ct)));
        g.MapPost("/assignments/{assignmentId:guid}/extend", (Guid assignmentId, ExtendRequest r, ProposalAssignmentHandler h, CancellationToken ct) =>
            NoContent(h.ExtendDeadlineAsync(assignmentId, r.NewDeadline, r.Reason, ct)));
        g.MapPost("/replies/{replyId:guid}/approve", (Guid replyId, ReplyReviewHandler h, CancellationToken ct) =>
            NoContent(h.ApproveAsync(replyId, ct)));
        g.MapPost("/replies/{replyId:guid}/reject", (Guid replyId, NoteRequest r, ReplyReviewHandler h, CancellationToken ct) =>
            NoContent(h.RejectAsync(replyId, r.Note, ct)));
        g.MapGet("/{id:guid}/rating", (Guid id, ProposalRatingHandler h, CancellationToken ct) => h.StateAsync(id, ct));
        g.MapPost("/{id:guid}/rating", (Guid id, RatingInput r, ProposalRatingHandler h, CancellationToken ct) =>
            NoContent(h.RateAsync(id, r, ct)));
        g.MapGet("/settings", (ProposalSettingsHandler h, CancellationToken ct) => h.GetAsync(ct));
        g.MapPut("/settings", (ProposalSettingsInput r, ProposalSettingsHandler h, CancellationToken ct) =>
            NoContent(h.SaveAsync(r, ct)));
    }

    private static async Task<IResult> NoContent(Task action)
    {
        await action;
        return Results.NoContent();
    }
}
