using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>Demo data of 码上商: the default sensitive words in every committee, and in 示例市政协
/// three liaison points (one answered by demo.member, one by demo.staff) with a few letters in
/// different states. Tokens and receipt codes are fixed so guides and browser tests can use them.</summary>
public static class PointsDemoSeeder
{
    public const string HospitalToken = "d3m0a1b2c3d4e5f60001";
    public const string SchoolToken = "d3m0a1b2c3d4e5f60002";
    public const string ParkToken = "d3m0a1b2c3d4e5f60003";

    /// <summary>A letter already answered (the receipt page offers the rating).</summary>
    public const string RepliedCode = "DEMQ2A3B4C";

    public static async Task SeedAsync(TongxinDbContext db, SeedScale scale, CancellationToken ct = default)
    {
        var committees = await db.Committees.IgnoreQueryFilters().AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        foreach (var c in committees)
        {
            db.SensitiveWords.AddRange(SensitiveWordAdmin.Defaults.Select(w => new SensitiveWord { CommitteeId = c.Id, Word = w }));
        }

        var city = committees.FirstOrDefault(c => c.Name == DemoSeeder.CityCommitteeName);
        if (scale != SeedScale.Demo || city is null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        var member = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == "demo.member").Select(u => u.MemberId).FirstOrDefaultAsync(ct);
        var staff = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == "demo.staff").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var at = new DateTime(2026, 2, 10, 2, 0, 0, DateTimeKind.Utc);
        var hospital = Point(city.Id, "市第一人民医院联络点", LiaisonPointKind.Hospital, "示例市人民路1号门诊大厅", HospitalToken, member, null, at);
        var school = Point(city.Id, "示例市实验中学联络点", LiaisonPointKind.School, "示例市学府路18号", SchoolToken, null, staff, at);
        var park = Point(city.Id, "高新区企业服务中心监测点", LiaisonPointKind.Enterprise, "示例市高新区创业大道66号", ParkToken, null, staff, at);
        park.Purpose = LiaisonPointPurpose.BusinessEnvironment;
        db.LiaisonPoints.AddRange(hospital, school, park);

        db.PublicSubmissions.AddRange(
            Letter(hospital, "门诊挂号排队时间太长", "每天早上七点就要排队挂号，老人不会用手机预约，希望增加人工窗口和志愿者引导。", "王阿姨", "13912345678",
                PublicSubmissionStatus.Replied, "DEMQ2A3B4C", at.AddDays(2), "您好，医院已在门诊大厅增设两个人工窗口，并安排志愿者在早高峰引导老年人挂号。感谢您的反映！"),
            Letter(hospital, "医院周边停车难", "医院周边停车位严重不足，车辆经常占用非机动车道，建议利用周边空地建设立体停车场。", null, null,
                PublicSubmissionStatus.Received, "DEMQ5F6G7H", at.AddDays(5), null),
            Letter(school, "放学时段校门口交通拥堵", "学校门口放学时接孩子的车辆堵塞道路，存在安全隐患，建议错峰放学并设置临时停车区。", "李先生", "0571-87654321",
                PublicSubmissionStatus.Processing, "DEMQ8J9K2M", at.AddDays(6), null),
            Letter(school, "有人在校门口发放刷单返利传单", "最近校门口经常有人向学生发放刷单返利的小广告，请有关部门管一管。", null, null,
                PublicSubmissionStatus.PendingModeration, "DEMQ3N4P5R", at.AddDays(7), null, "刷单返利"));
        await db.SaveChangesAsync(ct);
    }

    private static LiaisonPoint Point(Guid committeeId, string name, LiaisonPointKind kind, string address, string token, Guid? memberId, Guid? userId, DateTime at) => new()
    {
        CommitteeId = committeeId,
        Name = name,
        Kind = kind,
        Purpose = LiaisonPointPurpose.Opinion,
        Address = address,
        Description = "扫描二维码，把您的意见建议直接告诉政协委员。",
        Token = token,
        ResponsibleMemberId = memberId,
        ResponsibleUserId = memberId is null ? userId : null,
        IsActive = true,
        CreatedAt = at,
    };

    private static PublicSubmission Letter(LiaisonPoint point, string title, string content, string? name, string? phone, PublicSubmissionStatus status, string code, DateTime at, string? reply, string? matched = null) => new()
    {
        CommitteeId = point.CommitteeId,
        Channel = PublicChannel.LiaisonPoint,
        LiaisonPointId = point.Id,
        Title = title,
        Content = content,
        SubmitterName = name,
        Phone = phone,
        ReceiptCode = code,
        IdempotencyKey = $"demo-{code}",
        Status = status,
        MatchedWords = matched,
        Reply = reply,
        RepliedAt = reply is null ? null : at.AddDays(1),
        RepliedByName = reply is null ? null : "示例委员",
        CreatedAt = at,
        LastActivityAt = reply is null ? at : at.AddDays(1),
    };
}
