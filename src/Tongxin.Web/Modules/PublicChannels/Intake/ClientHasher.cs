using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>客户端标识 – HMAC-SHA-256 of the client address with a server key: one address gives
/// one hash (one 附议 per client, abuse review), but the address itself is not stored.</summary>
public sealed class ClientHasher(IOptions<PublicIntakeOptions> options)
{
    private readonly byte[] key = string.IsNullOrEmpty(options.Value.ClientHashKey)
        ? RandomNumberGenerator.GetBytes(32)
        : SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ClientHashKey));

    public string Hash(string clientAddress) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(clientAddress)));

    public string Hash(HttpContext http) => Hash(PublicRateLimits.ClientKey(http));
}
