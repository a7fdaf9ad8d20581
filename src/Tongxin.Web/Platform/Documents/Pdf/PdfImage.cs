using System.Buffers.Binary;
using System.IO.Compression;

namespace Tongxin.Platform.Documents.Pdf;

/// <summary>图片 – a PNG or JPEG made ready to be a PDF image XObject.</summary>
/// <remarks>
/// JPEG goes in as it is (DCTDecode). A PNG without alpha goes in as its own zlib data, which PDF
/// reads with the PNG predictors (FlateDecode, Predictor 15), so nothing is decoded. A PNG with an
/// alpha channel is decoded, split into colour and a soft mask, and compressed again. Interlaced
/// PNGs are refused (our generated images – QR codes – are never interlaced), as is anything that
/// is not a well-formed PNG or JPEG. A palette image's tRNS transparency is ignored: it prints on
/// white paper anyway.
/// </remarks>
public sealed class PdfImage
{
    private PdfImage(int width, int height)
    {
        PixelWidth = width;
        PixelHeight = height;
    }

    public int PixelWidth { get; }

    public int PixelHeight { get; }

    /// <summary>The image stream's dictionary entries (without /Length), e.g. "/ColorSpace /DeviceRGB".</summary>
    internal string Dictionary { get; private init; } = "";

    internal byte[] Data { get; private init; } = [];

    /// <summary>The soft mask (alpha) as a grey image, if the PNG has an alpha channel.</summary>
    internal byte[]? Alpha { get; private init; }

    /// <summary>Reads a PNG or JPEG; anything else is an <see cref="ArgumentException"/>.</summary>
    public static PdfImage Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length > 8 && data.AsSpan(0, 8).SequenceEqual(PngSignature))
        {
            return ReadPng(data);
        }

        if (data.Length > 4 && data[0] == 0xFF && data[1] == 0xD8)
        {
            return ReadJpeg(data);
        }

        throw new ArgumentException("图片格式不受支持，只能使用 PNG 或 JPEG。", nameof(data));
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static PdfImage ReadJpeg(byte[] data)
    {
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
            {
                break;
            }

            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i + 2));
            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame && i + 10 <= data.Length)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i + 5));
                var width = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i + 7));
                var components = data[i + 9];
                var colorSpace = components switch
                {
                    1 => "/DeviceGray",
                    3 => "/DeviceRGB",
                    // Adobe writes CMYK JPEGs inverted; the Decode array turns them back.
                    4 => "/DeviceCMYK /Decode [1 0 1 0 1 0 1 0]",
                    _ => throw new ArgumentException("JPEG 图片的颜色分量数不受支持。", nameof(data)),
                };
                if (width == 0 || height == 0)
                {
                    break;
                }

                return new PdfImage(width, height)
                {
                    Dictionary = $"/Width {width} /Height {height} /ColorSpace {colorSpace} /BitsPerComponent 8 /Filter /DCTDecode",
                    Data = data,
                };
            }

            i += 2 + length;
        }

        throw new ArgumentException("JPEG 图片已损坏（找不到图像尺寸）。", nameof(data));
    }

    private static PdfImage ReadPng(byte[] data)
    {
        int width = 0, height = 0, bitDepth = 0, colorType = -1, interlace = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        var i = 8;
        while (i + 12 <= data.Length)
        {
            var length = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(i)), int.MaxValue);
            var type = System.Text.Encoding.ASCII.GetString(data, i + 4, 4);
            if (length > data.Length - i - 12)
            {
                throw new ArgumentException("PNG 图片已损坏（数据块超出文件）。", nameof(data));
            }

            var chunk = data.AsSpan(i + 8, length);
            switch (type)
            {
                case "IHDR" when length >= 13:
                    width = (int)BinaryPrimitives.ReadUInt32BigEndian(chunk);
                    height = (int)BinaryPrimitives.ReadUInt32BigEndian(chunk[4..]);
                    bitDepth = chunk[8];
                    colorType = chunk[9];
                    interlace = chunk[12];
                    break;
                case "PLTE":
                    palette = chunk.ToArray();
                    break;
                case "IDAT":
                    idat.Write(chunk);
                    break;
            }

            i += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        if (width <= 0 || height <= 0 || idat.Length == 0)
        {
            throw new ArgumentException("PNG 图片已损坏（缺少图像头或图像数据）。", nameof(data));
        }

        if (interlace != 0)
        {
            throw new ArgumentException("不支持隔行扫描的 PNG 图片。", nameof(data));
        }

        var (colors, colorSpace) = colorType switch
        {
            0 or 4 => (1, "/DeviceGray"),
            2 or 6 => (3, "/DeviceRGB"),
            3 when palette is { Length: >= 3 } => (1, $"[/Indexed /DeviceRGB {(palette.Length / 3) - 1} <{Convert.ToHexString(palette, 0, palette.Length / 3 * 3)}>]"),
            _ => throw new ArgumentException("PNG 图片的颜色类型不受支持。", nameof(data)),
        };
        var validDepth = colorType switch
        {
            0 => bitDepth is 1 or 2 or 4 or 8 or 16,
            3 => bitDepth is 1 or 2 or 4 or 8,
            _ => bitDepth is 8 or 16,
        };
        if (!validDepth)
        {
            throw new ArgumentException("PNG 图片的位深不受支持。", nameof(data));
        }

        if (colorType is 0 or 2 or 3)
        {
            return new PdfImage(width, height)
            {
                Dictionary = $"/Width {width} /Height {height} /ColorSpace {colorSpace} /BitsPerComponent {bitDepth} /Filter /FlateDecode "
                    + $"/DecodeParms << /Predictor 15 /Colors {colors} /BitsPerComponent {bitDepth} /Columns {width} >>",
                Data = idat.ToArray(),
            };
        }

        // Gray+alpha or RGBA: decode the scanlines and split off the alpha channel.
        var channels = colors + 1;
        var bytesPerSample = bitDepth / 8;
        var pixels = Unfilter(Inflate(idat.ToArray()), width, height, channels * bytesPerSample);
        var color = new byte[width * height * colors];
        var alpha = new byte[width * height];
        var pixelBytes = channels * bytesPerSample;
        for (int p = 0, c = 0; p < width * height; p++)
        {
            var at = p * pixelBytes;
            for (var k = 0; k < colors; k++)
            {
                // 16-bit samples keep their high byte: eight bits are plenty on paper.
                color[c++] = pixels[at + (k * bytesPerSample)];
            }

            alpha[p] = pixels[at + (colors * bytesPerSample)];
        }

        return new PdfImage(width, height)
        {
            Dictionary = $"/Width {width} /Height {height} /ColorSpace {colorSpace} /BitsPerComponent 8 /Filter /FlateDecode",
            Data = Deflate(color),
            Alpha = Deflate(alpha),
        };
    }

    private static byte[] Inflate(byte[] zlib)
    {
        try
        {
            using var input = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ArgumentException("PNG 图片已损坏（压缩数据无效）。", e);
        }
    }

    internal static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Undoes the PNG scanline filters (None, Sub, Up, Average, Paeth).</summary>
    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        var stride = width * bpp;
        if (raw.Length < (stride + 1) * height)
        {
            throw new ArgumentException("PNG 图片已损坏（图像数据不完整）。");
        }

        var result = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var src = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var row = result.AsSpan(y * stride, stride);
            var prior = y > 0 ? result.AsSpan((y - 1) * stride, stride) : Span<byte>.Empty;
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? row[x - bpp] : 0;
                int b = y > 0 ? prior[x] : 0;
                int c = x >= bpp && y > 0 ? prior[x - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new ArgumentException("PNG 图片已损坏（未知的行过滤器）。"),
                };
                row[x] = (byte)(src[x] + predictor);
            }
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
