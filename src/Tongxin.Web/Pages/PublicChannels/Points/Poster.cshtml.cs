using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels.Points;

namespace Tongxin.Pages.PublicChannels.Points;

/// <summary>二维码海报 – a printable A4 page with the point's name as the title, the QR code and short
/// instructions; the PNG download is the QR code alone.</summary>
public class PosterModel(PointPoster posters) : PublicChannelsPageModel
{
    public PointPoster.Poster Poster { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Poster = await posters.GetAsync(id, RequestBase, ct);

    public async Task<IActionResult> OnGetPngAsync(Guid id, CancellationToken ct)
    {
        var poster = await posters.GetAsync(id, RequestBase, ct);
        return File(poster.QrPng, "image/png", $"{poster.Name}-二维码.png");
    }

    private string RequestBase => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
}
