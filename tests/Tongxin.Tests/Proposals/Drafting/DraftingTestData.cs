using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Drafting;

/// <summary>A committee of its own with a current session and the people of the member's side of proposals.</summary>
internal sealed record DraftingWorld(
    TestData.TestCommittee Committee,
    Guid SessionId,
    TestData.TestUser Lead,
    TestData.TestUser CoSigner,
    TestData.TestUser CoSigner2,
    TestData.TestUser OtherMember,
    TestData.TestUser Unit,
    TestData.TestUser Staff,
    TestData.TestUser Leader,
    TestData.TestUser ForeignMember);

/// <summary>Arrangements for the drafting tests: a committee whose current session has chosen dates, members with accounts, proposals through the handlers.</summary>
internal static class DraftingTestData
{
    /// <summary>A committee whose current session runs <paramref name="sessionStart"/> to <paramref name="sessionEnd"/>
    /// (default: a plenary in progress on the test clock's 2 March 2026).</summary>
    public static async Task<DraftingWorld> NewWorldAsync(this TestApp app, DateOnly? sessionStart = null, DateOnly? sessionEnd = null, bool withSession = true)
    {
        var committee = await app.NewCommitteeAsync();
        var start = sessionStart ?? new DateOnly(2026, 3, 1);
        var sessionId = withSession ? await app.AddSessionAsync(committee.Id, start, sessionEnd ?? start.AddDays(4)) : Guid.Empty;
        var foreign = await app.NewCommitteeAsync();
        await app.AddSessionAsync(foreign.Id, start, sessionEnd ?? start.AddDays(4));
        var unitId = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var unit = new HandlingUnit { CommitteeId = committee.Id, Name = "测试住建局", Kind = HandlingUnitKind.GovernmentDepartment };
            db.HandlingUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        return new DraftingWorld(
            committee,
            sessionId,
            await app.NewMemberUserAsync(committee, "王提案"),
            await app.NewMemberUserAsync(committee, "李联名"),
            await app.NewMemberUserAsync(committee, "赵联名"),
            await app.NewMemberUserAsync(committee, "孙委员"),
            await app.NewUserAsync(committee, Roles.Unit, unitId: unitId),
            await app.NewUserAsync(committee, Roles.Staff),
            await app.NewUserAsync(committee, Roles.Leader),
            await app.NewMemberUserAsync(foreign, "外会委员"));
    }

    public static Task<Guid> AddSessionAsync(this TestApp app, Guid committeeId, DateOnly start, DateOnly end) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var term = new Term { CommitteeId = committeeId, Number = 9, Name = "第九届", StartDate = new(2022, 1, 1), EndDate = new(2026, 12, 31) };
            var session = new Session { CommitteeId = committeeId, TermId = term.Id, Number = 5, Name = "九届五次会议", StartDate = start, EndDate = end, IsCurrent = true };
            db.AddRange(term, session);
            await db.SaveChangesAsync();
            return session.Id;
        });

    public static async Task<TestData.TestUser> NewMemberUserAsync(this TestApp app, TestData.TestCommittee committee, string name)
    {
        var memberId = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var member = new Member
            {
                CommitteeId = committee.Id,
                Name = name,
                Gender = Gender.Female,
                BirthYear = 1975,
                Party = "无党派人士",
                DutyCode = "D" + Guid.NewGuid().ToString("N")[..12],
            };
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        return await app.NewUserAsync(committee, Roles.Member, memberId: memberId);
    }

    public static DraftInput Input(string title = "关于加强老旧小区加装电梯的建议", ProposerKind kind = ProposerKind.Individual, params TestData.TestUser[] coSigners) => new()
    {
        Title = title,
        Situation = "老旧小区多为六层以下住宅，老年住户上下楼困难。",
        Suggestions = "一、简化加装电梯审批；二、设立财政补贴。",
        Category = "城市建设与管理",
        SuggestedUnits = "测试住建局",
        Kind = kind,
        CoSignerIds = [.. coSigners.Select(c => c.Actor.MemberId!.Value)],
    };

    public static Task<DraftSaved> DraftAsync(this TestApp app, TestData.TestUser member, DraftInput input) =>
        app.AsAsync(member.Actor, sp => sp.GetRequiredService<DraftHandler>().CreateAsync(input));

    /// <summary>Drafts and submits a joint proposal of the world's lead with both co-signers.</summary>
    public static async Task<Guid> SubmitJointAsync(this TestApp app, DraftingWorld w)
    {
        var saved = await app.DraftAsync(w.Lead, Input(kind: ProposerKind.Joint, coSigners: [w.CoSigner, w.CoSigner2]));
        await app.AsAsync(w.Lead.Actor, sp => sp.GetRequiredService<DraftHandler>().SubmitAsync(saved.Id, saved.Version));
        return saved.Id;
    }

    public static Task<T> AsSystemAsync<T>(this TestApp app, Func<TongxinDbContext, Task<T>> work) =>
        app.AsAsync(Actor.System, sp => work(sp.GetRequiredService<TongxinDbContext>()));

    public static Task<Proposal> StoredProposalAsync(this TestApp app, Guid id) =>
        app.AsSystemAsync(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id));

    public static Task<List<ProposalSigner>> StoredSignersAsync(this TestApp app, Guid id) =>
        app.AsSystemAsync(db => db.ProposalSigners.AsNoTracking().Where(s => s.ProposalId == id).OrderBy(s => s.Order).ToListAsync());

    public static Task<List<ProposalHistoryEntry>> StoredTimelineAsync(this TestApp app, Guid id) =>
        app.AsSystemAsync(db => db.ProposalHistory.AsNoTracking().Where(h => h.ProposalId == id).OrderBy(h => h.At).ToListAsync());

    /// <summary>The ProposalChanged events stored in the outbox for a proposal.</summary>
    public static async Task<List<ProposalChanged>> StoredEventsAsync(this TestApp app, Guid id)
    {
        var payloads = await app.AsSystemAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Type == nameof(ProposalChanged) && m.Payload.Contains(id.ToString())).Select(m => m.Payload).ToListAsync());
        return [.. payloads.Select(p => JsonSerializer.Deserialize<ProposalChanged>(p)!).Where(e => e.ProposalId == id)];
    }

    /// <summary>Staff's 退回修改, written directly: the review handler is not part of the member's side.</summary>
    public static Task ReturnAsync(this TestApp app, Guid id, string note) =>
        app.AsSystemAsync(async db =>
        {
            var p = await db.Proposals.SingleAsync(x => x.Id == id);
            p.Status = ProposalStatus.Returned;
            p.ReviewNote = note;
            p.LastActivityAt = app.Clock.GetUtcNow().UtcDateTime;
            ProposalTimeline.Add(db, p, ProposalEventKind.Returned, "提案委", note, p.LastActivityAt);
            await db.SaveChangesAsync();
            return 0;
        });
}
