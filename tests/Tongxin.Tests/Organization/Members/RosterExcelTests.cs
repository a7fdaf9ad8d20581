using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Organization.Members;

public class RosterExcelTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_exported_roster_imports_completely_into_a_sister_committee_with_new_duty_codes(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var source = await app.NewCommitteeAsync();
        var target = await app.NewCommitteeAsync();
        var sourceStaff = await app.NewUserAsync(source, Roles.Staff);
        var targetStaff = await app.NewUserAsync(target, Roles.Staff);
        await app.AddMemberAsync(sourceStaff, RosterTestData.Input(source, "导出甲", "13800000001"));
        var second = RosterTestData.Input(source, "导出乙", "13800000002");
        second.SectorId = source.OtherSectorId;
        second.Gender = Gender.Male;
        second.Position = Position.Member;
        second.IsActive = false;
        await app.AddMemberAsync(sourceStaff, second);
        var third = RosterTestData.Input(source, "导出丙", "");
        third.Party = "";
        third.Email = "";
        await app.AddMemberAsync(sourceStaff, third);

        var file = await app.AsAsync(sourceStaff.Actor, sp => sp.GetRequiredService<RosterExcelHandler>().ExportAsync(new MemberFilter()));
        var result = await app.AsAsync(targetStaff.Actor, async sp =>
        {
            using var stream = new MemoryStream(file);
            return await sp.GetRequiredService<RosterExcelHandler>().ImportAsync(stream, "名册.xlsx");
        });

        result.Problems.ShouldBeEmpty();
        result.Imported.ShouldBe(3);
        var originals = await app.StoredMembersAsync(source.Id);
        var imported = await app.StoredMembersAsync(target.Id);
        imported.Select(m => (m.Name, m.Gender, m.BirthYear, m.Party, m.Mobile, m.Email, m.Position, m.IsActive, m.Tags, m.WorkUnit, m.Title))
            .ShouldBe(originals.Select(m => (m.Name, m.Gender, m.BirthYear, m.Party, m.Mobile, m.Email, m.Position, m.IsActive, m.Tags, m.WorkUnit, m.Title)));
        imported.Single(m => m.Name == "导出乙").SectorId.ShouldBe(target.OtherSectorId);
        imported.Single(m => m.Name == "导出甲").SectorId.ShouldBe(target.SectorId);
        imported.Select(m => m.DutyCode).ShouldAllBe(c => c.StartsWith("T"));
        imported.Select(m => m.DutyCode).Intersect(originals.Select(m => m.DutyCode)).ShouldBeEmpty();
        var audit = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries
            .Where(a => a.Action == "导出委员名册" || a.Action == "导入委员名册").Where(a => a.TargetId == source.Id.ToString() || a.TargetId == target.Id.ToString())
            .Select(a => a.Action + a.Result).ToListAsync());
        audit.ShouldBe(["导出委员名册成功", "导入委员名册成功"], ignoreOrder: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Importing_the_same_roster_twice_reports_every_row_as_already_on_the_roster(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        await app.AddMemberAsync(staff, RosterTestData.Input(committee, "已在名册"));
        var file = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<RosterExcelHandler>().ExportAsync(new MemberFilter()));

        var result = await ImportAsync(app, staff, file);

        result.Problems.Select(p => (p.Row, p.Column)).ShouldBe([(2, "姓名"), (2, "履职码")]);
        result.Problems[0].Problem.ShouldBe("名册中已有1978年出生的“已在名册”。");
        (await app.StoredMembersAsync(committee.Id)).Count.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_file_with_three_bad_rows_reports_exactly_those_cells_and_imports_nothing(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var file = Workbook(
            ["好委员一", "男", "1970", "汉族", "中共党员", "教育", "示例中学", "校长", "委员", "13811112222"],
            ["", "女", "1980", "汉族", "群众", "经济", "", "", "委员", ""],
            ["好委员二", "女", "1985", "回族", "群众", "经济", "", "", "常委", "1381111"],
            ["好委员三", "男", "1966", "", "", "教育", "", "", "", ""],
            ["好委员四", "男", "1966", "", "", "航天", "", "", "", ""]);

        var result = await ImportAsync(app, staff, file);

        result.Imported.ShouldBe(0);
        result.Problems.Select(p => (p.Row, p.Column)).ShouldBe([(3, "姓名"), (4, "手机号码"), (6, "界别")]);
        result.Problems.Select(p => p.Problem).ShouldBe(["姓名不能为空。", "“1381111”不是有效的手机号码（以1开头的11位数字）。", "本会没有“航天”界别。"]);
        (await app.StoredMembersAsync(committee.Id)).ShouldBeEmpty();
        var failed = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().AuditEntries
            .Where(a => a.Action == "导入委员名册" && a.TargetId == committee.Id.ToString()).Select(a => a.Result).ToListAsync());
        failed.ShouldBe(["失败"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Rows_repeating_a_person_or_a_duty_code_inside_the_file_are_reported(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var file = Workbook(
            ["重复委员", "男", "1970", "", "", "教育", "", "", "", "", "", "", "", "", "", "X000001"],
            ["重复委员", "男", "1970", "", "", "教育", "", "", "", "", "", "", "", "", "", "X000002"],
            ["另一委员", "女", "1972", "", "", "教育", "", "", "", "", "", "", "", "", "", "X000001"]);

        var result = await ImportAsync(app, staff, file);

        result.Problems.ShouldBe([new ImportProblem(3, "姓名", "与第2行重复（姓名和出生年份相同）。"), new ImportProblem(4, "履职码", "履职码与第2行重复。")]);
        (await app.StoredMembersAsync(committee.Id)).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_corrupt_or_non_excel_file_is_refused_with_a_chinese_message(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        byte[] zipHeaderThenGarbage = [0x50, 0x4B, 0x03, 0x04, .. "这不是一个 Excel 文件"u8.ToArray()];
        var csv = "姓名,性别\n张三,男\n"u8.ToArray();

        foreach (var file in new[] { zipHeaderThenGarbage, csv })
        {
            var invalid = await Should.ThrowAsync<ValidationFailedException>(() => ImportAsync(app, staff, file));
            invalid.Errors["File"].ShouldBe(["无法读取该文件：请上传用 Excel 保存的 .xlsx 格式名册（可先下载导入模板）。"]);
        }

        using var session = await WebSession.LoginAsync(app, staff.UserName);
        var response = await session.PostFileAsync("/Organization/Members/Import", "upload", zipHeaderThenGarbage, "名册.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("无法读取该文件");
        (await app.StoredMembersAsync(committee.Id)).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_formula_cell_is_read_by_its_saved_value_and_never_evaluated(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var workbook = new XLWorkbook(new MemoryStream(Workbook(["公式委员", "女", "1975", "", "", "教育"])));
        workbook.Worksheet(1).Cell(2, Array.IndexOf(RosterColumns.All, RosterColumns.WorkUnit) + 1).FormulaA1 = "NOSUCHFUNCTION(1)";
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);

        var result = await ImportAsync(app, staff, buffer.ToArray());

        result.Problems.ShouldBeEmpty();
        (await app.StoredMembersAsync(committee.Id)).ShouldHaveSingleItem().Name.ShouldBe("公式委员");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_import_page_shows_the_row_report_and_a_clean_file_lands_on_the_roster(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var session = await WebSession.LoginAsync(app, staff.UserName);

        var bad = await session.PostFileAsync("/Organization/Members/Import", "upload", Workbook(["页面导入", "未知", "1970", "", "", "教育"]), "名册.xlsx");
        var report = await bad.Content.ReadAsStringAsync();
        var good = await session.PostFileAsync("/Organization/Members/Import", "upload", Workbook(["页面导入", "男", "1970", "", "", "教育"]), "名册.xlsx");

        report.ShouldContain("<th scope=\"col\">行号</th><th scope=\"col\">列名</th><th scope=\"col\">问题</th>");
        report.ShouldContain("<tr><td>2</td><td>性别</td><td>性别应为“男”或“女”，而不是“未知”。</td></tr>");
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetPageAsync("/Organization/Members")).ShouldContain("已导入 1 名委员");
        (await app.StoredMembersAsync(committee.Id)).ShouldHaveSingleItem().Name.ShouldBe("页面导入");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_template_is_an_xlsx_with_the_import_columns(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        using var session = await WebSession.LoginAsync(app, staff.UserName);

        var response = await session.GetAsync("/Organization/Members/Import?handler=Template");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(RosterFiles.ContentType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var header = workbook.Worksheet(1).Row(1).Cells(1, RosterColumns.All.Length).Select(c => c.GetString()).ToList();
        header.ShouldBe(RosterColumns.All);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_leader_exports_the_roster_with_masked_mobiles_and_staff_get_them_in_full(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var leader = await app.NewUserAsync(committee, Roles.Leader);
        await app.AddMemberAsync(staff, RosterTestData.Input(committee, "手机委员", "13812345678"));

        var forLeader = await app.AsAsync(leader.Actor, sp => sp.GetRequiredService<RosterExcelHandler>().ExportAsync(new MemberFilter()));
        var forStaff = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<RosterExcelHandler>().ExportAsync(new MemberFilter()));

        MobileCell(forLeader).ShouldBe("138****5678");
        MobileCell(forStaff).ShouldBe("13812345678");
    }

    private static string MobileCell(byte[] file)
    {
        using var workbook = new XLWorkbook(new MemoryStream(file));
        return workbook.Worksheet(1).Cell(2, Array.IndexOf(RosterColumns.All, RosterColumns.Mobile) + 1).GetString();
    }

    private static Task<ImportResult> ImportAsync(TestApp app, TestData.TestUser staff, byte[] file) =>
        app.AsAsync(staff.Actor, async sp =>
        {
            using var stream = new MemoryStream(file);
            return await sp.GetRequiredService<RosterExcelHandler>().ImportAsync(stream, "名册.xlsx");
        });

    /// <summary>A roster file as a person would type it: the template's header and the given rows.</summary>
    internal static byte[] Workbook(params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("委员名册");
        for (var c = 0; c < RosterColumns.All.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(RosterColumns.All[c]);
        }

        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0)
                {
                    sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
                }
            }
        }

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}
