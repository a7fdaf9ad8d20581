using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Performance.Liaison;
using Tongxin.Platform.Calendar;

namespace Tongxin.Pages.Performance.Visits;

/// <summary>记录走访 / 修改走访 – the member's form; converted clues are listed and kept.</summary>
public class EditModel(MassVisitHandler visits, TimeProvider time) : PageModel
{
    [BindProperty]
    public MassVisitInput Input { get; set; } = new();

    public IReadOnlyList<MassVisitClueView> Converted { get; private set; } = [];

    public Guid? Id { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var v = await visits.GetOwnAsync(existing, ct);
            Input = new MassVisitInput
            {
                Version = v.Version,
                Date = v.Date,
                Place = v.Place,
                PeopleServed = v.PeopleServed,
                Summary = v.Summary,
                Clues = string.Join("\n", v.Clues.Where(c => !c.Converted).Select(c => c.Text)),
            };
            Converted = [.. v.Clues.Where(c => c.Converted)];
        }
        else
        {
            Input = new MassVisitInput { Date = BeijingTime.Today(time) };
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            Converted = [.. (await visits.GetOwnAsync(existing, ct)).Clues.Where(c => c.Converted)];
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = id ?? Guid.Empty;
        if (id is { } e)
        {
            await visits.UpdateAsync(e, Input, ct);
        }
        else
        {
            saved = await visits.CreateAsync(Input, ct);
        }

        TempData["Message"] = id is null ? "走访记录已保存" : "走访记录已修改";
        return Redirect($"/Performance/Visits#v-{saved}");
    }
}
