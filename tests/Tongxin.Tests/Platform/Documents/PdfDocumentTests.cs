using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using QRCoder;
using Tongxin.Platform.Documents.Pdf;
using Xunit.Abstractions;

namespace Tongxin.Tests.Platform.Documents;

public class PdfDocumentTests(ITestOutputHelper output)
{
    private const string Body = "近年来，我市老旧小区加装电梯工作取得积极进展，但仍存在居民意见难统一、资金筹措难、后期维护责任不清等问题。"
        + "建议由住房和城乡建设局牵头，制定加装电梯 (elevator retrofit) 资金补助办法，并在 2026 年底前完成首批 120 部电梯的验收。";

    [Fact]
    public void Chinese_breaks_anywhere_latin_at_spaces_and_no_line_starts_with_closing_punctuation()
    {
        var lines = PdfDocument.Wrap(Body, 20, 2);

        string.Concat(lines).Replace(" ", "").ShouldBe(Body.Replace(" ", ""));
        PdfFonts.Width(lines[0]).ShouldBeLessThanOrEqualTo(18);
        lines.Skip(1).ShouldAllBe(l => PdfFonts.Width(l) <= 20);
        lines.ShouldAllBe(l => !l.StartsWith('，') && !l.StartsWith('。') && !l.StartsWith('、'));
        lines.ShouldNotContain(l => l.EndsWith("eleva") || l.StartsWith("tor"));
        string.Join("|", lines).ShouldContain("(elevator");
    }

    [Fact]
    public void A_latin_word_longer_than_the_line_is_cut_rather_than_overflowing()
    {
        var lines = PdfDocument.Wrap("https://tongxin.example.gov.cn/opinions/bulletins/very-long-address", 10, 0);

        lines.Count.ShouldBeGreaterThan(1);
        lines.ShouldAllBe(l => PdfFonts.Width(l) <= 10);
    }

    [Fact]
    public void Text_the_fonts_cannot_show_is_cleaned_not_left_to_break_the_file()
    {
        PdfFonts.Clean("停车\u0001难\r\n问题\t😀").ShouldBe("停车难\n问题 □");
        PdfFonts.Clean(null).ShouldBe("");
    }

    [Fact]
    public void A_multi_page_document_is_well_formed_and_every_xref_offset_points_at_its_object()
    {
        var doc = new PdfDocument { Title = "社情民意 2026年第1期", Created = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)) };
        doc.Paragraph("社情民意", new PdfTextStyle(30, Bold: true, Align: PdfAlign.Center));
        for (var i = 0; i < 40; i++)
        {
            doc.Paragraph($"{i + 1}. {Body}", new PdfTextStyle(16, Align: PdfAlign.Justify, FirstLineIndentChars: 2));
        }

        doc.PageBreak().Image(QrPng("https://tongxin.example/p/abc"), 150);
        doc.Image(RgbaPng(), 100);

        var pdf = doc.ToArray();

        var pages = PdfAssert.WellFormed(pdf);
        pages.ShouldBe(doc.PageCount);
        pages.ShouldBeGreaterThan(3);
        var text = Encoding.Latin1.GetString(pdf);
        text.ShouldContain("/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H");
        text.ShouldContain("/SMask ");
        text.ShouldContain("/Predictor 15");
        var contents = PdfAssert.Contents(pdf);
        contents.Count.ShouldBe(pages);
        // 社 is U+793E: the CID font is addressed by UCS-2 code; bold strokes the outlines.
        contents[0].ShouldContain("<793E");
        contents[0].ShouldContain("2 Tr");
        contents[0].ShouldContain("0 Tr", Case.Sensitive, "the body after a bold title is not bold");
        contents[0].ShouldContain("(elevator");
        contents.ShouldAllBe(c => c.Contains("<2014"), "every page has its page number — n —");
        contents[^1].ShouldContain("/Im0 Do");
        contents[^1].ShouldContain("/Im1 Do");
    }

    [Fact]
    public void Chinese_and_latin_text_extracts_back_from_the_file()
    {
        var doc = new PdfDocument();
        doc.Paragraph("关于加快老旧小区加装电梯的建议", new PdfTextStyle(22, Bold: true, Align: PdfAlign.Center));
        doc.Paragraph(Body, new PdfTextStyle(16, Align: PdfAlign.Justify, FirstLineIndentChars: 2));

        var text = PdfAssert.ExtractText(doc.ToArray(), out var skipped);
        if (text is null)
        {
            output.WriteLine(skipped);
            return;
        }

        var flat = text.Replace("\n", "").Replace(" ", "");
        flat.ShouldContain("关于加快老旧小区加装电梯的建议");
        flat.ShouldContain("资金筹措难、后期维护责任不清等问题。");
        flat.ShouldContain("(elevatorretrofit)");
        flat.ShouldContain("—1—");
    }

    [Fact]
    public void A_viewer_draws_the_chinese_text_and_the_images()
    {
        var chinese = new PdfDocument { PageNumbers = false };
        chinese.Paragraph("社情民意", new PdfTextStyle(40, Align: PdfAlign.Center));
        var image = new PdfDocument { PageNumbers = false };
        image.Image(QrPng("https://tongxin.example/p/abc"), 200);
        var blank = new PdfDocument { PageNumbers = false };

        var drawn = PdfAssert.DarkPixels(chinese.ToArray(), 1, out var skipped);
        if (drawn is null)
        {
            output.WriteLine(skipped);
            return;
        }

        drawn.Value.ShouldBeGreaterThan(50, "the Chinese title is not drawn: no font for STSong-Light?");
        PdfAssert.DarkPixels(image.ToArray(), 1, out _)!.Value.ShouldBeGreaterThan(1000);
        PdfAssert.DarkPixels(blank.ToArray(), 1, out _).ShouldBe(0);
    }

    [Fact]
    public void A_file_that_is_no_png_or_jpeg_is_refused_with_a_chinese_message()
    {
        Should.Throw<ArgumentException>(() => new PdfDocument().Image("GIF89a...."u8.ToArray(), 100))
            .Message.ShouldStartWith("图片格式不受支持");
        var truncated = QrPng("x")[..40];
        Should.Throw<ArgumentException>(() => PdfImage.Read(truncated));
    }

    [Fact]
    public void A_jpeg_keeps_its_size_and_goes_in_as_it_is()
    {
        // SOI, then a baseline frame header (SOF0) for 3 components, 64 × 32.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9];

        var image = PdfImage.Read(jpeg);

        image.PixelWidth.ShouldBe(64);
        image.PixelHeight.ShouldBe(32);
        image.Dictionary.ShouldContain("/DCTDecode");
        image.Dictionary.ShouldContain("/DeviceRGB");
    }

    private static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    /// <summary>A 16 × 16 RGBA PNG: a black square with a transparent border.</summary>
    private static byte[] RgbaPng()
    {
        const int size = 16;
        var raw = new MemoryStream();
        for (var y = 0; y < size; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < size; x++)
            {
                var inside = x is >= 4 and < 12 && y is >= 4 and < 12;
                raw.Write([0, 0, 0, (byte)(inside ? 255 : 0)]);
            }
        }

        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8;
        header[9] = 6;
        Chunk(png, "IHDR", header);
        var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
        {
            zs.Write(raw.ToArray());
        }

        Chunk(png, "IDAT", z.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
