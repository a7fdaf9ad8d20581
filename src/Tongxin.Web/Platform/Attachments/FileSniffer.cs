using System.IO.Compression;
using System.Text;

namespace Tongxin.Platform.Attachments;

/// <summary>A kind of file Tongxin accepts, with the extensions that may carry it and the content
/// type it is served with.</summary>
public sealed record FileKind(string Name, string ContentType, params string[] Extensions)
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly FileKind Png = new("PNG", "image/png", ".png");
    public static readonly FileKind Jpeg = new("JPEG", "image/jpeg", ".jpg", ".jpeg");
    public static readonly FileKind Gif = new("GIF", "image/gif", ".gif");
    public static readonly FileKind Webp = new("WebP", "image/webp", ".webp");
    public static readonly FileKind Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileKind Xlsx = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileKind Pptx = new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly FileKind Doc = new("Word 97-2003", "application/msword", ".doc");
    public static readonly FileKind Xls = new("Excel 97-2003", "application/vnd.ms-excel", ".xls");
    public static readonly FileKind Ppt = new("PowerPoint 97-2003", "application/vnd.ms-powerpoint", ".ppt");
    public static readonly FileKind Ofd = new("OFD", "application/ofd", ".ofd");
    public static readonly FileKind Text = new("文本", "text/plain", ".txt");
    public static readonly FileKind Csv = new("CSV", "text/csv", ".csv");

    public static readonly IReadOnlyList<FileKind> All = [Pdf, Png, Jpeg, Gif, Webp, Docx, Xlsx, Pptx, Doc, Xls, Ppt, Ofd, Text, Csv];

    public static FileKind? ForExtension(string extension) =>
        All.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
}

/// <summary>Decides from a file's bytes whether it really is what its extension says. Executables
/// and scripts are refused whatever their name; text must decode cleanly and must not be markup.</summary>
public static class FileSniffer
{
    public const string ExecutableMessage = "不允许上传可执行文件或脚本。";
    public const string MismatchMessage = "文件内容与扩展名不符。";
    public static readonly string UnsupportedMessage =
        "不支持该文件类型，请上传 PDF、Word、Excel、PowerPoint、OFD、图片（PNG/JPEG/GIF/WebP）或文本（TXT/CSV）文件。";

    private const int HeaderLength = 512;

    static FileSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The accepted kind, or the Chinese reason for refusing the file at <paramref name="path"/>.</summary>
    public static (FileKind? Kind, string? Error) Check(string path, string fileName)
    {
        var claimed = FileKind.ForExtension(Path.GetExtension(fileName));
        var header = ReadHeader(path);
        if (IsExecutable(header))
        {
            return (null, ExecutableMessage);
        }

        if (claimed is null)
        {
            return (null, UnsupportedMessage);
        }

        var actual = Sniff(path, header, claimed);
        return actual == claimed ? (claimed, null) : (null, MismatchMessage);
    }

    private static byte[] ReadHeader(string path)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[HeaderLength];
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    private static bool StartsWith(ReadOnlySpan<byte> data, ReadOnlySpan<byte> prefix) => data.StartsWith(prefix);

    private static bool IsExecutable(ReadOnlySpan<byte> h) =>
        StartsWith(h, "MZ"u8)                                   // Windows PE / DOS
        || StartsWith(h, [0x7F, (byte)'E', (byte)'L', (byte)'F']) // Linux ELF
        || StartsWith(h, [0xFE, 0xED, 0xFA, 0xCE]) || StartsWith(h, [0xFE, 0xED, 0xFA, 0xCF]) // Mach-O
        || StartsWith(h, [0xCE, 0xFA, 0xED, 0xFE]) || StartsWith(h, [0xCF, 0xFA, 0xED, 0xFE])
        || StartsWith(h, [0xCA, 0xFE, 0xBA, 0xBE])              // Mach-O universal (also Java class)
        || StartsWith(SkipBom(h), "#!"u8);                      // shell and other scripts

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> h) => h.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? h[3..] : h;

    /// <summary>The kind the bytes show; the claimed kind decides only how text and zip containers are read.</summary>
    private static FileKind? Sniff(string path, byte[] h, FileKind claimed)
    {
        if (StartsWith(h, "%PDF-"u8))
        {
            return FileKind.Pdf;
        }

        if (StartsWith(h, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileKind.Png;
        }

        if (StartsWith(h, [0xFF, 0xD8, 0xFF]))
        {
            return FileKind.Jpeg;
        }

        if (StartsWith(h, "GIF87a"u8) || StartsWith(h, "GIF89a"u8))
        {
            return FileKind.Gif;
        }

        if (h.Length >= 12 && StartsWith(h, "RIFF"u8) && h.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return FileKind.Webp;
        }

        if (StartsWith(h, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            // Compound files do not say cheaply whether they hold Word, Excel or PowerPoint; any legacy Office extension is accepted.
            return claimed == FileKind.Doc || claimed == FileKind.Xls || claimed == FileKind.Ppt ? claimed : null;
        }

        if (StartsWith(h, [(byte)'P', (byte)'K', 0x03, 0x04]))
        {
            return SniffZip(path);
        }

        return claimed == FileKind.Text || claimed == FileKind.Csv ? (IsPlainText(path) ? claimed : null) : null;
    }

    /// <summary>Office Open XML and OFD are zip packages; their entry names say which. Only the
    /// central directory is read, nothing is decompressed.</summary>
    private static FileKind? SniffZip(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                {
                    return FileKind.Docx;
                }

                if (names.Contains("xl/workbook.xml"))
                {
                    return FileKind.Xlsx;
                }

                if (names.Contains("ppt/presentation.xml"))
                {
                    return FileKind.Pptx;
                }
            }

            return names.Contains("OFD.xml") ? FileKind.Ofd : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 or GB18030 that decodes without error, has no NUL or other binary control
    /// characters, and is not HTML, SVG or script a browser might run.</summary>
    private static bool IsPlainText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = Decode(bytes, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            try
            {
                text = Decode(bytes, Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback));
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f')))
        {
            return false;
        }

        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        string[] markup = ["<!doctype", "<html", "<script", "<svg", "<?xml", "<body", "<iframe"];
        return !markup.Any(m => start.StartsWith(m, StringComparison.OrdinalIgnoreCase))
            && !text.Contains("<script", StringComparison.OrdinalIgnoreCase);
    }

    private static string Decode(byte[] bytes, Encoding encoding) => encoding.GetString(bytes);
}
