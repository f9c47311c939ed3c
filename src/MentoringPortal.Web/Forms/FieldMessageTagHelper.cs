using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MentoringPortal.Web.Forms;

/// <summary>
/// &lt;field-error for="Email" /&gt; (or name="Email") writes the field's error message beside it,
/// with the id that <see cref="FieldErrorTagHelper"/> points the field at; nothing when it is valid.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldMessageTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = Name ?? For?.Name ?? string.Empty;
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", FieldIds.For(name) + "-error");
        output.Content.AppendHtml("<span class=\"visually-hidden\">Error: </span>");
        output.Content.Append(entry.Errors[0].ErrorMessage);
    }
}
