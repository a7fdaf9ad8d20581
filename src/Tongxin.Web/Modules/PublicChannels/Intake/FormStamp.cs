using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>What a valid form stamp vouches for: when the form was issued and its one-time key.</summary>
/// <param name="IdempotencyKey">Stored with the row (unique per committee): a resent form finds the first row.</param>
/// <param name="IssuedAt">When the page with the form was rendered (UTC).</param>
public sealed record IntakeTicket(string IdempotencyKey, DateTime IssuedAt);

/// <summary>表单签章 – a hidden field signed with Data Protection that carries the time the form was
/// issued and a one-time key, bound to one form (scope, e.g. <c>point:{token}</c>). The public
/// form is refused without a valid stamp, when filled faster than the minimum, when stale, or
/// when the honeypot field was filled.</summary>
public sealed class PublicFormStamps(IDataProtectionProvider protection, TimeProvider time, IOptions<PublicIntakeOptions> options)
{
    /// <summary>The hidden field names the tag helper renders and <see cref="Verify"/> reads.</summary>
    public const string StampField = "_stamp";

    /// <summary>A field real people never see or fill (hidden by CSS, not by type=hidden, so bots fill it).</summary>
    public const string HoneypotField = "website";

    public const string Refused = "提交未被受理，请刷新页面后重新填写。";
    public const string TooFast = "提交过快，请确认内容后再提交。";
    public const string Expired = "表单已过期，请刷新页面后重新填写。";

    private readonly IDataProtector protector = protection.CreateProtector("Tongxin.Public.FormStamp.v1");

    /// <summary>A new stamp for a form of <paramref name="scope"/>, with a fresh one-time key.</summary>
    public string Issue(string scope)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var issued = time.GetUtcNow().UtcDateTime.Ticks.ToString(CultureInfo.InvariantCulture);
        return protector.Protect($"{scope}|{issued}|{key}");
    }

    /// <summary>Checks a posted stamp and honeypot for a form of <paramref name="scope"/>; throws a
    /// Chinese <see cref="ValidationFailedException"/> (field "") when the post is refused.</summary>
    public IntakeTicket Verify(string scope, string? stamp, string? honeypot)
    {
        if (!string.IsNullOrEmpty(honeypot))
        {
            throw new ValidationFailedException("", Refused);
        }

        var parts = Unprotect(stamp)?.Split('|');
        if (parts is not { Length: 3 } || parts[0] != scope
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            throw new ValidationFailedException("", Refused);
        }

        var issuedAt = new DateTime(ticks, DateTimeKind.Utc);
        var now = time.GetUtcNow().UtcDateTime;
        var o = options.Value;
        if (now - issuedAt < TimeSpan.FromSeconds(o.MinFillSeconds))
        {
            throw new ValidationFailedException("", TooFast);
        }

        if (now - issuedAt > TimeSpan.FromHours(o.MaxFormAgeHours))
        {
            throw new ValidationFailedException("", Expired);
        }

        return new IntakeTicket(parts[2], issuedAt);
    }

    private string? Unprotect(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 1000)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(stamp);
        }
        catch (CryptographicException)
        {
            // Tampered, truncated, from another installation, or not base64 at all.
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
