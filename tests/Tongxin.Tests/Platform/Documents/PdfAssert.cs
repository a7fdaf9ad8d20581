using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Tongxin.Tests.Platform.Documents;

/// <summary>Checks a PDF the way a reader opens it: header, the cross-reference table and that every
/// offset in it points at its object, stream lengths; and, where Debian poppler-utils is installed
/// (test.sh installs it), what pdftotext extracts and whether pdftoppm draws anything.</summary>
public static partial class PdfAssert
{
    /// <summary>test.sh installs poppler-utils and then sets TONGXIN_REQUIRE_PDF_TOOLS=1: there a missing
    /// tool fails the test instead of skipping the check (a skip stays only for a bare `dotnet test`).</summary>
    private static void RequiredToolsMissing(string tool)
    {
        if (Environment.GetEnvironmentVariable("TONGXIN_REQUIRE_PDF_TOOLS") == "1")
        {
            throw new ShouldAssertException($"{tool} is required (TONGXIN_REQUIRE_PDF_TOOLS=1) but not installed.");
        }
    }

    /// <summary>Asserts the file structure and returns the number of pages.</summary>
    public static int WellFormed(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        text.ShouldStartWith("%PDF-1.");
        text.TrimEnd('\n', '\r').ShouldEndWith("%%EOF");
        var startxref = StartXref().Match(text);
        startxref.Success.ShouldBeTrue("startxref is missing");
        var xrefAt = int.Parse(startxref.Groups[1].Value);
        text.Substring(xrefAt, 5).ShouldBe("xref\n");
        var header = XrefHeader().Match(text, xrefAt + 5);
        header.Index.ShouldBe(xrefAt + 5);
        header.Groups[1].Value.ShouldBe("0");
        var count = int.Parse(header.Groups[2].Value);
        var entriesAt = header.Index + header.Length;
        for (var id = 0; id < count; id++)
        {
            var entry = text.Substring(entriesAt + (id * 20), 20);
            entry.ShouldMatch(@"^\d{10} \d{5} [nf]\r\n$", $"xref entry {id}");
            if (entry[17] == 'n')
            {
                var offset = int.Parse(entry[..10]);
                text.Substring(offset).ShouldStartWith($"{id} 0 obj\n", customMessage: $"object {id} is not where the xref says");
            }
        }

        var trailer = text.IndexOf("trailer", entriesAt + (count * 20), StringComparison.Ordinal);
        trailer.ShouldBe(entriesAt + (count * 20));
        text.Substring(trailer).ShouldContain($"/Size {count} ");

        foreach (Match stream in StreamStart().Matches(text))
        {
            var length = int.Parse(stream.Groups[1].Value);
            var dataAt = stream.Index + stream.Length;
            text.Substring(dataAt + length, 10).ShouldBe("\nendstream", "a stream's /Length is wrong");
        }

        return PageObject().Matches(text).Count;
    }

    /// <summary>The decompressed content streams (drawing operators) of the pages, in file order.</summary>
    public static IReadOnlyList<string> Contents(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var result = new List<string>();
        foreach (Match stream in StreamStart().Matches(text))
        {
            if (stream.Value.StartsWith("<< /Filter /FlateDecode /Length", StringComparison.Ordinal))
            {
                var length = int.Parse(stream.Groups[1].Value);
                using var z = new ZLibStream(new MemoryStream(pdf, stream.Index + stream.Length, length), CompressionMode.Decompress);
                using var reader = new StreamReader(z, Encoding.Latin1);
                result.Add(reader.ReadToEnd());
            }
        }

        return result;
    }

    /// <summary>The text pdftotext extracts, or null (with the reason in <paramref name="skipped"/>) when
    /// poppler-utils is not installed.</summary>
    public static string? ExtractText(byte[] pdf, out string skipped)
    {
        skipped = "";
        var tool = Find("pdftotext");
        if (tool is null)
        {
            RequiredToolsMissing("pdftotext");
            skipped = "pdftotext (Debian poppler-utils) is not installed: text extraction not checked.";
            return null;
        }

        var file = Path.Combine(Path.GetTempPath(), $"tongxin-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            return Run(tool, $"-enc UTF-8 \"{file}\" -");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>How many pixels pdftoppm draws darker than mid-grey on a page at 50 dpi, or null when
    /// poppler-utils is not installed.</summary>
    public static int? DarkPixels(byte[] pdf, int page, out string skipped)
    {
        skipped = "";
        var tool = Find("pdftoppm");
        if (tool is null)
        {
            RequiredToolsMissing("pdftoppm");
            skipped = "pdftoppm (Debian poppler-utils) is not installed: rendering not checked.";
            return null;
        }

        var dir = Directory.CreateTempSubdirectory("tongxin-pdf");
        try
        {
            var file = Path.Combine(dir.FullName, "doc.pdf");
            File.WriteAllBytes(file, pdf);
            Run(tool, $"-gray -r 50 -f {page} -l {page} \"{file}\" \"{Path.Combine(dir.FullName, "page")}\"");
            var pgm = File.ReadAllBytes(dir.GetFiles("page*.pgm").Single().FullName);
            // P5 header: magic, width, height, maxval, each followed by whitespace.
            var fields = 0;
            var at = 0;
            while (fields < 4)
            {
                while (char.IsWhiteSpace((char)pgm[at]))
                {
                    at++;
                }

                while (!char.IsWhiteSpace((char)pgm[at]))
                {
                    at++;
                }

                fields++;
            }

            return pgm.Skip(at + 1).Count(b => b < 128);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{tool} failed: {error.Result}");
        return output.Result;
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\s*$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(\d+) (\d+)\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex(@"<<[^\n]*?/Length (\d+) >>\nstream\n")]
    private static partial Regex StreamStart();

    [GeneratedRegex(@"/Type /Page /")]
    private static partial Regex PageObject();
}
