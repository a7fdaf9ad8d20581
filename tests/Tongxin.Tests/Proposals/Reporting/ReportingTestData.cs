using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Reporting;

/// <summary>A committee with one session of proposals in known states, inserted directly (the
/// workflow handlers are other parts' work), for the statistics, list and deadline tests.
/// Times are UTC; Beijing is +8.</summary>
public sealed class ReportingWorld
{
    public required TestData.TestCommittee Committee { get; init; }
    public required Guid SessionId { get; init; }
    public required Guid PreviousSessionId { get; init; }
    public required Guid Member1 { get; init; }
    public required Guid Member2 { get; init; }
    public required Guid Unit1 { get; init; }
    public required Guid Unit2 { get; init; }
    public Dictionary<string, Guid> P { get; } = [];
}

public static class ReportingTestData
{
    public static DateTime Utc(int y, int m, int d, int h = 2, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    /// <summary>
    /// P1 completed, key, 单办 unit 1, replied 01-20 (deadline 01-31, on time), 2 items (1 done), rated 满意/基本满意, 2 instructions.
    /// P2 completed after re-handling (round 2), 联名, unit 2, first reply 02-10 16:30 UTC = 02-11 00:30 Beijing after a 02-10 deadline (late);
    ///    round 1 rated 不满意 (superseded), round 2 基本满意/满意; one item per round (round 2's done).
    /// P3 completed, 主办 unit 1 + 协办 unit 2, replied 02-28 15:30 UTC = 23:30 Beijing on the 02-28 deadline (on time), rated 态度不满意/结果基本满意.
    /// P4 handling, important, 党派, unit 1 (deadline 02-20, overdue), a draft reply with an item, a returned assignment of unit 2, 1 instruction.
    /// P5 merged into P1. P6 not filed and converted. P7 not filed. P8 submitted. P9 draft. P10 withdrawn. P11 returned.
    /// P12 in the previous session (completed) – counted nowhere in this session.
    /// </summary>
    public static async Task<ReportingWorld> CreateAsync(TestApp app, TestData.TestCommittee? committee = null)
    {
        committee ??= await app.NewCommitteeAsync();
        var c = committee;
        return await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var term = new Term { CommitteeId = c.Id, Number = 1, Name = "第一届", StartDate = new(2022, 1, 1), EndDate = new(2026, 12, 31) };
            var previous = new Session { CommitteeId = c.Id, TermId = term.Id, Number = 4, Name = "一届四次会议", StartDate = new(2025, 1, 10), EndDate = new(2025, 1, 14) };
            var session = new Session { CommitteeId = c.Id, TermId = term.Id, Number = 5, Name = "一届五次会议", StartDate = new(2026, 1, 10), EndDate = new(2026, 1, 14), IsCurrent = true };
            var m1 = new Member { CommitteeId = c.Id, Name = "林教育", SectorId = c.SectorId, BirthYear = 1970, DutyCode = "R" + Guid.NewGuid().ToString("N")[..10] };
            var m2 = new Member { CommitteeId = c.Id, Name = "赵经济", SectorId = c.OtherSectorId, BirthYear = 1972, DutyCode = "R" + Guid.NewGuid().ToString("N")[..10] };
            var u1 = new HandlingUnit { CommitteeId = c.Id, Name = "测试市交通运输局" };
            var u2 = new HandlingUnit { CommitteeId = c.Id, Name = "测试市教育局" };
            db.AddRange(term, previous, session, m1, m2, u1, u2);
            var world = new ReportingWorld
            {
                Committee = c,
                SessionId = session.Id,
                PreviousSessionId = previous.Id,
                Member1 = m1.Id,
                Member2 = m2.Id,
                Unit1 = u1.Id,
                Unit2 = u2.Id,
            };

            Proposal Add(string key, ProposalStatus status, Member lead, string category, string title, ProposerKind kind = ProposerKind.Individual, int? number = null, Guid? sessionId = null)
            {
                var p = new Proposal
                {
                    CommitteeId = c.Id,
                    SessionId = sessionId ?? session.Id,
                    Year = 2026,
                    Number = number,
                    Title = title,
                    Situation = "情况分析",
                    Suggestions = "具体建议",
                    Category = category,
                    Kind = kind,
                    GroupName = kind == ProposerKind.Party ? "民革" : null,
                    LeadMemberId = lead.Id,
                    LeadMemberName = lead.Name,
                    Status = status,
                    CreatedAt = Utc(2026, 1, 5),
                    // Distinct times, so that the order of unnumbered proposals never depends on their ids.
                    SubmittedAt = status == ProposalStatus.Draft ? null : Utc(2026, 1, 6).AddMinutes(world.P.Count),
                    LastActivityAt = Utc(2026, 1, 6),
                };
                db.Proposals.Add(p);
                db.ProposalSigners.Add(new ProposalSigner { CommitteeId = c.Id, ProposalId = p.Id, MemberId = lead.Id, MemberName = lead.Name, IsLead = true, Status = SignerStatus.Confirmed });
                world.P[key] = p.Id;
                return p;
            }

            ProposalAssignment Assign(Proposal p, HandlingUnit unit, AssignmentRole role, AssignmentStatus status, DateOnly deadline)
            {
                var a = new ProposalAssignment
                {
                    CommitteeId = c.Id,
                    ProposalId = p.Id,
                    HandlingUnitId = unit.Id,
                    HandlingUnitName = unit.Name,
                    Role = role,
                    Status = status,
                    AssignedAt = Utc(2026, 1, 15),
                    Deadline = deadline,
                };
                db.ProposalAssignments.Add(a);
                p.AssignedAt = a.AssignedAt;
                p.Deadline = p.Deadline is { } d && d < deadline ? d : deadline;
                return a;
            }

            ProposalReply Reply(Proposal p, ProposalAssignment a, int round, ReplyStatus status, DateTime? reviewedAt, params ItemStatus[] items)
            {
                var r = new ProposalReply
                {
                    CommitteeId = c.Id,
                    ProposalId = p.Id,
                    AssignmentId = a.Id,
                    HandlingUnitName = a.HandlingUnitName,
                    Round = round,
                    Text = "答复",
                    Signer = "局长",
                    ReplyClass = "B",
                    Status = status,
                    ReviewedAt = reviewedAt,
                };
                r.Items.AddRange(items.Select((s, i) => new ProposalReplyItem { CommitteeId = c.Id, ProposalId = p.Id, ReplyId = r.Id, Order = i, Commitment = $"事项{i + 1}", Status = s }));
                db.ProposalReplies.Add(r);
                return r;
            }

            void Rate(Proposal p, Member m, int round, Satisfaction attitude, Satisfaction result) =>
                db.ProposalRatings.Add(new ProposalRating { CommitteeId = c.Id, ProposalId = p.Id, ForProposalId = p.Id, MemberId = m.Id, MemberName = m.Name, Round = round, Attitude = attitude, Result = result, RatedAt = Utc(2026, 2, 25) });

            void Instruct(Proposal p, string text) =>
                db.ProposalInstructions.Add(new ProposalInstruction { CommitteeId = c.Id, ProposalId = p.Id, LeaderUserId = Guid.NewGuid(), LeaderName = "陈主席", Text = text, GivenAt = Utc(2026, 2, 1) });

            var p1 = Add("P1", ProposalStatus.Completed, m1, "经济建设", "关于优化公交线网的建议", number: 1);
            p1.IsKey = true;
            p1.SupervisingLeader = "陈主席";
            var a1 = Assign(p1, u1, AssignmentRole.Single, AssignmentStatus.Replied, new(2026, 1, 31));
            Reply(p1, a1, 1, ReplyStatus.Approved, Utc(2026, 1, 20), ItemStatus.Done, ItemStatus.InProgress);
            p1.FirstRepliedAt = p1.RepliedAt = Utc(2026, 1, 20);
            Rate(p1, m1, 1, Satisfaction.Satisfied, Satisfaction.BasicallySatisfied);
            Instruct(p1, "请交通运输局抓紧落实。");
            Instruct(p1, "重点督办。");

            var p2 = Add("P2", ProposalStatus.Completed, m2, "城市建设与管理", "关于老旧小区加装电梯的建议", ProposerKind.Joint, number: 2);
            p2.Round = 2;
            var a2 = Assign(p2, u2, AssignmentRole.Single, AssignmentStatus.Replied, new(2026, 2, 10));
            Reply(p2, a2, 1, ReplyStatus.Approved, Utc(2026, 2, 10, 16, 30), ItemStatus.NotDone);
            Reply(p2, a2, 2, ReplyStatus.Approved, Utc(2026, 2, 20), ItemStatus.Done);
            p2.FirstRepliedAt = Utc(2026, 2, 10, 16, 30);
            Rate(p2, m2, 1, Satisfaction.Satisfied, Satisfaction.Unsatisfied);
            Rate(p2, m2, 2, Satisfaction.BasicallySatisfied, Satisfaction.Satisfied);

            var p3 = Add("P3", ProposalStatus.Completed, m1, "经济建设", "关于发展夜间经济的建议", number: 3);
            var a3 = Assign(p3, u1, AssignmentRole.Lead, AssignmentStatus.Replied, new(2026, 2, 28));
            Assign(p3, u2, AssignmentRole.Co, AssignmentStatus.Accepted, new(2026, 2, 28));
            Reply(p3, a3, 1, ReplyStatus.Approved, Utc(2026, 2, 28, 15, 30));
            p3.FirstRepliedAt = Utc(2026, 2, 28, 15, 30);
            Rate(p3, m1, 1, Satisfaction.Unsatisfied, Satisfaction.BasicallySatisfied);

            var p4 = Add("P4", ProposalStatus.Handling, m2, "经济建设", "关于支持小微企业融资的建议", ProposerKind.Party, number: 4);
            p4.IsImportant = true;
            var a4 = Assign(p4, u1, AssignmentRole.Single, AssignmentStatus.Accepted, new(2026, 2, 20));
            Assign(p4, u2, AssignmentRole.Single, AssignmentStatus.Returned, new(2026, 4, 15));
            p4.Deadline = new(2026, 2, 20);
            Reply(p4, a4, 1, ReplyStatus.Draft, null, ItemStatus.NotDone);
            Instruct(p4, "请加快办理。");

            var p5 = Add("P5", ProposalStatus.Merged, m2, "经济建设", "关于改善公交出行的建议");
            p5.MergedIntoId = p1.Id;
            var p6 = Add("P6", ProposalStatus.NotFiled, m1, "其他", "关于表彰某企业产品的建议");
            p6.ConvertedToOpinion = true;
            p6.NotFiledReason = "为宣传推介具体作品或产品的";
            Add("P7", ProposalStatus.NotFiled, m2, "其他", "关于个人待遇问题的建议").NotFiledReason = "属于个人及亲属问题的";
            Add("P8", ProposalStatus.Submitted, m1, "社会法制", "关于加强社区矫正工作的建议");
            Add("P9", ProposalStatus.Draft, m1, "经济建设", "关于草稿的建议");
            Add("P10", ProposalStatus.Withdrawn, m2, "经济建设", "关于撤回的建议");
            Add("P11", ProposalStatus.Returned, m1, "教科文卫体", "关于退回修改的建议");

            var p12 = Add("P12", ProposalStatus.Completed, m1, "经济建设", "关于上一年度的建议", number: 1, sessionId: previous.Id);
            var a12 = Assign(p12, u1, AssignmentRole.Single, AssignmentStatus.Replied, new(2025, 5, 1));
            Reply(p12, a12, 1, ReplyStatus.Approved, Utc(2025, 4, 1), ItemStatus.Done);
            p12.FirstRepliedAt = Utc(2025, 4, 1);
            Rate(p12, m1, 1, Satisfaction.Unsatisfied, Satisfaction.Unsatisfied);

            await db.SaveChangesAsync();
            return world;
        });
    }
}
