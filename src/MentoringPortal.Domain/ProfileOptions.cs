namespace MentoringPortal.Domain;

/// <summary>
/// The scheme's fixed vocabularies. Profiles pick from these so that directory filters and
/// matching compare like with like.
/// </summary>
public static class ProfileOptions
{
    public static IReadOnlyList<string> Specialties { get; } =
    [
        "Anaesthetics", "Cardiology", "Clinical oncology", "Emergency medicine", "General practice",
        "General surgery", "Geriatric medicine", "Obstetrics and gynaecology", "Ophthalmology",
        "Paediatrics", "Psychiatry", "Public health", "Radiology", "Respiratory medicine",
        "Trauma and orthopaedics",
    ];

    public static IReadOnlyList<string> Grades { get; } =
    [
        "Foundation doctor", "Core trainee", "Specialty trainee (early)", "Specialty trainee (senior)",
        "Specialty doctor", "GP", "Consultant", "Clinical academic", "Medical manager",
    ];

    public static IReadOnlyList<string> Regions { get; } =
    [
        "East of England", "London", "Midlands", "North East and Yorkshire", "North West",
        "South East", "South West", "Scotland", "Wales", "Northern Ireland",
    ];

    /// <summary>Career backgrounds: a mentor from a different background is often the most powerful choice.</summary>
    public static IReadOnlyList<string> Backgrounds { get; } =
    [
        "UK graduate, continuous training", "International medical graduate", "Returned after parental leave",
        "Returned after ill health", "Returned after research or a higher degree", "Returned after a career break",
        "Less than full time training", "Career change into medicine",
    ];
}
