using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Review;

/// <summary>提案审查 – staff outcomes for a submitted proposal (立案 / 并案 / 不予立案 / 退回修改)
/// and the marks staff put on filed ones (重点 / 重要 / 专题项目 / 优秀).</summary>
public sealed class ProposalReviewHandler(
    TongxinDbContext db, ProposalAccess access, IActorAccessor actors, ProposalSettingsStore settings, TimeProvider time)
{
    public const int MaxNoteLength = 1000;

    /// <summary>立案: takes the session's next number. Several proposals may be filed in one go
    /// (批量立案); they are numbered in the order given.</summary>
    public async Task<IReadOnlyList<int>> FileAsync(IReadOnlyList<Guid> ids, string? category = null, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            throw new ValidationFailedException("ids", "请选择要立案的提案。");
        }

        var now = Now;
        var name = await db.ActorNameAsync(actors.Actor, ct);
        var numbers = new List<int>();
        var next = new Dictionary<(Guid, Guid), int>();
        foreach (var id in ids.Distinct())
        {
            var p = await access.LoadProposalForStaffAsync(id, ct);
            ProposalStateMachine.Ensure(p, ProposalAction.File);
            await EnsureCoSigningClosedAsync(p, now, ct);
            if (!string.IsNullOrWhiteSpace(category))
            {
                var s = await settings.GetAsync(p.CommitteeId, ct);
                if (!s.CategoryList.Contains(category.Trim()))
                {
                    throw new ValidationFailedException("category", "请选择有效的提案类别。");
                }

                p.Category = category.Trim();
            }

            var key = (p.CommitteeId, p.SessionId);
            if (!next.TryGetValue(key, out var number))
            {
                number = 1 + (await db.Proposals.Where(x => x.CommitteeId == p.CommitteeId && x.SessionId == p.SessionId && x.Number != null)
                    .MaxAsync(x => x.Number, ct) ?? 0);
            }

            next[key] = number + 1;
            ProposalStateMachine.Move(p, ProposalAction.File, now);
            p.Number = number;
            p.ReviewedAt = now;
            numbers.Add(number);
            ProposalTimeline.Add(db, p, ProposalEventKind.Filed, name, $"立案，编号{p.DisplayNumber}，类别：{p.Category}", now);
            db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Filed,
                $"您的提案《{p.Title}》已立案（{p.DisplayNumber}）。", await ProposerIdsAsync(p.Id, ct), []));
        }

        await db.SaveActionAsync(ct);
        return numbers;
    }

    /// <summary>并案: the proposal joins a filed main proposal of the same session; it keeps its
    /// own text and proposers, and its proposers get the main proposal's reply.</summary>
    public async Task MergeAsync(Guid id, Guid mainId, string? note, CancellationToken ct = default)
    {
        var now = Now;
        var p = await access.LoadProposalForStaffAsync(id, ct);
        ProposalStateMachine.Ensure(p, ProposalAction.Merge);
        if (mainId == id)
        {
            throw new ValidationFailedException("mainId", "不能与自身并案。");
        }

        var main = await db.Proposals.FirstOrDefaultAsync(x => x.Id == mainId, ct)
            ?? throw new ValidationFailedException("mainId", "请选择要并入的主提案。");
        if (main.CommitteeId != p.CommitteeId || main.SessionId != p.SessionId)
        {
            throw new ValidationFailedException("mainId", "只能并入本届本次会议的提案。");
        }

        if (main.Number is null || main.Status is not (ProposalStatus.Filed or ProposalStatus.Handling))
        {
            throw new ValidationFailedException("mainId", "主提案须已立案且尚未答复。");
        }

        await EnsureCoSigningClosedAsync(p, now, ct);
        ValidateNote(note, required: false);
        ProposalStateMachine.Move(p, ProposalAction.Merge, now);
        p.MergedIntoId = main.Id;
        p.ReviewedAt = now;
        p.ReviewNote = note?.Trim();
        db.Touch(main, now);
        var name = await db.ActorNameAsync(actors.Actor, ct);
        ProposalTimeline.Add(db, p, ProposalEventKind.Merged, name, $"并入{main.DisplayNumber}《{main.Title}》", now);
        ProposalTimeline.Add(db, main, ProposalEventKind.Merged, name, $"并入《{p.Title}》（提案人：{p.LeadMemberName}）", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Merged,
            $"您的提案《{p.Title}》已并入{main.DisplayNumber}《{main.Title}》办理，答复将同时送达您。", await ProposerIdsAsync(p.Id, ct), []));
        await db.SaveActionAsync(ct);
    }

    /// <summary>不予立案 with one of the committee's reasons; the proposer is told why. The text is
    /// kept so that the public-opinion module can convert it.</summary>
    public async Task NotFileAsync(Guid id, string reason, string? note, CancellationToken ct = default)
    {
        var now = Now;
        var p = await access.LoadProposalForStaffAsync(id, ct);
        ProposalStateMachine.Ensure(p, ProposalAction.NotFile);
        var s = await settings.GetAsync(p.CommitteeId, ct);
        if (string.IsNullOrWhiteSpace(reason) || !s.NotFiledReasonList.Contains(reason.Trim()))
        {
            throw new ValidationFailedException("reason", "请从列表中选择不予立案的理由。");
        }

        ValidateNote(note, required: false);
        await EnsureCoSigningClosedAsync(p, now, ct);
        ProposalStateMachine.Move(p, ProposalAction.NotFile, now);
        p.NotFiledReason = reason.Trim();
        p.ReviewNote = note?.Trim();
        p.ReviewedAt = now;
        ProposalTimeline.Add(db, p, ProposalEventKind.NotFiled, await db.ActorNameAsync(actors.Actor, ct), $"不予立案：{p.NotFiledReason}", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.NotFiled,
            $"您的提案《{p.Title}》不予立案，理由：{p.NotFiledReason}。{p.ReviewNote}", await ProposerIdsAsync(p.Id, ct), []));
        await db.SaveActionAsync(ct);
    }

    /// <summary>退回修改: back to the proposer with what to change.</summary>
    public async Task ReturnAsync(Guid id, string note, CancellationToken ct = default)
    {
        var now = Now;
        var p = await access.LoadProposalForStaffAsync(id, ct);
        ProposalStateMachine.Ensure(p, ProposalAction.Return);
        ValidateNote(note, required: true);
        ProposalStateMachine.Move(p, ProposalAction.Return, now);
        p.ReviewNote = note.Trim();
        ProposalTimeline.Add(db, p, ProposalEventKind.Returned, await db.ActorNameAsync(actors.Actor, ct), $"退回修改：{p.ReviewNote}", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Returned,
            $"您的提案《{p.Title}》被退回修改：{p.ReviewNote}", [p.LeadMemberId], []));
        await db.SaveActionAsync(ct);
    }

    /// <summary>重点/重要提案 with the supervising leader, and the thematic project.</summary>
    public async Task MarkAsync(Guid id, bool isKey, bool isImportant, string? supervisingLeader, Guid? projectId, CancellationToken ct = default)
    {
        var now = Now;
        var p = await access.LoadProposalForStaffAsync(id, ct);
        ProposalStateMachine.Ensure(p, ProposalAction.Mark);
        var v = new Validation()
            .Require(!(isKey && isImportant), "isImportant", "重点提案与重要提案只能选其一。")
            .Require(!(isKey || isImportant) || !string.IsNullOrWhiteSpace(supervisingLeader), "supervisingLeader", "重点、重要提案须填写领衔督办领导。")
            .MaxLength(supervisingLeader, 50, "supervisingLeader", "督办领导");
        if (projectId is { } pid)
        {
            v.Require(await db.ProposalProjects.AnyAsync(x => x.Id == pid && x.CommitteeId == p.CommitteeId && x.SessionId == p.SessionId, ct),
                "projectId", "请选择本次会议的专题项目。");
        }

        v.ThrowIfInvalid();
        p.IsKey = isKey;
        p.IsImportant = isImportant;
        p.SupervisingLeader = isKey || isImportant ? supervisingLeader!.Trim() : null;
        p.ProjectId = projectId;
        db.Touch(p, now);
        var label = isKey ? $"重点提案（{p.SupervisingLeader}领衔督办）" : isImportant ? $"重要提案（{p.SupervisingLeader}领衔督办）" : "一般提案";
        ProposalTimeline.Add(db, p, ProposalEventKind.Marked, await db.ActorNameAsync(actors.Actor, ct), $"标记为{label}", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Marked, $"提案《{p.Title}》标记为{label}。", [], []));
        await db.SaveActionAsync(ct);
    }

    /// <summary>优秀提案 (chosen at year end).</summary>
    public async Task SetExcellentAsync(Guid id, bool excellent, CancellationToken ct = default)
    {
        var now = Now;
        var p = await access.LoadProposalForStaffAsync(id, ct);
        ProposalStateMachine.Ensure(p, ProposalAction.ChooseExcellent);
        p.IsExcellent = excellent;
        db.Touch(p, now);
        ProposalTimeline.Add(db, p, ProposalEventKind.Marked, await db.ActorNameAsync(actors.Actor, ct), excellent ? "评为优秀提案" : "取消优秀提案", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Marked,
            excellent ? $"您的提案《{p.Title}》被评为优秀提案。" : $"提案《{p.Title}》取消优秀提案。", excellent ? await ProposerIdsAsync(p.Id, ct) : [], []));
        await db.SaveActionAsync(ct);
    }

    /// <summary>A new 专题项目 of a session.</summary>
    public async Task<Guid> CreateProjectAsync(Guid sessionId, string name, string? description, CancellationToken ct = default)
    {
        var a = actors.Actor;
        if (!ProposalAccess.IsProposalStaff(a) || a.CommitteeId is not { } committeeId)
        {
            throw new ForbiddenException("只有具有提案管理权限的工作人员可以执行此操作。");
        }

        new Validation().NotBlank(name, "name", "项目名称").MaxLength(name, 100, "name", "项目名称")
            .MaxLength(description, 1000, "description", "项目说明")
            .Require(await db.Sessions.AnyAsync(s => s.Id == sessionId && s.CommitteeId == committeeId, ct), "sessionId", "请选择本级政协的会议。")
            .Require(!await db.ProposalProjects.AnyAsync(x => x.CommitteeId == committeeId && x.SessionId == sessionId && x.Name == name.Trim(), ct), "name", "同名专题项目已存在。")
            .ThrowIfInvalid();
        var project = new ProposalProject { CommitteeId = committeeId, SessionId = sessionId, Name = name.Trim(), Description = description?.Trim() ?? "" };
        db.ProposalProjects.Add(project);
        await db.SaveChangesAsync(ct);
        return project.Id;
    }

    /// <summary>Co-signers answer within a window; review waits until every request is answered or expired.</summary>
    private async Task EnsureCoSigningClosedAsync(Proposal p, DateTime now, CancellationToken ct)
    {
        var open = await Drafting.CoSigning.OpenRequests(db, p.Id, now).CountAsync(ct);
        if (open > 0)
        {
            throw new ConflictException($"还有{open}位联名委员尚未确认，确认期结束后才能审查。");
        }
    }

    private static void ValidateNote(string? note, bool required)
    {
        var v = new Validation();
        if (required)
        {
            v.NotBlank(note, "note", "处理意见");
        }

        v.MaxLength(note, MaxNoteLength, "note", "处理意见").ThrowIfInvalid();
    }

    /// <summary>Members who signed the proposal (lead and confirmed co-signers).</summary>
    private async Task<IReadOnlyList<Guid>> ProposerIdsAsync(Guid proposalId, CancellationToken ct) =>
        await db.ProposalSigners.Where(s => s.ProposalId == proposalId && s.Status == SignerStatus.Confirmed).Select(s => s.MemberId).ToListAsync(ct);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
