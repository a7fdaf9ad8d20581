using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>One field of a version compared with the latest author text.</summary>
public sealed record FieldDiff(string Label, IReadOnlyList<DiffSegment> Segments)
{
    public bool Changed => Segments.Any(s => s.Kind != DiffKind.Equal);
}

/// <summary>A version against the author's latest text, field by field.</summary>
public sealed record VersionDiff(int No, int AuthorNo, VersionView Version, IReadOnlyList<FieldDiff> Fields);

/// <summary>编辑核稿 and 审签/签发 – staff revise an adopted report (each save a new editor version;
/// the author's text is never changed), compare any version with the latest author text, and a
/// staff member with the sign-off permission signs it off or withdraws the sign-off.</summary>
public sealed class EditingHandler(
    TongxinDbContext db,
    OpinionAccess access,
    OpinionSettingsStore settingsStore,
    IActorAccessor actors,
    TimeProvider time)
{
    public const int MaxNote = 500;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Saves an editor version from the version of the report the editor started from;
    /// of two editors saving from the same version, the second is told to reload.</summary>
    public async Task<int> EditTextAsync(Guid id, EditTextInput input, CancellationToken ct = default)
    {
        var report = await access.LoadForStaffAsync(id, ct);
        OpinionStateMachine.Ensure(report, OpinionAction.EditText);
        if (report.Version != input.Version)
        {
            throw new ConflictException(OpinionSave.ConcurrentMessage);
        }

        var settings = await settingsStore.GetAsync(report.CommitteeId, ct);
        new Validation()
            .CheckText(input.Title, input.Situation, input.Analysis, input.Suggestion, settings.MaxChars)
            .MaxLength(input.Note?.Trim(), MaxNote, nameof(input.Note), "编辑说明")
            .ThrowIfInvalid();

        var now = Now;
        var name = await db.ActorNameAsync(actors.Actor, ct);
        var no = 1 + (await db.OpinionReportVersions.Where(v => v.ReportId == id).MaxAsync(v => (int?)v.No, ct) ?? 0);
        var version = new OpinionReportVersion
        {
            CommitteeId = report.CommitteeId,
            ReportId = id,
            No = no,
            IsAuthorText = false,
            Title = ReportRules.Clean(input.Title),
            Situation = ReportRules.Clean(input.Situation),
            Analysis = ReportRules.Clean(input.Analysis),
            Suggestion = ReportRules.Clean(input.Suggestion),
            EditorName = name,
            At = now,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
        };
        db.OpinionReportVersions.Add(version);
        // The row carries the current text, which screening lists, search and bulletins read.
        report.Title = version.Title;
        report.Situation = version.Situation;
        report.Analysis = version.Analysis;
        report.Suggestion = version.Suggestion;
        report.CurrentVersionNo = no;
        db.Entry(report).Property(r => r.Version).OriginalValue = input.Version;
        db.Touch(report, now);
        db.AddHistory(report, name, $"编辑核稿，保存第{no}稿" + (version.Note is { } n ? $"：{n}" : ""), now);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.EditText, $"社情民意《{report.Title}》保存第{no}稿", []));
        try
        {
            await db.SaveOpinionActionAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another editor saved the same version number a moment earlier (the unique index on the
            // version number answers before the report row's version does).
            throw new ConflictException(OpinionSave.ConcurrentMessage);
        }

        return no;
    }

    /// <summary>Every version of the report, oldest first (staff).</summary>
    public async Task<IReadOnlyList<VersionView>> VersionsAsync(Guid id, CancellationToken ct = default)
    {
        access.RequireStaff();
        await access.LoadAsync(id, ct);
        var rows = await db.OpinionReportVersions.AsNoTracking().Where(v => v.ReportId == id).OrderBy(v => v.No).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    /// <summary>A version (default: the current one) against the latest author text, character by character.</summary>
    public async Task<VersionDiff> DiffAsync(Guid id, int? no, CancellationToken ct = default)
    {
        access.RequireStaff();
        var report = await access.LoadAsync(id, ct);
        var versions = await db.OpinionReportVersions.AsNoTracking().Where(v => v.ReportId == id).OrderBy(v => v.No).ToListAsync(ct);
        var author = versions.LastOrDefault(v => v.IsAuthorText) ?? throw new NotFoundException("作者原稿");
        var target = versions.FirstOrDefault(v => v.No == (no ?? report.CurrentVersionNo)) ?? throw new NotFoundException("该版本");
        return new VersionDiff(target.No, author.No, View(target),
        [
            new FieldDiff("标题", TextDiff.Compute(author.Title, target.Title)),
            new FieldDiff("基本情况", TextDiff.Compute(author.Situation, target.Situation)),
            new FieldDiff("问题分析", TextDiff.Compute(author.Analysis, target.Analysis)),
            new FieldDiff("意见建议", TextDiff.Compute(author.Suggestion, target.Suggestion)),
        ]);
    }

    /// <summary>审签/签发 – the current version is final; the authors are told.</summary>
    public async Task SignOffAsync(Guid id, CancellationToken ct = default)
    {
        access.RequireSignOff();
        var report = await access.LoadForStaffAsync(id, ct);
        var now = Now;
        OpinionStateMachine.Move(report, OpinionAction.SignOff, now);
        var name = await db.ActorNameAsync(actors.Actor, ct);
        report.SignedOffAt = now;
        report.SignedOffByName = name;
        db.AddHistory(report, name, $"审签签发（第{report.CurrentVersionNo}稿）", now);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.SignOff,
            $"您报送的社情民意《{report.Title}》已审签签发，将编入《社情民意》期刊。", await ReportRecipients.AuthorsAsync(db, report, ct)));
        await db.SaveOpinionActionAsync(ct);
    }

    /// <summary>撤回签发 – back to editing before it is printed.</summary>
    public async Task ReopenAsync(Guid id, CancellationToken ct = default)
    {
        access.RequireSignOff();
        var report = await access.LoadForStaffAsync(id, ct);
        var now = Now;
        OpinionStateMachine.Move(report, OpinionAction.ReopenEditing, now);
        if (await db.OpinionBulletinArticleReports.AnyAsync(x => x.ReportId == id, ct))
        {
            throw new ConflictException("该信息已编入期刊，请先从期刊中移出后再撤回签发。");
        }

        var name = await db.ActorNameAsync(actors.Actor, ct);
        report.SignedOffAt = null;
        report.SignedOffByName = null;
        db.AddHistory(report, name, "撤回签发，重新编辑核稿", now);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.ReopenEditing, $"社情民意《{report.Title}》撤回签发", []));
        await db.SaveOpinionActionAsync(ct);
    }

    private static VersionView View(OpinionReportVersion v) =>
        new(v.No, v.IsAuthorText, v.EditorName, v.At, v.Note, ReportRules.CountChars(v.Title, v.Situation, v.Analysis, v.Suggestion));
}

/// <summary>Whom a report's news concerns: its member authors and a group report's contact member.</summary>
public static class ReportRecipients
{
    /// <summary>The members a report's steps are told to: its authors in order, and the lead member
    /// first when it has no author row (a group's contact person).</summary>
    public static async Task<IReadOnlyList<Guid>> AuthorsAsync(TongxinDbContext db, OpinionReport report, CancellationToken ct) =>
        (await AuthorsAsync(db, [report], ct))[report.Id];

    /// <summary>The same for several reports, in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> AuthorsAsync(
        TongxinDbContext db, IReadOnlyCollection<OpinionReport> reports, CancellationToken ct)
    {
        var ids = reports.Select(r => r.Id).ToList();
        var authors = await db.OpinionReportAuthors.Where(a => ids.Contains(a.ReportId)).OrderBy(a => a.Order)
            .Select(a => new { a.ReportId, a.MemberId }).ToListAsync(ct);
        return reports.ToDictionary(r => r.Id, r =>
        {
            var members = authors.Where(a => a.ReportId == r.Id).Select(a => a.MemberId).ToList();
            if (r.LeadMemberId is { } lead && !members.Contains(lead))
            {
                members.Insert(0, lead);
            }

            return (IReadOnlyList<Guid>)members;
        });
    }
}
