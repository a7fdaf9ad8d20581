using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Tongxin.Modules.Proposals.Handling;

/// <summary>申请退回 – the unit says why the proposal is not its business.</summary>
public sealed class ReturnRequestInput
{
    [Display(Name = "退回理由")]
    public string Reason { get; set; } = "";
}

/// <summary>办前/办中面商 – one contact with the proposer.</summary>
public sealed class ContactInput
{
    [Display(Name = "联系方式")]
    [JsonConverter(typeof(JsonStringEnumConverter<ContactMethod>))]
    public ContactMethod Method { get; set; } = ContactMethod.FaceToFace;

    [Display(Name = "联系日期")]
    public DateOnly? Date { get; set; }

    [Display(Name = "情况记录")]
    public string Notes { get; set; } = "";
}

/// <summary>协办意见 – a co-unit's opinion for the lead unit.</summary>
public sealed class CoOpinionInput
{
    [Display(Name = "协办意见")]
    public string Text { get; set; } = "";
}

/// <summary>答复 – the letter, its signer and class, and the handling items (办理事项清单).</summary>
public sealed class ReplyInput
{
    [Display(Name = "答复正文")]
    public string Text { get; set; } = "";

    [Display(Name = "签发人")]
    public string Signer { get; set; } = "";

    [Display(Name = "答复类别")]
    public string ReplyClass { get; set; } = "";

    [Display(Name = "办理事项")]
    public List<ReplyItemInput> Items { get; set; } = [];
}

/// <summary>办理事项 – one commitment of the reply.</summary>
public sealed class ReplyItemInput
{
    [Display(Name = "承诺事项")]
    public string Commitment { get; set; } = "";

    [Display(Name = "责任单位")]
    public string ResponsibleUnit { get; set; } = "";

    [Display(Name = "计划完成日期")]
    public DateOnly? PlannedDate { get; set; }

    [Display(Name = "落实情况")]
    [JsonConverter(typeof(JsonStringEnumConverter<ItemStatus>))]
    public ItemStatus Status { get; set; } = ItemStatus.InProgress;
}

/// <summary>办理事项落实情况更新.</summary>
public sealed class ItemStatusInput
{
    [Display(Name = "落实情况")]
    [JsonConverter(typeof(JsonStringEnumConverter<ItemStatus>))]
    public ItemStatus Status { get; set; }
}

/// <summary>Maximum lengths of what a unit types.</summary>
public static class HandlingLimits
{
    public const int Reason = 1000;
    public const int ContactNotes = 2000;
    public const int CoOpinion = 5000;
    public const int ReplyText = 20000;
    public const int Signer = 50;
    public const int Commitment = 500;
    public const int ResponsibleUnit = 100;
    public const int MaxItems = 50;
}
