using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Organization.Members;

/// <summary>Arrangements for roster tests: a valid form, members added through the handler, stored state read as the system.</summary>
internal static partial class RosterTestData
{
    public static MemberInput Input(TestData.TestCommittee committee, string name, string mobile = "13812345678") => new()
    {
        Name = name,
        Gender = Gender.Female,
        BirthYear = 1978,
        Ethnicity = "汉族",
        Party = "民盟盟员",
        SectorId = committee.SectorId,
        WorkUnit = "示例大学",
        Title = "教授",
        Position = Position.StandingMember,
        Mobile = mobile,
        Email = "member@example.cn",
        Tags = "教育、乡村振兴",
    };

    public static Task<Guid> AddMemberAsync(this TestApp app, TestData.TestUser staff, MemberInput input) =>
        app.AsAsync(staff.Actor, sp => sp.GetRequiredService<MemberRosterHandler>().CreateAsync(input));

    public static Task<Member> StoredMemberAsync(this TestApp app, Guid id) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Members.AsNoTracking()
            .Include(m => m.SpecialCommittees).Include(m => m.Groups).SingleAsync(m => m.Id == id));

    public static Task<List<Member>> StoredMembersAsync(this TestApp app, Guid committeeId) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Members.AsNoTracking()
            .Where(m => m.CommitteeId == committeeId).OrderBy(m => m.Name).ToListAsync());

    /// <summary>Uploads a file to a multipart form page, with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this WebSession session, string url, string field, byte[] content, string fileName)
    {
        var page = await session.GetPageAsync(url);
        var token = TokenPattern().Match(page);
        token.Success.ShouldBeTrue($"no anti-forgery token on {url}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), field, fileName },
        };
        return await session.Client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
