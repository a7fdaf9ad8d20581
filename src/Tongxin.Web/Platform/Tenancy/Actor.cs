namespace Tongxin.Platform.Tenancy;

/// <summary>Who is acting: a signed-in user inside their committee, or the system itself
/// (seeding, background dispatch, command-line tools).</summary>
public sealed record Actor(
    Guid? UserId,
    string UserName,
    Guid? CommitteeId,
    IReadOnlyCollection<string> Roles,
    IReadOnlyCollection<string> Permissions,
    IReadOnlyCollection<Guid> ReadableCommitteeIds,
    string? IpAddress)
{
    public static Actor System { get; } = new(null, "system", null, [], [], [], null);

    /// <summary>The member (委员) this account belongs to, for member accounts.</summary>
    public Guid? MemberId { get; init; }

    /// <summary>The handling unit (承办单位) this account belongs to, for unit accounts.</summary>
    public Guid? HandlingUnitId { get; init; }

    public static Actor Anonymous(string? ip) => new(null, "anonymous", null, [], [], [], ip);

    /// <summary>An anonymous visitor of a public channel (码上商, 委员工作室, 码上征题) of one committee:
    /// may write that committee's public records and nothing else.</summary>
    public static Actor Public(Guid committeeId, string? ip) => new(null, "public", committeeId, [], [], [committeeId], ip);

    public bool IsSystem => ReferenceEquals(this, System) || (UserId is null && UserName == "system");

    public bool IsAuthenticated => UserId is not null;

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Staff permissions are per module (提案, 社情民意, 组织 …).</summary>
    public bool HasPermission(string permission) => Permissions.Contains(permission);

    public string PrimaryRole => Roles.FirstOrDefault() ?? "anonymous";

    public bool CanRead(Guid committeeId) => IsSystem || ReadableCommitteeIds.Contains(committeeId);

    /// <summary>Writes happen only inside the actor's own committee.</summary>
    public bool CanWrite(Guid committeeId) => IsSystem || CommitteeId == committeeId;
}

/// <summary>The actor of the current scope (request, job or command).</summary>
public interface IActorAccessor
{
    Actor Actor { get; }
}

/// <summary>A scope's actor, set once by whoever opens the scope (request middleware, dispatcher, CLI).</summary>
public sealed class ActorAccessor : IActorAccessor
{
    /// <summary>Anonymous until set: a scope nobody identified can read nothing.</summary>
    public Actor Actor { get; set; } = Actor.Anonymous(null);
}
