using Tongxin.Modules.Opinions.Reports;

namespace Tongxin.Tests.Opinions.Reports;

/// <summary>The character-level diff an editor reads: Chinese changes by character, whole code points.</summary>
public class TextDiffTests
{
    [Fact]
    public void A_changed_character_shows_as_one_deletion_and_one_insertion()
    {
        TextDiff.Compute("今天天气很好", "今天天气不好").ShouldBe(
        [
            new DiffSegment(DiffKind.Equal, "今天天气"),
            new DiffSegment(DiffKind.Delete, "很"),
            new DiffSegment(DiffKind.Insert, "不"),
            new DiffSegment(DiffKind.Equal, "好"),
        ]);
    }

    [Fact]
    public void Insertions_and_deletions_in_several_places_are_all_marked_and_rebuild_both_texts()
    {
        const string before = "一、加大财政投入；二、完善考核机制；三、强化宣传。";
        const string after = "一、加大市级财政投入；二、完善考核；三、强化宣传引导；四、定期评估。";
        var diff = TextDiff.Compute(before, after);

        string.Concat(diff.Where(s => s.Kind != DiffKind.Insert).Select(s => s.Text)).ShouldBe(before);
        string.Concat(diff.Where(s => s.Kind != DiffKind.Delete).Select(s => s.Text)).ShouldBe(after);
        diff.Where(s => s.Kind == DiffKind.Insert).Select(s => s.Text).ShouldBe(["市级", "引导；四、定期评估"]);
        diff.Where(s => s.Kind == DiffKind.Delete).Select(s => s.Text).ShouldBe(["机制"]);
    }

    [Fact]
    public void An_emoji_or_rare_character_is_never_cut_in_half()
    {
        var diff = TextDiff.Compute("好😀好", "好𠀀好");
        diff.ShouldBe([new DiffSegment(DiffKind.Equal, "好"), new DiffSegment(DiffKind.Delete, "😀"), new DiffSegment(DiffKind.Insert, "𠀀"), new DiffSegment(DiffKind.Equal, "好")]);
    }

    [Fact]
    public void Empty_texts_and_a_complete_rewrite_beyond_the_edit_bound_still_rebuild_both_texts()
    {
        TextDiff.Compute("", "新增").ShouldBe([new DiffSegment(DiffKind.Insert, "新增")]);
        TextDiff.Compute("删去", "").ShouldBe([new DiffSegment(DiffKind.Delete, "删去")]);
        TextDiff.Compute("相同", "相同").ShouldBe([new DiffSegment(DiffKind.Equal, "相同")]);

        var before = string.Concat(Enumerable.Range(0, 1500).Select(i => (char)('一' + (i % 50))));
        var after = string.Concat(Enumerable.Range(0, 1500).Select(i => (char)('丁' + (i % 37))));
        var diff = TextDiff.Compute(before, after);
        string.Concat(diff.Where(s => s.Kind != DiffKind.Insert).Select(s => s.Text)).ShouldBe(before);
        string.Concat(diff.Where(s => s.Kind != DiffKind.Delete).Select(s => s.Text)).ShouldBe(after);
    }

    [Fact]
    public void The_html_marks_insertions_and_deletions_and_escapes_the_text()
    {
        TextDiff.ToHtml([new(DiffKind.Equal, "建议<b>"), new(DiffKind.Delete, "甲&"), new(DiffKind.Insert, "<script>乙")])
            .ShouldBe("建议&lt;b&gt;<del class=\"diff-del\">甲&amp;</del><ins class=\"diff-ins\">&lt;script&gt;乙</ins>");
    }
}
