using Microsoft.AspNetCore.Mvc.Rendering;

namespace MentoringPortal.Web.Forms;

public static class FieldIds
{
    /// <summary>The id Razor gives the input for a model key, so error messages can link to their field.</summary>
    public static string For(string key) => TagBuilder.CreateSanitizedId(key, "_");
}
