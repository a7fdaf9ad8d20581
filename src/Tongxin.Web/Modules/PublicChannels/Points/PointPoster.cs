using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Documents.Pdf;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>二维码海报 – the QR code of a point's public URL. The PNG is the QR code alone (we draw
/// no text into bitmaps: that would need System.Drawing or a font rasteriser); the point's name
/// goes on the printable poster page and the A4 PDF poster, which set it as text.</summary>
public sealed class PointPoster(LiaisonPointAdmin admin, TongxinDbContext db, IOptions<PublicIntakeOptions> options, TimeProvider time)
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

    /// <summary>The A4 PDF poster: committee line, the point's name as a big title, the QR code,
    /// short instructions and the URL, set with our own PDF writer (Chinese as text, not pixels).</summary>
    public async Task<(string Name, byte[] Pdf)> PdfAsync(Guid id, string requestBase, CancellationToken ct = default)
    {
        var poster = await GetAsync(id, requestBase, ct);
        var pdf = new PdfDocument(PdfPageSetup.A4) { Title = poster.Name, Created = time.GetUtcNow(), PageNumbers = false };
        pdf.Paragraph($"{poster.CommitteeName} · 码上商", new PdfTextStyle(Size: 16, Align: PdfAlign.Center, SpaceAfter: 8))
            .Paragraph(poster.Name, new PdfTextStyle(Size: 30, Bold: true, Align: PdfAlign.Center, LineHeight: 1.3, SpaceAfter: 20))
            .Image(poster.QrPng, PdfPageSetup.Mm(110))
            .Space(20)
            .Paragraph("微信或手机相机扫一扫，直接向政协委员反映意见建议", new PdfTextStyle(Size: 16, Align: PdfAlign.Center, SpaceAfter: 8))
            .Paragraph("提交后请保存回执码，可随时查询办理进度、查看答复并评价", new PdfTextStyle(Size: 12, Align: PdfAlign.Center, SpaceAfter: 12))
            .Paragraph(poster.Url, new PdfTextStyle(Size: 10, Align: PdfAlign.Center));
        return (poster.Name, pdf.ToArray());
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
