using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Documents;

/// <summary>A generated document: its (Chinese) file name and content, positioned at the start.
/// The receiver disposes the stream (a compilation is a temporary file deleted on close).</summary>
public sealed record DocumentFile(string FileName, Stream Content);

/// <summary>A session a compilation can be made of, with the number of filed proposals in it.</summary>
public sealed record CompilationSession(Guid SessionId, string CommitteeName, string SessionTitle, DateOnly StartDate, bool IsCurrent, int FiledCount);

/// <summary>提案文档 – the Word documents of the proposal module: 提案表, 答复函 and 提案汇编.
/// Checks who may have each one and records every export in the audit log.</summary>
public sealed class ProposalDocumentsHandler(TongxinDbContext db, IActorAccessor actors, ProposalAccess access, ProposalSettingsStore settings, TimeProvider time)
{
    /// <summary>The statuses of a proposal that was filed (立案) and kept its own number: the
    /// compilation prints these. 并案 proposals live on in their main proposal.</summary>
    public static readonly ProposalStatus[] FiledOrLater = [ProposalStatus.Filed, ProposalStatus.Handling, ProposalStatus.AwaitingRating, ProposalStatus.Completed];

    private Actor Actor => actors.Actor;

    /// <summary>Staff with the 提案 permission, and leaders of their own committee.</summary>
    public static bool MayCompile(Actor a) => ProposalAccess.IsProposalStaff(a) || ProposalAccess.IsLeader(a);

    /// <summary>提案表 of one proposal, for whoever may read the proposal.</summary>
    public async Task<DocumentFile> ProposalFormAsync(Guid proposalId, CancellationToken ct = default)
    {
        var p = await access.LoadAsync(proposalId, ct);
        var meeting = await MeetingAsync(p.SessionId, ct);
        var signers = await db.ProposalSigners
            .Where(s => s.ProposalId == p.Id && s.Status == SignerStatus.Confirmed)
            .OrderBy(s => s.Order)
            .Select(s => s.MemberName)
            .ToListAsync(ct);
        var text = Text(p, signers);
        var submitted = p.SubmittedAt is { } at ? DateOnly.FromDateTime(BeijingTime.FromUtc(at)) : (DateOnly?)null;
        var output = new MemoryStream();
        ProposalDocuments.WriteForm(output, new ProposalForm(meeting.CommitteeName, meeting.SessionTitle, text, p.MayPublish, p.IsPlenary, submitted), Now);

        db.Audit("导出提案表", nameof(Proposal), p.Id.ToString(), "成功", $"{text.NumberText} {p.Title}");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return new DocumentFile(FileName("提案表", text.NumberText, p.Title), output);
    }

    /// <summary>答复函 of one reply: for readers of the proposal once the reply is approved; staff
    /// also while it waits for their review (or after they sent it back).</summary>
    public async Task<DocumentFile> ReplyLetterAsync(Guid replyId, CancellationToken ct = default)
    {
        var reply = await db.ProposalReplies.AsNoTracking()
            .Where(r => r.Id == replyId)
            .Select(r => new { r.ProposalId, r.AssignmentId, r.HandlingUnitName, r.Text, r.Signer, r.ReplyClass, r.Status, r.SubmittedAt, r.ReviewedAt })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("答复");
        // Staff of the office that reviews it (提案, or 社情民意 for a 转办 case; Readable below decides which).
        var staffMayPreview = (ProposalAccess.IsProposalStaff(Actor) || Opinions.OpinionAccess.IsOpinionStaff(Actor)) && reply.Status is ReplyStatus.Submitted or ReplyStatus.Rejected;
        if (reply.Status != ReplyStatus.Approved && !staffMayPreview)
        {
            throw new NotFoundException("答复");
        }

        var p = await access.Readable().AsNoTracking()
            .Where(x => x.Id == reply.ProposalId)
            .Select(x => new { x.Id, x.CommitteeId, x.SessionId, x.Number })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("答复");
        var meeting = await MeetingAsync(p.SessionId, ct);
        var items = await db.ProposalReplyItems
            .Where(i => i.ReplyId == replyId)
            .OrderBy(i => i.Order)
            .Select(i => new ReplyLetterItem(i.Commitment, i.ResponsibleUnit, i.PlannedDate, i.Status))
            .ToListAsync(ct);
        var contact = await (from a in db.ProposalAssignments
                             where a.Id == reply.AssignmentId
                             join u in db.HandlingUnits on a.HandlingUnitId equals u.Id
                             select new { u.ContactPerson, u.ContactPhone }).FirstOrDefaultAsync(ct);
        var classes = (await settings.GetAsync(p.CommitteeId, ct)).ReplyClassList;
        var label = classes.FirstOrDefault(c => c.Code == reply.ReplyClass).Label ?? "";
        var when = (reply.Status == ReplyStatus.Approved ? reply.ReviewedAt : reply.SubmittedAt) ?? Now;

        var letter = new ReplyLetter(
            meeting.SessionTitle,
            p.Number,
            await SalutationAsync(p.Id, ct),
            reply.Text,
            reply.ReplyClass,
            label,
            items,
            reply.Signer,
            reply.HandlingUnitName,
            DateOnly.FromDateTime(BeijingTime.FromUtc(when)),
            contact?.ContactPerson,
            contact?.ContactPhone,
            reply.Status);
        var output = new MemoryStream();
        ProposalDocuments.WriteReplyLetter(output, letter, Now);

        var number = p.Number is { } n ? $"第{n:D4}号" : "未立案";
        db.Audit("导出答复函", nameof(ProposalReply), replyId.ToString(), "成功", $"{number} {reply.HandlingUnitName}（{reply.Status.DisplayName()}）");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return new DocumentFile(FileName("答复函", number, reply.HandlingUnitName), output);
    }

    /// <summary>The sessions the actor may compile, newest first, with their filed proposals counted.</summary>
    public async Task<PagedList<CompilationSession>> CompilationSessionsAsync(int page, CancellationToken ct = default)
    {
        EnsureMayCompile();
        var a = Actor;
        var staff = ProposalAccess.IsProposalStaff(a);
        var readable = access.Readable();
        var query = from s in db.Sessions
                    where staff || s.CommitteeId == a.CommitteeId
                    join c in db.Committees on s.CommitteeId equals c.Id
                    join t in db.Terms on s.TermId equals t.Id into terms
                    from t in terms.DefaultIfEmpty()
                    orderby s.StartDate descending, c.Name
                    select new
                    {
                        s.Id,
                        Committee = c.Name,
                        Term = t == null ? "" : t.Name,
                        s.Name,
                        s.StartDate,
                        s.IsCurrent,
                        Filed = readable.Count(p => p.SessionId == s.Id && p.Number != null && FiledOrLater.Contains(p.Status)),
                    };
        var rows = await query.ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        return new PagedList<CompilationSession>(
            [.. rows.Items.Select(r => new CompilationSession(r.Id, r.Committee, GbtLayout.SessionTitle(r.Term, r.Name), r.StartDate, r.IsCurrent, r.Filed))],
            rows.Page,
            rows.PageSize,
            rows.Total);
    }

    /// <summary>提案汇编: every filed proposal of a session in number order, in one document written
    /// to a temporary file as the proposals are read (a session has up to a few thousand).</summary>
    public async Task<DocumentFile> CompilationAsync(Guid sessionId, CancellationToken ct = default)
    {
        EnsureMayCompile();
        var a = Actor;
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.CommitteeId })
            .FirstOrDefaultAsync(ct);
        if (session is null || (!ProposalAccess.IsProposalStaff(a) && session.CommitteeId != a.CommitteeId))
        {
            throw new NotFoundException("会议");
        }

        var meeting = await MeetingAsync(sessionId, ct);
        var filed = access.Readable().AsNoTracking()
            .Where(p => p.SessionId == sessionId && p.CommitteeId == session.CommitteeId && p.Number != null && FiledOrLater.Contains(p.Status));
        var heads = await filed
            .OrderBy(p => p.Number)
            .Select(p => new { p.Id, p.Number, p.Title, p.Kind, p.GroupName, p.LeadMemberName })
            .ToListAsync(ct);
        // Every proposer of the session in one query, not one per proposal.
        var signers = (await db.ProposalSigners
                .Where(s => s.Status == SignerStatus.Confirmed && filed.Any(p => p.Id == s.ProposalId))
                .OrderBy(s => s.Order)
                .Select(s => new { s.ProposalId, s.MemberName })
                .ToListAsync(ct))
            .ToLookup(s => s.ProposalId, s => s.MemberName);
        var texts = heads.ToDictionary(
            h => h.Id,
            h => new ProposalText(h.Number, h.Title, "", h.Kind, h.GroupName, h.LeadMemberName, [.. signers[h.Id]], "", "", ""));

        var title = $"{meeting.CommitteeName}{meeting.SessionTitle}提案汇编";
        var path = Path.Combine(Path.GetTempPath(), $"tongxin-{Guid.NewGuid():N}.docx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            var written = 0;
            using (var doc = DocxWriter.Begin(file, title, Now, coverPage: true))
            {
                doc.Write(ProposalDocuments.CompilationFront(
                    new CompilationCover(meeting.CommitteeName, meeting.SessionTitle, BeijingTime.Today(time)),
                    heads.Select(h => texts[h.Id]).Select(t => new CompilationTocLine(t.Number!.Value, t.Title, t.ShortProposers))));
                var bodies = filed
                    .OrderBy(p => p.Number)
                    .Select(p => new { p.Id, p.Category, p.SuggestedUnits, p.Situation, p.Suggestions })
                    .AsAsyncEnumerable();
                await foreach (var body in bodies.WithCancellation(ct))
                {
                    // A proposal filed between the two reads is left out, so the contents list matches the pages.
                    if (texts.TryGetValue(body.Id, out var head))
                    {
                        doc.Write(ProposalDocuments.CompilationProposal(head with
                        {
                            Category = body.Category,
                            SuggestedUnits = body.SuggestedUnits,
                            Situation = body.Situation,
                            Suggestions = body.Suggestions,
                        }));
                        written++;
                    }
                }

                doc.Finish();
            }

            db.Audit("导出提案汇编", nameof(Session), sessionId.ToString(), "成功", $"{meeting.CommitteeName}{meeting.SessionTitle}：{written} 件提案");
            await db.SaveChangesAsync(ct);
            file.Position = 0;
            return new DocumentFile(FileName(meeting.CommitteeName + meeting.SessionTitle, "提案汇编"), file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private void EnsureMayCompile()
    {
        if (!MayCompile(Actor))
        {
            throw new ForbiddenException("只有提案工作人员和领导可以导出提案汇编。");
        }
    }

    private static ProposalText Text(Proposal p, IReadOnlyList<string> signers) =>
        new(p.Number, p.Title, p.Category, p.Kind, p.GroupName, p.LeadMemberName, signers, p.Situation, p.Suggestions, p.SuggestedUnits);

    private sealed record Meeting(string CommitteeName, string SessionTitle);

    private async Task<Meeting> MeetingAsync(Guid sessionId, CancellationToken ct)
    {
        var row = await (from s in db.Sessions
                         where s.Id == sessionId
                         join c in db.Committees on s.CommitteeId equals c.Id
                         join t in db.Terms on s.TermId equals t.Id into terms
                         from t in terms.DefaultIfEmpty()
                         select new { Committee = c.Name, Term = t == null ? "" : t.Name, s.Name }).FirstOrDefaultAsync(ct);
        return row is null ? new Meeting("", "") : new Meeting(row.Committee, GbtLayout.SessionTitle(row.Term, row.Name));
    }

    /// <summary>"张三、李四委员：" – every confirmed proposer of the proposal and of the proposals merged
    /// into it (each of them gets the reply); group proposals are addressed to the group.</summary>
    private async Task<string> SalutationAsync(Guid proposalId, CancellationToken ct)
    {
        var proposals = await db.Proposals
            .Where(x => x.Id == proposalId || x.MergedIntoId == proposalId)
            .OrderBy(x => x.MergedIntoId != null)
            .ThenBy(x => x.CreatedAt)
            .Select(x => new { x.Id, x.Kind, x.GroupName, x.LeadMemberName })
            .ToListAsync(ct);
        var signers = (await db.ProposalSigners
                .Where(s => s.Status == SignerStatus.Confirmed && (s.ProposalId == proposalId || db.Proposals.Any(m => m.Id == s.ProposalId && m.MergedIntoId == proposalId)))
                .OrderBy(s => s.Order)
                .Select(s => new { s.ProposalId, s.MemberName })
                .ToListAsync(ct))
            .ToLookup(s => s.ProposalId, s => s.MemberName);
        var members = new List<string>();
        var groups = new List<string>();
        foreach (var x in proposals)
        {
            if (ProposalDocuments.IsGroup(x.Kind) && !string.IsNullOrWhiteSpace(x.GroupName))
            {
                groups.Add(x.GroupName);
            }
            else
            {
                members.AddRange(signers[x.Id].DefaultIfEmpty(x.LeadMemberName));
            }
        }

        var parts = new List<string>();
        if (members.Count > 0)
        {
            parts.Add(string.Join("、", members.Distinct()) + "委员");
        }

        parts.AddRange(groups.Distinct());
        return string.Join("，", parts);
    }

    /// <summary>"提案表_第0001号_关于….docx": the title shortened, without characters a file system refuses.</summary>
    private static string FileName(params string[] parts)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat("\\/:*?\"<>|").ToHashSet();
        var name = string.Join("_", parts.Where(p => p.Length > 0).Select(p => new string([.. p.Where(c => !invalid.Contains(c) && !char.IsControl(c))]).Trim()));
        return (name.Length > 60 ? name[..60] : name) + ".docx";
    }
}
