using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Evaluation;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Evaluation;

/// <summary>新建专家账号表单.</summary>
public sealed class ExpertAccountInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
}

/// <summary>评价项目 – the hierarchy (edited while Draft), the experts (invite an account or create one), the
/// Delphi rounds and the aggregation. Every action is checked by <see cref="ProjectHandler"/> /
/// <see cref="ResultsHandler"/>; a refusal a user can act on is shown on the page.</summary>
public class ProjectModel(ProjectHandler projects, ResultsHandler results) : PageModel
{
    public ProjectView View { get; private set; } = null!;

    /// <summary>The account search (姓名或用户名).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    public IReadOnlyList<CandidateRow> Candidates { get; private set; } = [];

    [BindProperty]
    public ExpertAccountInput Account { get; set; } = new();

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostAddNodeAsync(Guid id, Guid parentId, string? name, CancellationToken ct) =>
        ActAsync(id, async () => { await projects.AddNodeAsync(id, parentId, name, ct); return $"已添加指标「{name?.Trim()}」。"; }, ct);

    public Task<IActionResult> OnPostRenameNodeAsync(Guid id, Guid nodeId, string? name, int version, CancellationToken ct) =>
        ActAsync(id, async () => { await projects.RenameNodeAsync(id, nodeId, name, version, ct); return "指标名称已修改。"; }, ct);

    public Task<IActionResult> OnPostRemoveNodeAsync(Guid id, Guid nodeId, CancellationToken ct) =>
        ActAsync(id, async () => { await projects.RemoveNodeAsync(id, nodeId, ct); return "指标已删除。"; }, ct);

    public Task<IActionResult> OnPostInviteAsync(Guid id, Guid userId, CancellationToken ct) =>
        ActAsync(id, async () => { await projects.InviteAsync(id, userId, ct); return "已邀请专家。"; }, ct);

    public Task<IActionResult> OnPostCreateExpertAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            await projects.CreateExpertAccountAsync(id, Account.UserName, Account.DisplayName, Account.Password, ct);
            return $"已新建专家账号 {Account.UserName?.Trim()} 并邀请，请将用户名和初始密码告知专家。";
        }, ct);

    public Task<IActionResult> OnPostRemoveExpertAsync(Guid id, Guid expertId, CancellationToken ct) =>
        ActAsync(id, async () => { await projects.RemoveExpertAsync(id, expertId, ct); return "已取消邀请。"; }, ct);

    public Task<IActionResult> OnPostOpenRoundAsync(Guid id, int version, CancellationToken ct) =>
        ActAsync(id, async () => { await projects.OpenRoundAsync(id, version, ct); return "新一轮已开启，受邀专家可以作答。"; }, ct);

    public Task<IActionResult> OnPostCloseRoundAsync(Guid id, int version, CancellationToken ct) =>
        ActAsync(id, async () => { await projects.CloseRoundAsync(id, version, ct); return "本轮已结束，已计算专家意见的协调程度。"; }, ct);

    public Task<IActionResult> OnPostFinishAsync(Guid id, int version, CancellationToken ct) =>
        ActAsync(id, async () => { await projects.FinishAsync(id, version, ct); return "评价项目已完成。"; }, ct);

    public Task<IActionResult> OnPostAggregationAsync(Guid id, ExpertAggregation aggregation, int version, CancellationToken ct) =>
        ActAsync(id, async () => { await results.SetAggregationAsync(id, aggregation, version, ct); return "集结方式已保存。"; }, ct);

    /// <summary>Runs an action and returns to the project; a refusal (invalid input, wrong state, a parallel
    /// change) is shown on the page with the form's values kept.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string>> action, CancellationToken ct)
    {
        try
        {
            TempData["Message"] = await action();
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException invalid)
        {
            // The account form shows its own fields' errors; everything else (a node's name, the invited
            // account) is about a small inline form and goes above the page.
            string[] accountFields = [nameof(ExpertAccountInput.UserName), nameof(ExpertAccountInput.DisplayName), nameof(ExpertAccountInput.Password)];
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(accountFields.Contains(field) ? $"{nameof(Account)}.{field}" : "", message);
                }
            }
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        View = await projects.GetAsync(id, ct);
        Candidates = string.IsNullOrWhiteSpace(Q) ? [] : await projects.CandidatesAsync(id, Q, ct);
    }
}
