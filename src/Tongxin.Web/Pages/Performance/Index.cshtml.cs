using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Pages.Performance;

/// <summary>我的履职 – a member's year: points, rank, grade, minimums and the entries by category with
/// links to their sources; with <c>?memberId=</c> the same for staff and leaders of the member's committee.</summary>
public class IndexModel(DutyRecordQuery records, IActorAccessor actors, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? MemberId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public MemberDutyYear Record { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>Whether the reader is the member (else staff or a leader looking at a member).</summary>
    public bool IsOwn { get; private set; }

    public IReadOnlyList<IGrouping<DutyCategory, DutyRecordLine>> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Record = await records.MemberYearAsync(MemberId, Year, ct);
        IsOwn = actors.Actor.MemberId == Record.MemberId;
        var years = await records.YearsAsync(Record.MemberId, ct);
        Years = [.. years.Append(BeijingTime.Today(time).Year).Append(Record.Year).Distinct().OrderDescending()];
        Groups = [.. Record.Lines.GroupBy(l => l.Category).OrderBy(g => g.Key)];
    }

    /// <summary>The query string of this member and year, for links to the report.</summary>
    public string Query => MemberId is { } id ? $"memberId={id}&year={Record.Year}" : $"year={Record.Year}";
}
