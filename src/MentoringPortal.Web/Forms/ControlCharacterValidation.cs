using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace MentoringPortal.Web.Forms;

/// <summary>
/// Every bound text field refuses control characters: a line break in a name ends up in email
/// headers, and a NUL cannot be stored. Fields marked <c>[DataType(DataType.MultilineText)]</c> (the
/// textareas) may hold line breaks and tabs, nothing else.
/// </summary>
public sealed class ControlCharacterValidatorProvider : IModelValidatorProvider
{
    private static readonly ControlCharacterValidator OneLine = new(multiline: false);
    private static readonly ControlCharacterValidator Multiline = new(multiline: true);

    public void CreateValidators(ModelValidatorProviderContext context)
    {
        if (context.ModelMetadata.ModelType != typeof(string) || context.ModelMetadata.MetadataKind == ModelMetadataKind.Type)
        {
            return;
        }

        var multiline = string.Equals(context.ModelMetadata.DataTypeName, nameof(DataType.MultilineText), StringComparison.Ordinal);
        context.Results.Add(new ValidatorItem { Validator = multiline ? Multiline : OneLine, IsReusable = true });
    }

    public static bool IsAllowed(string text, bool multiline) =>
        !text.Any(c => char.IsControl(c) && !(multiline && c is '\r' or '\n' or '\t'));

    private sealed class ControlCharacterValidator(bool multiline) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            if (context.Model is string text && !IsAllowed(text, multiline))
            {
                var field = context.ModelMetadata.GetDisplayName();
                yield return new ModelValidationResult(string.Empty, multiline
                    ? $"“{field}” contains a character that is not text (such as a control character): remove it and try again."
                    : $"“{field}” must be a single line: remove line breaks, tabs and other control characters.");
            }
        }
    }
}
