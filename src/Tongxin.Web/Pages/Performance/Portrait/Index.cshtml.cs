using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Portrait;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Pages.Performance.Portrait;

/// <summary>履职画像 – the radar, the trend line and the 标签墙 of a member's year. Staff and leaders
/// without a member chosen pick one from the committee.</summary>
public class IndexModel(PortraitHandler portraits, PerformanceAccess access, IActorAccessor actors, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? MemberId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public PortraitView? View { get; private set; }

    public int TheYear { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>For staff and leaders: the committee's members to choose from.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];

    public bool CanEditDimensions => PerformanceAccess.IsPerformanceStaff(actors.Actor);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var thisYear = BeijingTime.Today(time).Year;
        TheYear = Year ?? thisYear;
        Years = [.. Enumerable.Range(0, 6).Select(i => thisYear - i).Append(TheYear).Distinct().OrderDescending()];
        var actor = actors.Actor;
        if (MemberId is not null || PerformanceAccess.IsMember(actor))
        {
            View = await portraits.GetAsync(MemberId, TheYear, ct);
        }
        else if (actor.CommitteeId is not { } committee || !access.CanReadCommittee(committee))
        {
            throw new Platform.Web.ForbiddenException("只能查看本人的履职画像。");
        }

        if (actor.CommitteeId is { } own && access.CanReadCommittee(own))
        {
            Members = await portraits.MembersAsync(ct);
        }
    }
}
