using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Topics;

/// <summary>专项监督工作量 – the figures of one topic: groups; activities held (closed); problems found
/// (recorded, not dismissed), assigned, replied, return-visited and closed (销号); letters sent. A
/// problem, activity or letter counts for its own topic, or for its group's topic when it names none.</summary>
public sealed record TopicFigures(
    int Groups, int Activities, int ProblemsFound, int ProblemsAssigned, int ProblemsReplied, int ProblemsReturnVisited,
    int ProblemsClosed, int LettersSent)
{
    public static readonly TopicFigures Zero = new(0, 0, 0, 0, 0, 0, 0, 0);

    public TopicFigures Add(TopicFigures o) => new(
        Groups + o.Groups, Activities + o.Activities, ProblemsFound + o.ProblemsFound, ProblemsAssigned + o.ProblemsAssigned,
        ProblemsReplied + o.ProblemsReplied, ProblemsReturnVisited + o.ProblemsReturnVisited, ProblemsClosed + o.ProblemsClosed,
        LettersSent + o.LettersSent);
}

/// <summary>One line of the roll-up: a committee's topic (the upper one itself at depth 0, the topics
/// that joined it at depth 1, those that joined them at depth 2 …).</summary>
public sealed record TopicRollupRow(
    Guid TopicId, Guid CommitteeId, string CommitteeName, string Title, int Depth, SupervisionTopicStatus Status, TopicFigures Figures);

/// <summary>三级联动汇总 – every topic of the linkage with its figures, and the total.</summary>
public sealed record TopicRollupResult(IReadOnlyList<TopicRollupRow> Rows, TopicFigures Total);

/// <summary>Rolls up the figures of a topic and every topic that joined it (三级联动), as far as the
/// upper committee may read its subordinates (the tenancy filter: a county that did not grant its
/// parent read access is not in the table). One grouped query per record type, whatever the number
/// of topics. Reusable: <see cref="FiguresAsync"/> answers any set of topics.</summary>
public sealed class TopicRollup(TongxinDbContext db, IActorAccessor actors)
{
    /// <summary>Province → city → county, with room to spare; stops a cycle in bad data.</summary>
    private const int MaxDepth = 5;

    /// <summary>Supervision staff, and the committee's leaders (DESIGN.md: figures).</summary>
    public static bool MayView(Actor a) => SupervisionAccess.IsSupervisionStaff(a) || a.IsInRole(Roles.Leader);

    public async Task<TopicRollupResult> ForTopicAsync(Guid topicId, CancellationToken ct = default)
    {
        RequireViewer();
        var top = await Lines(db.SupervisionTopics.Where(t => t.Id == topicId), 0).ToListAsync(ct);
        if (top.Count == 0)
        {
            throw new NotFoundException("专项监督");
        }

        var all = new List<TopicLine>(top);
        var frontier = top.Select(t => t.Id).ToList();
        for (var depth = 1; depth <= MaxDepth && frontier.Count > 0; depth++)
        {
            var parents = frontier;
            var level = await Lines(db.SupervisionTopics.Where(t => t.ParentTopicId != null && parents.Contains(t.ParentTopicId.Value)), depth).ToListAsync(ct);
            level.RemoveAll(l => all.Any(a => a.Id == l.Id));
            all.AddRange(level);
            frontier = [.. level.Select(l => l.Id)];
        }

        var figures = await FiguresAsync([.. all.Select(t => t.Id)], ct);
        var rows = all
            .OrderBy(t => t.Depth).ThenBy(t => t.CommitteeName, StringComparer.Ordinal).ThenBy(t => t.Id)
            .Select(t => new TopicRollupRow(t.Id, t.CommitteeId, t.CommitteeName, t.Title, t.Depth, t.Status, figures[t.Id]))
            .ToList();
        return new TopicRollupResult(rows, rows.Aggregate(TopicFigures.Zero, (sum, r) => sum.Add(r.Figures)));
    }

    /// <summary>The figures of each of the given topics (every id gets an entry; topics the actor cannot
    /// read count nothing).</summary>
    public async Task<IReadOnlyDictionary<Guid, TopicFigures>> FiguresAsync(IReadOnlyCollection<Guid> topicIds, CancellationToken ct = default)
    {
        RequireViewer();
        var ids = topicIds.Distinct().ToList();
        var groups = await db.SupervisorGroups.AsNoTracking().Where(g => g.TopicId != null && ids.Contains(g.TopicId.Value))
            .Select(g => new { g.Id, TopicId = g.TopicId!.Value }).ToListAsync(ct);
        var groupTopic = groups.ToDictionary(g => g.Id, g => g.TopicId);
        var groupIds = groups.Select(g => g.Id).ToList();

        var activities = await db.SupervisionActivities.AsNoTracking()
            .Where(s => (s.TopicId != null && ids.Contains(s.TopicId.Value)) || (s.TopicId == null && groupIds.Contains(s.GroupId)))
            .Where(s => db.Activities.Any(a => a.Id == s.ActivityId && a.Status == ActivityStatus.Closed))
            .GroupBy(s => new { s.TopicId, s.GroupId })
            .Select(g => new { g.Key.TopicId, GroupId = (Guid?)g.Key.GroupId, Count = g.Count() })
            .ToListAsync(ct);

        var problems = await db.SupervisionProblems.AsNoTracking()
            .Where(p => p.Status != ProblemStatus.Dismissed)
            .Where(p => (p.TopicId != null && ids.Contains(p.TopicId.Value)) || (p.TopicId == null && p.GroupId != null && groupIds.Contains(p.GroupId.Value)))
            .GroupBy(p => new { p.TopicId, p.GroupId })
            .Select(g => new
            {
                g.Key.TopicId,
                g.Key.GroupId,
                Found = g.Count(),
                Assigned = g.Count(p => p.AssignedAt != null),
                Replied = g.Count(p => p.RepliedAt != null),
                Visited = g.Count(p => p.ReturnVisitAt != null),
                Closed = g.Count(p => p.Status == ProblemStatus.Closed),
            })
            .ToListAsync(ct);

        var letters = await db.SupervisionLetters.AsNoTracking()
            .Where(l => l.SentAt != null)
            .Where(l => (l.TopicId != null && ids.Contains(l.TopicId.Value)) || (l.TopicId == null && groupIds.Contains(l.GroupId)))
            .GroupBy(l => new { l.TopicId, l.GroupId })
            .Select(g => new { g.Key.TopicId, GroupId = (Guid?)g.Key.GroupId, Count = g.Count() })
            .ToListAsync(ct);

        Guid? TopicOf(Guid? topicId, Guid? groupId) =>
            topicId ?? (groupId is { } gid && groupTopic.TryGetValue(gid, out var t) ? t : null);

        var result = ids.ToDictionary(id => id, _ => TopicFigures.Zero);
        void Add(Guid? topicId, TopicFigures f)
        {
            if (topicId is { } id && result.TryGetValue(id, out var sum))
            {
                result[id] = sum.Add(f);
            }
        }

        foreach (var g in groups)
        {
            Add(g.TopicId, TopicFigures.Zero with { Groups = 1 });
        }

        foreach (var a in activities)
        {
            Add(TopicOf(a.TopicId, a.GroupId), TopicFigures.Zero with { Activities = a.Count });
        }

        foreach (var p in problems)
        {
            Add(TopicOf(p.TopicId, p.GroupId), TopicFigures.Zero with
            {
                ProblemsFound = p.Found,
                ProblemsAssigned = p.Assigned,
                ProblemsReplied = p.Replied,
                ProblemsReturnVisited = p.Visited,
                ProblemsClosed = p.Closed,
            });
        }

        foreach (var l in letters)
        {
            Add(TopicOf(l.TopicId, l.GroupId), TopicFigures.Zero with { LettersSent = l.Count });
        }

        return result;
    }

    private IQueryable<TopicLine> Lines(IQueryable<SupervisionTopic> topics, int depth) =>
        topics.AsNoTracking().Select(t => new TopicLine(t.Id, t.CommitteeId,
            db.Committees.Where(c => c.Id == t.CommitteeId).Select(c => c.Name).FirstOrDefault() ?? "",
            t.Title, depth, t.Status));

    private void RequireViewer()
    {
        if (!MayView(actors.Actor))
        {
            throw new ForbiddenException("只有民主监督工作人员和领导可以查看监督统计。");
        }
    }

    private sealed record TopicLine(Guid Id, Guid CommitteeId, string CommitteeName, string Title, int Depth, SupervisionTopicStatus Status);
}
