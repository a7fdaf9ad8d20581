using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Problems;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Problems;

/// <summary>Who may do what with a problem (DESIGN.md "Who may do what"), asked of the handlers.</summary>
public class ProblemAuthorizationTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Recording_a_problem(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        Task<Guid> Record(TestData.TestUser u, Guid? group) =>
            app.AsAsync(u.Actor, sp => sp.GetRequiredService<ProblemRecording>().RecordAsync(w.Input() with { GroupId = group }));

        (await Outcome(Record(w.Supervisor, w.GroupId))).ShouldBe("ok");
        (await Outcome(Record(w.Staff, w.GroupId))).ShouldBe("ok");
        (await Outcome(Record(w.Staff, null))).ShouldBe("ok");
        (await Outcome(Record(w.Outsider, w.GroupId))).ShouldBe("forbidden");
        (await Outcome(Record(w.Supervisor, null))).ShouldBe("invalid");
        (await Outcome(Record(w.PlainStaff, w.GroupId))).ShouldBe("forbidden");
        (await Outcome(Record(w.Unit1, w.GroupId))).ShouldBe("forbidden");
        (await Outcome(Record(w.OtherCommitteeStaff, w.GroupId))).ShouldBe("invalid");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reading_a_problem(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        var id = await w.RecordAsync();
        Task<string> Read(TestData.TestUser u) => Outcome(w.DetailAsync(id, u));

        (await Read(w.Supervisor)).ShouldBe("ok");
        (await Read(w.Staff)).ShouldBe("ok");
        (await Read(w.Outsider)).ShouldBe("notfound");
        (await Read(w.PlainStaff)).ShouldBe("notfound");
        (await Read(w.OtherCommitteeStaff)).ShouldBe("notfound");
        (await Read(w.Unit1)).ShouldBe("notfound"); // not yet assigned

        await w.AssignAsync(id);
        (await Read(w.Unit1)).ShouldBe("ok");
        (await Read(w.Unit2)).ShouldBe("notfound");
        (await w.DetailAsync(id, w.Supervisor)).ConcernedPhone.ShouldBe("139****1234");
        (await w.DetailAsync(id, w.Staff)).ConcernedPhone.ShouldBe("13900001234");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Assigning_and_the_staff_steps(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        var id = await w.RecordAsync();

        (await Outcome(w.AssignAsync(id, w.Supervisor))).ShouldBe("forbidden");
        (await Outcome(w.AssignAsync(id, w.PlainStaff))).ShouldBe("forbidden");
        (await Outcome(w.AssignAsync(id, w.Unit1))).ShouldBe("forbidden");
        (await Outcome(w.AssignAsync(id, w.OtherCommitteeStaff))).ShouldBe("notfound");
        (await Outcome(w.AssignAsync(id, w.Staff))).ShouldBe("ok");

        (await Outcome(w.ReplyAsync(id, by: w.Unit2))).ShouldBe("notfound");
        (await Outcome(w.ReplyAsync(id, by: w.Staff))).ShouldBe("forbidden");
        (await Outcome(w.ReplyAsync(id, by: w.Supervisor))).ShouldBe("forbidden");
        (await Outcome(w.ReplyAsync(id, by: w.Unit1))).ShouldBe("ok");

        (await Outcome(w.WorkflowAsync(w.Unit1, (h, v) => h.CloseAsync(id, v), id))).ShouldBe("forbidden");
        (await Outcome(w.WorkflowAsync(w.Supervisor, (h, v) => h.ReturnAsync(id, v, "不行"), id))).ShouldBe("forbidden");
        (await Outcome(w.WorkflowAsync(w.OtherCommitteeStaff, (h, v) => h.ReturnAsync(id, v, "不行"), id))).ShouldBe("notfound");
        (await Outcome(w.VisitAsync(id))).ShouldBe("ok");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_city_staff_member_reads_a_county_problem_but_does_not_act_on_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var county = await ProblemWorld.CreateInAsync(app, city.Id);
        var cityStaff = await app.NewUserAsync(city, Roles.Staff, [Permissions.Supervision]);
        var id = await county.RecordAsync();

        // The city's actor reads the county (parent may read).
        (await Outcome(county.DetailAsync(id, cityStaff))).ShouldBe("ok");
        (await county.DetailAsync(id, cityStaff)).CanManage.ShouldBeFalse();
        (await Outcome(county.AssignAsync(id, cityStaff))).ShouldBe("forbidden");
    }

    private static async Task<string> Outcome(Task task)
    {
        try
        {
            await task;
            return "ok";
        }
        catch (ForbiddenException)
        {
            return "forbidden";
        }
        catch (NotFoundException)
        {
            return "notfound";
        }
        catch (ValidationFailedException)
        {
            return "invalid";
        }
    }
}
