using Microsoft.AspNetCore.Razor.TagHelpers;
using System.Text.Encodings.Web;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary><c>&lt;public-form-stamp scope="point:…" /&gt;</c> inside a public form: renders the signed
/// stamp and the honeypot field that <see cref="PublicFormStamps.Verify"/> checks.</summary>
[HtmlTargetElement("public-form-stamp", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormStampTagHelper(PublicFormStamps stamps) : TagHelper
{
    /// <summary>The form the stamp is for; the same scope must be verified on post.</summary>
    public string Scope { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var stamp = HtmlEncoder.Default.Encode(stamps.Issue(Scope));
        // The honeypot is hidden from people by position, labelled so screen readers skip it,
        // and not autofilled; a bot filling every input fills it.
        output.Content.SetHtmlContent(
            $"<input type=\"hidden\" name=\"{PublicFormStamps.StampField}\" value=\"{stamp}\" />"
            + "<div aria-hidden=\"true\" style=\"position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden\">"
            + $"<label>请勿填写此项<input type=\"text\" name=\"{PublicFormStamps.HoneypotField}\" tabindex=\"-1\" autocomplete=\"off\" value=\"\" /></label></div>");
    }
}
