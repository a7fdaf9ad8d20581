using Tongxin.Modules.Organization;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Seeding;

/// <summary>The rows of generated proposals, kept together until written.</summary>
internal sealed class ProposalBatch
{
    public List<Proposal> Proposals { get; } = [];
    public List<ProposalSigner> Signers { get; } = [];
    public List<ProposalAssignment> Assignments { get; } = [];
    public List<ProposalReply> Replies { get; } = [];
    public List<ProposalReplyItem> Items { get; } = [];
    public List<ProposalRating> Ratings { get; } = [];
    public List<ProposalInstruction> Instructions { get; } = [];
    public List<ProposalHistoryEntry> History { get; } = [];

    public int RowCount => Proposals.Count + Signers.Count + Assignments.Count + Replies.Count + Items.Count + Ratings.Count + Instructions.Count + History.Count;
}

/// <summary>A member who may propose, as the generator needs it.</summary>
internal sealed record SeedMember(Guid Id, string Name);

/// <summary>A handling unit, as the generator needs it.</summary>
internal sealed record SeedUnit(Guid Id, string Name);

/// <summary>Builds one proposal in a given status with everything that status implies: signers,
/// the review, assignments with deadlines, replies with items, ratings, instructions and the
/// timeline, dated from the session's plenary so that the data is the same on every run.</summary>
internal sealed class ProposalGenerator(Guid committeeId, string committeeName, IReadOnlyList<SeedMember> members, IReadOnlyList<SeedUnit> units, Random random)
{
    private static readonly string[] Leaders = ["陈主席", "李副主席", "王副主席", "周副主席"];
    private static readonly string[] Signers = ["局长", "主任", "党组书记、局长"];
    private static readonly string[] Groups = ["民革", "民盟", "民建", "民进", "农工党", "九三学社"];
    private readonly Dictionary<Guid, int> numbers = [];

    public Guid CommitteeId => committeeId;

    /// <summary>Adds a proposal of <paramref name="session"/> in <paramref name="status"/> to <paramref name="batch"/>.</summary>
    public Proposal Add(
        ProposalBatch batch,
        Session session,
        ProposalStatus status,
        SeedMember? lead = null,
        IReadOnlyList<SeedMember>? coSigners = null,
        SeedUnit? unit = null,
        Guid? mergedInto = null,
        bool rehandled = false,
        bool withHistory = true)
    {
        var topic = ProposalTexts.Topics[random.Next(ProposalTexts.Topics.Length)];
        var (title, situation, suggestions) = ProposalTexts.Compose(topic, random);
        lead ??= members[random.Next(members.Count)];
        var kind = coSigners is { Count: > 0 } ? ProposerKind.Joint : random.Next(100) switch
        {
            < 70 => ProposerKind.Individual,
            < 82 => ProposerKind.Joint,
            < 92 => ProposerKind.Party,
            < 96 => ProposerKind.SpecialCommittee,
            _ => ProposerKind.Sector,
        };
        if (kind == ProposerKind.Joint && coSigners is null)
        {
            coSigners = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => members[random.Next(members.Count)]).Where(m => m.Id != lead.Id).DistinctBy(m => m.Id)];
        }

        var plenary = session.StartDate;
        var submitted = At(plenary.AddDays(random.Next(-40, 5)), random.Next(8, 18));
        var p = new Proposal
        {
            CommitteeId = committeeId,
            SessionId = session.Id,
            Year = plenary.Year,
            Title = title,
            Situation = situation,
            Suggestions = suggestions,
            Category = topic.Category,
            SuggestedUnits = topic.Department,
            MayPublish = random.Next(10) > 0,
            Kind = kind,
            GroupName = kind switch
            {
                ProposerKind.Party => Groups[random.Next(Groups.Length)] + committeeName.Replace("政协", "") + "委员会",
                ProposerKind.SpecialCommittee => "提案委员会",
                ProposerKind.Sector => "经济界别",
                _ => null,
            },
            LeadMemberId = lead.Id,
            LeadMemberName = lead.Name,
            Status = status,
            IsPlenary = true,
            CreatedAt = submitted.AddDays(-random.Next(1, 20)),
            LastActivityAt = submitted,
        };
        batch.Proposals.Add(p);
        batch.Signers.Add(new ProposalSigner { CommitteeId = committeeId, ProposalId = p.Id, MemberId = lead.Id, MemberName = lead.Name, IsLead = true, Status = SignerStatus.Confirmed });
        var order = 1;
        foreach (var coSigner in coSigners ?? [])
        {
            batch.Signers.Add(new ProposalSigner
            {
                CommitteeId = committeeId,
                ProposalId = p.Id,
                MemberId = coSigner.Id,
                MemberName = coSigner.Name,
                Order = order++,
                Status = status == ProposalStatus.Draft ? SignerStatus.Pending : SignerStatus.Confirmed,
                RequestedAt = status == ProposalStatus.Draft ? null : submitted,
                RespondedAt = status == ProposalStatus.Draft ? null : submitted.AddHours(2),
            });
        }

        void History(ProposalEventKind kind, DateTime at, string actor, string text)
        {
            if (withHistory)
            {
                batch.History.Add(new ProposalHistoryEntry { CommitteeId = committeeId, ProposalId = p.Id, Kind = kind, At = at, ActorName = actor, Text = text });
            }
        }

        if (status == ProposalStatus.Draft)
        {
            p.Year = p.CreatedAt.Year;
            History(ProposalEventKind.Drafted, p.CreatedAt, lead.Name, "创建草稿");
            return p;
        }

        p.SubmittedAt = submitted;
        History(ProposalEventKind.Submitted, submitted, lead.Name, "提交提案");
        var reviewed = At(plenary.AddDays(random.Next(8, 14)), 10);
        switch (status)
        {
            case ProposalStatus.Submitted:
                return p;
            case ProposalStatus.Withdrawn:
                p.LastActivityAt = submitted.AddDays(1);
                History(ProposalEventKind.Withdrawn, p.LastActivityAt, lead.Name, "撤回提案");
                return p;
            case ProposalStatus.Returned:
                p.ReviewedAt = p.LastActivityAt = reviewed;
                p.ReviewNote = "请补充具体可行的建议，并核实相关数据。";
                History(ProposalEventKind.Returned, reviewed, "提案委", p.ReviewNote);
                return p;
            case ProposalStatus.NotFiled:
                p.ReviewedAt = p.LastActivityAt = reviewed;
                p.NotFiledReason = random.Next(2) == 0 ? "内容空泛、没有具体建议的" : "属于个人及亲属问题的";
                p.ConvertedToOpinion = random.Next(2) == 0;
                History(ProposalEventKind.NotFiled, reviewed, "提案委", $"不予立案：{p.NotFiledReason}");
                return p;
            case ProposalStatus.Merged:
                p.ReviewedAt = p.LastActivityAt = reviewed;
                p.MergedIntoId = mergedInto;
                History(ProposalEventKind.Merged, reviewed, "提案委", "并入同类提案办理");
                return p;
        }

        // Filed or later.
        p.ReviewedAt = p.LastActivityAt = reviewed;
        p.Number = numbers[session.Id] = numbers.GetValueOrDefault(session.Id) + 1;
        History(ProposalEventKind.Filed, reviewed, "提案委", $"立案，{p.DisplayNumber}");
        if (random.Next(100) < 3)
        {
            p.IsKey = true;
            p.SupervisingLeader = Leaders[random.Next(Leaders.Length)];
        }
        else if (random.Next(100) < 4)
        {
            p.IsImportant = true;
            p.SupervisingLeader = Leaders[random.Next(Leaders.Length)];
        }

        if (status == ProposalStatus.Filed)
        {
            return p;
        }

        var assignedAt = At(plenary.AddDays(random.Next(20, 30)), 10);
        var deadline = DateOnly.FromDateTime(assignedAt).AddMonths(3);
        unit ??= units.FirstOrDefault(u => u.Name.EndsWith(topic.Department, StringComparison.Ordinal)) ?? units[random.Next(units.Count)];
        var withCo = random.Next(100) < 20 && units.Count > 1;
        var co = withCo ? units.Where(u => u.Id != unit.Id).ElementAt(random.Next(units.Count - 1)) : null;
        p.AssignmentMode = withCo ? AssignmentMode.LeadWithCo : AssignmentMode.Single;
        p.AssignedAt = p.LastActivityAt = assignedAt;
        p.Deadline = deadline;
        var main = new ProposalAssignment
        {
            CommitteeId = committeeId,
            ProposalId = p.Id,
            HandlingUnitId = unit.Id,
            HandlingUnitName = unit.Name,
            Role = withCo ? AssignmentRole.Lead : AssignmentRole.Single,
            Status = AssignmentStatus.Accepted,
            AssignedAt = assignedAt,
            Deadline = deadline,
            AcceptedAt = assignedAt.AddDays(2),
        };
        batch.Assignments.Add(main);
        History(ProposalEventKind.Assigned, assignedAt, "提案委", $"交办{unit.Name}{(co is null ? "" : $"（主办），{co.Name}（协办）")}");
        if (co is not null)
        {
            batch.Assignments.Add(new ProposalAssignment
            {
                CommitteeId = committeeId,
                ProposalId = p.Id,
                HandlingUnitId = co.Id,
                HandlingUnitName = co.Name,
                Role = AssignmentRole.Co,
                Status = AssignmentStatus.Accepted,
                AssignedAt = assignedAt,
                Deadline = deadline,
                AcceptedAt = assignedAt.AddDays(2),
                CoOpinion = "同意主办单位意见，我单位将积极配合。",
                CoOpinionAt = assignedAt.AddDays(20),
            });
        }

        if (status == ProposalStatus.Handling && !rehandled)
        {
            return p;
        }

        // Most replies come before the deadline; about one in twelve is late.
        var late = random.Next(12) == 0;
        var replied = At(late ? deadline.AddDays(random.Next(1, 20)) : deadline.AddDays(-random.Next(3, 60)), 16);
        main.Status = AssignmentStatus.Replied;
        p.FirstRepliedAt = p.RepliedAt = p.LastActivityAt = replied;
        var replyClass = random.Next(100) switch { < 55 => "A", < 90 => "B", _ => "C" };
        p.ReplyClass = replyClass;
        AddReply(batch, p, main, 1, replyClass, replied, topic);
        History(ProposalEventKind.Replied, replied, unit.Name, $"答复（{replyClass}类）");
        var rater = lead;
        if (status == ProposalStatus.AwaitingRating)
        {
            return p;
        }

        var ratedAt = replied.AddDays(random.Next(3, 15));
        if (rehandled)
        {
            batch.Ratings.Add(Rating(p, rater, 1, Satisfaction.BasicallySatisfied, Satisfaction.Unsatisfied, ratedAt));
            p.Round = 2;
            History(ProposalEventKind.Rehandling, ratedAt, rater.Name, "评价不满意，重新办理");
            if (status == ProposalStatus.Handling)
            {
                main.Status = AssignmentStatus.Accepted;
                return p;
            }

            var second = ratedAt.AddDays(random.Next(15, 40));
            p.RepliedAt = second;
            AddReply(batch, p, main, 2, "A", second, topic);
            History(ProposalEventKind.Replied, second, unit.Name, "第二次答复（A类）");
            ratedAt = second.AddDays(random.Next(3, 10));
        }

        var result = random.Next(100) switch { < 70 => Satisfaction.Satisfied, < 95 => Satisfaction.BasicallySatisfied, _ => Satisfaction.Unsatisfied };
        var attitude = random.Next(100) < 85 ? Satisfaction.Satisfied : Satisfaction.BasicallySatisfied;
        batch.Ratings.Add(Rating(p, rater, p.Round, attitude, rehandled && result == Satisfaction.Unsatisfied ? Satisfaction.BasicallySatisfied : result, ratedAt));
        History(ProposalEventKind.Rated, ratedAt, rater.Name, $"办理态度{attitude.DisplayName()}，办理结果{result.DisplayName()}");
        p.CompletedAt = p.LastActivityAt = ratedAt;
        History(ProposalEventKind.Completed, ratedAt, "提案委", "办结");
        if ((p.IsKey || p.IsImportant) && random.Next(2) == 0)
        {
            batch.Instructions.Add(new ProposalInstruction
            {
                CommitteeId = committeeId,
                ProposalId = p.Id,
                LeaderUserId = Guid.Empty,
                LeaderName = p.SupervisingLeader ?? Leaders[0],
                Text = $"请{unit.Name}高度重视，认真研究{topic.Object}问题，抓好落实。",
                GivenAt = assignedAt.AddDays(5),
            });
        }

        return p;
    }

    private void AddReply(ProposalBatch batch, Proposal p, ProposalAssignment a, int round, string replyClass, DateTime at, ProposalTexts.Topic topic)
    {
        var reply = new ProposalReply
        {
            CommitteeId = committeeId,
            ProposalId = p.Id,
            AssignmentId = a.Id,
            HandlingUnitName = a.HandlingUnitName,
            Round = round,
            Text = $"您提出的《{p.Title}》收悉。我单位高度重视，经认真研究，现答复如下：针对{topic.Object}问题，我们将{string.Join("，", topic.Measures)}。感谢您对我们工作的关心和支持。",
            Signer = Signers[random.Next(Signers.Length)],
            ReplyClass = replyClass,
            Status = ReplyStatus.Approved,
            SubmittedAt = at.AddDays(-3),
            ReviewedAt = at,
        };
        batch.Replies.Add(reply);
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var planned = DateOnly.FromDateTime(at).AddMonths(random.Next(1, 10));
            var status = random.Next(100) switch { < 70 => ItemStatus.Done, < 92 => ItemStatus.InProgress, _ => ItemStatus.NotDone };
            batch.Items.Add(new ProposalReplyItem
            {
                CommitteeId = committeeId,
                ReplyId = reply.Id,
                ProposalId = p.Id,
                Order = i,
                Commitment = topic.Measures[i % topic.Measures.Length],
                ResponsibleUnit = a.HandlingUnitName,
                PlannedDate = planned,
                Status = status,
                StatusChangedAt = status == ItemStatus.NotDone ? null : at.AddDays(30),
            });
        }
    }

    private ProposalRating Rating(Proposal p, SeedMember rater, int round, Satisfaction attitude, Satisfaction result, DateTime at) => new()
    {
        CommitteeId = committeeId,
        ProposalId = p.Id,
        ForProposalId = p.Id,
        MemberId = rater.Id,
        MemberName = rater.Name,
        Round = round,
        Attitude = attitude,
        Result = result,
        OnPoint = result == Satisfaction.Unsatisfied ? OnPoint.Partly : OnPoint.OnPoint,
        ConsultedHow = random.Next(2) == 0 ? "面谈" : "电话",
        RatedAt = at,
    };

    /// <summary>A Beijing date and hour as the UTC instant stored.</summary>
    private static DateTime At(DateOnly date, int beijingHour) =>
        DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(beijingHour, 0)).AddHours(-8), DateTimeKind.Utc);
}
