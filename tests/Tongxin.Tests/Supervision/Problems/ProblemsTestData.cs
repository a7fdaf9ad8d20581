using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Problems;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Problems;

/// <summary>A committee of its own for the problem chain: a supervisor group (对口 the first unit)
/// with one supervisor, a member outside it, supervision staff, staff without the permission, two
/// units with accounts, a topic, and staff of another committee.</summary>
internal sealed record ProblemWorld(
    TestApp App,
    TestData.TestCommittee Committee,
    Guid GroupId,
    Guid TopicId,
    TestData.TestUser Supervisor,
    TestData.TestUser Outsider,
    TestData.TestUser Staff,
    TestData.TestUser Staff2,
    TestData.TestUser PlainStaff,
    Guid Unit1Id,
    TestData.TestUser Unit1,
    Guid Unit2Id,
    TestData.TestUser Unit2,
    TestData.TestUser OtherCommitteeStaff)
{
    public static Task<ProblemWorld> CreateAsync(TestApp app) => CreateInAsync(app, null);

    /// <summary>The world in a county committee under <paramref name="parentId"/> (whose staff may read it), or a city one.</summary>
    public static async Task<ProblemWorld> CreateInAsync(TestApp app, Guid? parentId)
    {
        var c = parentId is null
            ? await app.NewCommitteeAsync()
            : await app.NewCommitteeAsync(parentId, parentMayRead: true, level: CommitteeLevel.County);
        var other = await app.NewCommitteeAsync();
        var ids = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            Member NewMember(string name) => new() { CommitteeId = c.Id, Name = name, Gender = Gender.Male, BirthYear = 1972, SectorId = c.SectorId, DutyCode = "S" + Guid.NewGuid().ToString("N")[..12] };
            var supervisor = NewMember("李监督");
            var outsider = NewMember("周委员");
            var unit1 = new HandlingUnit { CommitteeId = c.Id, Name = "市自然资源和规划局", Kind = HandlingUnitKind.GovernmentDepartment };
            var unit2 = new HandlingUnit { CommitteeId = c.Id, Name = "市市场监督管理局", Kind = HandlingUnitKind.GovernmentDepartment };
            var topic = new SupervisionTopic { CommitteeId = c.Id, Year = 2026, Title = "优化营商环境专项民主监督", Status = SupervisionTopicStatus.Active };
            var group = new SupervisorGroup
            {
                CommitteeId = c.Id,
                Name = "第一民主监督小组",
                TopicId = topic.Id,
                HandlingUnitId = unit1.Id,
                Department = unit1.Name,
                TermStart = new(2026, 1, 1),
                TermEnd = new(2026, 12, 31),
            };
            db.AddRange(supervisor, outsider, unit1, unit2, topic, group);
            db.SupervisorGroupMembers.Add(new SupervisorGroupMember { CommitteeId = c.Id, GroupId = group.Id, MemberId = supervisor.Id, Role = SupervisorRole.Member });
            await db.SaveChangesAsync();
            return (supervisor.Id, outsider.Id, unit1.Id, unit2.Id, topic.Id, group.Id);
        });
        return new ProblemWorld(
            app, c, ids.Item6, ids.Item5,
            await app.NewUserAsync(c, Roles.Member, memberId: ids.Item1),
            await app.NewUserAsync(c, Roles.Member, memberId: ids.Item2),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Supervision]),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Supervision]),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Proposals]),
            ids.Item3,
            await app.NewUserAsync(c, Roles.Unit, unitId: ids.Item3),
            ids.Item4,
            await app.NewUserAsync(c, Roles.Unit, unitId: ids.Item4),
            await app.NewUserAsync(other, Roles.Staff, Permissions.All));
    }

    public ProblemInput Input(string title = "园区道路破损影响企业运输", string phone = "139 0000 1234") =>
        new(title, "园区主干道多处破损，货车通行困难，已持续两个月。", "经济开发区创业路", "市自然资源和规划局", "王经理", phone, GroupId, TopicId);

    /// <summary>The supervisor records a problem for their group.</summary>
    public Task<Guid> RecordAsync(string title = "园区道路破损影响企业运输", TestData.TestUser? by = null) =>
        App.AsAsync((by ?? Supervisor).Actor, sp => sp.GetRequiredService<ProblemRecording>().RecordAsync(Input(title)));

    public Task<SupervisionProblem> ProblemAsync(Guid id) =>
        App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().SupervisionProblems.AsNoTracking().SingleAsync(p => p.Id == id));

    public Task<List<SupervisionProblemStep>> StepsAsync(Guid id) =>
        App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().SupervisionProblemSteps.AsNoTracking()
            .Where(s => s.ProblemId == id).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync());

    public Task WorkflowAsync(TestData.TestUser user, Func<ProblemWorkflow, int, Task> step, Guid id) =>
        App.AsAsync(user.Actor, async sp =>
        {
            var version = (await ProblemAsync(id)).Version;
            await step(sp.GetRequiredService<ProblemWorkflow>(), version);
        });

    public Task AssignAsync(Guid id, TestData.TestUser? by = null, Guid? unitId = null) =>
        WorkflowAsync(by ?? Staff, (w, v) => w.AssignAsync(id, v, new AssignInput(unitId ?? Unit1Id, "请核实并整改")), id);

    public Task ReplyAsync(Guid id, RectificationState state = RectificationState.Rectified, TestData.TestUser? by = null, string text = "已完成道路修补，恢复通行。") =>
        WorkflowAsync(by ?? Unit1, (w, v) => w.ReplyAsync(id, v, new UnitReplyInput(text, state)), id);

    public Task VisitAsync(Guid id) =>
        WorkflowAsync(Staff, (w, v) => w.RecordReturnVisitAsync(id, v, new ReturnVisitInput(ReturnVisitMethod.Phone, "王经理", VisitSatisfaction.Satisfied, "企业表示满意")), id);

    public Task CloseAsync(Guid id) => WorkflowAsync(Staff, (w, v) => w.CloseAsync(id, v), id);

    public Task<ProblemDetail> DetailAsync(Guid id, TestData.TestUser user) =>
        App.AsAsync(user.Actor, sp => sp.GetRequiredService<ProblemQueries>().DetailAsync(id));

    /// <summary>The user's inbox once the stored events are delivered: the app's own dispatcher may be
    /// delivering some at this moment, so this delivers again until <paramref name="expected"/> holds (or gives up).</summary>
    public async Task<List<(string Title, string Body, string? Link)>> NotesAfterEventsAsync(TestData.TestUser user, Func<List<(string Title, string Body, string? Link)>, bool> expected)
    {
        var notes = await NotesAsync(user);
        for (var round = 0; !expected(notes) && round < 20; round++)
        {
            await App.DeliverEventsAsync();
            notes = await NotesAsync(user);
        }

        return notes;
    }

    public Task<List<(string Title, string Body, string? Link)>> NotesAsync(TestData.TestUser user) =>
        App.AsAsync(Actor.System, async sp => (await sp.GetRequiredService<TongxinDbContext>().Notifications.AsNoTracking()
                .Where(n => n.UserId == user.Id).OrderBy(n => n.CreatedAt).Select(n => new { n.Title, n.Body, n.Link }).ToListAsync())
            .Select(n => (n.Title, n.Body, n.Link)).ToList());
}
