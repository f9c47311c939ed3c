using System.Globalization;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using MimeKit;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>What one row of an import file says about a person, once checked: the values the import will use.</summary>
public sealed record ImportedPerson(
    string Email,
    string Name,
    string? Organisation,
    string? Specialty,
    string? Grade,
    string? Region,
    string? Background,
    string? Expertise,
    string? Bio,
    int? Capacity,
    MeetingModes MeetingModes,
    DateOnly? TrainingCompleted,
    string? GoalShortTerm,
    string? GoalMediumTerm,
    string? GoalLongTerm)
{
    public MentorProfile MentorProfile() => new(Name, Specialty ?? string.Empty, Grade ?? string.Empty, Region ?? string.Empty,
        Background ?? string.Empty, Organisation, Expertise ?? string.Empty, Bio ?? string.Empty, MeetingModes);

    public MenteeProfile? MenteeProfile() => Specialty is null
        ? null
        : new MenteeProfile(Name, Specialty, Grade ?? string.Empty, Region ?? string.Empty, Background ?? string.Empty, Organisation);

    public IEnumerable<(GoalHorizon Horizon, string Goal)> Goals()
    {
        if (GoalShortTerm is { } shortTerm)
        {
            yield return (GoalHorizon.ShortTerm, shortTerm);
        }

        if (GoalMediumTerm is { } mediumTerm)
        {
            yield return (GoalHorizon.MediumTerm, mediumTerm);
        }

        if (GoalLongTerm is { } longTerm)
        {
            yield return (GoalHorizon.LongTerm, longTerm);
        }
    }
}

/// <summary>One row of the file as read: its number as a spreadsheet shows it (the header is row 1) and its cells by header.</summary>
public sealed record ImportFileRow(int Number, IReadOnlyDictionary<string, string> Cells);

/// <summary>A row once checked: the person it describes, or the reasons it cannot be imported.</summary>
public sealed record CheckedRow(int Number, string Email, string NormalizedEmail, string Name, ImportedPerson? Person, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The rules every row of an import file must meet before anything is saved: an email address, a name, the portal's fixed
/// vocabularies (matched whatever the case), numbers and dates that read, no address twice in one file, and the domain's
/// own rules for a profile (so a row is refused for the same reasons the profile form would refuse it).
/// </summary>
public static class PeopleImportRules
{
    private const int MaxEmailLength = 256;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];

    public static IReadOnlyList<CheckedRow> CheckAll(PeopleKind kind, IEnumerable<ImportFileRow> rows, ILookupNormalizer normalizer, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(normalizer);
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var checkedRows = new List<CheckedRow>();
        foreach (var row in rows)
        {
            var one = Check(kind, row, normalizer, now);
            if (one.NormalizedEmail.Length > 0)
            {
                if (firstRowOf.TryGetValue(one.NormalizedEmail, out var first))
                {
                    one = one with { Person = null, Errors = [.. one.Errors, $"The same email address is already in row {first} of this file."] };
                }
                else
                {
                    firstRowOf.Add(one.NormalizedEmail, one.Number);
                }
            }

            checkedRows.Add(one);
        }

        return checkedRows;
    }

    public static CheckedRow Check(PeopleKind kind, ImportFileRow row, ILookupNormalizer normalizer, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(normalizer);
        var errors = new List<string>();
        string? Cell(string column) => row.Cells.TryGetValue(column, out var value) && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

        var email = Cell(PeopleImportColumns.Email);
        var normalized = string.Empty;
        if (email is null)
        {
            errors.Add("The email address is missing.");
        }
        else if (!IsEmailAddress(email))
        {
            errors.Add($"\"{email}\" is not an email address.");
        }
        else
        {
            normalized = normalizer.NormalizeEmail(email);
        }

        var name = Cell(PeopleImportColumns.Name);
        if (name is null)
        {
            errors.Add("The name is missing.");
        }

        var specialty = OneOf(Cell(PeopleImportColumns.Specialty), ProfileOptions.Specialties, "specialty", errors);
        var grade = OneOf(Cell(PeopleImportColumns.Grade), ProfileOptions.Grades, "grade", errors);
        var region = OneOf(Cell(PeopleImportColumns.Region), ProfileOptions.Regions, "region", errors);
        var background = OneOf(Cell(PeopleImportColumns.Background), ProfileOptions.Backgrounds, "background", errors);
        var person = new ImportedPerson(email ?? string.Empty, name ?? string.Empty, Cell(PeopleImportColumns.Organisation), specialty, grade, region,
            background, null, null, null, MeetingModes.None, null, null, null, null);

        person = kind == PeopleKind.Mentors ? CheckMentor(person, Cell, errors) : CheckMentee(person, Cell, errors);
        if (errors.Count == 0)
        {
            CheckDomainRules(kind, person, now, errors);
        }

        return new CheckedRow(row.Number, email ?? string.Empty, normalized, name ?? string.Empty, errors.Count == 0 ? person : null, errors);
    }

    private static ImportedPerson CheckMentor(ImportedPerson person, Func<string, string?> cell, List<string> errors)
    {
        Required(person.Specialty, cell(PeopleImportColumns.Specialty), "specialty", errors);
        Required(person.Grade, cell(PeopleImportColumns.Grade), "grade", errors);
        Required(person.Region, cell(PeopleImportColumns.Region), "region", errors);
        Required(person.Background, cell(PeopleImportColumns.Background), "background", errors);
        Required(null, cell(PeopleImportColumns.Expertise), "expertise", errors);
        Required(null, cell(PeopleImportColumns.Bio), "bio", errors);
        int? capacity = null;
        if (cell(PeopleImportColumns.Capacity) is not { } capacityText)
        {
            errors.Add("The capacity is missing.");
        }
        else if (!int.TryParse(capacityText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > Mentor.MaxCapacity)
        {
            errors.Add($"The capacity \"{capacityText}\" is not a whole number from 1 to {Mentor.MaxCapacity}.");
        }
        else
        {
            capacity = number;
        }

        var modes = MeetingModes.None;
        if (cell(PeopleImportColumns.MeetingModes) is not { } modesText)
        {
            errors.Add("The ways of meeting are missing.");
        }
        else
        {
            foreach (var part in modesText.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var mode = MeetingModesText.Each.FirstOrDefault(m => string.Equals(m.Describe(), part, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(Short(m), part, StringComparison.OrdinalIgnoreCase));
                if (mode == MeetingModes.None)
                {
                    errors.Add($"Unknown way of meeting \"{part}\": use face to face, video or phone.");
                }

                modes |= mode;
            }
        }

        DateOnly? trained = null;
        if (cell(PeopleImportColumns.TrainingCompleted) is { } trainedText)
        {
            if (DateOnly.TryParseExact(trainedText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                trained = date;
            }
            else
            {
                errors.Add($"The training date \"{trainedText}\" is not a date like 2026-03-31 or 31/03/2026.");
            }
        }

        return person with
        {
            Expertise = cell(PeopleImportColumns.Expertise),
            Bio = cell(PeopleImportColumns.Bio),
            Capacity = capacity,
            MeetingModes = modes,
            TrainingCompleted = trained,
        };
    }

    private static ImportedPerson CheckMentee(ImportedPerson person, Func<string, string?> cell, List<string> errors)
    {
        string?[] profile = [cell(PeopleImportColumns.Specialty), cell(PeopleImportColumns.Grade), cell(PeopleImportColumns.Region),
            cell(PeopleImportColumns.Background)];
        if (profile.Any(p => p is not null) && profile.Any(p => p is null))
        {
            errors.Add("Give specialty, grade, region and background together, or leave all four empty for the mentee to fill in.");
        }

        return person with
        {
            GoalShortTerm = cell(PeopleImportColumns.GoalShortTerm),
            GoalMediumTerm = cell(PeopleImportColumns.GoalMediumTerm),
            GoalLongTerm = cell(PeopleImportColumns.GoalLongTerm),
        };
    }

    /// <summary>The profile is built as the import will build it, so the domain's limits (lengths, ranges) refuse the row now, not halfway through.</summary>
    private static void CheckDomainRules(PeopleKind kind, ImportedPerson person, DateTime now, List<string> errors)
    {
        try
        {
            if (kind == PeopleKind.Mentors)
            {
                var mentor = new Mentor(null, person.MentorProfile(), person.Capacity ?? 0, now);
                if (person.TrainingCompleted is { } completed)
                {
                    mentor.RecordTraining(Mentor.SchemeCourseName, isSchemeCourse: true, completed, null, null, now);
                }
            }
            else
            {
                var mentee = new Mentee(null, person.Name, now);
                if (person.MenteeProfile() is { } profile)
                {
                    mentee.UpdateProfile(profile, now);
                }

                foreach (var (horizon, goal) in person.Goals())
                {
                    mentee.SetGoal(horizon, goal, now);
                }
            }
        }
        catch (DomainRuleException rule)
        {
            errors.Add(rule.Message);
        }
    }

    private static string? OneOf(string? value, IReadOnlyList<string> allowed, string what, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add($"Unknown {what} \"{value}\": use one of the portal's list (see the column help).");
        }

        return match;
    }

    private static void Required(string? matched, string? given, string what, List<string> errors)
    {
        if (matched is null && given is null)
        {
            errors.Add($"The {what} is missing.");
        }
    }

    private static string Short(MeetingModes mode) => mode switch
    {
        MeetingModes.Video => "video",
        MeetingModes.Phone => "phone",
        _ => "face to face",
    };

    private static bool IsEmailAddress(string text) =>
        text.Length <= MaxEmailLength && !text.Any(char.IsWhiteSpace) && MailboxAddress.TryParse(text, out var address)
        && string.Equals(address.Address, text, StringComparison.Ordinal) && address.Domain.Contains('.', StringComparison.Ordinal);
}
