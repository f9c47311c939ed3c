using System.ComponentModel.DataAnnotations;

namespace MentoringPortal.Web.Features.Admin.Administrators;

public sealed record ProgrammeChoice(int Id, string Name);

public sealed record AdministratorRow(string UserId, string Name, string Email, bool AllProgrammes, IReadOnlyList<string> Programmes, bool IsYou)
{
    public string Scope => ScopeText.For(AllProgrammes, Programmes);
}

public sealed record AdministratorsViewModel(IReadOnlyList<AdministratorRow> Administrators);

/// <summary>The add or change form; <see cref="Administrator"/> is null when adding someone.</summary>
public sealed record AdministratorEditViewModel(AdministratorRow? Administrator, IReadOnlyList<ProgrammeChoice> Programmes, AdministratorForm Form)
{
    public bool IsNew => Administrator is null;
}

/// <summary>Why an administrator cannot be removed, or null when they can.</summary>
public sealed record RemoveAdministratorViewModel(AdministratorRow Administrator, string? CannotRemoveBecause);

public sealed class AdministratorForm
{
    public const string EveryProgramme = "all";
    public const string OnlySome = "some";

    [EmailAddress(ErrorMessage = "Enter an email address like name@example.nhs.uk.")]
    [StringLength(256, ErrorMessage = "Keep the email address to 256 characters or fewer.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Choose which programmes they administer.")]
    [RegularExpression("^(all|some)$", ErrorMessage = "Choose which programmes they administer.")]
    public string? Scope { get; set; }

    public IList<int> ProgrammeIds { get; set; } = [];

    public bool LimitedToSome => Scope == OnlySome;
}

/// <summary>An administrator's scope in words, for pages and the audit log.</summary>
public static class ScopeText
{
    public static string For(bool allProgrammes, IReadOnlyCollection<string> programmes) =>
        allProgrammes ? "Every programme"
        : programmes.Count == 0 ? "No programme"
        : "Only " + string.Join(", ", programmes.Order(StringComparer.Ordinal));
}
