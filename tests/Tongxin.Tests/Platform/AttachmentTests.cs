using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform;

public class AttachmentTests
{
    /// <summary>A real 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly byte[] WindowsExe = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, .. new byte[200]];

    private static Task<Attachment> UploadAsync(TestApp app, Actor actor, byte[] bytes, string fileName) =>
        app.AsAsync(actor, sp => sp.GetRequiredService<AttachmentService>().UploadAsync(new MemoryStream(bytes), fileName));

    private static async Task<string> RefusalAsync(TestApp app, Actor actor, byte[] bytes, string fileName)
    {
        var error = await Should.ThrowAsync<ValidationFailedException>(() => UploadAsync(app, actor, bytes, fileName));
        return error.Errors["file"].Single();
    }

    private static Task<int> StoredRowsAsync(TestApp app, Guid committeeId) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Attachments.CountAsync(a => a.CommitteeId == committeeId));

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_same_image_uploaded_twice_is_stored_once(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var unique = Png.Concat(Encoding.ASCII.GetBytes(Guid.NewGuid().ToString())).ToArray(); // trailing bytes keep this test's hash its own

        var first = await UploadAsync(app, staff.Actor, unique, "现场照片.png");
        var second = await UploadAsync(app, staff.Actor, unique, @"C:\Users\委员\Desktop\照片副本.PNG");

        first.ContentType.ShouldBe("image/png");
        first.CommitteeId.ShouldBe(committee.Id);
        first.UploadedBy.ShouldBe(staff.Id);
        second.FileName.ShouldBe("照片副本.PNG");
        second.Sha256.ShouldBe(first.Sha256);
        first.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(unique)));
        var path = app.Services.CreateScope().ServiceProvider.GetRequiredService<AttachmentService>().PathFor(first.Sha256);
        path.ShouldEndWith(Path.Combine(first.Sha256[..2], first.Sha256[2..4], first.Sha256));
        (await File.ReadAllBytesAsync(path)).ShouldBe(unique);
        Directory.GetFiles(Path.GetDirectoryName(path)!).Count(f => Path.GetFileName(f) == first.Sha256).ShouldBe(1);
        (await StoredRowsAsync(app, committee.Id)).ShouldBe(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Executables_and_disguised_files_are_refused_and_nothing_is_stored(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);

        (await RefusalAsync(app, staff.Actor, WindowsExe, "调研报告.pdf")).ShouldBe(FileSniffer.ExecutableMessage);
        (await RefusalAsync(app, staff.Actor, Zip(("readme.txt", "不是文档"), ("data/x.bin", "123")), "提案正文.docx")).ShouldBe(FileSniffer.MismatchMessage);
        (await RefusalAsync(app, staff.Actor, Png, "会议纪要.pdf")).ShouldBe(FileSniffer.MismatchMessage);
        (await RefusalAsync(app, staff.Actor, "<html><script>alert(1)</script></html>"u8.ToArray(), "页面.html")).ShouldBe(FileSniffer.UnsupportedMessage);
        (await RefusalAsync(app, staff.Actor, [], "空白.txt")).ShouldBe("文件不能为空。");

        (await StoredRowsAsync(app, committee.Id)).ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_file_over_the_limit_is_refused_with_the_limit_in_the_message(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db, settings: new Dictionary<string, string?> { ["Tongxin:MaxUploadBytes"] = "1024" });
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var big = Png.Concat(new byte[1024]).ToArray();

        (await RefusalAsync(app, staff.Actor, big, "大图.png")).ShouldBe("文件不能超过1KB。");
        (await UploadAsync(app, staff.Actor, Png, "小图.png")).Size.ShouldBe(Png.Length);

        using var session = await WebSession.LoginAsync(app, staff.UserName);
        var page = await session.GetPageAsync("/Files/Upload");
        var form = new MultipartFormDataContent
        {
            { new StringContent(TokenFrom(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(big), "Upload", "大图.png" },
        };
        var response = await session.Client.PostAsync("/Files/Upload", form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("文件不能超过1KB。");
        (await StoredRowsAsync(app, committee.Id)).ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Downloads_go_to_the_uploader_and_readers_of_the_committee_only(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(city.Id, parentMayRead: true, level: CommitteeLevel.County);
        var other = await app.NewCommitteeAsync();
        var uploader = await app.NewUserAsync(county, Roles.Member);
        var sameCommittee = await app.NewUserAsync(county, Roles.Staff);
        var parentReader = await app.NewUserAsync(city, Roles.Staff);
        var outsider = await app.NewUserAsync(other, Roles.Staff);
        var bytes = "委员,界别\r\n张三,教育\r\n"u8.ToArray().Concat(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString())).ToArray();
        var attachment = await UploadAsync(app, uploader.Actor, bytes, "委员名单.csv");

        foreach (var (user, allowed) in new[] { (uploader, true), (sameCommittee, true), (parentReader, true), (outsider, false) })
        {
            using var session = await WebSession.LoginAsync(app, user.UserName);
            var page = await session.GetAsync($"/Files/{attachment.Id}");
            var api = await session.GetAsync($"/api/v1/attachments/{attachment.Id}");
            if (allowed)
            {
                page.StatusCode.ShouldBe(HttpStatusCode.OK, user.Role);
                (await page.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
                (await api.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
                page.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
                page.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
                page.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("委员名单.csv");
                page.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            }
            else
            {
                page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
                api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            }
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_uploads_multipart_and_returns_the_stored_file(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var session = await WebSession.LoginAsync(app, staff.UserName);
        var workbook = Xlsx();

        var created = await session.Client.PostAsync("/api/v1/attachments", new MultipartFormDataContent
        {
            { new ByteArrayContent(workbook), "file", "履职统计.xlsx" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var info = await created.Content.ReadFromJsonAsync<JsonElement>();
        info.GetProperty("contentType").GetString().ShouldBe(FileKind.Xlsx.ContentType);
        var refused = await session.Client.PostAsync("/api/v1/attachments", new MultipartFormDataContent
        {
            { new ByteArrayContent(WindowsExe), "file", "setup.xlsx" },
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(FileSniffer.ExecutableMessage);

        var download = await session.GetAsync(created.Headers.Location!.ToString());
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(workbook);
    }

    private static byte[] Xlsx()
    {
        using var book = new XLWorkbook();
        book.AddWorksheet("统计").Cell(1, 1).Value = Guid.NewGuid().ToString();
        using var buffer = new MemoryStream();
        book.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static string TokenFrom(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        match.Success.ShouldBeTrue();
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}

/// <summary>Content sniffing on its own: no database, one sample per rule.</summary>
public class FileSnifferTests
{
    private static (FileKind? Kind, string? Error) Check(byte[] bytes, string fileName)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            return FileSniffer.Check(path, fileName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "pdf", [.. "%PDF-1.7\n"u8, .. new byte[20]], "报告.pdf" },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8], "照片.JPG" },
        { "gif", [.. "GIF89a"u8, 1, 0, 1, 0], "图.gif" },
        { "webp", [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8], "图.webp" },
        { "docx", Zip("[Content_Types].xml", "word/document.xml"), "提案.docx" },
        { "pptx", Zip("[Content_Types].xml", "ppt/presentation.xml"), "汇报.pptx" },
        { "ofd", Zip("OFD.xml", "Doc_0/Document.xml"), "公文.ofd" },
        { "legacy word", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[100]], "旧提案.doc" },
        { "utf-8 text", "关于加强社区养老服务的建议\r\n"u8.ToArray(), "说明.txt" },
        { "gb18030 csv", CodePages("GB18030", "姓名,界别\r\n李四,经济\r\n"), "名单.csv" },
    };

    public static TheoryData<string, byte[], string, string> Refused => new()
    {
        { "exe as docx", [.. "MZ"u8, 0x90, 0, .. new byte[60]], "提案.docx", FileSniffer.ExecutableMessage },
        { "elf as png", [0x7F, .. "ELF"u8, 2, 1, 1, .. new byte[40]], "图.png", FileSniffer.ExecutableMessage },
        { "mach-o as pdf", [0xCF, 0xFA, 0xED, 0xFE, .. new byte[40]], "报告.pdf", FileSniffer.ExecutableMessage },
        { "shell script as txt", "#!/bin/sh\nrm -rf /\n"u8.ToArray(), "说明.txt", FileSniffer.ExecutableMessage },
        { "html as txt", "<!DOCTYPE html><html><body>x</body></html>"u8.ToArray(), "说明.txt", FileSniffer.MismatchMessage },
        { "script inside csv", "a,b\r\n<script>alert(1)</script>,c\r\n"u8.ToArray(), "数据.csv", FileSniffer.MismatchMessage },
        { "binary as txt", [.. "abc"u8, 0, 1, 2, .. "def"u8], "说明.txt", FileSniffer.MismatchMessage },
        { "xlsx as docx", Zip("[Content_Types].xml", "xl/workbook.xml"), "提案.docx", FileSniffer.MismatchMessage },
        { "legacy office as pdf", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[100]], "报告.pdf", FileSniffer.MismatchMessage },
        { "svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "图.svg", FileSniffer.UnsupportedMessage },
        { "javascript", "alert(1)"u8.ToArray(), "a.js", FileSniffer.UnsupportedMessage },
    };

    private static byte[] CodePages(string encoding, string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(encoding).GetBytes(text);
    }

    [Theory, MemberData(nameof(Accepted))]
    public void Accepts(string sample, byte[] bytes, string fileName)
    {
        var (kind, error) = Check(bytes, fileName);
        error.ShouldBeNull(sample);
        kind.ShouldNotBeNull().Extensions.ShouldContain(Path.GetExtension(fileName).ToLowerInvariant());
    }

    [Theory, MemberData(nameof(Refused))]
    public void Refuses(string sample, byte[] bytes, string fileName, string message)
    {
        var (kind, error) = Check(bytes, fileName);
        kind.ShouldBeNull(sample);
        error.ShouldBe(message, sample);
    }
}
