namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>Another module that takes a released public letter into its own chain in the same save
/// (e.g. a 营商环境监测点 letter becomes a democratic-supervision problem). Register with
/// <c>services.AddScoped&lt;IPublicLetterFollower, X&gt;()</c>; the public channels do not know who follows.</summary>
public interface IPublicLetterFollower
{
    /// <summary>Called before each save attempt of a letter that reaches its handler (a new letter that
    /// needs no moderation, or one a moderator approves); adds the follower's rows to the same
    /// context. Called again after a refused insert, so rows numbered by "highest + 1" can take the next number.</summary>
    Task FollowAsync(PublicSubmission submission, CancellationToken ct);

    /// <summary>The name of the follower's chain when it has taken the letter over (e.g. 民主监督问题清单),
    /// else null. A taken-over letter is answered through that chain only: the point's inbox shows it
    /// but refuses to reply, close or convert it.</summary>
    Task<string?> TakenOverByAsync(Guid submissionId, CancellationToken ct);
}
