namespace MentoringPortal.Web.Features.Directory;

/// <summary>A page's meta description: search engines show about 160 characters, so a longer text ends at a word with an ellipsis.</summary>
public static class MetaDescription
{
    public const int MaxLength = 160;

    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length <= MaxLength)
        {
            return oneLine;
        }

        var cut = oneLine.LastIndexOf(' ', MaxLength - 1);
        return string.Concat(oneLine.AsSpan(0, cut > 0 ? cut : MaxLength - 1), "…");
    }
}
