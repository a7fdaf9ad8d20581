using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Handling;

/// <summary>承办单位办理 – what a handling unit does with a proposal assigned to it: accept (签收),
/// request a return (申退), log contacts (面商), give a co-unit opinion (协办意见), draft and submit
/// the reply (答复) and keep its handling items (办理事项) up to date. Every action loads the unit's
/// own assignment (404 otherwise), asks the state machine, touches the proposal row (so a
/// concurrent action on the same proposal fails), writes the timeline and raises
/// <see cref="ProposalChanged"/> in the same save.</summary>
public sealed class UnitHandlingHandler(
    TongxinDbContext db,
    ProposalAccess access,
    ProposalSettingsStore settings,
    WorkingDayCalendar calendar,
    IActorAccessor actors,
    TimeProvider time)
{
    public const string ConflictMessage = "该提案已被他人处理，请刷新后查看最新状态。";

    private Actor Actor => actors.Actor;

    /// <summary>签收: 待签收 → 办理中.</summary>
    public async Task AcceptAsync(Guid proposalId, CancellationToken ct = default)
    {
        var (p, a, now) = await LoadAsync(proposalId, ProposalAction.Accept, ct);
        if (a.Status != AssignmentStatus.Pending)
        {
            throw new ConflictException($"本单位的交办状态为“{a.Status.DisplayName()}”，无需签收。");
        }

        a.Status = AssignmentStatus.Accepted;
        a.AcceptedAt = now;
        ProposalTimeline.Add(db, p, ProposalEventKind.Accepted, a.HandlingUnitName, $"{a.HandlingUnitName}签收了{ProposalAccess.Noun(p)}（{a.Role.DisplayName()}）。", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Accepted, $"{a.HandlingUnitName}已签收{ProposalAccess.Noun(p)}《{p.Title}》。", [], []));
        await SaveAsync(ct);
    }

    /// <summary>申退: within the configured working days of the assignment; staff then decide.</summary>
    public async Task RequestReturnAsync(Guid proposalId, ReturnRequestInput input, CancellationToken ct = default)
    {
        var (p, a, now) = await LoadAsync(proposalId, ProposalAction.RequestReturn, ct);
        if (a.Status is not (AssignmentStatus.Pending or AssignmentStatus.Accepted))
        {
            throw new ConflictException($"本单位的交办状态为“{a.Status.DisplayName()}”，不能申请退回。");
        }

        if (a.ReturnRequestedAt is not null)
        {
            throw new ConflictException("本单位的退回申请已被提案委拒绝，不能再次申请，请继续办理。");
        }

        var reason = input.Reason.Trim();
        new Validation()
            .NotBlank(reason, nameof(ReturnRequestInput.Reason), "退回理由")
            .MaxLength(reason, HandlingLimits.Reason, nameof(ReturnRequestInput.Reason), "退回理由")
            .ThrowIfInvalid();
        var days = (await settings.GetAsync(p.CommitteeId, ct)).ReturnRequestWorkingDays;
        var lastDay = UnitDeadlines.ReturnWindowEnd(await calendar.RulesAsync(ct), a.AssignedAt, days);
        if (calendar.Today > lastDay)
        {
            throw new ValidationFailedException(nameof(ReturnRequestInput.Reason),
                $"申请退回须在交办后{days}个工作日内提出（截至{UnitDeadlines.Date(lastDay)}），已超过期限。如确需调整，请与提案委联系。");
        }

        a.Status = AssignmentStatus.ReturnRequested;
        a.ReturnReason = reason;
        a.ReturnRequestedAt = now;
        a.ReturnDecisionNote = null;
        ProposalTimeline.Add(db, p, ProposalEventKind.ReturnRequested, a.HandlingUnitName, $"{a.HandlingUnitName}申请退回：{reason}", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.ReturnRequested, $"{a.HandlingUnitName}申请退回{ProposalAccess.Noun(p)}《{p.Title}》，待审核。", [], []));
        await SaveAsync(ct);
    }

    /// <summary>办前/办中面商: any number of contacts, each with method, date (not in the future) and notes.</summary>
    public async Task<Guid> AddContactAsync(Guid proposalId, ContactInput input, CancellationToken ct = default)
    {
        var (p, a, now) = await LoadAsync(proposalId, ProposalAction.Contact, ct);
        RequireWorking(a, "登记联系情况");
        var notes = input.Notes.Trim();
        var today = calendar.Today;
        new Validation()
            .Require(Enum.IsDefined(input.Method), nameof(ContactInput.Method), "请选择联系方式。")
            .Require(input.Date is not null, nameof(ContactInput.Date), "联系日期不能为空。")
            .Require(input.Date is null || input.Date <= today, nameof(ContactInput.Date), "联系日期不能晚于今天。")
            .Require(input.Date is null || input.Date >= DateOnly.FromDateTime(BeijingTime.FromUtc(a.AssignedAt)).AddYears(-1), nameof(ContactInput.Date), "联系日期过早，请检查。")
            .Require(input.Method == ContactMethod.NotContacted || notes.Length > 0, nameof(ContactInput.Notes), "情况记录不能为空。")
            .MaxLength(notes, HandlingLimits.ContactNotes, nameof(ContactInput.Notes), "情况记录")
            .ThrowIfInvalid();

        var contact = new ProposalContact
        {
            CommitteeId = p.CommitteeId,
            ProposalId = p.Id,
            AssignmentId = a.Id,
            Method = input.Method,
            Date = input.Date!.Value,
            Notes = notes,
            RecordedBy = a.HandlingUnitName,
            RecordedAt = now,
        };
        db.ProposalContacts.Add(contact);
        ProposalTimeline.Add(db, p, ProposalEventKind.Contacted, a.HandlingUnitName,
            $"{a.HandlingUnitName}登记联系情况：{UnitDeadlines.Date(contact.Date)}，{contact.Method.DisplayName()}。", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Contacted, $"{a.HandlingUnitName}就{ProposalAccess.Noun(p)}《{p.Title}》登记了联系情况。", [], []));
        await SaveAsync(ct);
        return contact.Id;
    }

    /// <summary>协办意见: a co-unit gives (or, until the lead unit has submitted, revises) its opinion.
    /// Late opinions are accepted; the handling page flags them.</summary>
    public async Task GiveCoOpinionAsync(Guid proposalId, CoOpinionInput input, CancellationToken ct = default)
    {
        var (p, a, now) = await LoadAsync(proposalId, ProposalAction.GiveCoOpinion, ct);
        if (a.Role != AssignmentRole.Co)
        {
            throw new ForbiddenException("只有协办单位可以提交协办意见。");
        }

        RequireWorking(a, "提交协办意见");
        var text = input.Text.Trim();
        new Validation()
            .NotBlank(text, nameof(CoOpinionInput.Text), "协办意见")
            .MaxLength(text, HandlingLimits.CoOpinion, nameof(CoOpinionInput.Text), "协办意见")
            .ThrowIfInvalid();
        var leadSubmitted = await (from r in db.ProposalReplies
                                   join x in db.ProposalAssignments on r.AssignmentId equals x.Id
                                   where r.ProposalId == p.Id && r.Round == p.Round && x.Role == AssignmentRole.Lead
                                       && (r.Status == ReplyStatus.Submitted || r.Status == ReplyStatus.Approved)
                                   select r.Id).AnyAsync(ct);
        if (leadSubmitted && a.CoOpinion is not null)
        {
            throw new ConflictException("主办单位已提交答复，协办意见不能再修改。");
        }

        var revised = a.CoOpinion is not null;
        a.CoOpinion = text;
        a.CoOpinionAt = now;
        a.Status = AssignmentStatus.Replied;
        var leadUnits = await db.ProposalAssignments
            .Where(x => x.ProposalId == p.Id && x.Role == AssignmentRole.Lead && x.Status != AssignmentStatus.Returned)
            .Select(x => x.HandlingUnitId).ToListAsync(ct);
        ProposalTimeline.Add(db, p, ProposalEventKind.CoOpinion, a.HandlingUnitName, $"{a.HandlingUnitName}{(revised ? "修改了" : "提交了")}协办意见。", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.CoOpinion, $"协办单位{a.HandlingUnitName}已就{ProposalAccess.Noun(p)}《{p.Title}》提交协办意见。", [], leadUnits));
        await SaveAsync(ct);
    }

    /// <summary>Saves the current round's reply as a draft (or, with <paramref name="submit"/>, submits it
    /// for review). A rejected reply is edited and resubmitted the same way.</summary>
    public async Task<Guid> SaveReplyAsync(Guid proposalId, ReplyInput input, bool submit, CancellationToken ct = default)
    {
        var (p, a, now) = await LoadAsync(proposalId, submit ? ProposalAction.SubmitReply : ProposalAction.DraftReply, ct);
        if (!a.Replies)
        {
            throw new ForbiddenException("协办单位不单独答复，请提交协办意见。");
        }

        RequireWorking(a, submit ? "提交答复" : "撰写答复");
        var reply = await db.ProposalReplies.Include(r => r.Items)
            .FirstOrDefaultAsync(r => r.AssignmentId == a.Id && r.Round == p.Round, ct);
        if (reply is { Status: ReplyStatus.Submitted })
        {
            throw new ConflictException("答复已提交审核，审核结果出来前不能修改。");
        }

        if (reply is { Status: ReplyStatus.Approved })
        {
            throw new ConflictException("答复已审核通过，不能修改。");
        }

        var classes = (await settings.GetAsync(p.CommitteeId, ct)).ReplyClassList;
        await ValidateReplyAsync(input, classes, submit ? (p, a) : null, ct);

        if (reply is null)
        {
            reply = new ProposalReply
            {
                CommitteeId = p.CommitteeId,
                ProposalId = p.Id,
                AssignmentId = a.Id,
                HandlingUnitName = a.HandlingUnitName,
                Round = p.Round,
                Status = ReplyStatus.Draft,
            };
            db.ProposalReplies.Add(reply);
        }

        reply.Text = input.Text;
        reply.Signer = input.Signer;
        reply.ReplyClass = input.ReplyClass;
        db.ProposalReplyItems.RemoveRange(reply.Items);
        reply.Items.Clear();
        for (var i = 0; i < input.Items.Count; i++)
        {
            var item = input.Items[i];
            // Added explicitly: an entity with a client-made key found only through the collection would be taken for an existing row.
            var row = new ProposalReplyItem
            {
                CommitteeId = p.CommitteeId,
                ReplyId = reply.Id,
                ProposalId = p.Id,
                Order = i + 1,
                Commitment = item.Commitment,
                ResponsibleUnit = item.ResponsibleUnit,
                PlannedDate = item.PlannedDate,
                Status = item.Status,
                StatusChangedAt = now,
            };
            db.ProposalReplyItems.Add(row);
            reply.Items.Add(row);
        }

        if (submit)
        {
            var resubmitted = reply.Status == ReplyStatus.Rejected;
            reply.Status = ReplyStatus.Submitted;
            reply.SubmittedAt = now;
            a.Status = AssignmentStatus.Replied;
            var round = p.Round > 1 ? $"第{p.Round}轮" : "";
            ProposalTimeline.Add(db, p, ProposalEventKind.ReplySubmitted, a.HandlingUnitName,
                $"{a.HandlingUnitName}{(resubmitted ? "修改后重新提交" : "提交")}了{round}答复（{reply.ReplyClass}类，办理事项{reply.Items.Count}项），待审核。", now);
            db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.ReplySubmitted, $"{a.HandlingUnitName}已提交{ProposalAccess.Noun(p)}《{p.Title}》的答复，待审核。", [], []));
        }

        await SaveAsync(ct);
        return reply.Id;
    }

    /// <summary>办理事项落实情况: items of an approved reply are kept up to date after the reply.</summary>
    public async Task UpdateItemAsync(Guid proposalId, Guid itemId, ItemStatusInput input, CancellationToken ct = default)
    {
        var (p, a, now) = await LoadAsync(proposalId, ProposalAction.UpdateItem, ct);
        var found = await (from i in db.ProposalReplyItems
                           join r in db.ProposalReplies on i.ReplyId equals r.Id
                           where i.Id == itemId && i.ProposalId == p.Id && r.AssignmentId == a.Id
                           select new { Item = i, r.Status }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("办理事项");
        if (found.Status != ReplyStatus.Approved)
        {
            throw new ConflictException("答复审核通过后才能更新办理事项的落实情况；审核前请直接修改答复。");
        }

        new Validation().Require(Enum.IsDefined(input.Status), nameof(ItemStatusInput.Status), "请选择落实情况。").ThrowIfInvalid();
        var item = found.Item;
        if (item.Status == input.Status)
        {
            return;
        }

        var before = item.Status;
        item.Status = input.Status;
        item.StatusChangedAt = now;
        ProposalTimeline.Add(db, p, ProposalEventKind.ItemUpdated, a.HandlingUnitName,
            $"{a.HandlingUnitName}更新办理事项“{Shorten(item.Commitment)}”：{before.DisplayName()} → {input.Status.DisplayName()}。", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.ItemUpdated, $"{ProposalAccess.Noun(p)}《{p.Title}》的办理事项有更新：{input.Status.DisplayName()}。", [p.LeadMemberId], []));
        await SaveAsync(ct);
    }

    private async Task<(Proposal Proposal, ProposalAssignment Assignment, DateTime Now)> LoadAsync(Guid proposalId, ProposalAction action, CancellationToken ct)
    {
        var assignment = await access.LoadOwnAssignmentAsync(proposalId, ct);
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId, ct) ?? throw new NotFoundException("提案");
        if (!Actor.CanWrite(proposal.CommitteeId))
        {
            throw new ForbiddenException("只能办理本级政协交办的提案。");
        }

        ProposalStateMachine.Ensure(proposal, action);
        var now = time.GetUtcNow().UtcDateTime;
        proposal.LastActivityAt = now;
        // Even at an unchanged clock the row must be written: its version is what makes a concurrent action fail.
        db.Entry(proposal).Property(p => p.LastActivityAt).IsModified = true;
        return (proposal, assignment, now);
    }

    /// <summary>Contacts, co-opinions and replies need an accepted assignment that is not waiting for a return decision.</summary>
    private static void RequireWorking(ProposalAssignment a, string what)
    {
        switch (a.Status)
        {
            case AssignmentStatus.Pending:
                throw new ConflictException($"请先签收提案，再{what}。");
            case AssignmentStatus.ReturnRequested:
                throw new ConflictException($"退回申请正在审核，暂不能{what}。");
        }
    }

    private async Task ValidateReplyAsync(ReplyInput input, IReadOnlyList<(string Code, string Label)> classes, (Proposal P, ProposalAssignment A)? submitting, CancellationToken ct)
    {
        input.Text = input.Text?.Trim() ?? "";
        input.Signer = input.Signer?.Trim() ?? "";
        input.ReplyClass = input.ReplyClass?.Trim() ?? "";
        input.Items = [.. (input.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i.Commitment) || !string.IsNullOrWhiteSpace(i.ResponsibleUnit) || i.PlannedDate is not null)];
        foreach (var item in input.Items)
        {
            item.Commitment = item.Commitment?.Trim() ?? "";
            item.ResponsibleUnit = item.ResponsibleUnit?.Trim() ?? "";
        }

        var v = new Validation()
            .MaxLength(input.Text, HandlingLimits.ReplyText, nameof(ReplyInput.Text), "答复正文")
            .MaxLength(input.Signer, HandlingLimits.Signer, nameof(ReplyInput.Signer), "签发人")
            .Require(input.ReplyClass.Length == 0 || classes.Any(c => c.Code == input.ReplyClass), nameof(ReplyInput.ReplyClass),
                $"答复类别应为：{string.Join("、", classes.Select(c => c.Code))}。")
            .Require(input.Items.Count <= HandlingLimits.MaxItems, nameof(ReplyInput.Items), $"办理事项不能超过{HandlingLimits.MaxItems}项。");
        for (var i = 0; i < input.Items.Count; i++)
        {
            var item = input.Items[i];
            var prefix = $"{nameof(ReplyInput.Items)}[{i}].";
            v.NotBlank(item.Commitment, prefix + nameof(ReplyItemInput.Commitment), $"第{i + 1}项办理事项的承诺事项")
                .MaxLength(item.Commitment, HandlingLimits.Commitment, prefix + nameof(ReplyItemInput.Commitment), $"第{i + 1}项办理事项的承诺事项")
                .MaxLength(item.ResponsibleUnit, HandlingLimits.ResponsibleUnit, prefix + nameof(ReplyItemInput.ResponsibleUnit), $"第{i + 1}项办理事项的责任单位")
                .Require(Enum.IsDefined(item.Status), prefix + nameof(ReplyItemInput.Status), $"第{i + 1}项办理事项的落实情况无效。");
        }

        if (submitting is { } s)
        {
            v.NotBlank(input.Text, nameof(ReplyInput.Text), "答复正文")
                .NotBlank(input.Signer, nameof(ReplyInput.Signer), "签发人")
                .Require(input.ReplyClass.Length > 0, nameof(ReplyInput.ReplyClass), "请选择答复类别。")
                .Require(input.Items.Count > 0, nameof(ReplyInput.Items), "提交答复前至少填写一项办理事项。");
            var contacted = await db.ProposalContacts.AnyAsync(c => c.AssignmentId == s.A.Id, ct);
            v.Require(contacted, "", "提交答复前须先与提案人联系，并登记联系情况（办前/办中面商）。");
            if (s.A.Role == AssignmentRole.Lead)
            {
                var missing = await db.ProposalAssignments
                    .Where(x => x.ProposalId == s.P.Id && x.Role == AssignmentRole.Co && x.Status != AssignmentStatus.Returned && x.CoOpinion == null)
                    .Select(x => x.HandlingUnitName).ToListAsync(ct);
                v.Require(missing.Count == 0, "", $"以下协办单位尚未提交协办意见：{string.Join("、", missing.Order(StringComparer.Ordinal))}。请待其提交后再提交答复。");
            }
        }

        v.ThrowIfInvalid();
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConflictMessage);
        }
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
