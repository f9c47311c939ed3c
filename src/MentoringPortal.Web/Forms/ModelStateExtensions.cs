using MentoringPortal.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MentoringPortal.Web.Forms;

public static class ModelStateExtensions
{
    /// <summary>Runs a domain change; a broken rule becomes the field's error message instead of an exception.</summary>
    public static bool TryApply(this ModelStateDictionary modelState, string field, Action change)
    {
        try
        {
            change();
            return true;
        }
        catch (DomainRuleException rule)
        {
            modelState.AddModelError(field, rule.Message);
            return false;
        }
    }
}
