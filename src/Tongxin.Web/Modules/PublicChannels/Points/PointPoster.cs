using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>二维码海报 – the QR code of a point's public URL. The PNG is the QR code alone (we draw
/// no text into bitmaps: that would need System.Drawing or a font rasteriser); the point's name
/// goes on the printable poster page and the PDF poster, which set it as text.</summary>
public sealed class PointPoster(LiaisonPointAdmin admin, TongxinDbContext db, IOptions<PublicIntakeOptions> options)
{
    public sealed record Poster(string Name, string CommitteeName, string Url, byte[] QrPng);

    /// <summary>The poster of a point of the manager's own committee; <paramref name="requestBase"/>
    /// ("https://host") is used when no public base URL is configured.</summary>
    public async Task<Poster> GetAsync(Guid id, string requestBase, CancellationToken ct = default)
    {
        var point = await admin.LoadAsync(id, ct);
        var committeeName = await db.Committees.Where(c => c.Id == point.CommitteeId).Select(c => c.Name).FirstAsync(ct);
        var url = PublicUrl(point.Token, requestBase);
        return new Poster(point.Name, committeeName, url, QrPng(url));
    }

    public string PublicUrl(string token, string requestBase)
    {
        var configured = options.Value.BaseUrl;
        var root = string.IsNullOrWhiteSpace(configured) ? requestBase : configured;
        return $"{root.TrimEnd('/')}/q/{token}";
    }

    /// <summary>A PNG QR code (error correction Q, survives a smudged print), 20 px per module.</summary>
    public static byte[] QrPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(20);
    }
}
