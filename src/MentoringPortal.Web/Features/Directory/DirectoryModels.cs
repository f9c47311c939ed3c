using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Web.Features.Directory;

/// <summary>The directory's query string: /mentors?q=&amp;specialty=&amp;region=&amp;background=&amp;mode=&amp;accepting=true&amp;programme=&amp;sort=&amp;page=.</summary>
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

    public static IReadOnlyList<(string Value, string Label)> Sorts { get; } =
    [
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
    public string LinkToPage(int page)
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
    int Page,
    int PageCount,
    IReadOnlyList<ProgrammeOption> Programmes);

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
