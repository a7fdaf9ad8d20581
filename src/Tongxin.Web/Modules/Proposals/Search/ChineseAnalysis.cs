using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Tongxin.Modules.Proposals.Search;

/// <summary>中文分析 – Chinese text becomes overlapping character bigrams ("养老服务" → 养老, 老服,
/// 服务), so any 2-character word is found without a dictionary and a longer word is a phrase of
/// consecutive bigrams. Latin words and numbers stay whole, lower-cased; full-width forms are
/// folded to their ordinary width. Punctuation breaks a bigram run; a lone character between
/// punctuation is kept as a unigram.</summary>
public static class ChineseAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer CreateAnalyzer() => Create(withUnigrams: false);

    /// <summary>For similarity: every character as well as every bigram, so that two wordings of
    /// one matter that share characters but few words (电瓶车 / 电动自行车) still meet.</summary>
    public static Analyzer CreateSimilarityAnalyzer() => Create(withUnigrams: true);

    private static Analyzer Create(bool withUnigrams) => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, withUnigrams);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>The tokens of <paramref name="text"/> with their positions (a phrase query needs them).</summary>
    public static List<(string Term, int Position)> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }

        stream.End();
        return tokens;
    }

    /// <summary>Bigrams that proposals share whatever they are about: the 案由 formula
    /// ("关于……的建议"), the verbs of every suggestion (加强, 进一步, 推进, 完善…), and the
    /// places and bodies named in every text. Similarity ignores them; IDF weighs the rest.</summary>
    public static readonly IReadOnlySet<string> Boilerplate = new HashSet<string>(StringComparer.Ordinal)
    {
        "关于", "建议", "议案", "提案", "加强", "进一", "一步", "问题", "工作", "推进", "推动", "提升", "提高",
        "完善", "健全", "建立", "相关", "有关", "部门", "进行", "目前", "当前", "存在", "解决", "实施", "落实",
        "一是", "二是", "三是", "四是", "五是", "我市", "我区", "我县", "我省", "全市", "全区", "全县", "全省",
        "本市", "政府", "机制", "措施", "发展", "情况", "方面", "加大", "力度", "积极", "不断", "逐步", "有效",
        "切实", "重视", "明显", "较大", "一些", "部分", "主要", "需要", "应当", "应该", "可以", "能够", "导致",
        "造成", "影响", "由于", "因此", "同时", "其中", "通过", "以及", "并且", "社会", "群众", "市民", "居民",
        "管理", "服务", "保障", "支持", "引导", "鼓励", "统筹", "协调", "配合", "形成", "实现", "确保", "全面",
        "持续", "强化", "优化", "规范", "制度", "政策", "体系", "水平", "能力", "建设", "实际", "不足", "缺乏",
        "难以", "较为", "比较", "十分", "非常", "越来", "来越", "分析", "理由", "具体", "办法", "对策", "思考",
    };

    /// <summary>Particles and linking words: a bigram containing one ("的建", "是加") says nothing about the matter.</summary>
    private const string FunctionCharacters = "的了和与及是在对等并将把从其之而或也被为让使由向于";

    /// <summary>Characters of the formula itself (关于…的建议, 加强, 进一步, 问题, 工作): alone they say nothing.</summary>
    private const string BoilerplateCharacters = "关于建议提案加强进一步问题工作推进有相部门我市区县省全要";

    /// <summary>Does the term carry meaning for similarity (not boilerplate, not a particle bigram)?</summary>
    public static bool IsContentTerm(string term) =>
        term.Length switch
        {
            0 => false,
            1 => !IsCjk(term[0]) || !(FunctionCharacters.Contains(term[0]) || BoilerplateCharacters.Contains(term[0])),
            _ => !Boilerplate.Contains(term) && !(IsCjk(term[0]) && term.Any(c => FunctionCharacters.Contains(c))),
        };

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff';
}
