using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.Consultation.Seeding;

/// <summary>会前准备与发言演示数据 – for the activities 示例市政协 already has (seeded by the activities
/// part): two research tasks each, and for published and closed ones three speeches with the
/// participants' best-speech votes. Materials need files, so none are seeded. Activities that
/// already have tasks or speeches are left alone; with no activities nothing is written.</summary>
public static class PreparationDemoSeeder
{
    public static async Task SeedAsync(TongxinDbContext db, CancellationToken ct = default)
    {
        var city = await db.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (city is not { } committeeId)
        {
            return;
        }

        var activities = await db.Activities
            .Where(a => a.CommitteeId == committeeId && a.Status != ActivityStatus.Cancelled
                && !db.ActivityTasks.Any(t => t.ActivityId == a.Id) && !db.ActivitySpeeches.Any(s => s.ActivityId == a.Id))
            .OrderBy(a => a.StartsAt).Take(20)
            .Select(a => new { a.Id, a.Title, a.Status, a.StartsAt })
            .ToListAsync(ct);
        if (activities.Count == 0)
        {
            return;
        }

        var ids = activities.Select(a => a.Id).ToList();
        var participants = await (from p in db.ActivityParticipants
                                  join m in db.Members on p.MemberId equals m.Id
                                  where ids.Contains(p.ActivityId) && p.Response != ParticipantResponse.Declined
                                  orderby m.Name
                                  select new { p.ActivityId, m.Id, m.Name }).ToListAsync(ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        foreach (var a in activities)
        {
            var start = DateOnly.FromDateTime(BeijingTime.FromUtc(a.StartsAt));
            var names = participants.Where(p => p.ActivityId == a.Id).ToList();
            var people = names.Count > 0 ? string.Join("、", names.Take(3).Select(p => p.Name)) : "相关专委会委员";
            db.ActivityTasks.AddRange(
                new ActivityTask
                {
                    CommitteeId = committeeId,
                    ActivityId = a.Id,
                    Kind = ActivityTaskKind.Visit,
                    Title = "走访相关职能部门了解情况",
                    Date = start.AddDays(-20),
                    Place = "市住房和城乡建设局",
                    People = people,
                    Notes = "了解议题涉及的政策执行情况和主要难点。",
                    Done = a.Status != ActivityStatus.Draft,
                },
                new ActivityTask
                {
                    CommitteeId = committeeId,
                    ActivityId = a.Id,
                    Kind = ActivityTaskKind.Seminar,
                    Title = "召开界别群众座谈会",
                    Date = start.AddDays(-12),
                    Place = "委员会客厅",
                    People = people,
                    Notes = "听取群众代表和基层干部意见。",
                    Done = a.Status == ActivityStatus.Closed,
                });
            if (a.Status is not (ActivityStatus.Published or ActivityStatus.Closed))
            {
                continue;
            }

            (string Title, string Text, SpeechMode Mode)[] texts =
            [
                ("关于推进老旧小区改造的几点建议", "建议统筹水电气管网改造，同步加装电梯和完善无障碍设施，建立居民议事机制，做到改造前问需、改造中问计、改造后问效。", SpeechMode.Oral),
                ("完善社区养老服务网络", "建议按照15分钟服务圈布局助餐点，对运营主体给予分档补贴，并引入第三方评估。", SpeechMode.Oral),
                ("加强议题落实的跟踪问效", "建议对协商成果建立台账，明确责任单位和完成时限，半年后组织回头看。", SpeechMode.Written),
            ];
            var speeches = new List<ActivitySpeech>();
            for (var i = 0; i < texts.Length; i++)
            {
                var speaker = i < names.Count ? names[i] : null;
                speeches.Add(new ActivitySpeech
                {
                    CommitteeId = committeeId,
                    ActivityId = a.Id,
                    SpeakerMemberId = speaker?.Id,
                    SpeakerName = speaker?.Name ?? (i == 1 ? "市民政局负责人" : "群众代表"),
                    Title = texts[i].Title,
                    Text = texts[i].Text,
                    Mode = texts[i].Mode,
                    SortOrder = i + 1,
                    CreatedAt = now,
                });
            }

            // Each participant who did not speak casts the one vote they have (speakers are the first three).
            foreach (var voter in names.Skip(texts.Length))
            {
                var speech = speeches[voter.Name.Length % speeches.Count];
                speech.VoteCount++;
                db.SpeechVotes.Add(new SpeechVote { CommitteeId = committeeId, ActivityId = a.Id, SpeechId = speech.Id, VoterMemberId = voter.Id, CastAt = now });
            }

            db.ActivitySpeeches.AddRange(speeches);
        }

        await db.SaveChangesAsync(ct);
    }
}
