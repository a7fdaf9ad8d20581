using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Problems;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Problems;

/// <summary>记录问题 – a supervisor of a group (or supervision staff) records a problem with its evidence files.</summary>
public class RecordModel(ProblemRecording recording, ProblemQueries queries, AttachmentService attachments, IActorAccessor actors) : PageModel
{
    /// <summary>The form's fields.</summary>
    public sealed class Fields
    {
        [Display(Name = "问题标题")]
        public string? Title { get; set; }

        [Display(Name = "问题描述")]
        public string? Description { get; set; }

        [Display(Name = "地点")]
        public string? Location { get; set; }

        [Display(Name = "涉及部门")]
        public string? Department { get; set; }

        [Display(Name = "当事人")]
        public string? ConcernedPerson { get; set; }

        [Display(Name = "当事人电话")]
        public string? ConcernedPhone { get; set; }

        [Display(Name = "监督小组")]
        public Guid? GroupId { get; set; }

        [Display(Name = "监督选题")]
        public Guid? TopicId { get; set; }
    }

    [BindProperty]
    public Fields Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "证据附件")]
    public List<IFormFile> Evidence { get; set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Groups { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Title)> Topics { get; private set; } = [];

    public bool IsStaff => SupervisionAccess.IsSupervisionStaff(actors.Actor);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var ids = new List<Guid>();
        var input = new ProblemInput(Input.Title, Input.Description, Input.Location, Input.Department,
            Input.ConcernedPerson, Input.ConcernedPhone, Input.GroupId, Input.TopicId);
        // The fields are checked before files are stored, so a refused form leaves no files behind.
        ProblemRecording.Validate(input);
        foreach (var file in Evidence.Where(f => f.Length > 0))
        {
            await using var content = file.OpenReadStream();
            ids.Add((await attachments.UploadAsync(content, file.FileName, ct)).Id);
        }

        var id = await recording.RecordAsync(input with { AttachmentIds = ids }, ct);
        TempData["Message"] = "问题已记录。";
        return Redirect($"/Supervision/Problems/Detail/{id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!IsStaff && !SupervisionAccess.IsMember(actors.Actor))
        {
            throw new ForbiddenException("只有民主监督员和民主监督工作人员可以记录问题。");
        }

        Groups = await queries.GroupsAsync(ct);
        Topics = await queries.TopicsAsync(ct);
    }
}
