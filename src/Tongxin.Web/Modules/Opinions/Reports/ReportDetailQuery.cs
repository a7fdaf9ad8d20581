using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>What the viewer is to the report, deciding what the detail page offers (each handler checks again).</summary>
public sealed record ReportViewer(bool IsStaff, bool CanManage, bool CanSignOff, bool IsAuthor, bool IsWriter, bool IsLeader);

/// <summary>The text as one reader sees it: the current edited version for staff and leaders,
/// the latest author text for authors.</summary>
public sealed record ReportText(int? VersionNo, bool IsAuthorText, string Title, string Situation, string Analysis, string Suggestion);

public sealed record AuthorView(Guid MemberId, string Name, int Order);

public sealed record HistoryView(DateTime At, string ActorName, string Text);

public sealed record VersionView(int No, bool IsAuthorText, string EditorName, DateTime At, string? Note, int Chars);

/// <summary>One report for the detail page and the API; the contact phone is masked (138****1234)
/// unless the viewer is 社情民意 staff.</summary>
public sealed record ReportDetail(
    Guid Id,
    Guid CommitteeId,
    int Year,
    int? SerialNo,
    OpinionStatus Status,
    int Version,
    string Category,
    string Source,
    bool IsUrgent,
    OpinionSubmitterKind SubmitterKind,
    string SubmitterName,
    string ContactName,
    string ContactPhone,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    DateTime? ScreenedAt,
    string? ScreenedByName,
    string? ScreeningNote,
    DateTime? SignedOffAt,
    string? SignedOffByName,
    DateTime? PublishedAt,
    ReportText Text,
    IReadOnlyList<AuthorView> Authors,
    IReadOnlyList<HistoryView> Timeline,
    IReadOnlyList<VersionView> Versions,
    ReportViewer Viewer)
{
    public string DisplaySerial => SerialNo is { } n ? $"{Year}-{n:D4}" : "未报送";
}

/// <summary>社情民意详情 – readers per <see cref="OpinionAccess"/>; contact phone masked except for
/// 社情民意 staff; the version list only for staff.</summary>
public sealed class ReportDetailQuery(TongxinDbContext db, OpinionAccess access, IActorAccessor actors)
{
    public async Task<ReportDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var a = actors.Actor;
        var r = await access.Readable().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new Platform.Web.NotFoundException("社情民意信息");
        var authors = await db.OpinionReportAuthors.AsNoTracking().Where(x => x.ReportId == id).OrderBy(x => x.Order)
            .Select(x => new AuthorView(x.MemberId, x.MemberName, x.Order)).ToListAsync(ct);
        var isStaff = OpinionAccess.IsOpinionStaff(a);
        var isAuthor = r.CreatedByUserId == a.UserId || (a.MemberId is { } m && (authors.Any(x => x.MemberId == m) || r.LeadMemberId == m));
        var isWriter = r.CreatedByUserId == a.UserId || (a.MemberId is { } lead && r.LeadMemberId == lead);
        var viewer = new ReportViewer(isStaff, OpinionAccess.CanManage(a, r.CommitteeId), OpinionAccess.CanSignOff(a) && a.CanWrite(r.CommitteeId),
            isAuthor && !isStaff, isWriter && !isStaff, OpinionAccess.IsLeader(a));

        List<VersionView> versions = isStaff
            ? (await db.OpinionReportVersions.AsNoTracking().Where(v => v.ReportId == id).OrderBy(v => v.No)
                .Select(v => new { v.No, v.IsAuthorText, v.EditorName, v.At, v.Note, v.Title, v.Situation, v.Analysis, v.Suggestion })
                .ToListAsync(ct))
                .Select(v => new VersionView(v.No, v.IsAuthorText, v.EditorName, v.At, v.Note, ReportRules.CountChars(v.Title, v.Situation, v.Analysis, v.Suggestion)))
                .ToList()
            : [];

        ReportText text;
        if (isStaff || viewer.IsLeader || r.Status == OpinionStatus.Draft)
        {
            text = new ReportText(r.CurrentVersionNo == 0 ? null : r.CurrentVersionNo,
                versions.FirstOrDefault(v => v.No == r.CurrentVersionNo)?.IsAuthorText ?? true, r.Title, r.Situation, r.Analysis, r.Suggestion);
        }
        else
        {
            // Authors see what they wrote: editors' revisions are the office's, not theirs.
            text = await db.OpinionReportVersions.AsNoTracking().Where(v => v.ReportId == id && v.IsAuthorText).OrderByDescending(v => v.No)
                .Select(v => new ReportText(v.No, true, v.Title, v.Situation, v.Analysis, v.Suggestion)).FirstOrDefaultAsync(ct)
                ?? new ReportText(null, true, r.Title, r.Situation, r.Analysis, r.Suggestion);
        }

        var timeline = await db.OpinionHistory.AsNoTracking().Where(h => h.ReportId == id).OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new HistoryView(h.At, h.ActorName, h.Text)).ToListAsync(ct);
        var phone = isStaff ? r.ContactPhone : MaskPhone(r.ContactPhone);
        return new ReportDetail(r.Id, r.CommitteeId, r.Year, r.SerialNo, r.Status, r.Version, r.Category, r.Source, r.IsUrgent,
            r.SubmitterKind, r.SubmitterName, r.ContactName, phone, r.CreatedAt, r.SubmittedAt, r.ScreenedAt, r.ScreenedByName,
            r.ScreeningNote, r.SignedOffAt, r.SignedOffByName, r.PublishedAt, text, authors, timeline, versions, viewer);
    }

    /// <summary>Mobiles as 138****1234; landlines keep the area code and the last four digits.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length == 11 || phone.Length < 8 ? MemberRules.MaskMobile(phone) : string.Concat(phone.AsSpan(0, phone.Length - 8), "****", phone.AsSpan(phone.Length - 4));
}
