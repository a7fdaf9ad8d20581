using Tongxin.Platform.Data;

namespace Tongxin.Platform.Attachments;

/// <summary>An uploaded file. The bytes live once per content hash under data/files; the row
/// says who may download it.</summary>
public class Attachment : CommitteeEntity
{
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public Guid? UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }

    /// <summary>What the file is attached to, e.g. "Proposal" and its id; empty while unattached.</summary>
    public string OwnerType { get; set; } = "";
    public Guid? OwnerId { get; set; }
}
