using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Review;

/// <summary>The editable numbers and lists of a committee's proposal work.</summary>
public sealed class ProposalSettingsInput
{
    public int CoSignHoursDuringPlenary { get; set; }
    public int CoSignHoursOtherwise { get; set; }
    public int ReturnRequestWorkingDays { get; set; }
    public int DeadlineMonths { get; set; }
    public int MaxDeadlineMonths { get; set; }
    public int SoonDueWorkingDays { get; set; }
    public int RatingWorkingDays { get; set; }
    public int CoOpinionMonths { get; set; }
    public int PlenaryWindowMonths { get; set; }
    public string Categories { get; set; } = "";
    public string NotFiledReasons { get; set; } = "";
    public string ReplyClasses { get; set; } = "";
    public int Version { get; set; }

    public static ProposalSettingsInput From(ProposalSettings s) => new()
    {
        CoSignHoursDuringPlenary = s.CoSignHoursDuringPlenary,
        CoSignHoursOtherwise = s.CoSignHoursOtherwise,
        ReturnRequestWorkingDays = s.ReturnRequestWorkingDays,
        DeadlineMonths = s.DeadlineMonths,
        MaxDeadlineMonths = s.MaxDeadlineMonths,
        SoonDueWorkingDays = s.SoonDueWorkingDays,
        RatingWorkingDays = s.RatingWorkingDays,
        CoOpinionMonths = s.CoOpinionMonths,
        PlenaryWindowMonths = s.PlenaryWindowMonths,
        Categories = s.Categories,
        NotFiledReasons = s.NotFiledReasons,
        ReplyClasses = s.ReplyClasses,
        Version = s.Version,
    };
}

/// <summary>提案工作设置 – proposal staff read and change their committee's numbers and lists.</summary>
public sealed class ProposalSettingsHandler(TongxinDbContext db, ProposalSettingsStore store, IActorAccessor actors)
{
    public async Task<ProposalSettingsInput> GetAsync(CancellationToken ct = default) =>
        ProposalSettingsInput.From(await store.GetAsync(RequireStaffCommittee(), ct));

    public async Task SaveAsync(ProposalSettingsInput input, CancellationToken ct = default)
    {
        var committeeId = RequireStaffCommittee();
        static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        new Validation()
            .Require(input.CoSignHoursDuringPlenary is >= 1 and <= 72, nameof(input.CoSignHoursDuringPlenary), "会期联名确认时限须在1至72小时之间。")
            .Require(input.CoSignHoursOtherwise is >= 1 and <= 240, nameof(input.CoSignHoursOtherwise), "平时联名确认时限须在1至240小时之间。")
            .Require(input.ReturnRequestWorkingDays is >= 3 and <= 10, nameof(input.ReturnRequestWorkingDays), "申退时限须在3至10个工作日之间。")
            .Require(input.DeadlineMonths is >= 1 and <= 6, nameof(input.DeadlineMonths), "办理时限须在1至6个月之间。")
            .Require(input.MaxDeadlineMonths >= input.DeadlineMonths && input.MaxDeadlineMonths <= 12, nameof(input.MaxDeadlineMonths), "最长办理时限不能短于办理时限，且不超过12个月。")
            .Require(input.SoonDueWorkingDays is >= 1 and <= 30, nameof(input.SoonDueWorkingDays), "临期提醒须在1至30个工作日之间。")
            .Require(input.RatingWorkingDays is >= 5 and <= 60, nameof(input.RatingWorkingDays), "评价时限须在5至60个工作日之间。")
            .Require(input.CoOpinionMonths is >= 1 and <= 3, nameof(input.CoOpinionMonths), "协办意见时限须在1至3个月之间。")
            .Require(input.PlenaryWindowMonths is >= 0 and <= 6, nameof(input.PlenaryWindowMonths), "大会提案征集期须在0至6个月之间。")
            .Require(Lines(input.Categories ?? "") >= 1, nameof(input.Categories), "至少需要一个提案类别。")
            .Require(Lines(input.NotFiledReasons ?? "") >= 1, nameof(input.NotFiledReasons), "至少需要一条不予立案理由。")
            .Require(Lines(input.ReplyClasses ?? "") >= 1 && (input.ReplyClasses ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(l => l.Contains('=')),
                nameof(input.ReplyClasses), "答复类别每行一个，格式为“代码=说明”，如“A=所提问题已经解决或基本解决”。")
            .MaxLength(input.Categories, 2000, nameof(input.Categories), "提案类别")
            .MaxLength(input.NotFiledReasons, 4000, nameof(input.NotFiledReasons), "不予立案理由")
            .MaxLength(input.ReplyClasses, 2000, nameof(input.ReplyClasses), "答复类别")
            .ThrowIfInvalid();
        var s = await db.ProposalSettings.FirstOrDefaultAsync(x => x.CommitteeId == committeeId, ct);
        if (s is null)
        {
            s = new ProposalSettings { CommitteeId = committeeId };
            db.ProposalSettings.Add(s);
        }
        else
        {
            db.Entry(s).Property(x => x.Version).OriginalValue = input.Version;
        }

        s.CoSignHoursDuringPlenary = input.CoSignHoursDuringPlenary;
        s.CoSignHoursOtherwise = input.CoSignHoursOtherwise;
        s.ReturnRequestWorkingDays = input.ReturnRequestWorkingDays;
        s.DeadlineMonths = input.DeadlineMonths;
        s.MaxDeadlineMonths = input.MaxDeadlineMonths;
        s.SoonDueWorkingDays = input.SoonDueWorkingDays;
        s.RatingWorkingDays = input.RatingWorkingDays;
        s.CoOpinionMonths = input.CoOpinionMonths;
        s.PlenaryWindowMonths = input.PlenaryWindowMonths;
        s.Categories = Normalize(input.Categories);
        s.NotFiledReasons = Normalize(input.NotFiledReasons);
        s.ReplyClasses = Normalize(input.ReplyClasses);
        await db.SaveChangesAsync(ct);
    }

    private static string Normalize(string? text) =>
        string.Join('\n', (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private Guid RequireStaffCommittee()
    {
        var a = actors.Actor;
        return ProposalAccess.IsProposalStaff(a) && a.CommitteeId is { } c
            ? c
            : throw new ForbiddenException("只有具有提案管理权限的工作人员可以修改提案工作设置。");
    }
}

/// <summary>"我的待办" for proposal staff: proposals to review, return requests and replies to check.</summary>
public sealed class ProposalStaffTodos(TongxinDbContext db) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (actor.IsSystem || actor.CommitteeId is not { } c || !ProposalAccess.IsProposalStaff(actor))
        {
            return [];
        }

        var review = await db.Proposals.CountAsync(p => p.CommitteeId == c && p.Status == ProposalStatus.Submitted, ct);
        var filed = await db.Proposals.CountAsync(p => p.CommitteeId == c && p.Status == ProposalStatus.Filed, ct);
        // 社情民意转办 cases are the 社情民意 office's (their own to-do), not the 提案委's.
        var returns = await db.ProposalAssignments.CountAsync(a => a.CommitteeId == c && a.Status == AssignmentStatus.ReturnRequested
            && db.Proposals.Any(p => p.Id == a.ProposalId && p.SourceReportId == null), ct);
        var replies = await db.ProposalReplies.CountAsync(r => r.CommitteeId == c && r.Status == ReplyStatus.Submitted
            && db.Proposals.Any(p => p.Id == r.ProposalId && p.SourceReportId == null), ct);
        return
        [
            new TodoItem("待审查的提案", review, "/Proposals/Manage?status=Submitted", "提案"),
            new TodoItem("待交办的提案", filed, "/Proposals/Manage?status=Filed", "提案"),
            new TodoItem("承办单位退回申请", returns, "/Proposals/Review/Queue?what=returns", "提案"),
            new TodoItem("待审核的答复", replies, "/Proposals/Review/Queue?what=replies", "提案"),
        ];
    }
}

/// <summary>"我的待办" for members: replies waiting for their rating.</summary>
public sealed class ProposalRatingTodos(TongxinDbContext db) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (actor.IsSystem || actor.MemberId is not { } memberId || !ProposalAccess.IsMember(actor))
        {
            return [];
        }

        var count = await db.Proposals.CountAsync(p => p.LeadMemberId == memberId && p.SourceReportId == null
            && (p.Status == ProposalStatus.AwaitingRating
                || (p.Status == ProposalStatus.Merged && db.Proposals.Any(m => m.Id == p.MergedIntoId && m.Status == ProposalStatus.AwaitingRating)))
            && !db.ProposalRatings.Any(r => r.ForProposalId == p.Id && r.MemberId == memberId
                && r.Round == db.Proposals.Where(m => m.Id == (p.MergedIntoId ?? p.Id)).Select(m => m.Round).First()), ct);
        return [new TodoItem("待评价的提案答复", count, "/Proposals/My?status=AwaitingRating", "提案")];
    }
}
