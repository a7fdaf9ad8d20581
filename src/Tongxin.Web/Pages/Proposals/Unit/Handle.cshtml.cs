using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Platform.Calendar;

namespace Tongxin.Pages.Proposals.Unit;

/// <summary>承办单位办理页 – one proposal as the unit handles it: accept or 申退, contacts, co-opinions,
/// the reply with its items, item status, and the timeline.</summary>
public class HandleModel(UnitHandlingQueries queries, UnitHandlingHandler handler, TimeProvider time) : PageModel
{
    /// <summary>Blank item rows offered in a new reply form.</summary>
    public const int BlankItemRows = 2;

    [FromRoute]
    public Guid ProposalId { get; set; }

    [BindProperty]
    public ReturnRequestInput ReturnInput { get; set; } = new();

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public CoOpinionInput Opinion { get; set; } = new();

    [BindProperty]
    public ReplyInput Reply { get; set; } = new();

    public HandlingView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Contact.Date = BeijingTime.Today(time);
        Opinion.Text = View.Mine.CoOpinion ?? "";
        if (View.CurrentReply is { } r)
        {
            Reply = new ReplyInput
            {
                Text = r.Text,
                Signer = r.Signer,
                ReplyClass = r.ReplyClass,
                Items = [.. r.Items.Select(i => new ReplyItemInput { Commitment = i.Commitment, ResponsibleUnit = i.ResponsibleUnit, PlannedDate = i.PlannedDate, Status = i.Status })],
            };
        }

        if (Reply.Items.Count == 0)
        {
            Reply.Items = [.. Enumerable.Range(0, BlankItemRows).Select(_ => new ReplyItemInput())];
        }
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        ActAsync(() => handler.AcceptAsync(ProposalId, ct), "已签收。", ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        ActAsync(() => handler.RequestReturnAsync(ProposalId, ReturnInput, ct), "退回申请已提交，请等待提案委审核。", ct);

    public Task<IActionResult> OnPostContactAsync(CancellationToken ct) =>
        ActAsync(() => handler.AddContactAsync(ProposalId, Contact, ct), "联系情况已登记。", ct);

    public Task<IActionResult> OnPostCoOpinionAsync(CancellationToken ct) =>
        ActAsync(() => handler.GiveCoOpinionAsync(ProposalId, Opinion, ct), "协办意见已提交。", ct);

    public Task<IActionResult> OnPostSaveReplyAsync(CancellationToken ct) =>
        ActAsync(() => handler.SaveReplyAsync(ProposalId, Reply, submit: false, ct), "答复草稿已保存。", ct);

    public Task<IActionResult> OnPostSubmitReplyAsync(CancellationToken ct) =>
        ActAsync(() => handler.SaveReplyAsync(ProposalId, Reply, submit: true, ct), "答复已提交，请等待提案委审核。", ct);

    public Task<IActionResult> OnPostItemAsync(Guid itemId, ItemStatus status, CancellationToken ct) =>
        ActAsync(() => handler.UpdateItemAsync(ProposalId, itemId, new ItemStatusInput { Status = status }, ct), "办理事项已更新。", ct);

    /// <summary>Loads the page first so that a refused action (a <c>DomainException</c>, turned into
    /// form errors by the page filter) shows the page with the user's input and the reason.</summary>
    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken ct)
    {
        await LoadAsync(ct);
        await action();
        TempData["Message"] = done;
        return RedirectToPage(new { proposalId = ProposalId });
    }

    private async Task LoadAsync(CancellationToken ct) => View = await queries.GetAsync(ProposalId, ct);
}
