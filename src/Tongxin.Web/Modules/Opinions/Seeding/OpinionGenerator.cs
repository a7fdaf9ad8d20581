using Tongxin.Platform.Calendar;

namespace Tongxin.Modules.Opinions.Seeding;

/// <summary>The rows of generated reports, written together by <c>BulkWriter</c>.</summary>
internal sealed class OpinionBatch
{
    public List<OpinionReport> Reports { get; } = [];
    public List<OpinionReportAuthor> Authors { get; } = [];
    public List<OpinionReportVersion> Versions { get; } = [];
    public List<OpinionHistoryEntry> History { get; } = [];
    public List<OpinionBulletin> Bulletins { get; } = [];
    public List<OpinionBulletinArticle> Articles { get; } = [];
    public List<OpinionBulletinArticleReport> ArticleReports { get; } = [];
    public List<OpinionOutcome> Outcomes { get; } = [];
}

/// <summary>A member a report may be credited to.</summary>
internal sealed record SeedAuthor(Guid Id, string Name);

/// <summary>Makes one committee's reports: text from <see cref="OpinionTexts"/>, a submitter of a
/// plausible kind, 收稿编号 in submission order per year, and – when asked – the author version, an
/// editor version for edited ones and the timeline of the status it is in. Deterministic for a seed.</summary>
internal sealed class OpinionGenerator(Guid committeeId, IReadOnlyList<SeedAuthor> members, Random random, string staffName = "信息科")
{
    private readonly Dictionary<int, int> serials = [];

    public Guid CommitteeId => committeeId;

    /// <summary>A report in <paramref name="status"/>, submitted at <paramref name="submittedAt"/> (UTC).</summary>
    public OpinionReport Add(
        OpinionBatch batch, OpinionStatus status, DateTime submittedAt, bool withDetails,
        IReadOnlyList<SeedAuthor>? authors = null, OpinionSubmitterKind? kind = null, bool? urgent = null)
    {
        var topic = OpinionTexts.Topics[random.Next(OpinionTexts.Topics.Length)];
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, OpinionTexts.TitleForms[random.Next(OpinionTexts.TitleForms.Length)], topic.Subject);
        var suggestions = topic.Suggestions.OrderBy(_ => random.Next()).Take(2 + random.Next(topic.Suggestions.Length - 1)).ToList();
        var suggestion = string.Join("\n", suggestions.Select((s, i) => $"{Ordinal(i)}{s}。"));
        var k = kind ?? PickKind();
        var chosen = authors ?? (k is OpinionSubmitterKind.Member or OpinionSubmitterKind.Joint or OpinionSubmitterKind.MemberGroup
            ? PickMembers(k == OpinionSubmitterKind.Joint ? 2 + random.Next(2) : 1)
            : []);
        if (authors is { Count: > 1 } && kind is null)
        {
            k = OpinionSubmitterKind.Joint;
        }

        var draft = status == OpinionStatus.Draft;
        var year = BeijingTime.FromUtc(submittedAt).Year;
        var r = new OpinionReport
        {
            CommitteeId = committeeId,
            Year = year,
            SerialNo = draft ? null : NextSerial(year),
            Title = title,
            Situation = OpinionTexts.Openings[random.Next(OpinionTexts.Openings.Length)] + topic.Situation,
            Analysis = topic.Analysis,
            Suggestion = suggestion,
            Category = topic.Category,
            Source = OpinionTexts.Sources[random.Next(OpinionTexts.Sources.Length)],
            IsUrgent = urgent ?? random.Next(100) < 8,
            SubmitterKind = k,
            SubmitterName = SubmitterName(k, chosen),
            LeadMemberId = chosen.Count > 0 ? chosen[0].Id : null,
            ContactName = chosen.Count > 0 ? chosen[0].Name : OpinionTexts.PublicReporters[random.Next(OpinionTexts.PublicReporters.Length)],
            ContactPhone = $"139{random.Next(10_000_000, 99_999_999)}",
            Status = status,
            CreatedAt = submittedAt.AddHours(-2 - random.Next(48)),
            SubmittedAt = draft ? null : submittedAt,
            CurrentVersionNo = draft ? 0 : 1,
        };
        r.LastActivityAt = r.SubmittedAt ?? r.CreatedAt;
        batch.Reports.Add(r);
        // A group's contact person leads it but is not an author credited with the report.
        for (var i = 0; i < chosen.Count && k is OpinionSubmitterKind.Member or OpinionSubmitterKind.Joint; i++)
        {
            batch.Authors.Add(new OpinionReportAuthor { CommitteeId = committeeId, ReportId = r.Id, MemberId = chosen[i].Id, MemberName = chosen[i].Name, Order = i });
        }

        if (withDetails)
        {
            AddDetails(batch, r, chosen.Count > 0 ? chosen[0].Name : r.SubmitterName);
        }

        return r;
    }

    /// <summary>The author version, the screening, an editor version, the sign-off – whatever the status implies.</summary>
    private void AddDetails(OpinionBatch batch, OpinionReport r, string authorName)
    {
        if (r.Status == OpinionStatus.Draft)
        {
            return;
        }

        var at = r.SubmittedAt!.Value;
        batch.Versions.Add(Version(r, 1, true, r.Title, r.Situation, r.Analysis, r.Suggestion, authorName, at, null));
        History(batch, r, at, authorName, "报送信息");
        var screened = at.AddHours(20 + random.Next(72));
        switch (r.Status)
        {
            case OpinionStatus.Withdrawn:
                History(batch, r, at.AddHours(3), authorName, "撤回信息");
                r.LastActivityAt = at.AddHours(3);
                return;
            case OpinionStatus.Returned:
                Screen(batch, r, screened, "请补充具体涉及的小区（村）名称和相关数据。", "退回补充：请补充具体涉及的小区（村）名称和相关数据。");
                return;
            case OpinionStatus.Rejected:
                var reason = OpinionSettings.DefaultRejectReasons.Split('\n')[random.Next(6)];
                Screen(batch, r, screened, reason, $"不采用：{reason}");
                return;
            case OpinionStatus.Kept:
                Screen(batch, r, screened, null, "留存");
                return;
            case OpinionStatus.ProposalClue:
                Screen(batch, r, screened, "该问题涉及面广、需系统研究，建议据此撰写提案。", "转为提案线索：该问题涉及面广、需系统研究，建议据此撰写提案。");
                return;
            case OpinionStatus.Submitted:
                return;
        }

        // Adopted and later.
        Screen(batch, r, screened, null, "采用");
        if (random.Next(100) < 70 || r.Status != OpinionStatus.Adopted)
        {
            var edited = screened.AddHours(4 + random.Next(24));
            var title = r.Title.Replace("的建议", "的对策建议", StringComparison.Ordinal);
            batch.Versions.Add(Version(r, 2, false, title, r.Situation, r.Analysis, r.Suggestion.Replace("。\n", "；\n", StringComparison.Ordinal), staffName, edited, "精简标题、统一建议格式"));
            History(batch, r, edited, staffName, "编辑核稿，保存第2稿");
            (r.Title, r.CurrentVersionNo, r.LastActivityAt) = (title, 2, edited);
        }

        if (r.Status is OpinionStatus.SignedOff or OpinionStatus.Published)
        {
            var signed = r.LastActivityAt.AddHours(6 + random.Next(30));
            (r.SignedOffAt, r.SignedOffByName, r.LastActivityAt) = (signed, "秘书长", signed);
            History(batch, r, signed, "秘书长", "签发");
        }
    }

    private void Screen(OpinionBatch batch, OpinionReport r, DateTime at, string? note, string text)
    {
        (r.ScreenedAt, r.ScreenedByName, r.ScreeningNote, r.LastActivityAt) = (at, staffName, note, at);
        History(batch, r, at, staffName, text);
    }

    public static void History(OpinionBatch batch, OpinionReport r, DateTime at, string actor, string text) =>
        batch.History.Add(new OpinionHistoryEntry { CommitteeId = r.CommitteeId, ReportId = r.Id, At = at, ActorName = actor, Text = text });

    private static OpinionReportVersion Version(OpinionReport r, int no, bool author, string title, string situation, string analysis, string suggestion, string editor, DateTime at, string? note) =>
        new()
        {
            CommitteeId = r.CommitteeId,
            ReportId = r.Id,
            No = no,
            IsAuthorText = author,
            Title = title,
            Situation = situation,
            Analysis = analysis,
            Suggestion = suggestion,
            EditorName = editor,
            At = at,
            Note = note,
        };

    /// <summary>Numbers of <paramref name="year"/> continue after <paramref name="last"/> (reports already in the database).</summary>
    public void ContinueSerials(int year, int last) => serials[year] = Math.Max(serials.GetValueOrDefault(year), last);

    /// <summary>The next 收稿编号 of the year (serials continue after reports added outside <see cref="Add"/>).</summary>
    public int NextSerial(int year)
    {
        var n = serials.GetValueOrDefault(year) + 1;
        serials[year] = n;
        return n;
    }

    /// <summary>Distinct members drawn at random (the benchmark draws a million times: no shuffling of the list).</summary>
    private List<SeedAuthor> PickMembers(int count)
    {
        var picked = new List<SeedAuthor>(count);
        while (picked.Count < Math.Min(count, members.Count))
        {
            var m = members[random.Next(members.Count)];
            if (!picked.Contains(m))
            {
                picked.Add(m);
            }
        }

        return picked;
    }

    private OpinionSubmitterKind PickKind() => random.Next(100) switch
    {
        < 50 => OpinionSubmitterKind.Member,
        < 60 => OpinionSubmitterKind.Joint,
        < 70 => OpinionSubmitterKind.Party,
        < 76 => OpinionSubmitterKind.Organization,
        < 80 => OpinionSubmitterKind.SpecialCommittee,
        < 84 => OpinionSubmitterKind.MemberGroup,
        < 92 => OpinionSubmitterKind.InformationOfficer,
        < 96 => OpinionSubmitterKind.LiaisonPoint,
        _ => OpinionSubmitterKind.PublicReporter,
    };

    private string SubmitterName(OpinionSubmitterKind kind, IReadOnlyList<SeedAuthor> authors) => kind switch
    {
        OpinionSubmitterKind.Member => authors.Count > 0 ? authors[0].Name : "委员",
        OpinionSubmitterKind.Joint => authors.Count > 0 ? $"{authors[0].Name} 等{authors.Count}人" : "委员联名",
        OpinionSubmitterKind.Party or OpinionSubmitterKind.Organization => OpinionTexts.Organizations[random.Next(OpinionTexts.Organizations.Length)],
        OpinionSubmitterKind.SpecialCommittee => "社会和法制委员会",
        OpinionSubmitterKind.MemberGroup => "经济界委员小组",
        OpinionSubmitterKind.InformationOfficer => $"信息员{OpinionTexts.PublicReporters[random.Next(OpinionTexts.PublicReporters.Length)][..1]}某某",
        OpinionSubmitterKind.LiaisonPoint => "城东街道码上商联络点",
        OpinionSubmitterKind.LowerCommittee => "下级政协",
        _ => OpinionTexts.PublicReporters[random.Next(OpinionTexts.PublicReporters.Length)],
    };

    private static string Ordinal(int i) => i switch { 0 => "一是", 1 => "二是", 2 => "三是", _ => "四是" };
}
