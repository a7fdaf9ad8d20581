using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Tongxin.Platform.Web;
using static Tongxin.Modules.Proposals.Documents.GbtLayout;

namespace Tongxin.Modules.Proposals.Documents;

/// <summary>What a proposal's documents say about it: its number, text and proposers.</summary>
public sealed record ProposalText(
    int? Number,
    string Title,
    string Category,
    ProposerKind Kind,
    string? GroupName,
    string LeadName,
    IReadOnlyList<string> Signers,
    string Situation,
    string Suggestions,
    string SuggestedUnits)
{
    /// <summary>"第0001号", or "未立案" for a proposal that has no number.</summary>
    public string NumberText => Number is { } n ? $"第{n:D4}号" : "未立案";

    /// <summary>提案人: the confirmed proposers in order (the lead first); a group proposal shows the
    /// group and its contact person.</summary>
    public string Proposers => ProposalDocuments.IsGroup(Kind)
        ? $"{GroupName}（联系人：{LeadName}）"
        : string.Join("、", Signers.Count > 0 ? Signers : [LeadName]);

    /// <summary>For the contents list: "张三", "张三等3人", or the group's name.</summary>
    public string ShortProposers => ProposalDocuments.IsGroup(Kind) && !string.IsNullOrWhiteSpace(GroupName)
        ? GroupName
        : Signers.Count > 1 ? $"{Signers[0]}等{Signers.Count}人" : LeadName;
}

/// <summary>提案表: a proposal in the standard proposal-form layout.</summary>
public sealed record ProposalForm(
    string CommitteeName,
    string SessionTitle,
    ProposalText Proposal,
    bool MayPublish,
    bool IsPlenary,
    DateOnly? SubmittedOn);

/// <summary>办理事项 as the reply letter lists it.</summary>
public sealed record ReplyLetterItem(string Commitment, string ResponsibleUnit, DateOnly? PlannedDate, ItemStatus Status);

/// <summary>答复函: one unit's reply to one proposal.</summary>
public sealed record ReplyLetter(
    string SessionTitle,
    int? Number,
    string Salutation,
    string Text,
    string ClassCode,
    string ClassLabel,
    IReadOnlyList<ReplyLetterItem> Items,
    string Signer,
    string UnitName,
    DateOnly Date,
    string? ContactPerson,
    string? ContactPhone,
    ReplyStatus Status)
{
    /// <summary>"关于九届二次会议第0001号提案的答复".</summary>
    public string Title => $"关于{SessionTitle}{(Number is { } n ? $"第{n:D4}号" : "")}提案的答复";
}

/// <summary>The cover and table of contents of a 提案汇编.</summary>
public sealed record CompilationCover(string CommitteeName, string SessionTitle, DateOnly Date);

/// <summary>One line of the compilation's table of contents.</summary>
public sealed record CompilationTocLine(int Number, string Title, string Proposers);

/// <summary>Lays out the proposal documents (提案表, 答复函, 提案汇编) after GB/T 9704.</summary>
public static class ProposalDocuments
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Proposals a group submits through its contact person.</summary>
    public static bool IsGroup(ProposerKind kind) => kind is not (ProposerKind.Individual or ProposerKind.Joint);

    /// <summary>提案表: a header with the meeting and "提案", the bordered table of the form's
    /// fields, then 情况分析 and 具体建议.</summary>
    public static void WriteForm(Stream output, ProposalForm form, DateTime nowUtc)
    {
        var p = form.Proposal;
        using var doc = DocxWriter.Begin(output, $"提案 {p.NumberText} {p.Title}", nowUtc);
        doc.Write(Paragraph(StyleIds.Title, form.CommitteeName + form.SessionTitle));
        doc.Write(Paragraph(StyleIds.Title, "提　案", x => x.SpacingBetweenLines = new SpacingBetweenLines { Before = "200", After = "200", Line = "900", LineRule = LineSpacingRuleValues.Exact }));

        const int label = 1800;
        const int value = (TextWidth - 2 * label) / 2;
        const int wide = TextWidth - label;
        var table = Table(label, value, label, value);
        table.Append(
            Row(new Cell("编　　号", label, Label: true), new Cell(p.NumberText, value), new Cell("类　　别", label, Label: true), new Cell(p.Category, value)),
            Row(new Cell("提 案 人", label, Label: true), new Cell(p.Proposers, wide, 3)),
            Row(
                new Cell("提案方式", label, Label: true),
                new Cell(p.Kind.DisplayName() + (form.IsPlenary ? "（大会提案）" : "（平时提案）"), value),
                new Cell("提交时间", label, Label: true),
                new Cell(form.SubmittedOn is { } d ? Date(d) : "未提交", value)),
            Row(new Cell("建议承办单位", label, Label: true), new Cell(p.SuggestedUnits, value), new Cell("是否公开", label, Label: true), new Cell(form.MayPublish ? "同意公开" : "不公开", value)),
            Row(new Cell("案　　由", label, Label: true), new Cell(p.Title, wide, 3)));
        doc.Write(table);
        doc.Write(Paragraph(StyleIds.Plain, ""));
        doc.Write(Sections(p));
        doc.Finish();
    }

    /// <summary>答复函: class mark at the top left, the title, the proposers, the text, the handling
    /// items as a table, the signer, unit and date at the bottom right, and the contact note.</summary>
    public static void WriteReplyLetter(Stream output, ReplyLetter letter, DateTime nowUtc)
    {
        using var doc = DocxWriter.Begin(output, letter.Title, nowUtc);
        if (letter.Status != ReplyStatus.Approved)
        {
            doc.Write(Paragraph(StyleIds.Plain, $"（{letter.Status.DisplayName()}：本答复尚未审核通过，仅供审核使用）"));
        }

        var mark = Paragraph(StyleIds.Plain, "");
        mark.Append(Run($"{letter.ClassCode}类", Font(HeiTi)));
        if (letter.ClassLabel.Length > 0 && letter.ClassLabel != letter.ClassCode)
        {
            mark.Append(Run($"（{letter.ClassLabel}）", Font(FangSong, SmallSize)));
        }

        doc.Write(mark);
        doc.Write(Paragraph(StyleIds.Plain, ""));
        doc.Write(Paragraph(StyleIds.Title, letter.Title));
        doc.Write(Paragraph(StyleIds.Plain, ""));
        doc.Write(Paragraph(StyleIds.Plain, letter.Salutation + "："));
        doc.Write(TextParagraphs(letter.Text));
        if (letter.Items.Count > 0)
        {
            doc.Write(Paragraph(StyleIds.Heading1, "办理事项清单"));
            const int order = 800, unit = 2000, date = 1900, status = 1300;
            const int commitment = TextWidth - order - unit - date - status;
            var table = Table(order, commitment, unit, date, status);
            table.Append(Row(new Cell("序号", order, Label: true), new Cell("办理事项", commitment, Label: true), new Cell("责任单位", unit, Label: true), new Cell("计划完成时间", date, Label: true), new Cell("落实情况", status, Label: true)));
            var i = 0;
            foreach (var item in letter.Items)
            {
                table.Append(Row(
                    new Cell((++i).ToString(System.Globalization.CultureInfo.InvariantCulture), order),
                    new Cell(item.Commitment, commitment),
                    new Cell(item.ResponsibleUnit, unit),
                    new Cell(item.PlannedDate is { } d ? Date(d) : "", date),
                    new Cell(item.Status.DisplayName(), status)));
            }

            doc.Write(table);
        }

        doc.Write(Paragraph(StyleIds.Plain, ""));
        doc.Write(Paragraph(StyleIds.Plain, $"签发人：{letter.Signer}", RightSpaced(2)));
        doc.Write(Paragraph(StyleIds.Plain, letter.UnitName, RightSpaced(2)));
        doc.Write(Paragraph(StyleIds.Plain, Date(letter.Date), RightSpaced(4)));
        if (!string.IsNullOrWhiteSpace(letter.ContactPerson))
        {
            var phone = string.IsNullOrWhiteSpace(letter.ContactPhone) ? "" : $"，联系电话：{letter.ContactPhone}";
            doc.Write(Paragraph(StyleIds.Body, $"（联系人：{letter.ContactPerson}{phone}）"));
        }

        doc.Finish();
    }

    /// <summary>The compilation's cover page and static table of contents; the proposals follow
    /// with <see cref="CompilationProposal"/>, each on a new page.</summary>
    public static IEnumerable<OpenXmlElement> CompilationFront(CompilationCover cover, IEnumerable<CompilationTocLine> toc)
    {
        for (var i = 0; i < 3; i++)
        {
            yield return Paragraph(StyleIds.Plain, "");
        }

        yield return Paragraph(StyleIds.Title, cover.CommitteeName);
        yield return Paragraph(StyleIds.Title, cover.SessionTitle);
        for (var i = 0; i < 4; i++)
        {
            yield return Paragraph(StyleIds.Plain, "");
        }

        var title = Paragraph(StyleIds.Title, "", x => x.SpacingBetweenLines = new SpacingBetweenLines { Line = "1400", LineRule = LineSpacingRuleValues.Exact });
        title.Append(Run("提案汇编", Font(XiaoBiaoSong, CoverSize)));
        yield return title;
        for (var i = 0; i < 6; i++)
        {
            yield return Paragraph(StyleIds.Plain, "");
        }

        yield return Paragraph(StyleIds.Plain, $"{cover.Date.Year}年{cover.Date.Month}月", x => x.Justification = new Justification { Val = JustificationValues.Center });

        yield return Paragraph(StyleIds.Title, "目　录", x => x.PageBreakBefore = new PageBreakBefore());
        yield return Paragraph(StyleIds.Plain, "");
        foreach (var line in toc)
        {
            var entry = Paragraph(StyleIds.Toc, "");
            entry.Append(Run($"第{line.Number:D4}号　", Font(HeiTi)), Run(line.Title), new Run(new TabChar()), Run(line.Proposers, Font(KaiTi)));
            yield return entry;
        }
    }

    /// <summary>One proposal of the compilation, from a new page: number, title, proposers, then the text.</summary>
    public static IEnumerable<OpenXmlElement> CompilationProposal(ProposalText p)
    {
        yield return Paragraph(StyleIds.Plain, "", x =>
        {
            x.PageBreakBefore = new PageBreakBefore();
            x.KeepNext = new KeepNext();
        });
        var number = Paragraph(StyleIds.Plain, "", x => x.Justification = new Justification { Val = JustificationValues.Center });
        number.Append(Run(p.NumberText, Font(HeiTi)));
        yield return number;
        yield return Paragraph(StyleIds.Title, p.Title);
        var proposers = Paragraph(StyleIds.Plain, "", x => x.Justification = new Justification { Val = JustificationValues.Center });
        proposers.Append(Run("提案人：" + p.Proposers, Font(KaiTi)));
        yield return proposers;
        yield return Paragraph(StyleIds.Plain, "");
        foreach (var element in Sections(p))
        {
            yield return element;
        }
    }

    /// <summary>情况分析 and 具体建议, each under its 一级标题.</summary>
    private static IEnumerable<OpenXmlElement> Sections(ProposalText p)
    {
        yield return Paragraph(StyleIds.Heading1, "一、情况分析");
        foreach (var paragraph in TextParagraphs(p.Situation))
        {
            yield return paragraph;
        }

        yield return Paragraph(StyleIds.Heading1, "二、具体建议");
        foreach (var paragraph in TextParagraphs(p.Suggestions))
        {
            yield return paragraph;
        }
    }

    /// <summary>Right-aligned, ending <paramref name="chars"/> body characters before the 版心's edge
    /// (GB/T 9704: 署名右空二字, 成文日期右空四字).</summary>
    private static Action<ParagraphProperties> RightSpaced(int chars) => x =>
    {
        x.Indentation = new Indentation { RightChars = chars * 100, Right = (chars * BodyChar).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        x.Justification = new Justification { Val = JustificationValues.Right };
    };
}
