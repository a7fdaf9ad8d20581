using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Drafting;

/// <summary>One line of 我的提案, with every co-signer's state.</summary>
public sealed record MyProposalRow(
    Guid Id,
    int Year,
    int? Number,
    string Title,
    ProposalStatus Status,
    ProposerKind Kind,
    string? GroupName,
    bool IsLead,
    string LeadMemberName,
    bool IsPlenary,
    bool SharedForDiscussion,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    IReadOnlyList<SignerView> CoSigners)
{
    public string DisplayNumber => Number is { } n ? $"第{n:D4}号" : "未编号";

    public bool CanEdit => IsLead && ProposalStateMachine.Allows(Status, ProposalAction.Edit);
}

/// <summary>我的提案 – every proposal the member signed (drafts only their own), across all years.</summary>
public sealed class MyProposalsHandler(TongxinDbContext db, ProposalAccess access, TimeProvider time)
{
    public async Task<PagedList<MyProposalRow>> ListAsync(int? year, ProposalStatus? status, int page, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var query = Mine(memberId);
        if (year is { } y)
        {
            query = query.Where(p => p.Year == y);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        var list = await query.OrderByDescending(p => p.Year).ThenByDescending(p => p.CreatedAt)
            .Select(p => new MyProposalRow(p.Id, p.Year, p.Number, p.Title, p.Status, p.Kind, p.GroupName, p.LeadMemberId == memberId,
                p.LeadMemberName, p.IsPlenary, p.SharedForDiscussion, p.CreatedAt, p.SubmittedAt, Array.Empty<SignerView>()))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        var ids = list.Items.Select(r => r.Id).ToList();
        var signers = await db.ProposalSigners.AsNoTracking().Where(x => ids.Contains(x.ProposalId) && !x.IsLead)
            .OrderBy(x => x.Order)
            .Select(x => new { x.ProposalId, View = new SignerView(x.MemberId, x.MemberName, x.Order, x.IsLead, x.Status, x.RequestedAt, x.ExpiresAt, x.RespondedAt) })
            .ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return list with
        {
            Items = [.. list.Items.Select(r => r with
            {
                CoSigners = [.. signers.Where(x => x.ProposalId == r.Id)
                    .Select(x => x.View with { Status = CoSigning.EffectiveStatus(x.View.Status, x.View.ExpiresAt, now) })],
            })],
        };
    }

    /// <summary>The years the member has proposals in, newest first, for the filter.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        return await Mine(memberId).Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
    }

    public const string ExportName = "我的提案.xlsx";

    /// <summary>我的提案 as an Excel sheet, with the same filters as the list. A member's own
    /// proposals over all years are at most a few hundred rows, so the sheet is built in memory.</summary>
    public async Task<byte[]> ExportAsync(int? year, ProposalStatus? status, CancellationToken ct = default)
    {
        var rows = new List<MyProposalRow>();
        PagedList<MyProposalRow> page;
        var n = 1;
        do
        {
            page = await ListAsync(year, status, n++, ct);
            rows.AddRange(page.Items);
        }
        while (page.HasNext);

        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("我的提案");
        string[] headers = ["年度", "编号", "案由", "提案方式", "我的身份", "状态", "大会提案", "联名情况", "提交时间"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var x = rows[r];
            object[] values =
            [
                x.Year, x.DisplayNumber, x.Title, x.Kind.DisplayName() + (x.GroupName is { } g ? $"（{g}）" : ""),
                x.IsLead ? "第一提案人" : "联名委员", x.Status.DisplayName(), x.IsPlenary ? "是" : "否",
                string.Join("；", x.CoSigners.Select(s => $"{s.Name}：{s.StatusLabel}")),
                x.SubmittedAt is { } at ? Platform.Calendar.BeijingTime.FromUtc(at).ToString("yyyy-MM-dd HH:mm") : "",
            ];
            for (var c = 0; c < values.Length; c++)
            {
                sheet.Cell(r + 2, c + 1).Value = values[c] is int i ? i : values[c].ToString();
            }
        }

        sheet.Row(1).Style.Font.Bold = true;
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    private IQueryable<Proposal> Mine(Guid memberId) =>
        access.Readable().AsNoTracking().Where(p => p.SourceReportId == null &&
            db.ProposalSigners.Any(s => s.ProposalId == p.Id && s.MemberId == memberId)
            && (p.Status != ProposalStatus.Draft || p.LeadMemberId == memberId));
}
