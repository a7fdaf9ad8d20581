namespace Tongxin.Platform.Web;

/// <summary>A failure a user caused and can understand; the message is shown to them in Chinese.
/// Pages turn these into form errors or Chinese error pages, the API into problem details.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>Input that breaks a rule, with one Chinese message per field.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException(string.Join("；", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }
}

/// <summary>The actor may not do this (403).</summary>
public sealed class ForbiddenException(string message = "您没有权限执行此操作。") : DomainException(message);

/// <summary>The record does not exist or is not visible to the actor (404).</summary>
public sealed class NotFoundException(string what) : DomainException($"{what}不存在或您无权查看。");

/// <summary>Someone else changed the record first, or the action no longer fits its state (409).</summary>
public sealed class ConflictException(string message = "该记录已被他人修改，请刷新后重试。") : DomainException(message);

/// <summary>Collects field errors and throws them together, so a form shows every problem at once.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> errors = [];

    public Validation Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        return this;
    }

    public Validation NotBlank(string? value, string field, string label) =>
        Require(!string.IsNullOrWhiteSpace(value), field, $"{label}不能为空。");

    public Validation MaxLength(string? value, int max, string field, string label) =>
        Require(value is null || value.Length <= max, field, $"{label}不能超过{max}个字符。");

    public bool IsValid => errors.Count == 0;

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}

/// <summary>What a user is told when the database refuses a save for a reason the handler did not
/// check first – in practice a unique index hit by two identical saves at the same moment.</summary>
public static class SaveFailure
{
    public const string Message = "保存失败：数据与已有记录冲突（可能是重复提交或他人刚刚保存了相同内容），请刷新后检查。";
}
