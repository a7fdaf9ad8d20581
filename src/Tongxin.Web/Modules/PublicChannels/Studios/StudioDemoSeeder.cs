using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.PublicChannels.Studios;

/// <summary>委员工作室演示数据 – one studio of demo.member in 示例市政协 with three messages: one
/// waiting for the member, one forwarded to demo.unit (示例市住房和城乡建设局), one answered (shown
/// on the public page). Runs inside the demo seed (as the system, before any request).</summary>
public static class StudioDemoSeeder
{
    /// <summary>The demo studio's public address token, fixed so the demo can be shown from a printed link.</summary>
    public const string DemoToken = "demo-studio";

    public static async Task SeedAsync(TongxinDbContext db, CancellationToken ct = default)
    {
        var city = await db.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        var accounts = await db.Users.Where(u => u.UserName == "demo.member" || u.UserName == "demo.unit")
            .Select(u => new { u.UserName, u.MemberId, u.HandlingUnitId }).ToListAsync(ct);
        var memberId = accounts.FirstOrDefault(a => a.UserName == "demo.member")?.MemberId;
        var unitId = accounts.FirstOrDefault(a => a.UserName == "demo.unit")?.HandlingUnitId;
        if (city is not { } committeeId || memberId is not { } hostId || unitId is null
            || await db.MemberStudios.AnyAsync(s => s.CommitteeId == committeeId, ct))
        {
            return;
        }

        var hostName = await db.Members.Where(m => m.Id == hostId).Select(m => m.Name).FirstAsync(ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        var studio = new MemberStudio
        {
            CommitteeId = committeeId,
            Name = $"{hostName}委员工作室",
            Token = DemoToken,
            Description = "倾听群众呼声，反映社情民意。欢迎就城市建设、社区治理等方面的问题给委员写信。",
            Address = "示例市人民路100号政协委员会客厅",
            CreatedAt = now.AddDays(-60),
        };
        db.MemberStudios.Add(studio);
        db.MemberStudioHosts.Add(new MemberStudioHost { CommitteeId = committeeId, StudioId = studio.Id, MemberId = hostId });

        PublicSubmission Message(string title, string content, string? name, string? phone, PublicSubmissionStatus status, int daysAgo) => new()
        {
            CommitteeId = committeeId,
            Channel = PublicChannel.Studio,
            StudioId = studio.Id,
            Title = title,
            Content = content,
            SubmitterName = name,
            Phone = phone,
            ReceiptCode = ReceiptCodes.NewCode(),
            IdempotencyKey = $"demo-studio-{daysAgo}",
            Status = status,
            CreatedAt = now.AddDays(-daysAgo),
            LastActivityAt = now.AddDays(-daysAgo),
        };

        var waiting = Message("关于小区门口人行道破损的反映", "幸福里小区东门外人行道多处地砖破损松动，雨天积水，老人出行不便，希望尽快修复。", "李女士", "13800001234", PublicSubmissionStatus.Received, 2);
        var forwarded = Message("老旧小区加装电梯审批进度咨询", "我们单元去年递交了加装电梯申请，至今没有消息，想了解审批进度和补贴政策。", "王先生", "13900005678", PublicSubmissionStatus.ForwardedToUnit, 9);
        forwarded.ForwardedUnitId = unitId;
        forwarded.LastActivityAt = now.AddDays(-8);
        var answered = Message("建议在学校门口增设护学岗", "实验小学门口上下学时段车流密集，建议增设护学岗并施划斑马线。", null, null, PublicSubmissionStatus.Replied, 20);
        answered.Reply = "您的建议已转交公安交警部门，实验小学门口已于本月起在上下学时段设置护学岗，斑马线将在近期施划。感谢您的关心！";
        answered.RepliedAt = now.AddDays(-12);
        answered.RepliedByName = hostName;
        answered.LastActivityAt = now.AddDays(-12);
        db.PublicSubmissions.AddRange(waiting, forwarded, answered);
        await db.SaveChangesAsync(ct);
    }
}
