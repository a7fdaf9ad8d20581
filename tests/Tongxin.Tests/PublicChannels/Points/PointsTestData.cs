using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Points;

/// <summary>A committee of its own with a 码上商 point answered by a member, the people of the
/// authorization matrix, and helpers to post the public form like a phone does.</summary>
public sealed partial record PointsWorld(
    TestApp App,
    TestData.TestCommittee Committee,
    Guid PointId,
    string Token,
    Guid StaffPointId,
    string StaffToken,
    TestData.TestUser Responsible,
    TestData.TestUser OtherMember,
    TestData.TestUser PublicStaff,
    TestData.TestUser OpinionStaff,
    TestData.TestUser PlainStaff,
    TestData.TestUser OtherCommitteeStaff)
{
    public static async Task<PointsWorld> CreateAsync(TestApp app)
    {
        var c = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var (m1, m2) = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var a = new Member { CommitteeId = c.Id, Name = "赵委员", Gender = Gender.Male, BirthYear = 1970, SectorId = c.SectorId, DutyCode = "Q" + Guid.NewGuid().ToString("N")[..10] };
            var b = new Member { CommitteeId = c.Id, Name = "钱委员", Gender = Gender.Female, BirthYear = 1975, SectorId = c.SectorId, DutyCode = "Q" + Guid.NewGuid().ToString("N")[..10] };
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var responsible = await app.NewUserAsync(c, Roles.Member, memberId: m1);
        var otherMember = await app.NewUserAsync(c, Roles.Member, memberId: m2);
        var publicStaff = await app.NewUserAsync(c, Roles.Staff, [Permissions.Public]);
        var opinionStaff = await app.NewUserAsync(c, Roles.Staff, [Permissions.Opinions]);
        var plainStaff = await app.NewUserAsync(c, Roles.Staff, [Permissions.Proposals]);
        var otherStaff = await app.NewUserAsync(other, Roles.Staff, Permissions.All);
        var (pointId, token, staffPointId, staffToken) = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var p = new LiaisonPoint { CommitteeId = c.Id, Name = "测试医院联络点", Kind = LiaisonPointKind.Hospital, Token = Guid.NewGuid().ToString("N")[..20], ResponsibleMemberId = m1 };
            var q = new LiaisonPoint { CommitteeId = c.Id, Name = "测试学校联络点", Kind = LiaisonPointKind.School, Token = Guid.NewGuid().ToString("N")[..20], ResponsibleUserId = opinionStaff.Id };
            db.AddRange(p, q);
            db.SensitiveWords.Add(new SensitiveWord { CommitteeId = c.Id, Word = "赌博网站" });
            await db.SaveChangesAsync();
            return (p.Id, p.Token, q.Id, q.Token);
        });
        return new PointsWorld(app, c, pointId, token, staffPointId, staffToken, responsible, otherMember, publicStaff, opinionStaff, plainStaff, otherStaff);
    }

    /// <summary>Opens the form (as a phone would) and posts it with the fields given; the stamp and
    /// anti-forgery token come from the page. Returns the response and the stamp used.</summary>
    public async Task<(HttpResponseMessage Response, string Body, string Stamp)> SubmitAsync(
        WebSession phone, Dictionary<string, string> fields, string? token = null, string? stamp = null)
    {
        var url = $"/q/{token ?? Token}";
        var page = await phone.GetPageAsync(url);
        var issued = WebUtility.HtmlDecode(StampPattern().Match(page).Groups[1].Value);
        fields.TryAdd(PublicFormStamps.StampField, stamp ?? issued);
        var response = await phone.PostFormAsync(url, fields, url);
        return (response, await response.Content.ReadAsStringAsync(), fields[PublicFormStamps.StampField]);
    }

    public static Dictionary<string, string> Letter(string title = "小区门口路灯不亮", string content = "晚上路过很危险，希望尽快修好。", string? name = null, string? phone = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Content"] = content };
        if (name is not null)
        {
            fields["Input.Name"] = name;
        }

        if (phone is not null)
        {
            fields["Input.Phone"] = phone;
        }

        return fields;
    }

    public static string ReceiptCodeIn(string body) => ReceiptPattern().Match(body).Groups[1].Value.Replace("-", "", StringComparison.Ordinal);

    public Task<List<PublicSubmission>> LettersAsync(Guid? pointId = null) =>
        App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().PublicSubmissions.AsNoTracking()
            .Where(s => s.LiaisonPointId == (pointId ?? PointId)).OrderBy(s => s.CreatedAt).ToListAsync());

    public Task<PublicSubmission> LetterAsync(string code) =>
        App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().PublicSubmissions.AsNoTracking().SingleAsync(s => s.ReceiptCode == code));

    [GeneratedRegex("name=\"_stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampPattern();

    [GeneratedRegex("data-testid=\"receipt-code\">([^<]+)<")]
    private static partial Regex ReceiptPattern();
}
