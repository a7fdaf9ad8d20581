using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Results;

/// <summary>协商成果统计: a year's closed activities by type and venue – 场次, 出席人次, 意见建议 and
/// their answers – with the totals line and the Excel export.</summary>
public class FiguresTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_year_is_counted_by_type_and_venue_with_the_totals_line_and_the_excel_has_them(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var hall = await w.NewActivityAsync(venue: "市政协会议室", present: 3, absent: 1);
        await w.AnsweredAsync(hall, SuggestionAnswer.Adopted);
        await w.AnsweredAsync(hall, SuggestionAnswer.PartlyAdopted);
        await w.AnsweredAsync(hall, SuggestionAnswer.NotAdopted);
        await w.RecordAsync(hall, "还没交办的建议");
        var livelihood = await w.NewActivityAsync(venue: "民生议事堂", present: 2);
        await w.AnsweredAsync(livelihood, SuggestionAnswer.Adopted);
        var online = await w.NewActivityAsync(type: ActivityType.LivelihoodHall, venue: "", present: 4);
        await w.AnsweredAsync(online, SuggestionAnswer.NotAdopted);
        // Not held (still published) and held last year: neither counts.
        var published = await w.NewActivityAsync(ActivityStatus.Published, present: 5);
        await w.AnsweredAsync(published, SuggestionAnswer.Adopted);
        var lastYear = await w.NewActivityAsync(startsAt: new DateTime(2025, 6, 1, 9, 0, 0), present: 7);
        await w.AnsweredAsync(lastYear, SuggestionAnswer.Adopted);
        var micro = await w.Suggestions(w.Member.User, h => h.RaiseMicroAsync(new MicroSuggestionInput { Title = "微建言", Content = "内容" }));
        await w.Suggestions(w.Staff, h => h.AnswerAsOfficeAsync(micro, SuggestionAnswer.Adopted, "采纳。"));

        var f = await w.As(w.Leader, sp => sp.GetRequiredService<ResultsFigures>().GetAsync(2026));

        f.Headline.ShouldBe("3 场, 9 人次, 6 条, 采纳 3 条");
        f.Total.ShouldBe(new FiguresRow("合计", 3, 9, 6, 2, 1, 2));
        f.ByType.ShouldBe([
            new FiguresRow("请你来协商", 2, 5, 5, 2, 1, 1),
            new FiguresRow("民生议事堂", 1, 4, 1, 0, 0, 1),
        ]);
        f.ByVenue.ShouldBe([
            new FiguresRow("市政协会议室", 1, 3, 4, 1, 1, 1),
            new FiguresRow("民生议事堂", 1, 2, 1, 1, 0, 0),
            new FiguresRow("线上", 1, 4, 1, 0, 0, 1),
        ]);
        f.Micro.ShouldBe(new FiguresRow("微建言", 0, 0, 1, 1, 0, 0));
        (await w.As(w.Staff, sp => sp.GetRequiredService<ResultsFigures>().GetAsync(2025))).Headline.ShouldBe("1 场, 7 人次, 1 条, 采纳 1 条");
        (await w.As(w.OtherStaff, sp => sp.GetRequiredService<ResultsFigures>().GetAsync(2026))).Headline.ShouldBe("0 场, 0 人次, 0 条, 采纳 0 条");

        var (content, name) = await w.As(w.Staff, sp => sp.GetRequiredService<ResultsFigures>().ExportAsync(2026));
        name.ShouldBe("协商成果统计2026.xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(content));
        foreach (var sheetName in new[] { "按活动类型", "按活动地点" })
        {
            var sheet = workbook.Worksheet(sheetName);
            sheet.Cell(1, 1).GetString().ShouldContain("3 场, 9 人次, 6 条, 采纳 3 条");
            var last = sheet.LastRowUsed()!.RowNumber();
            sheet.Cell(last, 1).GetString().ShouldBe("合计");
            Enumerable.Range(2, 7).Select(c => sheet.Cell(last, c).GetValue<int>()).ShouldBe([3, 9, 6, 3, 2, 1, 2]);
        }

        var byType = workbook.Worksheet("按活动类型");
        byType.Cell(3, 1).GetString().ShouldBe("请你来协商");
        Enumerable.Range(2, 7).Select(c => byType.Cell(3, c).GetValue<int>()).ShouldBe([2, 5, 5, 3, 2, 1, 1]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_consultation_staff_and_leaders_see_the_figures(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();

        foreach (var user in new[] { w.Member.User, w.StaffWithoutPermission, w.Unit1.User })
        {
            await Should.ThrowAsync<ForbiddenException>(w.As(user, sp => sp.GetRequiredService<ResultsFigures>().GetAsync(2026)));
            await Should.ThrowAsync<ForbiddenException>(w.As(user, sp => sp.GetRequiredService<ResultsFigures>().ExportAsync(2026)));
        }
    }
}
