using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>The editable numbers and lists of a committee's 社情民意 work.</summary>
public sealed class OpinionSettingsInput
{
    [Display(Name = "字数上限")]
    public int MaxChars { get; set; }

    [Display(Name = "信息类别")]
    public string Categories { get; set; } = "";

    [Display(Name = "期刊类型")]
    public string BulletinTypes { get; set; } = "";

    [Display(Name = "不采用理由")]
    public string RejectReasons { get; set; } = "";

    [Display(Name = "默认主送")]
    public string DefaultMainRecipients { get; set; } = "";

    [Display(Name = "默认抄送")]
    public string DefaultCopyRecipients { get; set; } = "";

    [Display(Name = "本级采用")]
    public int PointsOwnLevel { get; set; }

    [Display(Name = "市政协采用")]
    public int PointsCity { get; set; }

    [Display(Name = "省政协采用")]
    public int PointsProvince { get; set; }

    [Display(Name = "全国政协采用")]
    public int PointsNational { get; set; }

    [Display(Name = "党委政府采用")]
    public int PointsPartyGovernment { get; set; }

    [Display(Name = "县级领导批示")]
    public int PointsInstructionCounty { get; set; }

    [Display(Name = "市级领导批示")]
    public int PointsInstructionCity { get; set; }

    [Display(Name = "省级领导批示")]
    public int PointsInstructionProvince { get; set; }

    [Display(Name = "中央领导批示")]
    public int PointsInstructionCentral { get; set; }

    [Display(Name = "联名计分比例（%）")]
    public int JointPercent { get; set; }

    [Display(Name = "综合采用计分比例（%）")]
    public int CombinedPercent { get; set; }

    /// <summary>The stored settings' version the form was filled from (0 while the defaults were never saved).</summary>
    public int Version { get; set; }

    public static OpinionSettingsInput From(OpinionSettings s) => new()
    {
        MaxChars = s.MaxChars,
        Categories = s.Categories,
        BulletinTypes = s.BulletinTypes,
        RejectReasons = s.RejectReasons,
        DefaultMainRecipients = s.DefaultMainRecipients,
        DefaultCopyRecipients = s.DefaultCopyRecipients,
        PointsOwnLevel = s.PointsOwnLevel,
        PointsCity = s.PointsCity,
        PointsProvince = s.PointsProvince,
        PointsNational = s.PointsNational,
        PointsPartyGovernment = s.PointsPartyGovernment,
        PointsInstructionCounty = s.PointsInstructionCounty,
        PointsInstructionCity = s.PointsInstructionCity,
        PointsInstructionProvince = s.PointsInstructionProvince,
        PointsInstructionCentral = s.PointsInstructionCentral,
        JointPercent = s.JointPercent,
        CombinedPercent = s.CombinedPercent,
        Version = s.Version,
    };
}

/// <summary>社情民意工作设置 – 社情民意 staff read and change their committee's settings; two
/// people saving from the same version: the second is told, nothing is overwritten silently.</summary>
public sealed class OpinionSettingsHandler(TongxinDbContext db, OpinionAccess access, OpinionSettingsStore store, IActorAccessor actors)
{
    public const int MinChars = 300;
    public const int MaxCharsLimit = 5000;
    public const int MaxPoints = 1000;
    public const string ConcurrentMessage = "社情民意工作设置刚刚已被他人修改，您的修改未保存。请刷新后重新修改。";

    public async Task<OpinionSettingsInput> GetAsync(CancellationToken ct = default) =>
        OpinionSettingsInput.From(await store.GetAsync(RequireStaffCommittee(), ct));

    public async Task SaveAsync(OpinionSettingsInput input, CancellationToken ct = default)
    {
        var committeeId = RequireStaffCommittee();
        var v = new Validation()
            .Require(input.MaxChars is >= MinChars and <= MaxCharsLimit, nameof(input.MaxChars), $"字数上限须在{MinChars}至{MaxCharsLimit}字之间。")
            .Require(Lines(input.Categories).Length >= 1, nameof(input.Categories), "至少需要一个信息类别。")
            .Require(Lines(input.Categories).All(l => l.Length <= 50), nameof(input.Categories), "每个信息类别不能超过50个字。")
            .Require(Lines(input.BulletinTypes).Length >= 1, nameof(input.BulletinTypes), "至少需要一种期刊类型。")
            .Require(Lines(input.BulletinTypes).All(l => l.Length <= 20), nameof(input.BulletinTypes), "每种期刊类型不能超过20个字。")
            .Require(Lines(input.RejectReasons).Length >= 1, nameof(input.RejectReasons), "至少需要一条不采用理由。")
            .MaxLength(input.Categories, 2000, nameof(input.Categories), "信息类别")
            .MaxLength(input.BulletinTypes, 500, nameof(input.BulletinTypes), "期刊类型")
            .MaxLength(input.RejectReasons, 4000, nameof(input.RejectReasons), "不采用理由")
            .MaxLength(input.DefaultMainRecipients, 2000, nameof(input.DefaultMainRecipients), "默认主送")
            .MaxLength(input.DefaultCopyRecipients, 2000, nameof(input.DefaultCopyRecipients), "默认抄送")
            .Require(input.JointPercent is >= 0 and <= 100, nameof(input.JointPercent), "联名计分比例须在0至100之间。")
            .Require(input.CombinedPercent is >= 0 and <= 100, nameof(input.CombinedPercent), "综合采用计分比例须在0至100之间。");
        foreach (var (field, value) in Points(input))
        {
            v.Require(value is >= 0 and <= MaxPoints, field, $"分值须在0至{MaxPoints}之间。");
        }

        v.ThrowIfInvalid();
        var s = await db.ForEditAsync<OpinionSettings>(committeeId, input.Version, ConcurrentMessage, ct);

        s.MaxChars = input.MaxChars;
        s.Categories = Normalize(input.Categories);
        s.BulletinTypes = Normalize(input.BulletinTypes);
        s.RejectReasons = Normalize(input.RejectReasons);
        s.DefaultMainRecipients = Normalize(input.DefaultMainRecipients);
        s.DefaultCopyRecipients = Normalize(input.DefaultCopyRecipients);
        s.PointsOwnLevel = input.PointsOwnLevel;
        s.PointsCity = input.PointsCity;
        s.PointsProvince = input.PointsProvince;
        s.PointsNational = input.PointsNational;
        s.PointsPartyGovernment = input.PointsPartyGovernment;
        s.PointsInstructionCounty = input.PointsInstructionCounty;
        s.PointsInstructionCity = input.PointsInstructionCity;
        s.PointsInstructionProvince = input.PointsInstructionProvince;
        s.PointsInstructionCentral = input.PointsInstructionCentral;
        s.JointPercent = input.JointPercent;
        s.CombinedPercent = input.CombinedPercent;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConcurrentMessage);
        }
        catch (DbUpdateException) when (input.Version == 0)
        {
            // Two first saves of a committee's settings: the unique index keeps the first.
            throw new ConflictException(ConcurrentMessage);
        }
    }

    private static (string Field, int Value)[] Points(OpinionSettingsInput i) =>
    [
        (nameof(i.PointsOwnLevel), i.PointsOwnLevel), (nameof(i.PointsCity), i.PointsCity), (nameof(i.PointsProvince), i.PointsProvince),
        (nameof(i.PointsNational), i.PointsNational), (nameof(i.PointsPartyGovernment), i.PointsPartyGovernment),
        (nameof(i.PointsInstructionCounty), i.PointsInstructionCounty), (nameof(i.PointsInstructionCity), i.PointsInstructionCity),
        (nameof(i.PointsInstructionProvince), i.PointsInstructionProvince), (nameof(i.PointsInstructionCentral), i.PointsInstructionCentral),
    ];

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Normalize(string? text) => string.Join('\n', Lines(text));

    private Guid RequireStaffCommittee()
    {
        access.RequireStaff();
        return actors.Actor.CommitteeId ?? throw new ForbiddenException();
    }
}
