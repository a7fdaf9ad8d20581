using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Attachments;

/// <summary>A stored file opened for download.</summary>
public sealed record AttachmentDownload(Attachment Attachment, Stream Content);

/// <summary>附件 – accepts uploads (size limit, content sniffing), keeps each distinct content once
/// under <c>data/files/ab/cd/&lt;sha256&gt;</c>, and hands files only to those allowed to see them.</summary>
public sealed class AttachmentService(TongxinDbContext db, TimeProvider time, IOptions<TongxinOptions> options, IWebHostEnvironment env, IEnumerable<IAttachmentOwnerAccess> owners)
{
    public const int MaxFileNameLength = 200;
    private const string Field = "file";

    private string FilesRoot => Path.Combine(env.ContentRootPath, options.Value.DataDirectory, "files");

    /// <summary>Stores the upload for the actor's committee. The browser's declared content type is
    /// not trusted: the stored type is the one the bytes show.</summary>
    public async Task<Attachment> UploadAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var actor = db.Actor;
        if (actor.UserId is null || actor.CommitteeId is not { } committeeId)
        {
            throw new ForbiddenException("只有所属政协组织的用户才能上传文件。");
        }

        var name = CleanFileName(fileName);
        var max = options.Value.MaxUploadBytes;
        var tempDir = Directory.CreateDirectory(Path.Combine(FilesRoot, "tmp")).FullName;
        var temp = Path.Combine(tempDir, Guid.NewGuid().ToString("N"));
        try
        {
            var (sha256, size) = await CopyHashedAsync(content, temp, max, ct);
            if (size == 0)
            {
                throw new ValidationFailedException(Field, "文件不能为空。");
            }

            var (kind, error) = FileSniffer.Check(temp, name);
            if (kind is null)
            {
                throw new ValidationFailedException(Field, error!);
            }

            StoreOnce(temp, sha256);
            var attachment = new Attachment
            {
                CommitteeId = committeeId,
                FileName = name,
                ContentType = kind.ContentType,
                Size = size,
                Sha256 = sha256,
                UploadedBy = actor.UserId,
                UploadedAt = time.GetUtcNow().UtcDateTime,
            };
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            return attachment;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Opens a file for its uploader or anyone who may read its committee; to everyone
    /// else it does not exist.</summary>
    public async Task<AttachmentDownload> OpenAsync(Guid id, CancellationToken ct = default)
    {
        var actor = db.Actor;
        var attachment = await db.Attachments.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null || !await MayDownloadAsync(actor, attachment, ct))
        {
            throw new NotFoundException("附件");
        }

        var path = PathFor(attachment.Sha256);
        if (!File.Exists(path))
        {
            throw new NotFoundException("附件文件");
        }

        return new AttachmentDownload(attachment, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    /// <summary>The uploader; for a file attached to a module's record, whoever that module says may
    /// read the record (<see cref="IAttachmentOwnerAccess"/>); otherwise anyone who may read the
    /// committee's records.</summary>
    private async Task<bool> MayDownloadAsync(Tenancy.Actor actor, Attachment attachment, CancellationToken ct)
    {
        if (actor.UserId is not null && attachment.UploadedBy == actor.UserId)
        {
            return true;
        }

        var owner = owners.FirstOrDefault(o => o.OwnerType == attachment.OwnerType);
        return owner is not null && attachment.OwnerId is { } ownerId
            ? await owner.MayReadAsync(ownerId, ct)
            : actor.CanRead(attachment.CommitteeId);
    }

    public string PathFor(string sha256) => Path.Combine(FilesRoot, sha256[..2], sha256[2..4], sha256);

    /// <summary>"20MB", "512KB": the limit as a user reads it.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)}MB",
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#}MB",
        >= 1024 => $"{bytes / 1024.0:0.#}KB",
        _ => $"{bytes}字节",
    };

    private static string CleanFileName(string fileName)
    {
        // Browsers on Windows may send a full path; only the last segment is the name.
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        new Validation()
            .Require(name.Length > 0 && !name.Any(char.IsControl), Field, "请选择要上传的文件。")
            .MaxLength(name, MaxFileNameLength, Field, "文件名")
            .ThrowIfInvalid();
        return name;
    }

    /// <summary>Streams to a temp file while hashing and counting, and stops as soon as the limit is passed.</summary>
    private static async Task<(string Sha256, long Size)> CopyHashedAsync(Stream content, string temp, long max, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            if (size > max)
            {
                throw new ValidationFailedException(Field, $"文件不能超过{FormatSize(max)}。");
            }

            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private void StoreOnce(string temp, string sha256)
    {
        var target = PathFor(sha256);
        if (File.Exists(target))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(temp, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            // A concurrent upload of the same bytes stored it first.
        }
    }
}
