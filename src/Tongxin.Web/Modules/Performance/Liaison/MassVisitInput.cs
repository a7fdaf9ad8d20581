using System.ComponentModel.DataAnnotations;

namespace Tongxin.Modules.Performance.Liaison;

/// <summary>走访记录 as the member's form and the API send it. Clues: one per line.</summary>
public sealed class MassVisitInput
{
    public const int MaxPlace = 100;
    public const int MaxSummary = 1000;
    public const int MaxClue = 500;
    public const int MaxClues = 30;

    /// <summary>The version the form was read at (null: not checked, e.g. a new visit): a stale one
    /// is refused, so of two concurrent edits one wins and the other is told.</summary>
    public int? Version { get; set; }

    [Display(Name = "走访日期")]
    public DateOnly? Date { get; set; }

    [Display(Name = "走访地点")]
    public string Place { get; set; } = "";

    [Display(Name = "服务群众人数")]
    public int? PeopleServed { get; set; }

    [Display(Name = "走访情况")]
    public string Summary { get; set; } = "";

    /// <summary>收集的线索, one per line (lines of converted clues are kept whatever is sent).</summary>
    [Display(Name = "收集的线索（每行一条）")]
    public string? Clues { get; set; }

    /// <summary>The clue lines: trimmed, blank lines dropped, duplicates once.</summary>
    public static IReadOnlyList<string> ClueLines(string? text) =>
        [.. (text ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
}

/// <summary>One clue as the list shows it: converted when its report still exists.</summary>
public sealed record MassVisitClueView(Guid Id, string Text, Guid? OpinionReportId)
{
    public bool Converted => OpinionReportId is not null;
}

/// <summary>One visit of a list.</summary>
public sealed record MassVisitRow(
    Guid Id, Guid MemberId, string MemberName, string Sector, DateOnly Date, string Place, int PeopleServed, string Summary,
    IReadOnlyList<MassVisitClueView> Clues, int Version = 0);

/// <summary>Totals over every visit the list's filter selects (not just the page).</summary>
public sealed record MassVisitTotals(int Visits, int PeopleServed, int Clues, int CluesConverted);

/// <summary>A page of visits with the totals of the whole selection.</summary>
public sealed record MassVisitList(Platform.Web.PagedList<MassVisitRow> Page, MassVisitTotals Totals);

/// <summary>Staff list filters: year (null: all), member name part, sector.</summary>
public sealed record MassVisitFilter(int? Year = null, string? Member = null, Guid? SectorId = null);
