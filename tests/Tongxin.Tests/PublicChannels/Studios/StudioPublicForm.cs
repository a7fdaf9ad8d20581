using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Studios;

/// <summary>Posting the public studio form as a phone would: read the page (stamp, anti-forgery), post.</summary>
internal static partial class StudioPublicForm
{
    public static async Task<(HttpResponseMessage Response, string Body, string Stamp)> SubmitAsync(
        this StudioWorld w, WebSession phone, Dictionary<string, string> fields, string? stamp = null)
    {
        var url = $"/Public/Studios/{w.Token}";
        var page = await phone.GetPageAsync(url);
        fields.TryAdd(PublicFormStamps.StampField, stamp ?? WebUtility.HtmlDecode(StampPattern().Match(page).Groups[1].Value));
        var response = await phone.PostFormAsync(url, fields, url);
        return (response, await response.Content.ReadAsStringAsync(), fields[PublicFormStamps.StampField]);
    }

    /// <summary>A fresh form stamp from the studio page, as a phone holds it before posting.</summary>
    public static async Task<string> StampAsync(this StudioWorld w, WebSession phone) =>
        WebUtility.HtmlDecode(StampPattern().Match(await phone.GetPageAsync($"/Public/Studios/{w.Token}")).Groups[1].Value);

    public static Dictionary<string, string> Message(string title = "小区门口路灯不亮", string content = "晚上路过很危险，希望尽快修好。", string? name = null, string? phone = null)
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

    public static Task<List<PublicSubmission>> MessagesAsync(this StudioWorld w) =>
        w.App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().PublicSubmissions.AsNoTracking()
            .Where(s => s.StudioId == w.StudioId).OrderBy(s => s.CreatedAt).ToListAsync());

    [GeneratedRegex("name=\"_stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampPattern();

    [GeneratedRegex("data-testid=\"receipt-code\">([^<]+)<")]
    private static partial Regex ReceiptPattern();
}
