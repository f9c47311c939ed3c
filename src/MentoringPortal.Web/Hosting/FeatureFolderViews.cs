using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace MentoringPortal.Web.Hosting;

/// <summary>
/// Feature folders: a controller's views live in the folder of its namespace (Features/Admin/Cohort for
/// MentoringPortal.Web.Features.Admin.Cohort), so areas can nest without a route or a naming rule.
/// </summary>
public sealed class FeatureFolderViews : IViewLocationExpander
{
    private const string Key = "feature-folder";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns
            && ns.StartsWith("MentoringPortal.Web.Features.", StringComparison.Ordinal))
        {
            context.Values[Key] = "/" + ns["MentoringPortal.Web.".Length..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var folder) && folder is not null
            ? viewLocations.Prepend(folder + "/{0}" + RazorViewEngine.ViewExtension)
            : viewLocations;
}
