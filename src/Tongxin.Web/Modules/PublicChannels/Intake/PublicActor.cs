using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>How a public request acts: it starts anonymous (reads nothing), finds its point, studio
/// or receipt by the unguessable token or code (bypassing the committee filter for that one
/// lookup), then acts as <see cref="Actor.Public"/> of that record's committee for the rest of the
/// request, so tenancy lets its own committee's public rows in and nothing else. A signed-in user
/// using a public form acts as the public too: the row must not look like their own action.</summary>
public static class PublicActor
{
    public static Actor Enter(ActorAccessor accessor, Guid committeeId) =>
        accessor.Actor = Actor.Public(committeeId, accessor.Actor.IpAddress);
}
