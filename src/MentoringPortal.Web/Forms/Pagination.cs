namespace MentoringPortal.Web.Forms;

/// <summary>Numbered pages of a list, rendered by <c>_Pagination.cshtml</c>; <paramref name="LinkToPage"/> keeps the list's filters.</summary>
public sealed record Pagination(int Page, int PageCount, Func<int, string> LinkToPage, string Label = "Pages of results")
{
    public static int PageCountFor(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>A requested page number brought within 1 and the last page.</summary>
    public static int Clamp(int requested, int pageCount) => Math.Clamp(requested, 1, Math.Max(1, pageCount));
}
