using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Evaluation;
using Tongxin.Modules.Evaluation;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Evaluation;

/// <summary>专家作答 – one question (a parent's children compared in pairs) at a time: a slider per pair over
/// the 1–9 scale in both directions, the CR computed live in the browser (wwwroot/js/evaluation-answer.js)
/// and again by <see cref="AnswerHandler"/> on save, the previous round's anonymous statistics per pair.</summary>
public class AnswerModel(AnswerHandler answers) : PageModel
{
    /// <summary>Slider positions run from −8 (the left item 绝对重要, a_ij = 9) through 0 (同等重要) to 8
    /// (the right item 绝对重要, a_ij = 1/9).</summary>
    public const int MaxPosition = 8;

    public QuestionView? Question { get; private set; }

    /// <summary>Why the questionnaire cannot be shown (e.g. the evaluation has not started).</summary>
    public string? Refusal { get; private set; }

    /// <summary>The scale's words for strengths 1 … 9 (<see cref="SaatyScale.Describe"/>), for the page and its script.</summary>
    public static IReadOnlyList<string> Words { get; } = [.. Enumerable.Range(1, 9).Select(s => SaatyScale.Describe(s))];

    public bool CanAnswer => Question?.Status == EvaluationStatus.Open;

    public async Task OnGetAsync(Guid id, Guid? node, CancellationToken ct) => await LoadAsync(id, node, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, Guid node, string[]? positions, int? version, CancellationToken ct)
    {
        try
        {
            var judgments = (positions ?? []).Select(ToJudgment).ToList();
            var cr = await answers.SubmitAsync(id, node, judgments, version, ct);
            var saved = await answers.GetAsync(id, node, ct);
            var next = saved.Questions.SkipWhile(q => q.Node.Id != node).Skip(1).Concat(saved.Questions).FirstOrDefault(q => !q.Answered).Node;
            TempData["Message"] = cr <= saved.CrThreshold
                ? $"已保存「{saved.Parent.Name}」的判断，CR = {cr:0.0000}。" + (next is null ? "本轮问卷已全部填写，谢谢！" : "")
                : $"已保存「{saved.Parent.Name}」的判断，但 CR = {cr:0.0000} 超过 {saved.CrThreshold:0.##}，建议按提示调整后再次保存。";
            return RedirectToPage(new { id, node = cr <= saved.CrThreshold && next is not null ? next.Id : node });
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError("", message);
            }
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        await LoadAsync(id, node, ct);
        return Page();
    }

    /// <summary>A slider position as the judgment a_ij the handler expects ("3", "1/3"); anything else is
    /// passed on as given, for the handler to refuse in Chinese.</summary>
    internal static string? ToJudgment(string? position) =>
        int.TryParse(position, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)
            ? p <= 0 ? (1 - p).ToString(CultureInfo.InvariantCulture) : "1/" + (1 + p).ToString(CultureInfo.InvariantCulture)
            : position;

    /// <summary>The slider position of a stored judgment, snapped to the scale (a decimal answer such as 1.1018 shows as 1).</summary>
    public static int ToPosition(double judgment)
    {
        var snapped = SaatyScale.Snap(judgment);
        return snapped >= 1 ? 1 - (int)Math.Round(snapped) : (int)Math.Round(1 / snapped) - 1;
    }

    /// <summary>What a position says, e.g. "「会议履职」比「提案工作」稍重要（3）".</summary>
    public static string Verdict(int position, string left, string right) => position switch
    {
        0 => "两者同等重要（1）",
        < 0 => $"「{left}」比「{right}」{Words[-position]}（{1 - position}）",
        _ => $"「{right}」比「{left}」{Words[position]}（1/{1 + position}）",
    };

    /// <summary>RI for the question's order (the server's table, so the live CR matches the saved one).</summary>
    public double RandomIndex => Question is { } q && q.Children.Count > 2 ? RandomIndexTable.Standard[q.Children.Count] : 0;

    private async Task LoadAsync(Guid id, Guid? node, CancellationToken ct)
    {
        try
        {
            Question = await answers.GetAsync(id, node, ct);
        }
        catch (ConflictException conflict)
        {
            Refusal = conflict.Message;
        }
    }
}
