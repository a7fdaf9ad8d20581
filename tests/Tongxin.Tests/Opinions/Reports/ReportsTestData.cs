using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Reports;

/// <summary>A city committee of its own with a county below it (whose reports the city may read),
/// and the people around a report.</summary>
internal sealed record ReportsWorld(
    TestApp App,
    TestData.TestCommittee City,
    TestData.TestCommittee County,
    TestData.TestUser Lead,
    TestData.TestUser CoAuthor,
    TestData.TestUser OtherMember,
    TestData.TestUser Staff,
    TestData.TestUser StaffWithoutSignOff,
    TestData.TestUser CountyStaff,
    TestData.TestUser Leader,
    TestData.TestUser Unit,
    TestData.TestUser CountyMember)
{
    public static async Task<ReportsWorld> CreateAsync(TestApp app)
    {
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(parentId: city.Id, parentMayRead: true, level: CommitteeLevel.County);
        var unitId = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var unit = new HandlingUnit { CommitteeId = city.Id, Name = "测试民政局", Kind = HandlingUnitKind.GovernmentDepartment };
            db.HandlingUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        return new ReportsWorld(
            app,
            city,
            county,
            await app.NewMemberAsync(city, "周信息"),
            await app.NewMemberAsync(city, "吴联名"),
            await app.NewMemberAsync(city, "郑委员"),
            await app.NewUserAsync(city, Roles.Staff, [Permissions.Opinions, Permissions.OpinionsSignOff]),
            await app.NewUserAsync(city, Roles.Staff, [Permissions.Opinions]),
            await app.NewUserAsync(county, Roles.Staff, [Permissions.Opinions, Permissions.OpinionsSignOff]),
            await app.NewUserAsync(city, Roles.Leader),
            await app.NewUserAsync(city, Roles.Unit, unitId: unitId),
            await app.NewMemberAsync(county, "陈区委员"));
    }

    public static ReportInput Input(string title = "关于规范社区养老服务站运营的建议", OpinionSubmitterKind kind = OpinionSubmitterKind.Member,
        params TestData.TestUser[] coAuthors) => new()
        {
            Title = title,
            Situation = "我市已建成社区养老服务站二百余个，但部分站点运营不足一年即关停。",
            Analysis = "运营补贴与服务量脱钩，站点缺少专业人员。",
            Suggestion = "一、按服务量发放运营补贴；二、引入专业机构连锁运营。",
            Category = "社会民生",
            Source = "调研",
            ContactName = "周信息",
            ContactPhone = "13812345678",
            Kind = kind,
            CoAuthorIds = [.. coAuthors.Select(c => c.Actor.MemberId!.Value)],
        };

    public Task<T> As<T>(TestData.TestUser user, Func<IServiceProvider, Task<T>> work) => App.AsAsync(user.Actor, work);

    public Task As(TestData.TestUser user, Func<IServiceProvider, Task> work) => App.AsAsync(user.Actor, work);

    public Task<ReportSaved> DraftAsync(ReportInput? input = null, TestData.TestUser? by = null) =>
        As(by ?? Lead, sp => sp.GetRequiredService<ReportHandler>().CreateAsync(input ?? Input()));

    /// <summary>The lead's report, drafted and submitted.</summary>
    public async Task<Guid> SubmittedAsync(ReportInput? input = null, TestData.TestUser? by = null)
    {
        var saved = await DraftAsync(input, by);
        await As(by ?? Lead, sp => sp.GetRequiredService<ReportHandler>().SubmitAsync(saved.Id, saved.Version));
        return saved.Id;
    }

    /// <summary>A submitted report moved to a later status directly: screening and bulletins belong to other parts.</summary>
    public async Task<Guid> InStatusAsync(OpinionStatus status, ReportInput? input = null)
    {
        var id = await SubmittedAsync(input);
        await SetStatusAsync(id, status);
        return id;
    }

    public Task SetStatusAsync(Guid id, OpinionStatus status, string? note = null) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var r = await db.OpinionReports.SingleAsync(x => x.Id == id);
            r.Status = status;
            r.ScreeningNote = note;
            r.ScreenedAt = App.Clock.GetUtcNow().UtcDateTime;
            r.ScreenedByName = "信息科";
            await db.SaveChangesAsync();
        });

    public Task<OpinionReport> StoredAsync(Guid id) =>
        App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OpinionReports.AsNoTracking().SingleAsync(r => r.Id == id));

    public Task<List<OpinionReportVersion>> VersionsAsync(Guid id) =>
        App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OpinionReportVersions.AsNoTracking()
            .Where(v => v.ReportId == id).OrderBy(v => v.No).ToListAsync());

    public Task<List<OpinionReportAuthor>> AuthorsAsync(Guid id) =>
        App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OpinionReportAuthors.AsNoTracking()
            .Where(v => v.ReportId == id).OrderBy(v => v.Order).ToListAsync());

    public Task<List<string>> TimelineAsync(Guid id) =>
        App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OpinionHistory.AsNoTracking()
            .Where(h => h.ReportId == id).OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.Text).ToListAsync());

    /// <summary>The OpinionChanged events stored in the outbox for a report.</summary>
    public async Task<List<OpinionChanged>> EventsAsync(Guid id)
    {
        var payloads = await App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type == nameof(OpinionChanged) && m.Payload.Contains(id.ToString())).OrderBy(m => m.OccurredAt).Select(m => m.Payload).ToListAsync());
        return [.. payloads.Select(p => JsonSerializer.Deserialize<OpinionChanged>(p)!).Where(e => e.ReportId == id)];
    }
}

internal static class ReportsTestData
{
    public static async Task<TestData.TestUser> NewMemberAsync(this TestApp app, TestData.TestCommittee committee, string name)
    {
        var memberId = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var member = new Member
            {
                CommitteeId = committee.Id,
                Name = name,
                Gender = Gender.Male,
                BirthYear = 1970,
                Party = "无党派人士",
                Mobile = "13900001111",
                DutyCode = "R" + Guid.NewGuid().ToString("N")[..12],
            };
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        return await app.NewUserAsync(committee, Roles.Member, memberId: memberId);
    }
}
