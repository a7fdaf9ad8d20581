using System.Text;
using System.Text.RegularExpressions;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>一事一报 rules: the length limit over the four text fields and the form checks every
/// report passes, whether a member writes it, staff enter it or an editor revises it.</summary>
public static partial class ReportRules
{
    public const string ChineseTitleHint = "标题一般写作“关于……的建议”，请检查标题的写法。";

    /// <summary>字数 as people count it: every character except spaces and line breaks; an emoji or
    /// a rare character outside the basic plane counts once (the form's counter does the same).</summary>
    public static int CountChars(params string?[] texts) =>
        texts.Sum(t => (t ?? "").EnumerateRunes().Count(r => !Rune.IsWhiteSpace(r)));

    public static int CountChars(ReportTextInput i) => CountChars(i.Title, i.Situation, i.Analysis, i.Suggestion);

    /// <summary>A mainland mobile (11 digits) or a landline with area code (0571-88886666).</summary>
    public static bool IsValidPhone(string phone) => MemberRules.IsValidMobile(phone) || LandlinePattern().IsMatch(phone);

    public static string LengthMessage(int count, int max) =>
        $"社情民意信息坚持一事一报，标题和正文合计不能超过{max}字（现为{count}字），请精简后再保存。";

    /// <summary>The checks of the text itself: present, within the committee's limit.</summary>
    public static Validation CheckText(this Validation v, string title, string situation, string analysis, string suggestion, int maxChars)
    {
        var count = CountChars(title, situation, analysis, suggestion);
        return v
            .NotBlank(title, nameof(ReportTextInput.Title), "标题")
            .MaxLength(title?.Trim(), ReportTextInput.MaxTitle, nameof(ReportTextInput.Title), "标题")
            .NotBlank(situation, nameof(ReportTextInput.Situation), "基本情况")
            .NotBlank(suggestion, nameof(ReportTextInput.Suggestion), "意见建议")
            .Require(count <= maxChars, nameof(ReportTextInput.Suggestion), LengthMessage(count, maxChars))
            .Require(!HasControlChars(title) && !HasControlChars(situation) && !HasControlChars(analysis) && !HasControlChars(suggestion),
                nameof(ReportTextInput.Title), "内容含有无法显示的控制字符，请删除后再保存。");
    }

    /// <summary>Everything on the form: the text, a category of the committee's list, contact and source.</summary>
    public static Validation CheckForm(this Validation v, ReportTextInput i, OpinionSettings settings)
    {
        var phone = (i.ContactPhone ?? "").Trim();
        return v.CheckText(i.Title, i.Situation, i.Analysis, i.Suggestion, settings.MaxChars)
            .Require(settings.CategoryList.Contains((i.Category ?? "").Trim()), nameof(ReportTextInput.Category), "请选择信息类别。")
            .MaxLength(i.Source?.Trim(), ReportTextInput.MaxSource, nameof(ReportTextInput.Source), "信息来源")
            .NotBlank(i.ContactName, nameof(ReportTextInput.ContactName), "联系人")
            .MaxLength(i.ContactName?.Trim(), ReportTextInput.MaxContactName, nameof(ReportTextInput.ContactName), "联系人")
            .Require(IsValidPhone(phone), nameof(ReportTextInput.ContactPhone), "请填写有效的联系电话：11位手机号码，或带区号的固定电话（如0571-88886666）。");
    }

    public static IReadOnlyList<string> Warnings(string title)
    {
        var t = (title ?? "").Trim();
        return t.StartsWith("关于", StringComparison.Ordinal) && t.EndsWith("建议", StringComparison.Ordinal) ? [] : [ChineseTitleHint];
    }

    /// <summary>Stored text keeps the writer's line breaks (\n only) and loses trailing blanks.</summary>
    public static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    private static bool HasControlChars(string? text) =>
        text is not null && text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}$")]
    private static partial Regex LandlinePattern();
}
