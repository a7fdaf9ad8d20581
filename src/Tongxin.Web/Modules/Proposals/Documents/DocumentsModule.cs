using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Documents;

/// <summary>提案文档 – registration of the Word documents (提案表, 答复函, 提案汇编), their page and API.</summary>
public static class DocumentsModule
{
    /// <summary>The page that lists the sessions and downloads their compilation.</summary>
    public const string CompilationPage = "/Proposals/Documents/Compilation";

    /// <summary>Where other pages link for a proposal's 提案表.</summary>
    public static string FormUrl(Guid proposalId) => $"/Proposals/Documents/Form/{proposalId}";

    /// <summary>Where other pages link for a reply's 答复函.</summary>
    public static string ReplyUrl(Guid replyId) => $"/Proposals/Documents/Reply/{replyId}";

    public static IServiceCollection AddProposalDocuments(this IServiceCollection services)
    {
        services.AddScoped<ProposalDocumentsHandler>();
        services.AddSingleton(new NavItem("提案", "提案汇编", CompilationPage, ProposalDocumentsHandler.MayCompile, 180));
        return services;
    }

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/proposals").RequireSignedIn().WithTags("提案文档");
        group.MapGet("/{id:guid}/document", async (Guid id, ProposalDocumentsHandler h, CancellationToken ct) =>
            Send(await h.ProposalFormAsync(id, ct)))
            .Produces(StatusCodes.Status200OK, contentType: ProposalDocuments.ContentType);
        group.MapGet("/replies/{replyId:guid}/letter", async (Guid replyId, ProposalDocumentsHandler h, CancellationToken ct) =>
            Send(await h.ReplyLetterAsync(replyId, ct)))
            .Produces(StatusCodes.Status200OK, contentType: ProposalDocuments.ContentType);
        group.MapGet("/compilation", async (Guid? sessionId, ProposalDocumentsHandler h, CancellationToken ct) =>
        {
            if (sessionId is not { } id)
            {
                throw new ValidationFailedException("sessionId", "请选择会议。");
            }

            return Send(await h.CompilationAsync(id, ct));
        }).Produces(StatusCodes.Status200OK, contentType: ProposalDocuments.ContentType);
        group.MapGet("/compilation/sessions", (ProposalDocumentsHandler h, CancellationToken ct, int page = 1) =>
            h.CompilationSessionsAsync(page, ct));
    }

    /// <summary>The file as a download; Content-Disposition carries the Chinese name as filename*.</summary>
    private static IResult Send(DocumentFile file) =>
        Results.File(file.Content, ProposalDocuments.ContentType, file.FileName);
}
