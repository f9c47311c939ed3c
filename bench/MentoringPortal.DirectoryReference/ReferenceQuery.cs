using System.Globalization;
using MentoringPortal.Domain;

namespace MentoringPortal.DirectoryReference;

/// <summary>
/// The directory's query string (q, specialty, region, background, mode, accepting, programme, sort, page), read as the
/// portal's model binding reads it: a value that does not parse is left out, blank text is no filter, and at most
/// eight search words are used. <see cref="Text"/> is the search as typed; the portal's
/// <c>DirectorySearchTerms</c> makes its terms.
/// </summary>
public sealed record ReferenceQuery(string? Text, string? Specialty, string? Region, string? Background, MeetingModes? Mode,
    bool Accepting, int? Programme, string? Sort, int Page)
{
    public static ReferenceQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Text(string key) => query[key].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

        MeetingModes? mode = Enum.TryParse<MeetingModes>(Text("mode"), ignoreCase: true, out var parsed) ? parsed : null;
        var accepting = bool.TryParse(Text("accepting"), out var yes) && yes;
        int? programme = int.TryParse(Text("programme"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
        var page = int.TryParse(Text("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 1;
        return new ReferenceQuery(Text("q"), Text("specialty"), Text("region"), Text("background"), mode, accepting, programme, Text("sort"), page);
    }
}
