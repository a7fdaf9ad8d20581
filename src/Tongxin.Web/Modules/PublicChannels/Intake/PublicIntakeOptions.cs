namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>公众渠道防滥用设置 (configuration section <c>Tongxin:Public</c>).</summary>
public sealed class PublicIntakeOptions
{
    public const string Section = "Tongxin:Public";

    /// <summary>A form sent back sooner than this after it was issued is refused (bots fill instantly).
    /// 0 turns the rule off (the shared test app does, its clock never moves).</summary>
    public int MinFillSeconds { get; set; } = 3;

    /// <summary>A form stamp older than this is refused: the page must be reloaded.</summary>
    public int MaxFormAgeHours { get; set; } = 24;

    /// <summary>Submissions (letters, topic suggestions, studio messages) per client address and minute.</summary>
    public int SubmitPerMinute { get; set; } = 5;

    /// <summary>Receipt look-ups and ratings per client address and minute.</summary>
    public int LookupPerMinute { get; set; } = 20;

    /// <summary>附议 per client address and minute.</summary>
    public int SupportPerMinute { get; set; } = 10;

    /// <summary>Look-ups of one receipt code per minute, whatever the address (guessing stays slow).</summary>
    public int CodeLookupsPerMinute { get; set; } = 5;

    /// <summary>The public address printed in QR codes (e.g. https://zx.example.gov.cn); empty: the
    /// address the staff member used to open the poster.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The key of the client hash (keyed SHA-256 of the address). Set it in production so
    /// hashes stay comparable across restarts; when empty, a random key per process is used.</summary>
    public string ClientHashKey { get; set; } = "";
}
