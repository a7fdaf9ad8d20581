using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages;

/// <summary>The home page, made for the actor's role: greeting, "我的待办" from every module, and shortcuts.</summary>
public class IndexModel(IActorAccessor actorAccessor, IEnumerable<ITodoSource> todoSources, IEnumerable<NavItem> navItems) : PageModel
{
    public string Greeting { get; private set; } = "";
    public List<TodoItem> Todos { get; } = [];
    public List<NavItem> Shortcuts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = actorAccessor.Actor;
        var name = User.FindFirst(TongxinClaims.DisplayName)?.Value ?? actor.UserName;
        Greeting = actor.PrimaryRole switch
        {
            Roles.Member => $"{name}委员，您好",
            Roles.Leader => $"{name}，您好",
            _ => $"{name}，您好（{Roles.DisplayName(actor.PrimaryRole)}）",
        };
        foreach (var source in todoSources)
        {
            Todos.AddRange((await source.GetAsync(actor, ct)).Where(t => t.Count > 0));
        }

        Shortcuts = [.. navItems.Where(n => n.IsVisible(actor)).OrderBy(n => n.Order).Take(8)];
    }
}
