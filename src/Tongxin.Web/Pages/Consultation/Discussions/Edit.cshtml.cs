using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Discussions;

/// <summary>开启/编辑网络议政 – staff with 协商议政: for an activity (?activityId=) or a plan topic
/// (?topicId=), or an existing discussion (/Edit/{id}).</summary>
public class EditModel(DiscussionAdmin admin, DiscussionAccess access, TongxinDbContext db) : PageModel
{
    /// <summary>The form.</summary>
    public sealed class Fields
    {
        public string? Title { get; set; }

        public string? Intro { get; set; }

        public bool PublicParticipation { get; set; }
    }

    [BindProperty]
    public Fields Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? ActivityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? TopicId { get; set; }

    /// <summary>The activity or topic the discussion belongs to, as shown.</summary>
    public string? Subject { get; private set; }

    public bool IsNew { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var d = await access.LoadForModeratorAsync(existing, ct);
            Input = new Fields { Title = d.Title, Intro = d.Intro, PublicParticipation = d.PublicParticipation };
            ActivityId = d.ActivityId;
            TopicId = d.TopicId;
        }

        var subjectTitle = await SubjectAsync(ct);
        IsNew = id is null;
        if (IsNew)
        {
            // The activity's or topic's title is the usual title of its discussion.
            Input.Title ??= subjectTitle;
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        IsNew = id is null;
        var input = new DiscussionInput(Input.Title, Input.Intro, Input.PublicParticipation);
        try
        {
            if (id is { } existing)
            {
                await admin.UpdateAsync(existing, input, ct);
            }
            else
            {
                id = await admin.OpenAsync(ActivityId, TopicId, input, ct);
            }
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var text in messages)
                {
                    ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", text);
                }
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            await SubjectAsync(ct);
            return Page();
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            await SubjectAsync(ct);
            return Page();
        }

        TempData["Message"] = IsNew ? "网络议政已开启。" : "已保存。";
        return RedirectToPage("Detail", new { id });
    }

    private async Task<string?> SubjectAsync(CancellationToken ct)
    {
        Subject = ActivityId is { } a
            ? await db.Activities.Where(x => x.Id == a).Select(x => "活动：" + x.Title).FirstOrDefaultAsync(ct)
            : TopicId is { } t
                ? await db.ConsultationTopics.Where(x => x.Id == t).Select(x => "协商选题：" + x.Title).FirstOrDefaultAsync(ct)
                : null;
        return Subject?[(Subject.IndexOf('：') + 1)..];
    }
}
