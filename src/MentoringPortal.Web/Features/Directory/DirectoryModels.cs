using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Web.Features.Directory;

/// <summary>
/// The directory's query string: /mentors?q=&amp;specialty=&amp;region=&amp;background=&amp;mode=&amp;accepting=true&amp;programme=&amp;sort=&amp;page=,
/// and on Next and Previous links <c>after=</c> or <c>before=</c>, the card to read on from (<see cref="DirectoryCursor"/>).
/// </summary>
public sealed class DirectoryQuery
{
    public const int PageSize = 20;

    public string? Q { get; set; }

    public string? Specialty { get; set; }

    public string? Region { get; set; }

    public string? Background { get; set; }

    public MeetingModes? Mode { get; set; }

    public bool Accepting { get; set; }

    public int? Programme { get; set; }

    public string? Sort { get; set; }

    public int Page { get; set; } = 1;

    public string? After { get; set; }

    public string? Before { get; set; }

    /// <summary>The sorts to choose from; no sort (the first) is the best match when searching, and accepting mentees first otherwise.</summary>
    public static IReadOnlyList<(string Value, string Label)> Sorts { get; } =
    [
        (string.Empty, "Best match"),
        ("availability", "Accepting mentees first"),
        ("name", "Name (A to Z)"),
        ("places", "Most places free"),
        ("newest", "Newest mentors"),
    ];

    public bool HasFilters => !string.IsNullOrWhiteSpace(Q) || Specialty is not null || Region is not null
        || Background is not null || Mode is not null || Accepting || Programme is not null;

    /// <summary>How many filters narrow the list (the search words are not one: their box is always in view).</summary>
    public int ActiveFilters => new[] { Specialty is not null, Region is not null, Background is not null, Mode is not null, Accepting, Programme is not null }
        .Count(active => active);

    /// <summary>The query string for another page of the same search.</summary>
    public string LinkToPage(int page) => Link(page, null, null);

    /// <summary>The query string for page <paramref name="page"/>, read on after or back before a card.</summary>
    public string Link(int page, string? after, string? before)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Q);
        Add("specialty", Specialty);
        Add("region", Region);
        Add("background", Background);
        Add("mode", Mode?.ToString());
        Add("accepting", Accepting ? "true" : null);
        Add("programme", Programme?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("sort", Sort);
        Add("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add("after", page > 1 ? after : null);
        Add("before", page > 1 ? before : null);
        return "/mentors" + (parts.Count > 0 ? "?" + string.Join("&", parts) : string.Empty);
    }
}

public sealed record MentorCard(
    int Id,
    string Name,
    string Specialty,
    string Grade,
    string Region,
    string Background,
    string Expertise,
    MeetingModes Modes,
    MentorAvailability Availability,
    int FreePlaces,
    DateOnly? PausedUntil);

public sealed record ProgrammeOption(int Id, string Name);

public sealed record DirectoryViewModel(
    DirectoryQuery Query,
    IReadOnlyList<MentorCard> Mentors,
    int Total,
    DirectoryPager Pager,
    IReadOnlyList<ProgrammeOption> Programmes)
{
    public int Page => Pager.Page;

    public int PageCount => Pager.PageCount;
}

/// <summary>
/// The directory's page links: Previous and Next read on from the first or last card (a seek, as cheap on the last page as
/// on the first), numbered links only for pages near the start, where skipping rows is cheap.
/// </summary>
public sealed record DirectoryPager(int Page, int PageCount, string? PreviousLink, string? NextLink, Func<int, string> LinkToPage)
{
    /// <summary>The furthest page a numbered link goes to: beyond it, reading the rows to skip costs more than the page.</summary>
    public const int MaxNumberedPage = 50;

    public IEnumerable<int> NumberedPages =>
        Enumerable.Range(Math.Max(1, Page - 2), Math.Max(0, Math.Min(PageCount, Page + 2) - Math.Max(1, Page - 2) + 1))
            .Where(p => p == Page || p <= MaxNumberedPage);
}

public sealed class ContactForm
{
    [Display(Name = "Your message to the mentor")]
    [Required(ErrorMessage = "Write a short message to the mentor.")]
    [StringLength(ContactRequest.MaxMessageLength, MinimumLength = 20,
        ErrorMessage = "Write between 20 and 2,000 characters: say a little about yourself and what you hope for.")]
    [DataType(DataType.MultilineText)]
    public string Message { get; set; } = string.Empty;

    [Display(Name = "How would you prefer to meet?")]
    public MeetingModes PreferredMode { get; set; }

    [Display(Name = "Programme")]
    public int ProgrammeId { get; set; }
}

public sealed record PendingRequestFact(DateTime SentAt, DateTime ExpiresAt);

public sealed record MentorProfileViewModel(
    MentorCard Mentor,
    string Bio,
    string? Organisation,
    IReadOnlyList<ProgrammeOption> Programmes,
    ContactForm Form,
    bool SignedIn,
    bool IsMentee,
    string? CannotContactReason,
    PendingRequestFact? PendingRequest);
