using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Drafting;

/// <summary>起草提案 – a member drafts, edits, attaches files to, deletes, submits and withdraws
/// their own proposal. Only the lead member (第一提案人 or the group's contact person) may do
/// these; co-signers answer through <see cref="CoSignHandler"/>.</summary>
public sealed class DraftHandler(
    TongxinDbContext db,
    ProposalAccess access,
    ProposalSettingsStore settingsStore,
    IActorAccessor actors,
    TimeProvider time,
    AttachmentService attachments)
{
    public const string AttachmentOwner = "Proposal";

    private Actor Actor => actors.Actor;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The lists the draft form offers, for the member's committee.</summary>
    public async Task<DraftOptions> OptionsAsync(CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var committeeId = Actor.CommitteeId!.Value;
        var settings = await settingsStore.GetAsync(committeeId, ct);
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == committeeId && u.IsActive)
            .OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(ct);
        var members = await db.Members.AsNoTracking()
            .Where(m => m.CommitteeId == committeeId && m.IsActive && m.Id != memberId)
            .OrderBy(m => m.Name).Select(m => new Option(m.Id, m.Name)).ToListAsync(ct);
        var session = await CurrentSessionQuery(committeeId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        return new DraftOptions(settings.CategoryList, units, members, session);
    }

    public async Task<DraftSaved> CreateAsync(DraftInput input, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var committeeId = Actor.CommitteeId!.Value;
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.CommitteeId == committeeId)
            .Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct) ?? throw new ForbiddenException("您的账号尚未关联本会委员名册，请联系政协机关。");
        var session = await CurrentSessionAsync(committeeId, ct);
        var settings = await settingsStore.GetAsync(committeeId, ct);
        var coSigners = await ValidateDraftAsync(input, settings, committeeId, memberId, ct);

        var now = Now;
        var proposal = new Proposal
        {
            CommitteeId = committeeId,
            SessionId = session.Id,
            Year = BeijingTime.Today(time).Year,
            Status = ProposalStatus.Draft,
            LeadMemberId = member.Id,
            LeadMemberName = member.Name,
            CreatedAt = now,
            LastActivityAt = now,
        };
        Apply(proposal, input);
        db.Proposals.Add(proposal);
        db.ProposalSigners.Add(new ProposalSigner
        {
            CommitteeId = committeeId,
            ProposalId = proposal.Id,
            MemberId = member.Id,
            MemberName = member.Name,
            Order = 0,
            IsLead = true,
            Status = SignerStatus.Confirmed,
            RespondedAt = now,
        });
        SyncCoSigners(proposal, [], coSigners);
        ProposalTimeline.Add(db, proposal, ProposalEventKind.Drafted, member.Name, "创建提案草稿", now);
        db.Raise(new ProposalChanged(proposal.Id, committeeId, ProposalEventKind.Drafted, $"创建提案草稿《{proposal.Title}》", [], []));
        await SaveAsync(ct);
        return new DraftSaved(proposal.Id, proposal.Version, Warnings(input));
    }

    public async Task<DraftSaved> UpdateAsync(Guid id, DraftInput input, CancellationToken ct = default)
    {
        var (proposal, memberId) = await LoadOwnAsync(id, ct);
        ProposalStateMachine.Ensure(proposal, ProposalAction.Edit);
        if (proposal.Version != input.Version)
        {
            throw new ConflictException("该提案已在别处修改，请刷新后再编辑。");
        }

        var settings = await settingsStore.GetAsync(proposal.CommitteeId, ct);
        var coSigners = await ValidateDraftAsync(input, settings, proposal.CommitteeId, memberId, ct);
        var existing = await db.ProposalSigners.Where(s => s.ProposalId == id && !s.IsLead).ToListAsync(ct);
        var now = Now;
        Apply(proposal, input);
        db.Touch(proposal, now);
        SyncCoSigners(proposal, existing, coSigners);
        ProposalTimeline.Add(db, proposal, ProposalEventKind.Drafted, proposal.LeadMemberName, "修改提案内容", now);
        db.Raise(new ProposalChanged(proposal.Id, proposal.CommitteeId, ProposalEventKind.Drafted, $"修改提案《{proposal.Title}》", [], []));
        await SaveAsync(ct);
        return new DraftSaved(proposal.Id, proposal.Version, Warnings(input));
    }

    /// <summary>The proposal as its lead edits it; co-signers and members reading a shared draft
    /// get the same view with <see cref="DraftView.IsLead"/> false.</summary>
    public async Task<DraftView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var p = await access.Readable().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("提案");
        var signers = await db.ProposalSigners.AsNoTracking().Where(s => s.ProposalId == id).OrderBy(s => s.Order)
            .Select(s => new SignerView(s.MemberId, s.MemberName, s.Order, s.IsLead, s.Status, s.RequestedAt, s.ExpiresAt, s.RespondedAt))
            .ToListAsync(ct);
        var now = Now;
        signers = [.. signers.Select(s => s with { Status = CoSigning.EffectiveStatus(s.Status, s.ExpiresAt, now) })];
        var files = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == AttachmentOwner && a.OwnerId == id)
            .OrderBy(a => a.UploadedAt).Select(a => new AttachmentView(a.Id, a.FileName, a.Size)).ToListAsync(ct);
        var comments = await db.ProposalComments.AsNoTracking().Where(c => c.ProposalId == id).OrderBy(c => c.CreatedAt)
            .Select(c => new CommentView(c.Id, c.AuthorName, c.Text, c.CreatedAt)).ToListAsync(ct);
        return new DraftView(p.Id, p.Status, p.Version, p.Title, p.Situation, p.Suggestions, p.Category, p.SuggestedUnits, p.MayPublish,
            p.Kind, p.GroupName, p.SharedForDiscussion, p.ReviewNote, p.LeadMemberName, p.LeadMemberId == memberId, signers, files, comments);
    }

    /// <summary>Deletes a draft that was never submitted, with its signers, comments, timeline and files.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var (proposal, _) = await LoadOwnAsync(id, ct);
        ProposalStateMachine.Ensure(proposal, ProposalAction.Delete);
        db.ProposalSigners.RemoveRange(await db.ProposalSigners.Where(s => s.ProposalId == id).ToListAsync(ct));
        db.ProposalComments.RemoveRange(await db.ProposalComments.Where(c => c.ProposalId == id).ToListAsync(ct));
        db.ProposalHistory.RemoveRange(await db.ProposalHistory.Where(h => h.ProposalId == id).ToListAsync(ct));
        db.Attachments.RemoveRange(await db.Attachments.Where(a => a.OwnerType == AttachmentOwner && a.OwnerId == id).ToListAsync(ct));
        db.Proposals.Remove(proposal);
        // The search index re-reads the proposal on this event and drops it when it is gone.
        db.Raise(new ProposalChanged(proposal.Id, proposal.CommitteeId, ProposalEventKind.Drafted, $"删除提案草稿《{proposal.Title}》", [], []));
        await SaveAsync(ct);
    }

    /// <summary>Uploads a file and attaches it to the lead's editable proposal.</summary>
    public async Task<AttachmentView> UploadAsync(Guid id, Stream content, string fileName, CancellationToken ct = default)
    {
        var (proposal, _) = await LoadOwnAsync(id, ct);
        ProposalStateMachine.Ensure(proposal, ProposalAction.Edit);
        var file = await attachments.UploadAsync(content, fileName, ct);
        return await AttachAsync(id, file.Id, ct);
    }

    /// <summary>Attaches a file the member uploaded (e.g. through <c>POST /api/v1/attachments</c>) and that is not attached elsewhere.</summary>
    public async Task<AttachmentView> AttachAsync(Guid id, Guid attachmentId, CancellationToken ct = default)
    {
        var (proposal, _) = await LoadOwnAsync(id, ct);
        ProposalStateMachine.Ensure(proposal, ProposalAction.Edit);
        var file = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.UploadedBy == Actor.UserId, ct)
            ?? throw new NotFoundException("附件");
        if (file.OwnerId is { } owner && owner != id)
        {
            throw new ConflictException("该附件已用于其他记录。");
        }

        var now = Now;
        file.OwnerType = AttachmentOwner;
        file.OwnerId = id;
        db.Touch(proposal, now);
        ProposalTimeline.Add(db, proposal, ProposalEventKind.Drafted, proposal.LeadMemberName, $"添加附件“{file.FileName}”", now);
        db.Raise(new ProposalChanged(proposal.Id, proposal.CommitteeId, ProposalEventKind.Drafted, $"提案《{proposal.Title}》添加附件", [], []));
        await SaveAsync(ct);
        return new AttachmentView(file.Id, file.FileName, file.Size);
    }

    public async Task RemoveAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct = default)
    {
        var (proposal, _) = await LoadOwnAsync(id, ct);
        ProposalStateMachine.Ensure(proposal, ProposalAction.Edit);
        var file = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.OwnerType == AttachmentOwner && a.OwnerId == id, ct)
            ?? throw new NotFoundException("附件");
        var now = Now;
        db.Attachments.Remove(file);
        db.Touch(proposal, now);
        ProposalTimeline.Add(db, proposal, ProposalEventKind.Drafted, proposal.LeadMemberName, $"删除附件“{file.FileName}”", now);
        db.Raise(new ProposalChanged(proposal.Id, proposal.CommitteeId, ProposalEventKind.Drafted, $"提案《{proposal.Title}》删除附件", [], []));
        await SaveAsync(ct);
    }

    /// <summary>提交 – checks the proposal is complete, puts it in the current session, marks 大会提案
    /// and asks every co-signer who has not confirmed yet (all of them the first time).</summary>
    public async Task SubmitAsync(Guid id, int version, CancellationToken ct = default)
    {
        var (proposal, _) = await LoadOwnAsync(id, ct);
        var resubmission = proposal.Status == ProposalStatus.Returned;
        ProposalStateMachine.Ensure(proposal, ProposalAction.Submit);
        if (proposal.Version != version)
        {
            throw new ConflictException("该提案已在别处修改，请刷新后再提交。");
        }

        var settings = await settingsStore.GetAsync(proposal.CommitteeId, ct);
        var coSigners = await db.ProposalSigners.Where(s => s.ProposalId == id && !s.IsLead).OrderBy(s => s.Order).ToListAsync(ct);
        var v = new Validation()
            .NotBlank(proposal.Title, nameof(DraftInput.Title), "案由")
            .NotBlank(proposal.Suggestions, nameof(DraftInput.Suggestions), "具体建议")
            .Require(settings.CategoryList.Contains(proposal.Category), nameof(DraftInput.Category), "请选择提案类别。")
            .Require(proposal.Kind != ProposerKind.Joint || coSigners.Count > 0, nameof(DraftInput.CoSignerIds), "联名提案至少需要一位联名委员。")
            .Require(!DraftInput.IsGroup(proposal.Kind) || !string.IsNullOrWhiteSpace(proposal.GroupName), nameof(DraftInput.GroupName),
                $"以{proposal.Kind.DisplayName()}名义提交的提案须填写{proposal.Kind.DisplayName()}名称。");
        v.ThrowIfInvalid();

        var session = await CurrentSessionAsync(proposal.CommitteeId, ct);
        var now = Now;
        var today = BeijingTime.Today(time);
        var inPlenary = today >= session.StartDate && today <= session.EndDate;
        var hours = inPlenary ? settings.CoSignHoursDuringPlenary : settings.CoSignHoursOtherwise;

        ProposalStateMachine.Move(proposal, ProposalAction.Submit, now);
        proposal.SessionId = session.Id;
        proposal.Year = today.Year;
        proposal.SubmittedAt = now;
        proposal.IsPlenary = today >= session.StartDate.AddMonths(-settings.PlenaryWindowMonths) && today <= session.EndDate;
        proposal.SharedForDiscussion = false;

        var asked = coSigners.Where(s => s.Status != SignerStatus.Confirmed).ToList();
        foreach (var signer in asked)
        {
            signer.Status = SignerStatus.Pending;
            signer.RequestedAt = now;
            signer.ExpiresAt = now.AddHours(hours);
            signer.RespondedAt = null;
        }

        var text = resubmission ? "修改后重新提交" : "提交提案";
        if (asked.Count > 0)
        {
            text += $"，请{string.Join("、", asked.Select(s => s.MemberName))}在{hours}小时内确认联名";
        }

        ProposalTimeline.Add(db, proposal, ProposalEventKind.Submitted, proposal.LeadMemberName, text, now);
        db.Raise(new ProposalChanged(proposal.Id, proposal.CommitteeId, ProposalEventKind.Submitted,
            asked.Count > 0
                ? $"{proposal.LeadMemberName}委员邀请您联名提案《{proposal.Title}》，请在{hours}小时内确认"
                : $"提案《{proposal.Title}》已提交",
            [.. asked.Select(s => s.MemberId)], []));
        await SaveAsync(ct);
    }

    /// <summary>撤回 – the lead takes back a submitted or returned proposal; co-signers are told.</summary>
    public async Task WithdrawAsync(Guid id, CancellationToken ct = default)
    {
        var (proposal, _) = await LoadOwnAsync(id, ct);
        var now = Now;
        ProposalStateMachine.Move(proposal, ProposalAction.Withdraw, now);
        var coSigners = await db.ProposalSigners.Where(s => s.ProposalId == id && !s.IsLead).Select(s => s.MemberId).ToListAsync(ct);
        ProposalTimeline.Add(db, proposal, ProposalEventKind.Withdrawn, proposal.LeadMemberName, "提案人撤回提案", now);
        db.Raise(new ProposalChanged(proposal.Id, proposal.CommitteeId, ProposalEventKind.Withdrawn,
            $"提案《{proposal.Title}》已由{proposal.LeadMemberName}委员撤回", coSigners, []));
        await SaveAsync(ct);
    }

    /// <summary>The proposal, tracked, when the actor is its lead member; 404 when they may not read it, 403 when they may read but not act.</summary>
    private async Task<(Proposal Proposal, Guid MemberId)> LoadOwnAsync(Guid id, CancellationToken ct)
    {
        var memberId = access.RequireMember();
        var proposal = await access.LoadAsync(id, ct);
        if (proposal.LeadMemberId != memberId)
        {
            throw new ForbiddenException("只有第一提案人（或联系人）可以修改、提交或撤回该提案。");
        }

        return (proposal, memberId);
    }

    private IQueryable<Session> CurrentSessionQuery(Guid committeeId) =>
        db.Sessions.AsNoTracking().Where(s => s.CommitteeId == committeeId && s.IsCurrent).OrderByDescending(s => s.StartDate);

    private async Task<Session> CurrentSessionAsync(Guid committeeId, CancellationToken ct) =>
        await CurrentSessionQuery(committeeId).FirstOrDefaultAsync(ct)
        ?? throw new ValidationFailedException("", "本会尚未设置当前会议（届次会议），暂不能起草或提交提案，请联系政协机关。");

    /// <summary>Checks a draft's fields and returns the co-signers as (id, name) in the chosen order.</summary>
    private async Task<List<(Guid Id, string Name)>> ValidateDraftAsync(DraftInput input, ProposalSettings settings, Guid committeeId, Guid leadId, CancellationToken ct)
    {
        var ids = input.Kind == ProposerKind.Joint ? input.CoSignerIds.Distinct().ToList() : [];
        var found = await db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.CommitteeId == committeeId && m.IsActive)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        var category = input.Category.Trim();
        new Validation()
            .NotBlank(input.Title, nameof(DraftInput.Title), "案由")
            .MaxLength(input.Title.Trim(), DraftInput.MaxTitle, nameof(DraftInput.Title), "案由")
            .MaxLength(input.Situation, DraftInput.MaxText, nameof(DraftInput.Situation), "情况分析")
            .NotBlank(input.Suggestions, nameof(DraftInput.Suggestions), "具体建议")
            .MaxLength(input.Suggestions, DraftInput.MaxText, nameof(DraftInput.Suggestions), "具体建议")
            .MaxLength(input.SuggestedUnits.Trim(), DraftInput.MaxUnits, nameof(DraftInput.SuggestedUnits), "建议承办单位")
            .MaxLength(input.GroupName?.Trim(), DraftInput.MaxGroupName, nameof(DraftInput.GroupName), "提案单位名称")
            .Require(category.Length == 0 || settings.CategoryList.Contains(category), nameof(DraftInput.Category), "请从列表中选择提案类别。")
            .Require(Enum.IsDefined(input.Kind), nameof(DraftInput.Kind), "请选择提案方式。")
            .Require(!ids.Contains(leadId), nameof(DraftInput.CoSignerIds), "联名委员中不能包含您本人。")
            .Require(found.Count == ids.Count(i => i != leadId), nameof(DraftInput.CoSignerIds), "联名委员须为本会在任委员。")
            .ThrowIfInvalid();
        return [.. ids.Select(i => found.First(f => f.Id == i)).Select(f => (f.Id, f.Name))];
    }

    private static void Apply(Proposal p, DraftInput input)
    {
        p.Title = input.Title.Trim();
        p.Situation = input.Situation.Trim();
        p.Suggestions = input.Suggestions.Trim();
        p.Category = input.Category.Trim();
        p.SuggestedUnits = input.SuggestedUnits.Trim();
        p.MayPublish = input.MayPublish;
        p.Kind = input.Kind;
        p.GroupName = DraftInput.IsGroup(input.Kind) && !string.IsNullOrWhiteSpace(input.GroupName) ? input.GroupName.Trim() : null;
    }

    /// <summary>Keeps co-signers who stay (with their answers), removes the dropped ones and adds the
    /// new ones unasked; submission asks them.</summary>
    private void SyncCoSigners(Proposal proposal, List<ProposalSigner> existing, List<(Guid Id, string Name)> wanted)
    {
        db.ProposalSigners.RemoveRange(existing.Where(s => wanted.All(w => w.Id != s.MemberId)));
        for (var i = 0; i < wanted.Count; i++)
        {
            var (memberId, name) = wanted[i];
            var signer = existing.FirstOrDefault(s => s.MemberId == memberId);
            if (signer is null)
            {
                db.ProposalSigners.Add(new ProposalSigner
                {
                    CommitteeId = proposal.CommitteeId,
                    ProposalId = proposal.Id,
                    MemberId = memberId,
                    MemberName = name,
                    Order = i + 1,
                    Status = SignerStatus.Pending,
                });
            }
            else if (signer.Order != i + 1)
            {
                signer.Order = i + 1;
            }
        }
    }

    private static IReadOnlyList<string> Warnings(DraftInput input)
    {
        var title = input.Title.Trim();
        return title.StartsWith("关于", StringComparison.Ordinal) && title.EndsWith("建议", StringComparison.Ordinal)
            ? []
            : ["案由一般写作“关于……的建议”，请检查案由的写法。"];
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该提案已被他人处理，请刷新后查看最新状态。");
        }
    }
}
