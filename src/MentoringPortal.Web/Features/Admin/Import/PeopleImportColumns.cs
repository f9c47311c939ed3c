using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>One column of an import file: its header, whether every row needs it, and what goes in it.</summary>
public sealed record ImportColumn(string Header, bool Required, string Description, string Example);

/// <summary>The documented columns of each kind of import file, shown on the page and written into the templates.</summary>
public static class PeopleImportColumns
{
    public const string Email = "email";
    public const string Name = "name";
    public const string Organisation = "organisation";
    public const string Specialty = "specialty";
    public const string Grade = "grade";
    public const string Region = "region";
    public const string Background = "background";
    public const string Expertise = "expertise";
    public const string Bio = "bio";
    public const string Capacity = "capacity";
    public const string MeetingModes = "meeting_modes";
    public const string TrainingCompleted = "training_completed";
    public const string GoalShortTerm = "goal_short_term";
    public const string GoalMediumTerm = "goal_medium_term";
    public const string GoalLongTerm = "goal_long_term";

    private static readonly ImportColumn[] Common =
    [
        new(Email, true, "Their email address: the invitation goes there, and it decides whether they are already in the portal.", "a.patel@nhs.example"),
        new(Name, true, "Their name as members will see it (up to 100 characters).", "Dr Asha Patel"),
        new(Organisation, false, "Where they work (up to 150 characters).", "Royal Infirmary"),
    ];

    public static IReadOnlyList<ImportColumn> Mentors { get; } =
    [
        .. Common,
        new(Specialty, true, "One of the portal's specialties.", "Cardiology"),
        new(Grade, true, "One of the portal's grades or roles.", "Consultant"),
        new(Region, true, "One of the portal's regions.", "London"),
        new(Background, true, "One of the portal's career backgrounds.", "International medical graduate"),
        new(Expertise, true, "What they can help with (up to 500 characters).", "Returning after parental leave; exam preparation"),
        new(Bio, true, "A short biography for their profile (up to 3,000 characters).", "Consultant cardiologist who returned after two years away."),
        new(Capacity, true, "How many mentees they can take at once, 1 to 10.", "2"),
        new(MeetingModes, true, "How they can meet, separated by semicolons: face to face; video; phone.", "face to face; video"),
        new(TrainingCompleted, false, "The date they completed the scheme's mentor training, as 2026-03-31 or 31/03/2026.", "2026-03-31"),
    ];

    public static IReadOnlyList<ImportColumn> Mentees { get; } =
    [
        .. Common,
        new(Specialty, false, "One of the portal's specialties. Give specialty, grade, region and background together, or none of them.", "Paediatrics"),
        new(Grade, false, "One of the portal's grades.", "Specialty trainee (early)"),
        new(Region, false, "One of the portal's regions.", "North West"),
        new(Background, false, "One of the portal's career backgrounds.", "Returned after parental leave"),
        new(GoalShortTerm, false, "A short-term goal (up to 1,000 characters).", "Feel confident on call again"),
        new(GoalMediumTerm, false, "A medium-term goal.", "Pass the membership exam"),
        new(GoalLongTerm, false, "A long-term goal.", "Become a consultant"),
    ];

    public static IReadOnlyList<ImportColumn> For(PeopleKind kind) => kind == PeopleKind.Mentors ? Mentors : Mentees;
}
