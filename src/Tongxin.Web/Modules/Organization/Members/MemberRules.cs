using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Organization.Members;

/// <summary>The roster's rules, shared by the form, the self-service profile and the Excel import,
/// so a value accepted in one place is accepted everywhere.</summary>
public static partial class MemberRules
{
    public const int MaxNameLength = 50;
    public const int MaxTextLength = 100;
    public const int MaxTags = 10;
    public const int MaxTagLength = 20;

    /// <summary>Members are adults; nobody on a roster today was born before 1920.</summary>
    public const int EarliestBirthYear = 1920;
    public const int MinimumAge = 18;

    /// <summary>政治面貌 – a closed list (the short forms the committees print on rosters), so that
    /// counts by party are right; free text would split "中共党员" into a dozen spellings.</summary>
    public static readonly string[] Parties =
    [
        "中共党员", "中共预备党员", "共青团员", "民革党员", "民盟盟员", "民建会员", "民进会员", "农工党党员",
        "致公党党员", "九三学社社员", "台盟盟员", "无党派人士", "群众",
    ];

    public static int LatestBirthYear(TimeProvider time) => time.GetLocalNow().Year - MinimumAge;

    public static bool IsValidBirthYear(int year, TimeProvider time) => year >= EarliestBirthYear && year <= LatestBirthYear(time);

    public static string BirthYearMessage(TimeProvider time) => $"出生年份应在{EarliestBirthYear}至{LatestBirthYear(time)}之间。";

    /// <summary>A mainland mobile number: 11 digits starting with 1.</summary>
    public static bool IsValidMobile(string mobile) => MobilePattern().IsMatch(mobile);

    public static bool IsValidEmail(string email) =>
        email.Length <= MaxTextLength && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);

    public static bool IsValidParty(string party) => Parties.Contains(party);

    /// <summary>138****1234: lists and exports for readers show only the first three and last four digits.</summary>
    public static string MaskMobile(string mobile) =>
        mobile.Length == 11 ? string.Concat(mobile.AsSpan(0, 3), "****", mobile.AsSpan(7)) : mobile.Length == 0 ? "" : "****";

    /// <summary>Tags are typed with any common separator and stored separated by '、', without repeats.</summary>
    public static string NormalizeTags(string? tags) =>
        string.Join("、", SplitList(tags).Distinct());

    public static IReadOnlyList<string> SplitList(string? text) =>
        (text ?? "").Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string? TagsProblem(string normalized)
    {
        var tags = SplitList(normalized);
        if (tags.Count > MaxTags)
        {
            return $"标签最多{MaxTags}个。";
        }

        return tags.Any(t => t.Length > MaxTagLength) ? $"每个标签不能超过{MaxTagLength}个字。" : null;
    }

    /// <summary>履职码: the committee's code and six random digits, unique in the deployment.
    /// Random rather than sequential so a code does not reveal roster size or order; checked
    /// against every committee (the unique index is the last guard).</summary>
    public static async Task<List<string>> NewDutyCodesAsync(TongxinDbContext db, string committeeCode, int count, CancellationToken ct)
    {
        var codes = new HashSet<string>();
        while (codes.Count < count)
        {
            var candidates = Enumerable.Range(0, (count - codes.Count) * 2)
                .Select(_ => committeeCode + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6"))
                .Where(c => !codes.Contains(c))
                .Distinct()
                .ToList();
            var taken = await db.Members.IgnoreQueryFilters().Where(m => candidates.Contains(m.DutyCode)).Select(m => m.DutyCode).ToListAsync(ct);
            foreach (var code in candidates.Except(taken).Take(count - codes.Count))
            {
                codes.Add(code);
            }
        }

        return [.. codes];
    }

    [GeneratedRegex(@"^1\d{10}$")]
    private static partial Regex MobilePattern();
}
