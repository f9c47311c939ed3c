using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MentoringPortal.Web.Forms;

/// <summary>
/// Marks a field that has an error as aria-invalid and ties it to its message (an element with
/// id "{field}-error") and, with hint="true", to its hint ("{field}-hint"), so screen readers read
/// both. The field is named by asp-for, or by error-for="Name" on hand-written fields.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("input", Attributes = "error-for", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = "error-for")]
[HtmlTargetElement("textarea", Attributes = "error-for")]
[HtmlTargetElement("fieldset", Attributes = "error-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    // Run after the built-in asp-for tag helpers have written id and name.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("error-for")]
    public string? ErrorFor { get; set; }

    [HtmlAttributeName("hint")]
    public bool HasHint { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ErrorFor ?? For?.Name;
        if (name is null)
        {
            return;
        }

        var id = FieldIds.For(name);
        var describedBy = new List<string>();
        if (HasHint)
        {
            describedBy.Add(id + "-hint");
        }

        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            if (!string.Equals(output.TagName, "fieldset", StringComparison.Ordinal))
            {
                output.Attributes.SetAttribute("aria-invalid", "true");
            }

            describedBy.Add(id + "-error");
        }

        if (describedBy.Count > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
        }
    }
}
