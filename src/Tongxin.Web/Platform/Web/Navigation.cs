using Tongxin.Platform.Tenancy;

namespace Tongxin.Platform.Web;

/// <summary>One entry of the role-aware navigation. Modules register theirs in their
/// <c>AddX()</c> method (<c>services.AddSingleton(new NavItem(…))</c>); the layout shows the
/// entries the current actor may use.</summary>
public sealed record NavItem(string Group, string Title, string Url, Func<Actor, bool> IsVisible, int Order = 100);

/// <summary>One line of the home page's "我的待办" (to-do) area.</summary>
public sealed record TodoItem(string Title, int Count, string Url, string Module);

/// <summary>A module's contribution to "我的待办": what the actor has to do there now.</summary>
public interface ITodoSource
{
    Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct);
}
