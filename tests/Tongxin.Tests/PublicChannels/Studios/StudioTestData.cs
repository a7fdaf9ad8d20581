using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Studios;

/// <summary>One committee with a studio: two hosts, a member who hosts nothing, 公众渠道 staff and
/// staff without that permission, two units with accounts.</summary>
internal sealed record StudioWorld(
    TestApp App, TestData.TestCommittee Committee, Guid StudioId, string Token,
    Guid HostMemberId, TestData.TestUser Host, Guid Host2MemberId, TestData.TestUser Host2,
    Guid OtherMemberId, TestData.TestUser OtherMember,
    TestData.TestUser Staff, TestData.TestUser StaffWithoutPublic,
    Guid UnitId, TestData.TestUser Unit, Guid OtherUnitId, TestData.TestUser OtherUnit)
{
    public Task<T> As<T>(TestData.TestUser user, Func<IServiceProvider, Task<T>> work) => App.AsAsync(user.Actor, work);

    public Task As(TestData.TestUser user, Func<IServiceProvider, Task> work) => App.AsAsync(user.Actor, work);

    public Task<T> ReadAsync<T>(Func<TongxinDbContext, Task<T>> read) =>
        App.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));

    public Task<PublicSubmission> MessageAsync(Guid id) => ReadAsync(d => d.PublicSubmissions.AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>A message from the public in the given status, inserted as a row (the public form is tested on its own).</summary>
    public Task<Guid> NewMessageAsync(
        PublicSubmissionStatus status = PublicSubmissionStatus.Received, string title = "关于小区门口人行道破损的反映",
        string content = "小区东门人行道多处破损，老人出行不便，希望尽快修复。", string? phone = "13812345678", Guid? studioId = null, Guid? unitId = null) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var m = new PublicSubmission
            {
                CommitteeId = Committee.Id,
                Channel = PublicChannel.Studio,
                StudioId = studioId ?? StudioId,
                Title = title,
                Content = content,
                SubmitterName = "李群众",
                Phone = phone,
                ReceiptCode = "T" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant(),
                IdempotencyKey = Guid.NewGuid().ToString("N"),
                Status = status,
                ForwardedUnitId = unitId,
                CreatedAt = now,
                LastActivityAt = now,
            };
            db.PublicSubmissions.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

    public async Task DispatchEventsAsync() =>
        await App.DeliverEventsAsync();
}

internal static class StudioTestData
{
    public static async Task<StudioWorld> NewStudioWorldAsync(this TestApp app, Guid? parentCommitteeId = null)
    {
        var committee = await app.NewCommitteeAsync(parentCommitteeId, parentMayRead: parentCommitteeId is not null, level: parentCommitteeId is null ? CommitteeLevel.City : CommitteeLevel.County);
        var (members, units, studio) = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var members = new[] { "张主持", "王主持", "赵委员" }
                .Select(n => new Member { CommitteeId = committee.Id, Name = n, Gender = Gender.Male, BirthYear = 1972, DutyCode = "S" + Guid.NewGuid().ToString("N")[..15], SectorId = committee.SectorId })
                .ToList();
            var units = new[] { "市城市管理局", "市交通运输局" }
                .Select(n => new HandlingUnit { CommitteeId = committee.Id, Name = n, Kind = HandlingUnitKind.GovernmentDepartment }).ToList();
            var studio = new MemberStudio
            {
                CommitteeId = committee.Id,
                Name = "张主持委员工作室",
                Token = StudioAdmin.NewToken(),
                Description = "倾听群众呼声。",
                Address = "人民路1号",
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.AddRange(members);
            db.AddRange(units);
            db.Add(studio);
            db.AddRange(members.Take(2).Select(m => new MemberStudioHost { CommitteeId = committee.Id, StudioId = studio.Id, MemberId = m.Id }));
            await db.SaveChangesAsync();
            return (members, units, studio);
        });
        return new StudioWorld(
            app, committee, studio.Id, studio.Token,
            members[0].Id, await app.NewUserAsync(committee, Roles.Member, memberId: members[0].Id),
            members[1].Id, await app.NewUserAsync(committee, Roles.Member, memberId: members[1].Id),
            members[2].Id, await app.NewUserAsync(committee, Roles.Member, memberId: members[2].Id),
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Public]),
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Opinions, Permissions.Proposals]),
            units[0].Id, await app.NewUserAsync(committee, Roles.Unit, unitId: units[0].Id),
            units[1].Id, await app.NewUserAsync(committee, Roles.Unit, unitId: units[1].Id));
    }
}
