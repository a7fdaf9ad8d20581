using Tongxin.Platform.Web;

namespace Tongxin.Platform.Attachments;

/// <summary><c>/api/v1/attachments</c>: multipart upload and authorised download.</summary>
public static class AttachmentsApi
{
    public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/attachments", async (IFormFile? file, AttachmentService attachments, CancellationToken ct) =>
            {
                if (file is null)
                {
                    throw new ValidationFailedException("file", "请选择要上传的文件。");
                }

                await using var content = file.OpenReadStream();
                var a = await attachments.UploadAsync(content, file.FileName, ct);
                return Results.Created($"/api/v1/attachments/{a.Id}", new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt));
            })
            .RequireSignedIn()
            // Bearer clients have no anti-forgery token; the cookie is SameSite=Lax, so other sites cannot post with it.
            .DisableAntiforgery()
            .WithName("UploadAttachment")
            .WithSummary("上传附件（multipart/form-data，字段名 file）");

        api.MapGet("/attachments/{id:guid}", async (Guid id, AttachmentService attachments, HttpResponse response, CancellationToken ct) =>
            {
                var download = await attachments.OpenAsync(id, ct);
                response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(download.Content, download.Attachment.ContentType, download.Attachment.FileName);
            })
            .RequireSignedIn()
            .WithName("DownloadAttachment")
            .WithSummary("下载附件（上传者或可查看该政协组织数据的用户）");
    }
}
