using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Tongxin.Platform.Web;

/// <summary>How every form binds and validates, so no page has to remember it:
/// an empty text box binds to "" (not null) for a non-nullable string, a field is required only where it says
/// <c>[Required]</c> (not because its type is non-nullable), and every validation message
/// is Chinese and names the field by its display name.</summary>
public sealed class FormConventions : IDisplayMetadataProvider, IValidationMetadataProvider
{
    public static void Apply(MvcOptions options)
    {
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var conventions = new FormConventions();
        options.ModelMetadataDetailsProviders.Add(conventions);
        ChineseMessages.Apply(options.ModelBindingMessageProvider);
    }

    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        // Only a non-nullable string keeps "": a `string?` filter left empty still means "no filter".
        if (context.Key.ModelType == typeof(string)
            && context.Key.PropertyInfo is { } property
            && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull)
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null)
            {
                continue;
            }

            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => "请填写{0}。",
                StringLengthAttribute { MinimumLength: > 0 } => "{0}的长度应在{2}到{1}个字符之间。",
                StringLengthAttribute => "{0}不能超过{1}个字符。",
                MaxLengthAttribute => "{0}不能超过{1}个字符。",
                MinLengthAttribute => "{0}至少需要{1}个字符。",
                RangeAttribute => "{0}应在{1}到{2}之间。",
                EmailAddressAttribute => "{0}格式不正确。",
                PhoneAttribute => "{0}格式不正确。",
                UrlAttribute => "{0}不是有效的网址。",
                RegularExpressionAttribute => "{0}格式不正确。",
                CompareAttribute => "{0}与{1}不一致。",
                _ => "{0}填写有误。",
            };
        }
    }
}
