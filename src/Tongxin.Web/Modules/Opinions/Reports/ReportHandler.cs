using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization.Members;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>撰写社情民意 – a member drafts, edits, deletes, submits, resubmits (after 退回补充) and
/// withdraws a report. Only its writer (the creator: the lead author or a group's contact person)
/// acts on it; co-authors read it.</summary>
public sealed class ReportHandler(
    TongxinDbContext db,
    OpinionAccess access,
    OpinionSettingsStore settingsStore,
    ReportSubmission submission,
    IActorAccessor actors,
    TimeProvider time)
{
    private Actor Actor => actors.Actor;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<ReportOptions> OptionsAsync(CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var committeeId = Actor.CommitteeId!.Value;
        var settings = await settingsStore.GetAsync(committeeId, ct);
        var me = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Name, m.Mobile }).FirstOrDefaultAsync(ct);
        var members = await db.Members.AsNoTracking()
            .Where(m => m.CommitteeId == committeeId && m.IsActive && m.Id != memberId)
            .OrderBy(m => m.Name).Select(m => new Option(m.Id, m.Name)).ToListAsync(ct);
        return new ReportOptions(settings.CategoryList, members, settings.MaxChars, me?.Name ?? "", me?.Mobile ?? "");
    }

    public async Task<ReportSaved> CreateAsync(ReportInput input, CancellationToken ct = default)
    {
        var member = await DraftAuthorAsync(ct);
        var settings = await settingsStore.GetAsync(member.CommitteeId, ct);
        var coAuthors = await ValidateAsync(input, settings, member.CommitteeId, member.Id, ct);
        var report = AddDraft(member, input, coAuthors, "创建草稿");
        await db.SaveOpinionActionAsync(ct);
        return new ReportSaved(report.Id, report.Version, ReportRules.Warnings(report.Title));
    }

    /// <summary>A draft of the member's, prefilled by another module (a clue from a visit to the
    /// sector's masses …) and not yet checked as a report: the member completes it on the edit
    /// page, and its submission checks everything. The member's name and mobile are the contact.
    /// Added, not saved: the caller saves it together with its own change.</summary>
    public async Task<OpinionReport> AddPrefilledDraftAsync(string title, string situation, string source, string history, CancellationToken ct = default)
    {
        var member = await DraftAuthorAsync(ct);
        var input = new ReportInput
        {
            Kind = OpinionSubmitterKind.Member,
            Title = title,
            Situation = situation,
            Source = source,
            ContactName = member.Name,
            ContactPhone = member.Mobile,
        };
        return AddDraft(member, input, [], history);
    }

    /// <summary>The signed-in member, who writes the new draft.</summary>
    private async Task<DraftAuthor> DraftAuthorAsync(CancellationToken ct)
    {
        var memberId = access.RequireMember();
        var committeeId = Actor.CommitteeId!.Value;
        return await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.CommitteeId == committeeId)
            .Select(m => new DraftAuthor(m.Id, m.CommitteeId, m.Name, m.Mobile)).FirstOrDefaultAsync(ct)
            ?? throw new ForbiddenException("您的账号尚未关联本会委员名册，请联系政协机关。");
    }

    /// <summary>Adds a new draft with its authors, history line and event (not saved).</summary>
    private OpinionReport AddDraft(DraftAuthor member, ReportInput input, List<(Guid Id, string Name)> coAuthors, string history)
    {
        var now = Now;
        var report = new OpinionReport
        {
            CommitteeId = member.CommitteeId,
            Year = BeijingTime.Today(time).Year,
            Status = OpinionStatus.Draft,
            LeadMemberId = member.Id,
            CreatedByUserId = Actor.UserId,
            CreatedAt = now,
            LastActivityAt = now,
        };
        Apply(report, input, member.Name, coAuthors);
        db.OpinionReports.Add(report);
        SyncAuthors(report, [], member.Id, member.Name, input.Kind, coAuthors);
        db.AddHistory(report, member.Name, history, now);
        db.Raise(new OpinionChanged(report.Id, member.CommitteeId, OpinionAction.Edit, $"创建社情民意草稿《{report.Title}》", []));
        return report;
    }

    private sealed record DraftAuthor(Guid Id, Guid CommitteeId, string Name, string Mobile);

    /// <summary>Saves the writer's changes to a draft or a returned report (the version they edited must still be current).</summary>
    public async Task<ReportSaved> UpdateAsync(Guid id, ReportInput input, CancellationToken ct = default)
    {
        var report = await LoadOwnAsync(id, ct);
        OpinionStateMachine.Ensure(report, OpinionAction.Edit);
        CheckVersion(report, input.Version);
        var settings = await settingsStore.GetAsync(report.CommitteeId, ct);
        var memberId = report.LeadMemberId!.Value;
        var coAuthors = await ValidateAsync(input, settings, report.CommitteeId, memberId, ct);
        var existing = await db.OpinionReportAuthors.Where(a => a.ReportId == id).ToListAsync(ct);
        var leadName = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).FirstAsync(ct);
        var now = Now;
        Apply(report, input, leadName, coAuthors);
        db.Touch(report, now);
        SyncAuthors(report, existing, memberId, leadName, input.Kind, coAuthors);
        db.AddHistory(report, leadName, "修改内容", now);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.Edit, $"修改社情民意《{report.Title}》", []));
        await db.SaveOpinionActionAsync(ct);
        return new ReportSaved(report.Id, report.Version, ReportRules.Warnings(report.Title));
    }

    /// <summary>The report as its writer edits it; co-authors get it read-only.</summary>
    public async Task<ReportDraftView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var report = await access.LoadForAuthorAsync(id, ct);
        var coAuthors = await db.OpinionReportAuthors.AsNoTracking().Where(a => a.ReportId == id && a.Order > 0)
            .OrderBy(a => a.Order).Select(a => a.MemberId).ToListAsync(ct);
        var isWriter = IsWriter(report);
        var input = new ReportInput
        {
            Title = report.Title,
            Situation = report.Situation,
            Analysis = report.Analysis,
            Suggestion = report.Suggestion,
            Category = report.Category,
            Source = report.Source,
            IsUrgent = report.IsUrgent,
            ContactName = report.ContactName,
            ContactPhone = report.ContactPhone,
            Kind = report.SubmitterKind,
            GroupName = ReportInput.IsGroup(report.SubmitterKind) ? report.SubmitterName : null,
            CoAuthorIds = coAuthors,
            Version = report.Version,
        };
        return new ReportDraftView(report.Id, report.Status, report.Version,
            isWriter && OpinionStateMachine.Allows(report.Status, OpinionAction.Edit), report.ScreeningNote, input);
    }

    /// <summary>Deletes a draft that was never submitted, with its authors and timeline.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var report = await LoadOwnAsync(id, ct);
        OpinionStateMachine.Ensure(report, OpinionAction.Delete);
        db.OpinionReportAuthors.RemoveRange(await db.OpinionReportAuthors.Where(a => a.ReportId == id).ToListAsync(ct));
        db.OpinionHistory.RemoveRange(await db.OpinionHistory.Where(h => h.ReportId == id).ToListAsync(ct));
        db.OpinionReports.Remove(report);
        // The search index re-reads the report on this event and drops it when it is gone.
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.Delete, $"删除社情民意草稿《{report.Title}》", []));
        await db.SaveOpinionActionAsync(ct);
    }

    /// <summary>报送 – checks the report is complete, numbers it on first submission and keeps the
    /// submitted text as an author version; after 退回补充 the new text is a new author version.</summary>
    public async Task<int> SubmitAsync(Guid id, int version, CancellationToken ct = default)
    {
        var report = await LoadOwnAsync(id, ct);
        var resubmission = report.Status == OpinionStatus.Returned;
        OpinionStateMachine.Ensure(report, OpinionAction.Submit);
        CheckVersion(report, version);
        var settings = await settingsStore.GetAsync(report.CommitteeId, ct);
        var authors = await db.OpinionReportAuthors.AsNoTracking().Where(a => a.ReportId == id).OrderBy(a => a.Order).ToListAsync(ct);
        var v = new Validation().CheckForm(ToText(report), settings)
            .Require(report.SubmitterKind != OpinionSubmitterKind.Joint || authors.Count > 1, nameof(ReportInput.CoAuthorIds), "联名报送至少需要一位联名委员。");
        v.ThrowIfInvalid();

        var name = await db.Members.Where(m => m.Id == report.LeadMemberId).Select(m => m.Name).FirstAsync(ct);
        var now = Now;
        OpinionStateMachine.Move(report, OpinionAction.Submit, now);
        report.SubmittedAt = now;
        var coAuthorIds = authors.Where(a => a.Order > 0).Select(a => a.MemberId).ToList();
        return await submission.SubmitAsync(report, name, resubmission ? "修改后重新报送" : "报送", now,
            resubmission
                ? $"社情民意《{report.Title}》已修改后重新报送"
                : $"{name}委员已报送与您联名的社情民意《{report.Title}》",
            coAuthorIds, ct);
    }

    /// <summary>撤回 – the writer takes back a submitted or returned report; co-authors are told.</summary>
    public async Task WithdrawAsync(Guid id, CancellationToken ct = default)
    {
        var report = await LoadOwnAsync(id, ct);
        var now = Now;
        OpinionStateMachine.Move(report, OpinionAction.Withdraw, now);
        var coAuthors = await db.OpinionReportAuthors.Where(a => a.ReportId == id && a.Order > 0).Select(a => a.MemberId).ToListAsync(ct);
        db.AddHistory(report, await db.ActorNameAsync(Actor, ct), "报送人撤回", now);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.Withdraw, $"社情民意《{report.Title}》已由报送人撤回", coAuthors));
        await db.SaveOpinionActionAsync(ct);
    }

    /// <summary>The tracked report when the actor wrote it: 404 when they may not read it, 403 when they only co-authored it.</summary>
    private async Task<OpinionReport> LoadOwnAsync(Guid id, CancellationToken ct)
    {
        access.RequireMember();
        var report = await access.LoadForAuthorAsync(id, ct);
        return IsWriter(report) ? report : throw new ForbiddenException("只有第一作者（或联系人）可以修改、报送、撤回或删除该信息。");
    }

    private bool IsWriter(OpinionReport report) =>
        report.CreatedByUserId == Actor.UserId || (report.LeadMemberId is { } lead && lead == Actor.MemberId);

    private static void CheckVersion(OpinionReport report, int version)
    {
        if (report.Version != version)
        {
            throw new ConflictException(OpinionSave.ConcurrentMessage);
        }
    }

    /// <summary>Form checks that apply to drafts too (so a draft never stores what could not be
    /// submitted later), and the co-authors, who must be active members of the same committee.</summary>
    private async Task<List<(Guid Id, string Name)>> ValidateAsync(ReportInput input, OpinionSettings settings, Guid committeeId, Guid memberId, CancellationToken ct)
    {
        var ids = input.Kind == OpinionSubmitterKind.Joint ? input.CoAuthorIds.Distinct().Where(x => x != memberId).ToList() : [];
        var found = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id) && m.CommitteeId == committeeId && m.IsActive)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        new Validation().CheckForm(input, settings)
            .Require(ReportInput.MemberKinds.Contains(input.Kind), nameof(input.Kind), "请选择报送方式。")
            .Require(input.Kind != OpinionSubmitterKind.Joint || ids.Count > 0, nameof(input.CoAuthorIds), "联名报送至少需要一位联名委员。")
            .Require(found.Count == ids.Count, nameof(input.CoAuthorIds), "联名委员须为本会在册委员。")
            .Require(!ReportInput.IsGroup(input.Kind) || !string.IsNullOrWhiteSpace(input.GroupName), nameof(input.GroupName),
                $"以{input.Kind.DisplayName()}名义报送须填写{input.Kind.DisplayName()}名称。")
            .MaxLength(input.GroupName?.Trim(), ReportTextInput.MaxName, nameof(input.GroupName), "报送单位名称")
            .ThrowIfInvalid();
        return [.. ids.Select(id => (id, found.First(f => f.Id == id).Name))];
    }

    private static void Apply(OpinionReport report, ReportInput input, string leadName, List<(Guid Id, string Name)> coAuthors)
    {
        ApplyText(report, input);
        report.SubmitterKind = input.Kind;
        report.SubmitterName = input.Kind switch
        {
            OpinionSubmitterKind.Joint => $"{leadName} 等{coAuthors.Count + 1}人",
            _ when ReportInput.IsGroup(input.Kind) => input.GroupName!.Trim(),
            _ => leadName,
        };
    }

    /// <summary>Copies the text and contact fields, trimmed, onto the report row.</summary>
    internal static void ApplyText(OpinionReport report, ReportTextInput input)
    {
        report.Title = ReportRules.Clean(input.Title);
        report.Situation = ReportRules.Clean(input.Situation);
        report.Analysis = ReportRules.Clean(input.Analysis);
        report.Suggestion = ReportRules.Clean(input.Suggestion);
        report.Category = (input.Category ?? "").Trim();
        report.Source = (input.Source ?? "").Trim();
        report.IsUrgent = input.IsUrgent;
        report.ContactName = (input.ContactName ?? "").Trim();
        report.ContactPhone = (input.ContactPhone ?? "").Trim();
    }

    private static ReportInput ToText(OpinionReport r) => new()
    {
        Title = r.Title,
        Situation = r.Situation,
        Analysis = r.Analysis,
        Suggestion = r.Suggestion,
        Category = r.Category,
        Source = r.Source,
        ContactName = r.ContactName,
        ContactPhone = r.ContactPhone,
    };

    /// <summary>The lead (order 0) and, for joint reports, the co-authors in the order given. A
    /// group's report has no author rows: the credit is the group's; the contact member is its
    /// <see cref="OpinionReport.LeadMemberId"/> and creator, so they still read it and are told of it.</summary>
    private void SyncAuthors(OpinionReport report, List<OpinionReportAuthor> existing, Guid leadId, string leadName,
        OpinionSubmitterKind kind, List<(Guid Id, string Name)> coAuthors)
    {
        var wanted = ReportInput.IsGroup(kind) ? [] : new List<(Guid Id, string Name)> { (leadId, leadName) };
        if (kind == OpinionSubmitterKind.Joint)
        {
            wanted.AddRange(coAuthors);
        }

        db.OpinionReportAuthors.RemoveRange(existing.Where(e => wanted.All(w => w.Id != e.MemberId)));
        for (var i = 0; i < wanted.Count; i++)
        {
            var row = existing.FirstOrDefault(e => e.MemberId == wanted[i].Id);
            if (row is null)
            {
                db.OpinionReportAuthors.Add(new OpinionReportAuthor
                {
                    CommitteeId = report.CommitteeId,
                    ReportId = report.Id,
                    MemberId = wanted[i].Id,
                    MemberName = wanted[i].Name,
                    Order = i,
                });
            }
            else if (row.Order != i)
            {
                row.Order = i;
            }
        }
    }
}
