using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Documents;

/// <summary>A proposal to insert as it would stand after the workflow put it in <see cref="Status"/>.</summary>
internal sealed record ProposalRow(string Title, ProposalStatus Status, int? Number, (Guid Id, string Name) Lead)
{
    public IReadOnlyList<(Guid Id, string Name, SignerStatus Status)> CoSigners { get; init; } = [];
    public ProposerKind Kind { get; init; } = ProposerKind.Individual;
    public string? GroupName { get; init; }
    public string Situation { get; init; } = "当前情况需要改进。";
    public string Suggestions { get; init; } = "建议采取措施。";
    public string Category { get; init; } = "城市建设与管理";
    public string SuggestedUnits { get; init; } = "市住房和城乡建设局";
    public bool MayPublish { get; init; } = true;
    public Guid? MergedIntoId { get; init; }
}

/// <summary>Arrangements for the document tests. The workflow handlers belong to other parts, so
/// proposals, assignments and replies are inserted directly, in the states the workflow leaves them.</summary>
internal static class DocumentsTestData
{
    public static Task<Guid> NewSessionAsync(this TestApp app, TestData.TestCommittee committee, int term, string termName, int session, string sessionName) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var t = new Term { CommitteeId = committee.Id, Number = term, Name = termName, StartDate = new(2022, 1, 1), EndDate = new(2026, 12, 31) };
            var s = new Session { CommitteeId = committee.Id, TermId = t.Id, Number = session, Name = sessionName, StartDate = new(2026, 1, 10), EndDate = new(2026, 1, 14), IsCurrent = true };
            db.AddRange(t, s);
            await db.SaveChangesAsync();
            return s.Id;
        });

    /// <summary>Another session of the same term.</summary>
    public static Task<Guid> NewSessionInTermOfAsync(this TestApp app, Guid sessionId, int number, string name) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var first = await db.Sessions.SingleAsync(s => s.Id == sessionId);
            var s = new Session { CommitteeId = first.CommitteeId, TermId = first.TermId, Number = number, Name = name, StartDate = new(2025, 1, 10), EndDate = new(2025, 1, 14) };
            db.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });

    public static Task<(Guid Id, string Name)> NewMemberAsync(this TestApp app, TestData.TestCommittee committee, string name) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var m = new Member
            {
                CommitteeId = committee.Id,
                Name = name,
                Gender = Gender.Female,
                BirthYear = 1975,
                SectorId = committee.SectorId,
                Position = Position.Member,
                DutyCode = "D" + Guid.NewGuid().ToString("N")[..12],
            };
            db.Add(m);
            await db.SaveChangesAsync();
            return (m.Id, m.Name);
        });

    public static Task<Guid> NewUnitAsync(this TestApp app, TestData.TestCommittee committee, string name, string contactPerson = "", string contactPhone = "") =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var u = new HandlingUnit { CommitteeId = committee.Id, Name = name, Kind = HandlingUnitKind.GovernmentDepartment, ContactPerson = contactPerson, ContactPhone = contactPhone };
            db.Add(u);
            await db.SaveChangesAsync();
            return u.Id;
        });

    public static Task<Guid> NewProposalAsync(this TestApp app, TestData.TestCommittee committee, Guid sessionId, ProposalRow row) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var p = new Proposal
            {
                CommitteeId = committee.Id,
                SessionId = sessionId,
                Year = 2026,
                Number = row.Number,
                Title = row.Title,
                Situation = row.Situation,
                Suggestions = row.Suggestions,
                Category = row.Category,
                SuggestedUnits = row.SuggestedUnits,
                MayPublish = row.MayPublish,
                Kind = row.Kind,
                GroupName = row.GroupName,
                LeadMemberId = row.Lead.Id,
                LeadMemberName = row.Lead.Name,
                Status = row.Status,
                IsPlenary = true,
                CreatedAt = now.AddDays(-3),
                SubmittedAt = row.Status == ProposalStatus.Draft ? null : now.AddDays(-2),
                ReviewedAt = row.Number is null ? null : now.AddDays(-1),
                LastActivityAt = now,
                MergedIntoId = row.MergedIntoId,
            };
            db.Proposals.Add(p);
            db.ProposalSigners.Add(new ProposalSigner { CommitteeId = committee.Id, ProposalId = p.Id, MemberId = row.Lead.Id, MemberName = row.Lead.Name, Order = 0, IsLead = true, Status = SignerStatus.Confirmed });
            var order = 1;
            foreach (var (id, name, status) in row.CoSigners)
            {
                db.ProposalSigners.Add(new ProposalSigner { CommitteeId = committee.Id, ProposalId = p.Id, MemberId = id, MemberName = name, Order = order++, Status = status, RequestedAt = now.AddDays(-2) });
            }

            await db.SaveChangesAsync();
            return p.Id;
        });

    /// <summary>Assigns the proposal to the unit (单办) and stores the unit's reply with its items.</summary>
    public static Task<Guid> NewReplyAsync(this TestApp app, TestData.TestCommittee committee, Guid proposalId, Guid unitId, string unitName, ReplyStatus status, string replyClass, string text, params ProposalReplyItem[] items) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var assignment = new ProposalAssignment
            {
                CommitteeId = committee.Id,
                ProposalId = proposalId,
                HandlingUnitId = unitId,
                HandlingUnitName = unitName,
                Role = AssignmentRole.Single,
                Status = status == ReplyStatus.Approved ? AssignmentStatus.Replied : AssignmentStatus.Accepted,
                AssignedAt = now.AddDays(-20),
                Deadline = new DateOnly(2026, 6, 1),
            };
            var reply = new ProposalReply
            {
                CommitteeId = committee.Id,
                ProposalId = proposalId,
                AssignmentId = assignment.Id,
                HandlingUnitName = unitName,
                Text = text,
                Signer = "赵局长",
                ReplyClass = replyClass,
                Status = status,
                SubmittedAt = now.AddDays(-5),
                ReviewedAt = status is ReplyStatus.Approved or ReplyStatus.Rejected ? now.AddDays(-1) : null,
            };
            var order = 0;
            foreach (var item in items)
            {
                item.CommitteeId = committee.Id;
                item.ProposalId = proposalId;
                item.ReplyId = reply.Id;
                item.Order = order++;
                reply.Items.Add(item);
            }

            db.AddRange(assignment, reply);
            await db.SaveChangesAsync();
            return reply.Id;
        });

    /// <summary>Downloads a document and checks it came as a Word file with a Chinese file name.</summary>
    public static async Task<(byte[] Bytes, string FileName)> DownloadAsync(this WebSession session, string url)
    {
        var response = await session.GetAsync(url);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, $"GET {url}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        return (await response.Content.ReadAsByteArrayAsync(), disposition.FileNameStar!);
    }

    public static WordprocessingDocument OpenDocx(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    /// <summary>The text of every body paragraph (table cells included), in document order.</summary>
    public static List<string> Lines(this WordprocessingDocument doc) =>
        [.. doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => string.Concat(p.Descendants<W.Text>().Select(t => t.Text)))];

    public static string AllText(this WordprocessingDocument doc) => string.Join("\n", doc.Lines());
}
