using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Letters;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Letters;

/// <summary>A committee of its own with a supervisor group on unit 1 (two supervisors), a member outside
/// the group, two units, staff with and without 民主监督, and another committee's staff.</summary>
internal sealed record LettersWorld(
    TestApp App, TestData.TestCommittee Committee, Guid GroupId, Guid Unit1Id, Guid Unit2Id, Guid SupervisorId,
    TestData.TestUser Supervisor, TestData.TestUser Supervisor2, TestData.TestUser Outsider,
    TestData.TestUser Staff, TestData.TestUser StaffWithoutPermission, TestData.TestUser Unit1, TestData.TestUser Unit2,
    TestData.TestUser OtherStaff)
{
    public Task<T> Letters<T>(TestData.TestUser user, Func<LetterHandler, Task<T>> work) =>
        App.AsAsync(user.Actor, sp => work(sp.GetRequiredService<LetterHandler>()));

    public Task Letters(TestData.TestUser user, Func<LetterHandler, Task> work) =>
        App.AsAsync(user.Actor, sp => work(sp.GetRequiredService<LetterHandler>()));

    public Task<T> Queries<T>(TestData.TestUser user, Func<LetterQueries, Task<T>> work) =>
        App.AsAsync(user.Actor, sp => work(sp.GetRequiredService<LetterQueries>()));

    public Task<T> Read<T>(Func<TongxinDbContext, Task<T>> read) =>
        App.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));

    public Task<SupervisionLetter> LetterAsync(Guid id) => Read(d => d.SupervisionLetters.AsNoTracking().SingleAsync(l => l.Id == id));

    public LetterInput Input(string title = "关于优化施工许可审批的建议") =>
        new() { Title = title, HandlingUnitId = Unit1Id, Body = "小组视察发现施工许可审批环节多。\n建议压缩审批时限。" };

    /// <summary>Drafts and submits a letter as the supervisor.</summary>
    public async Task<Guid> SubmittedAsync(string title = "关于优化施工许可审批的建议")
    {
        var id = await Letters(Supervisor, h => h.CreateAsync(GroupId, Input(title)));
        await Letters(Supervisor, h => h.SubmitAsync(id));
        return id;
    }

    /// <summary>Drafts, submits, signs off and sends a letter.</summary>
    public async Task<Guid> SentAsync(string title = "关于优化施工许可审批的建议")
    {
        var id = await SubmittedAsync(title);
        await Letters(Staff, h => h.SignOffAsync(id));
        await Letters(Staff, h => h.SendAsync(id));
        return id;
    }
}

internal static class LettersTestData
{
    public static async Task<LettersWorld> NewLettersWorldAsync(this TestApp app)
    {
        var committee = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var (members, units, groupId) = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var members = new[] { "赵监督", "钱监督", "孙委员" }.Select(n => new Member
            {
                CommitteeId = committee.Id,
                Name = n,
                Gender = Gender.Male,
                BirthYear = 1970,
                DutyCode = "S" + Guid.NewGuid().ToString("N")[..15],
                SectorId = committee.SectorId,
            }).ToList();
            var units = new[] { "市住房和城乡建设局", "市交通运输局" }
                .Select(n => new HandlingUnit { CommitteeId = committee.Id, Name = n, Kind = HandlingUnitKind.GovernmentDepartment }).ToList();
            var group = new SupervisorGroup
            {
                CommitteeId = committee.Id,
                Name = "住建监督小组",
                HandlingUnitId = units[0].Id,
                Department = units[0].Name,
                TermStart = new DateOnly(2026, 1, 1),
                TermEnd = new DateOnly(2026, 12, 31),
            };
            db.AddRange(members);
            db.AddRange(units);
            db.Add(group);
            db.AddRange(members.Take(2).Select((m, i) => new SupervisorGroupMember
            {
                CommitteeId = committee.Id,
                GroupId = group.Id,
                MemberId = m.Id,
                Role = i == 0 ? SupervisorRole.Leader : SupervisorRole.Member,
            }));
            await db.SaveChangesAsync();
            return (members, units, group.Id);
        });
        return new LettersWorld(
            app, committee, groupId, units[0].Id, units[1].Id, members[0].Id,
            await app.NewUserAsync(committee, Roles.Member, memberId: members[0].Id),
            await app.NewUserAsync(committee, Roles.Member, memberId: members[1].Id),
            await app.NewUserAsync(committee, Roles.Member, memberId: members[2].Id),
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Supervision]),
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Proposals]),
            await app.NewUserAsync(committee, Roles.Unit, unitId: units[0].Id),
            await app.NewUserAsync(committee, Roles.Unit, unitId: units[1].Id),
            await app.NewUserAsync(other, Roles.Staff, [Permissions.Supervision]));
    }

    /// <summary>A problem of the group, inserted as a row (the problem chain is another part).</summary>
    public static Task AddProblemAsync(this LettersWorld w, int number, string title, string location, ProblemStatus status) =>
        w.App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            db.SupervisionProblems.Add(new SupervisionProblem
            {
                CommitteeId = w.Committee.Id,
                Year = 2026,
                Number = number,
                Source = ProblemSource.Supervisor,
                GroupId = w.GroupId,
                ReportedByMemberId = w.SupervisorId,
                Title = title,
                Description = "群众反映强烈。具体情况见附件。",
                Location = location,
                Status = status,
                RecordedAt = w.App.Clock.GetUtcNow().UtcDateTime,
                AssignDueOn = new DateOnly(2026, 3, 4),
            });
            await db.SaveChangesAsync();
        });
}
