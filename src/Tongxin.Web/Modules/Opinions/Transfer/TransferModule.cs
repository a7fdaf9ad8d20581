using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Transfer;

/// <summary>社情民意转办 and 提案转化 – registration of the part.</summary>
public static class TransferModule
{
    public static IServiceCollection AddOpinionTransfer(this IServiceCollection services)
    {
        services.AddScoped<OpinionTransferHandler>();
        services.AddScoped<ProposalConversionHandler>();
        services.AddScoped<ReportHandlingQuery>();
        services.AddScoped<TransferCaseList>();
        services.AddScoped<ITodoSource, TransferTodos>();
        services.AddSingleton(new NavItem("社情民意", "转办件", "/Opinions/Transfer/Cases", OpinionAccess.IsOpinionStaff, 450));
        return services;
    }
}

/// <summary>"我的待办" of the 转办 loop that the proposals' to-dos leave out: replies and return
/// requests of 转办 cases for 社情民意 staff, and ratings of 转办 replies for the report's lead author.</summary>
public sealed class TransferTodos(TongxinDbContext db) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        var items = new List<TodoItem>();
        if (!actor.IsSystem && actor.CommitteeId is { } c && OpinionAccess.IsOpinionStaff(actor))
        {
            var waiting = await db.Proposals.CountAsync(p => p.CommitteeId == c && p.SourceReportId != null
                && (db.ProposalReplies.Any(r => r.ProposalId == p.Id && r.Status == ReplyStatus.Submitted)
                    || db.ProposalAssignments.Any(x => x.ProposalId == p.Id && x.Status == AssignmentStatus.ReturnRequested)), ct);
            items.Add(new TodoItem("待审核答复或退回申请的社情民意转办件", waiting, "/Opinions/Transfer/Cases?waiting=true", "社情民意"));
        }

        if (!actor.IsSystem && actor.MemberId is { } memberId && ProposalAccess.IsMember(actor))
        {
            var toRate = db.Proposals.Where(p => p.SourceReportId != null && p.LeadMemberId == memberId && p.Status == ProposalStatus.AwaitingRating
                && !db.ProposalRatings.Any(r => r.ProposalId == p.Id && r.MemberId == memberId && r.Round == p.Round));
            var first = await toRate.OrderBy(p => p.RepliedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            items.Add(new TodoItem("待评价的社情民意转办答复", await toRate.CountAsync(ct),
                first is { } id ? $"/Proposals/Detail/{id}" : "/", "社情民意"));
        }

        return items;
    }
}
