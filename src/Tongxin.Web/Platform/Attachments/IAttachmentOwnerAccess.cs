namespace Tongxin.Platform.Attachments;

/// <summary>A module's answer to "may the current actor read the record this file is attached
/// to?" for its <see cref="Attachment.OwnerType"/> (e.g. a proposal's files follow the proposal's
/// readers, not the whole committee). Register with <c>services.AddScoped&lt;IAttachmentOwnerAccess, X&gt;()</c>.</summary>
public interface IAttachmentOwnerAccess
{
    string OwnerType { get; }

    Task<bool> MayReadAsync(Guid ownerId, CancellationToken ct);
}
