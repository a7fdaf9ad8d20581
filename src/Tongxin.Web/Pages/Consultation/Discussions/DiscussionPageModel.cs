using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Discussions;

/// <summary>What a discussion page shows and posts, shared by the members' page and the public
/// token page: the page of threads, the viewer's pending comments and the comment form.</summary>
public abstract class DiscussionPageModel(DiscussionQuery query) : PageModel
{
    /// <summary>The comment form.</summary>
    public sealed class CommentFields
    {
        public Guid? ParentId { get; set; }

        public string? Content { get; set; }

        /// <summary>昵称 (public participants only).</summary>
        public string? Name { get; set; }
    }

    [BindProperty]
    public CommentFields Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public CommentSort Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int LikedPage { get; set; } = 1;

    /// <summary>Answering this comment (?replyTo=…), for the form's heading.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ReplyTo { get; set; }

    public DiscussionRef Discussion { get; protected set; } = null!;

    public CommentPage Comments { get; private set; } = new([], null, null);

    public IReadOnlyList<CommentNode> MyPending { get; private set; } = [];

    /// <summary>May the viewer comment, like and report here (open and writable).</summary>
    public bool CanWrite { get; protected set; }

    protected async Task LoadCommentsAsync(Participant? viewer, CancellationToken ct)
    {
        Input.ParentId ??= ReplyTo;
        try
        {
            Comments = await query.PageAsync(Discussion, Sort, Before, LikedPage, viewer, ct);
        }
        catch (ValidationFailedException invalid)
        {
            // A malformed cursor (edited or truncated link): say so, with a 400, above the first page.
            ModelState.AddModelError("", invalid.Errors.Values.First()[0]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Before = null;
            Comments = await query.PageAsync(Discussion, Sort, null, LikedPage, viewer, ct);
        }

        if (viewer is not null)
        {
            MyPending = await query.MyPendingAsync(Discussion, viewer, ct);
        }
    }

    /// <summary>Runs a participant's action; a refusal is shown on the page with a 4xx status and
    /// nothing stored, success goes back to the page (post/redirect/get).</summary>
    protected async Task<IActionResult> ActAsync(Func<Task<string>> action, Func<Task> reload)
    {
        try
        {
            TempData["Message"] = await action();
            return RedirectToPage(new { Sort, Before, p = LikedPage == 1 ? (int?)null : LikedPage });
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var text in messages)
                {
                    ModelState.AddModelError(field.Length == 0 || field == "before" ? "" : $"Input.{field}", text);
                }
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        await reload();
        return Page();
    }

    public static string PostedMessage(PostedComment posted) =>
        posted.Status == Tongxin.Modules.Consultation.CommentStatus.Pending
            ? "您的评论已提交，待审核后公开显示。"
            : "评论已发表。";
}
