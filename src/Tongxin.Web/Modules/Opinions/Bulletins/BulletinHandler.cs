using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Documents;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Calendar;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Bulletins;

/// <summary>期刊的抬头: year, type, title and recipients (one per line).</summary>
public sealed class BulletinInput
{
    public int Year { get; set; }

    public string Type { get; set; } = "";

    public string Title { get; set; } = "";

    public string MainRecipients { get; set; } = "";

    public string CopyRecipients { get; set; } = "";
}

/// <summary>The list's filters; null means any.</summary>
public sealed record BulletinFilter(int? Year = null, string? Type = null, BulletinStatus? Status = null);

/// <summary>A row of the bulletin list.</summary>
public sealed record BulletinRow(Guid Id, int Year, string Type, int? IssueNo, string Title, BulletinStatus Status, int Articles, DateTime CreatedAt, DateTime? IssuedAt, string? IssuedByName)
{
    public string IssueText => BulletinText.Issue(Year, IssueNo);
}

/// <summary>A report an article was made from.</summary>
public sealed record BulletinArticleSource(Guid ReportId, int? SerialNo, int Year, string Title, string SubmitterName, OpinionStatus Status);

/// <summary>One article as the detail page and the documents show it.</summary>
public sealed record BulletinArticleView(Guid Id, int Order, string Title, string Body, IReadOnlyList<BulletinArticleSource> Reports)
{
    public bool IsCombined => Reports.Count > 1;

    /// <summary>The submitters as printed under the article: "张三", "张三；李四".</summary>
    public string Submitters => string.Join("；", Reports.Select(r => r.SubmitterName).Distinct());
}

/// <summary>A bulletin with its articles.</summary>
public sealed record BulletinView(OpinionBulletin Bulletin, string CommitteeName, IReadOnlyList<BulletinArticleView> Articles, bool MayEdit, bool MayIssue)
{
    public string IssueText => BulletinText.Issue(Bulletin.Year, Bulletin.IssueNo);
}

/// <summary>How bulletins are named.</summary>
public static class BulletinText
{
    /// <summary>"2026年第3期", or "2026年（未印发）" for a draft.</summary>
    public static string Issue(int year, int? no) => no is { } n ? $"{year}年第{n}期" : $"{year}年（未印发）";

    /// <summary>The article text of a report: 基本情况, 问题分析, 意见建议 as paragraphs.</summary>
    public static string ReportBody(string situation, string analysis, string suggestion) =>
        string.Join("\n", new[] { situation, analysis, suggestion }.Select(s => s.Trim()).Where(s => s.Length > 0));
}

/// <summary>期刊《社情民意》 – staff with 社情民意 compile bulletins of their own committee from
/// signed-off reports; 印发 (with 签发 permission) numbers the issue, publishes the reports and
/// records their own-level adoption. Every rule is checked here, not in the pages.</summary>
public sealed class BulletinHandler(
    TongxinDbContext db,
    OpinionAccess access,
    OpinionSettingsStore settings,
    IActorAccessor actors,
    TimeProvider clock)
{
    public const int MaxTitle = 200;
    public const int MaxRecipients = 2000;
    public const int MaxBody = 20000;

    private Actor Actor => actors.Actor;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Staff with 社情民意 read the bulletins of readable committees; leaders the issued ones of their own.</summary>
    public static bool MayRead(Actor a) => OpinionAccess.IsOpinionStaff(a) || OpinionAccess.IsLeader(a);

    public IQueryable<OpinionBulletin> Readable()
    {
        var a = Actor;
        if (OpinionAccess.IsOpinionStaff(a))
        {
            return db.OpinionBulletins;
        }

        if (OpinionAccess.IsLeader(a))
        {
            return db.OpinionBulletins.Where(b => b.CommitteeId == a.CommitteeId && b.Status == BulletinStatus.Issued);
        }

        return db.OpinionBulletins.Where(b => false);
    }

    public async Task<PagedList<BulletinRow>> ListAsync(BulletinFilter filter, int page, CancellationToken ct = default) =>
        await Rows(filter).ToPagedListAsync(page, Paging.DefaultPageSize, ct);

    /// <summary>The rows of the list for the Excel export, in list order.</summary>
    private IAsyncEnumerable<BulletinRow> ExportRows(BulletinFilter filter) => Rows(filter).AsAsyncEnumerable();

    private IQueryable<BulletinRow> Rows(BulletinFilter filter)
    {
        if (!MayRead(Actor))
        {
            throw new ForbiddenException("只有社情民意工作人员和领导可以查看期刊。");
        }

        var q = Readable().AsNoTracking();
        if (filter.Year is { } year)
        {
            q = q.Where(b => b.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            q = q.Where(b => b.Type == filter.Type);
        }

        if (filter.Status is { } status)
        {
            q = q.Where(b => b.Status == status);
        }

        return q.OrderBy(b => b.Status).ThenByDescending(b => b.Year).ThenBy(b => b.Type).ThenByDescending(b => b.IssueNo).ThenByDescending(b => b.CreatedAt)
            .Select(b => new BulletinRow(
                b.Id, b.Year, b.Type, b.IssueNo, b.Title, b.Status,
                db.OpinionBulletinArticles.Count(x => x.BulletinId == b.Id),
                b.CreatedAt, b.IssuedAt, b.IssuedByName));
    }

    /// <summary>A new bulletin's header prefilled from the committee's settings: this year, the first type, the default recipients.</summary>
    public async Task<BulletinInput> NewInputAsync(CancellationToken ct = default)
    {
        access.RequireStaff();
        var s = await settings.GetAsync(Actor.CommitteeId ?? Guid.Empty, ct);
        return new BulletinInput
        {
            Year = BeijingTime.Today(clock).Year,
            Type = s.BulletinTypeList.FirstOrDefault() ?? "",
            MainRecipients = s.DefaultMainRecipients,
            CopyRecipients = s.DefaultCopyRecipients,
        };
    }

    /// <summary>The bulletin types offered for the actor's committee.</summary>
    public async Task<IReadOnlyList<string>> TypesAsync(CancellationToken ct = default) =>
        (await settings.GetAsync(Actor.CommitteeId ?? Guid.Empty, ct)).BulletinTypeList;

    public async Task<Guid> CreateAsync(BulletinInput input, CancellationToken ct = default)
    {
        access.RequireStaff();
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException("只有本级政协的工作人员可以编辑期刊。");
        await ValidateAsync(input, committeeId, ct);
        var bulletin = new OpinionBulletin { CommitteeId = committeeId, CreatedAt = Now };
        Apply(bulletin, input);
        db.OpinionBulletins.Add(bulletin);
        await db.SaveOpinionActionAsync(ct);
        return bulletin.Id;
    }

    /// <summary>Changes a draft's header.</summary>
    public async Task UpdateAsync(Guid id, BulletinInput input, CancellationToken ct = default)
    {
        var bulletin = await LoadDraftAsync(id, ct);
        await ValidateAsync(input, bulletin.CommitteeId, ct);
        Apply(bulletin, input);
        await db.SaveOpinionActionAsync(ct);
    }

    /// <summary>Deletes a draft with its articles (the reports stay signed off).</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var bulletin = await LoadDraftAsync(id, ct);
        var articles = await db.OpinionBulletinArticles.Where(x => x.BulletinId == id).ToListAsync(ct);
        var links = await db.OpinionBulletinArticleReports.Where(x => x.BulletinId == id).ToListAsync(ct);
        var name = await db.ActorNameAsync(Actor, ct);
        foreach (var report in await ReportsAsync(links.Select(l => l.ReportId), ct))
        {
            db.Touch(report, Now);
            db.AddHistory(report, name, $"期刊《{bulletin.Title}》草稿已删除，本信息移出该期刊", Now);
        }

        db.OpinionBulletinArticleReports.RemoveRange(links);
        db.OpinionBulletinArticles.RemoveRange(articles);
        db.OpinionBulletins.Remove(bulletin);
        await db.SaveOpinionActionAsync(ct);
    }

    public async Task<BulletinView> GetAsync(Guid id, CancellationToken ct = default)
    {
        if (!MayRead(Actor))
        {
            throw new ForbiddenException("只有社情民意工作人员和领导可以查看期刊。");
        }

        var bulletin = await Readable().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("期刊");
        var committee = await db.Committees.Where(c => c.Id == bulletin.CommitteeId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var articles = await db.OpinionBulletinArticles.AsNoTracking().Where(x => x.BulletinId == id).OrderBy(x => x.Order)
            .Select(x => new { x.Id, x.Order, x.Title, x.Body }).ToListAsync(ct);
        var sources = await (from link in db.OpinionBulletinArticleReports.AsNoTracking()
                             where link.BulletinId == id
                             join r in db.OpinionReports on link.ReportId equals r.Id
                             orderby r.SerialNo
                             select new { link.ArticleId, Source = new BulletinArticleSource(r.Id, r.SerialNo, r.Year, r.Title, r.SubmitterName, r.Status) })
            .ToListAsync(ct);
        var views = articles.Select(a => new BulletinArticleView(a.Id, a.Order, a.Title, a.Body, sources.Where(s => s.ArticleId == a.Id).Select(s => s.Source).ToList())).ToList();
        var mayEdit = bulletin.Status == BulletinStatus.Draft && OpinionAccess.CanManage(Actor, bulletin.CommitteeId);
        return new BulletinView(bulletin, committee, views, mayEdit, mayEdit && OpinionAccess.CanSignOff(Actor));
    }

    /// <summary>Signed-off reports of the own committee not yet in this bulletin, to add as articles.</summary>
    public async Task<IReadOnlyList<BulletinArticleSource>> CandidatesAsync(Guid bulletinId, CancellationToken ct = default)
    {
        var bulletin = await LoadDraftAsync(bulletinId, ct);
        return await access.Readable().AsNoTracking()
            .Where(r => r.CommitteeId == bulletin.CommitteeId && r.Status == OpinionStatus.SignedOff
                && !db.OpinionBulletinArticleReports.Any(l => l.BulletinId == bulletinId && l.ReportId == r.Id))
            .OrderByDescending(r => r.SignedOffAt)
            .Take(200)
            .Select(r => new BulletinArticleSource(r.Id, r.SerialNo, r.Year, r.Title, r.SubmitterName, r.Status))
            .ToListAsync(ct);
    }

    /// <summary>单篇: one signed-off report becomes an article with its current (signed-off) text.</summary>
    public Task<Guid> AddSingleAsync(Guid bulletinId, Guid reportId, CancellationToken ct = default) =>
        AddArticleAsync(bulletinId, [reportId], null, null, ct);

    /// <summary>综合: several signed-off reports become one article with the text staff write; without a
    /// text the reports' texts are put one after another for staff to edit.</summary>
    public async Task<Guid> AddCombinedAsync(Guid bulletinId, IReadOnlyList<Guid> reportIds, string? title, string? body, CancellationToken ct = default)
    {
        var ids = reportIds.Distinct().ToList();
        if (ids.Count < 2)
        {
            throw new ValidationFailedException("reportIds", "综合稿件至少需要选择两篇信息。");
        }

        new Validation()
            .NotBlank(title, "title", "综合稿件标题")
            .MaxLength(title, MaxTitle, "title", "综合稿件标题")
            .MaxLength(body, MaxBody, "body", "综合稿件正文")
            .ThrowIfInvalid();
        return await AddArticleAsync(bulletinId, ids, title!.Trim(), body, ct);
    }

    private async Task<Guid> AddArticleAsync(Guid bulletinId, IReadOnlyList<Guid> reportIds, string? title, string? body, CancellationToken ct)
    {
        var bulletin = await LoadDraftAsync(bulletinId, ct);
        var requested = reportIds.Distinct().ToList();
        var reports = (await access.LoadManyForStaffAsync(requested, ct)).OrderBy(r => requested.IndexOf(r.Id)).ToList();
        foreach (var report in reports)
        {
            OpinionStateMachine.Ensure(report, OpinionAction.AddToBulletin);
        }

        if (await db.OpinionBulletinArticleReports.AnyAsync(l => l.BulletinId == bulletinId && reportIds.Contains(l.ReportId), ct))
        {
            throw new ConflictException("所选信息已编入本期期刊。");
        }

        var texts = await CurrentTextsAsync(reports, ct);
        var order = await db.OpinionBulletinArticles.Where(x => x.BulletinId == bulletinId).MaxAsync(x => (int?)x.Order, ct) ?? 0;
        var article = new OpinionBulletinArticle
        {
            CommitteeId = bulletin.CommitteeId,
            BulletinId = bulletinId,
            Order = order + 1,
            Title = title ?? texts[0].Title,
            Body = string.IsNullOrWhiteSpace(body)
                ? string.Join("\n", texts.Select(t => reports.Count > 1 ? $"{t.Title}\n{t.Body}" : t.Body))
                : body.Trim(),
        };
        db.OpinionBulletinArticles.Add(article);
        var name = await db.ActorNameAsync(Actor, ct);
        foreach (var report in reports)
        {
            db.OpinionBulletinArticleReports.Add(new OpinionBulletinArticleReport { CommitteeId = bulletin.CommitteeId, BulletinId = bulletinId, ArticleId = article.Id, ReportId = report.Id });
            db.Touch(report, Now);
            var how = reports.Count > 1 ? "综合" : "单篇";
            db.AddHistory(report, name, $"编入期刊《{bulletin.Title}》（{how}）", Now);
            db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.AddToBulletin, $"信息《{report.Title}》已编入期刊《{bulletin.Title}》", []));
        }

        db.Touch(bulletin);
        await db.SaveOpinionActionAsync(ct);
        return article.Id;
    }

    /// <summary>Edits an article's title and text while the bulletin is a draft.</summary>
    public async Task EditArticleAsync(Guid articleId, string? title, string? body, CancellationToken ct = default)
    {
        var (bulletin, article) = await LoadArticleAsync(articleId, ct);
        new Validation()
            .NotBlank(title, "title", "标题")
            .MaxLength(title, MaxTitle, "title", "标题")
            .NotBlank(body, "body", "正文")
            .MaxLength(body, MaxBody, "body", "正文")
            .ThrowIfInvalid();
        article.Title = title!.Trim();
        article.Body = body!.Trim();
        db.Touch(bulletin);
        await db.SaveOpinionActionAsync(ct);
    }

    /// <summary>Moves an article one place up (<paramref name="up"/>) or down.</summary>
    public async Task MoveArticleAsync(Guid articleId, bool up, CancellationToken ct = default)
    {
        var (bulletin, article) = await LoadArticleAsync(articleId, ct);
        var neighbour = up
            ? await db.OpinionBulletinArticles.Where(x => x.BulletinId == bulletin.Id && x.Order < article.Order).OrderByDescending(x => x.Order).FirstOrDefaultAsync(ct)
            : await db.OpinionBulletinArticles.Where(x => x.BulletinId == bulletin.Id && x.Order > article.Order).OrderBy(x => x.Order).FirstOrDefaultAsync(ct);
        if (neighbour is null)
        {
            return;
        }

        (article.Order, neighbour.Order) = (neighbour.Order, article.Order);
        db.Touch(bulletin);
        await db.SaveOpinionActionAsync(ct);
    }

    /// <summary>Takes an article out of a draft; its reports stay signed off for another bulletin.</summary>
    public async Task RemoveArticleAsync(Guid articleId, CancellationToken ct = default)
    {
        var (bulletin, article) = await LoadArticleAsync(articleId, ct);
        var links = await db.OpinionBulletinArticleReports.Where(x => x.ArticleId == articleId).ToListAsync(ct);
        var name = await db.ActorNameAsync(Actor, ct);
        foreach (var report in await ReportsAsync(links.Select(l => l.ReportId), ct))
        {
            db.Touch(report, Now);
            db.AddHistory(report, name, $"移出期刊《{bulletin.Title}》", Now);
        }

        db.OpinionBulletinArticleReports.RemoveRange(links);
        db.OpinionBulletinArticles.Remove(article);
        db.Touch(bulletin);
        await db.SaveOpinionActionAsync(ct);
    }

    /// <summary>印发: gives the next 期号 of the committee, year and type, publishes every report in
    /// it and records its own-level adoption (综合 when its article combines several reports), all in
    /// one save. Two bulletins issued at once get distinct numbers: the unique index refuses the
    /// second, which takes the next number.</summary>
    public async Task<int> IssueAsync(Guid bulletinId, CancellationToken ct = default)
    {
        access.RequireSignOff();
        var bulletin = await LoadDraftAsync(bulletinId, ct);
        var links = await db.OpinionBulletinArticleReports.Where(x => x.BulletinId == bulletinId).ToListAsync(ct);
        if (links.Count == 0)
        {
            throw new ConflictException("期刊还没有文章，不能印发。");
        }

        var perArticle = links.GroupBy(l => l.ArticleId).ToDictionary(g => g.Key, g => g.Count());
        var reports = await ReportsAsync(links.Select(l => l.ReportId), ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        if (await db.OpinionOutcomes.AnyAsync(o => reportIds.Contains(o.ReportId) && o.Kind == OpinionOutcomeKind.Adopted && o.Level == AdoptionLevel.Own, ct))
        {
            throw new ConflictException("期刊中有信息已在其他期刊刊发，不能重复计入本级采用。");
        }

        var now = Now;
        var today = DateOnly.FromDateTime(BeijingTime.FromUtc(now));
        var name = await db.ActorNameAsync(Actor, ct);
        var recipients = await ReportRecipients.AuthorsAsync(db, reports, ct);
        foreach (var report in reports)
        {
            OpinionStateMachine.Move(report, OpinionAction.Publish, now);
            report.PublishedAt = now;
            var link = links.First(l => l.ReportId == report.Id);
            var combined = perArticle[link.ArticleId] > 1;
            db.OpinionOutcomes.Add(new OpinionOutcome
            {
                CommitteeId = report.CommitteeId,
                ReportId = report.Id,
                Kind = OpinionOutcomeKind.Adopted,
                Level = AdoptionLevel.Own,
                Combined = combined,
                BulletinId = bulletin.Id,
                Date = today,
                RecordedByName = name,
                RecordedAt = now,
            });
            db.AddHistory(report, name, $"期刊《{bulletin.Title}》（{bulletin.Type}）印发，本信息{(combined ? "综合" : "单篇")}刊发，记本级采用", now);
            db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.Publish, $"您报送的信息《{report.Title}》已在《社情民意》{bulletin.Type}刊发", recipients[report.Id]));
        }

        bulletin.Status = BulletinStatus.Issued;
        bulletin.IssuedAt = now;
        bulletin.IssuedByName = name;
        db.Audit("印发社情民意期刊", nameof(OpinionBulletin), bulletin.Id.ToString(), "成功", $"{bulletin.Year}年 {bulletin.Type} {bulletin.Title}，{reports.Count}篇信息");
        for (var attempt = 1; ; attempt++)
        {
            bulletin.IssueNo = 1 + (await db.OpinionBulletins.AsNoTracking()
                .Where(b => b.CommitteeId == bulletin.CommitteeId && b.Year == bulletin.Year && b.Type == bulletin.Type && b.Id != bulletin.Id)
                .MaxAsync(b => b.IssueNo, ct) ?? 0);
            try
            {
                await db.SaveOpinionActionAsync(ct);
                return bulletin.IssueNo.Value;
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < 5)
            {
                // Another bulletin of the same year and type took this number a moment ago: take the next.
                if (!await NumberTakenAsync(bulletin, ct))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>The bulletin as Word (<paramref name="pdf"/> false) or PDF, for whoever may read it; a
    /// draft comes out as a 样稿 without 期号 (the preview).</summary>
    public async Task<DocumentFile> DocumentAsync(Guid id, bool pdf, CancellationToken ct = default)
    {
        var view = await GetAsync(id, ct);
        var b = view.Bulletin;
        var document = new BulletinDocument(
            view.CommitteeName,
            b.Year,
            b.Type,
            b.IssueNo,
            b.Title,
            DateOnly.FromDateTime(BeijingTime.FromUtc(b.IssuedAt ?? Now)),
            view.Articles,
            SplitLines(b.MainRecipients),
            SplitLines(b.CopyRecipients));
        var output = new MemoryStream();
        if (pdf)
        {
            BulletinDocuments.WritePdf(output, document, clock.GetUtcNow().ToOffset(BeijingTime.Offset));
        }
        else
        {
            BulletinDocuments.WriteDocx(output, document, Now);
        }

        db.Audit(pdf ? "导出社情民意期刊PDF" : "导出社情民意期刊Word", nameof(OpinionBulletin), id.ToString(), "成功", $"{document.IssueText} {b.Title}");
        await db.SaveChangesAsync(ct);
        output.Position = 0;
        return new DocumentFile($"{document.FileStem}.{(pdf ? "pdf" : "docx")}", output);
    }

    /// <summary>The filtered list as an Excel workbook in a temporary file (deleted when closed).</summary>
    public async Task<Stream> ExportAsync(BulletinFilter filter, CancellationToken ct = default)
    {
        var rows = ExportRows(filter);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 65536, FileOptions.DeleteOnClose);
        using (var xlsx = new XlsxStreamWriter(file, "社情民意期刊", [8, 8, 14, 50, 10, 8, 18, 12]))
        {
            xlsx.WriteHeader(["年度", "类型", "期号", "标题", "状态", "文章数", "印发时间", "签发人"]);
            await foreach (var r in rows.WithCancellation(ct))
            {
                xlsx.WriteRow([r.Year, r.Type, r.IssueNo is { } n ? $"第{n}期" : "", r.Title, r.Status.DisplayName(), r.Articles,
                    r.IssuedAt is { } at ? BeijingTime.FromUtc(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "", r.IssuedByName ?? ""]);
            }

            xlsx.Finish();
        }

        db.Audit("导出社情民意期刊列表", nameof(OpinionBulletin), "", "成功");
        await db.SaveChangesAsync(ct);
        file.Position = 0;
        return file;
    }

    private static List<string> SplitLines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private Task<bool> NumberTakenAsync(OpinionBulletin bulletin, CancellationToken ct) =>
        db.OpinionBulletins.AsNoTracking().AnyAsync(b => b.CommitteeId == bulletin.CommitteeId && b.Year == bulletin.Year && b.Type == bulletin.Type && b.IssueNo == bulletin.IssueNo && b.Id != bulletin.Id, ct);

    /// <summary>The current (signed-off) text of each report, from its current version; the report's
    /// own fields when it has no versions.</summary>
    private async Task<List<(string Title, string Body)>> CurrentTextsAsync(List<OpinionReport> reports, CancellationToken ct)
    {
        var ids = reports.Select(r => r.Id).ToList();
        var versions = await db.OpinionReportVersions.AsNoTracking().Where(v => ids.Contains(v.ReportId))
            .Select(v => new { v.ReportId, v.No, v.Title, v.Situation, v.Analysis, v.Suggestion }).ToListAsync(ct);
        return reports.Select(r =>
        {
            var v = versions.FirstOrDefault(x => x.ReportId == r.Id && x.No == r.CurrentVersionNo);
            return v is null
                ? (r.Title, BulletinText.ReportBody(r.Situation, r.Analysis, r.Suggestion))
                : (v.Title, BulletinText.ReportBody(v.Situation, v.Analysis, v.Suggestion));
        }).ToList();
    }

    private async Task<List<OpinionReport>> ReportsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.OpinionReports.Where(r => list.Contains(r.Id)).ToListAsync(ct);
    }

    /// <summary>A draft bulletin the actor may edit: 社情民意 staff of its own committee.</summary>
    private async Task<OpinionBulletin> LoadDraftAsync(Guid id, CancellationToken ct)
    {
        access.RequireStaff();
        var bulletin = await db.OpinionBulletins.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("期刊");
        if (!Actor.CanWrite(bulletin.CommitteeId))
        {
            throw new ForbiddenException("只能编辑本级政协的期刊。");
        }

        if (bulletin.Status != BulletinStatus.Draft)
        {
            throw new ConflictException("期刊已印发，不能再修改。");
        }

        return bulletin;
    }

    private async Task<(OpinionBulletin, OpinionBulletinArticle)> LoadArticleAsync(Guid articleId, CancellationToken ct)
    {
        access.RequireStaff();
        var article = await db.OpinionBulletinArticles.FirstOrDefaultAsync(x => x.Id == articleId, ct) ?? throw new NotFoundException("期刊文章");
        return (await LoadDraftAsync(article.BulletinId, ct), article);
    }

    private async Task ValidateAsync(BulletinInput input, Guid committeeId, CancellationToken ct)
    {
        var types = (await settings.GetAsync(committeeId, ct)).BulletinTypeList;
        var thisYear = BeijingTime.Today(clock).Year;
        new Validation()
            .Require(input.Year >= 2000 && input.Year <= thisYear + 1, nameof(input.Year), $"年度应在2000至{thisYear + 1}之间。")
            .Require(types.Contains(input.Type), nameof(input.Type), "请选择期刊类型。")
            .NotBlank(input.Title, nameof(input.Title), "期刊标题")
            .MaxLength(input.Title?.Trim(), MaxTitle, nameof(input.Title), "期刊标题")
            .MaxLength(input.MainRecipients, MaxRecipients, nameof(input.MainRecipients), "主送")
            .MaxLength(input.CopyRecipients, MaxRecipients, nameof(input.CopyRecipients), "抄送")
            .ThrowIfInvalid();
    }

    private static void Apply(OpinionBulletin bulletin, BulletinInput input)
    {
        bulletin.Year = input.Year;
        bulletin.Type = input.Type;
        bulletin.Title = input.Title.Trim();
        bulletin.MainRecipients = Lines(input.MainRecipients);
        bulletin.CopyRecipients = Lines(input.CopyRecipients);
    }

    private static string Lines(string? text) =>
        string.Join("\n", (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>Marks a bulletin changed so that of two concurrent edits one wins.</summary>
internal static class BulletinSave
{
    public static void Touch(this TongxinDbContext db, OpinionBulletin bulletin) =>
        db.Entry(bulletin).Property(b => b.Title).IsModified = true;
}
