using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Reporting;

public class DeadlineTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Overdue_days_are_counted_in_working_days_across_the_spring_festival(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReportingTestData.CreateAsync(app);
        var staff = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Proposals]);

        var rows = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProposalDeadlineHandler>().ListAsync(DueFilter.Overdue, 1));

        // P4 was due Fri 20 Feb; today is Mon 2 Mar: 23 Feb is still the holiday, Sat 28 Feb a 调休 work day.
        var row = rows.Items.ShouldHaveSingleItem();
        row.ProposalId.ShouldBe(w.P["P4"]);
        row.HandlingUnitName.ShouldBe("测试市交通运输局");
        row.WorkingDaysLeft.ShouldBe(-6);
        row.DueText.ShouldBe("已超期6个工作日");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Soon_due_uses_the_committees_working_day_window_across_qingming(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReportingTestData.CreateAsync(app);
        // 40 working days after Mon 2 Mar is Tue 28 Apr, one day later than by weekdays alone (Qingming, Mon 6 Apr).
        var (inside, outside) = await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            data.ProposalSettings.Add(new ProposalSettings { CommitteeId = w.Committee.Id, SoonDueWorkingDays = 40 });
            Guid Handling(string title, DateOnly deadline, Guid unitId)
            {
                var p = new Proposal
                {
                    CommitteeId = w.Committee.Id,
                    SessionId = w.SessionId,
                    Year = 2026,
                    Title = title,
                    Status = ProposalStatus.Handling,
                    LeadMemberId = w.Member1,
                    LeadMemberName = "林教育",
                    Category = "其他",
                    Deadline = deadline,
                    SubmittedAt = ReportingTestData.Utc(2026, 1, 6),
                };
                data.Proposals.Add(p);
                data.ProposalAssignments.Add(new ProposalAssignment
                {
                    CommitteeId = w.Committee.Id,
                    ProposalId = p.Id,
                    HandlingUnitId = unitId,
                    HandlingUnitName = "单位",
                    Role = AssignmentRole.Single,
                    Status = AssignmentStatus.Accepted,
                    AssignedAt = ReportingTestData.Utc(2026, 1, 28),
                    Deadline = deadline,
                });
                return p.Id;
            }

            var a = Handling("关于四月二十八日到期的建议", new(2026, 4, 28), w.Unit2);
            var b = Handling("关于四月二十九日到期的建议", new(2026, 4, 29), w.Unit2);
            await data.SaveChangesAsync();
            return (a, b);
        });
        var staff = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Proposals]);
        var unit1 = await app.NewUserAsync(w.Committee, Roles.Unit, unitId: w.Unit1);
        var unit2 = await app.NewUserAsync(w.Committee, Roles.Unit, unitId: w.Unit2);

        var soon = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProposalDeadlineHandler>().ListAsync(DueFilter.SoonDue, 1));
        var row = soon.Items.ShouldHaveSingleItem();
        row.ProposalId.ShouldBe(inside);
        row.WorkingDaysLeft.ShouldBe(40);

        // The staff list's 临期 filter uses the same window.
        var listed = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProposalListHandler>().ListAsync(new() { Due = DueFilter.SoonDue }, 1));
        listed.Items.Select(r => r.Id).ShouldBe([inside]);

        // A unit sees only its own assignments.
        (await app.AsAsync(unit2.Actor, sp => sp.GetRequiredService<ProposalDeadlineHandler>().ListAsync(DueFilter.SoonDue, 1))).Items.Select(r => r.ProposalId).ShouldBe([inside]);
        (await app.AsAsync(unit1.Actor, sp => sp.GetRequiredService<ProposalDeadlineHandler>().ListAsync(DueFilter.SoonDue, 1))).Total.ShouldBe(0);
        (await app.AsAsync(unit1.Actor, sp => sp.GetRequiredService<ProposalDeadlineHandler>().ListAsync(DueFilter.Overdue, 1))).Items.Single().ProposalId.ShouldBe(w.P["P4"]);
        (await app.AsAsync(unit2.Actor, sp => sp.GetRequiredService<ProposalDeadlineHandler>().ListAsync(DueFilter.Overdue, 1))).Total.ShouldBe(0);
        outside.ShouldNotBe(inside);

        using var web = await WebSession.LoginAsync(app, unit2.UserName);
        var response = await web.GetAsync("/Proposals/Manage/Deadlines?due=SoonDue&handler=Export");
        response.EnsureSuccessStatusCode();
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        workbook.Worksheet(1).RowsUsed().Skip(1).Select(r => r.Cell(2).GetString()).ShouldBe(["关于四月二十八日到期的建议"]);
    }
}
