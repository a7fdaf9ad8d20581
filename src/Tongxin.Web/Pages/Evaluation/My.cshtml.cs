using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Evaluation;

namespace Tongxin.Pages.Evaluation;

/// <summary>我的评价问卷 – the signed-in account's invitations: rounds to answer, and the rest (answered,
/// between rounds, not started, finished). Any account may be an expert, so the page is open to all.</summary>
public class MyModel(AnswerHandler answers) : PageModel
{
    public IReadOnlyList<MyProjectRow> Pending { get; private set; } = [];

    public IReadOnlyList<MyProjectRow> Others { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await answers.MyProjectsAsync(ct);
        Pending = [.. rows.Where(IsPending)];
        Others = [.. rows.Where(r => !IsPending(r))];
    }

    private static bool IsPending(MyProjectRow r) => r.Status == EvaluationStatus.Open && r.Answered < r.Questions;
}
