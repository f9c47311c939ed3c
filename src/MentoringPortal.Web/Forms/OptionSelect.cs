namespace MentoringPortal.Web.Forms;

/// <summary>A labelled select over one of the scheme's fixed vocabularies, with its error message.</summary>
public sealed record OptionSelect(string Name, string Label, string? Selected, IReadOnlyList<string> Options, string? Placeholder = null);
