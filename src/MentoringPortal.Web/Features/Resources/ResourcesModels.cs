using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.Web.Features.Resources;

public sealed record ResourceLink(int Id, string Slug, string Title, int SortOrder, DateTime UpdatedAt);

public sealed record ProgrammeResources(string Slug, string Name, IReadOnlyList<ResourceLink> Pages);

public sealed record ResourcesViewModel(IReadOnlyList<ProgrammeResources> Programmes);

public sealed record ResourcePageViewModel(string ProgrammeSlug, string ProgrammeName, string Title, string BodyMarkdown, DateTime UpdatedAt,
    IReadOnlyList<ResourceLink> OtherPages);

/// <summary>The administrator's page form; <see cref="PageId"/> is null for a new page, whose address and order are then chosen.</summary>
public sealed record ResourceEditViewModel(int? PageId, string ProgrammeSlug, string ProgrammeName, ResourcePageForm Form)
{
    public bool IsNew => PageId is null;
}

public sealed class ResourcePageForm
{
    [Required(ErrorMessage = "Enter the page's web address.")]
    [StringLength(60, ErrorMessage = "Keep the page's web address to 60 characters or fewer.")]
    [RegularExpression("^[a-z0-9-]+$", ErrorMessage = "Use only lower-case letters, digits and hyphens in the page's web address.")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(120, ErrorMessage = "Keep the title to 120 characters or fewer.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter the page's text.")]
    [StringLength(ResourcePage.MaxBodyLength, ErrorMessage = "Keep the page's text to 50,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Body { get; set; }

    [Required(ErrorMessage = "Enter a number for the page's place in the list.")]
    [Range(0, 1000, ErrorMessage = "Enter a number from 0 to 1000 for the page's place in the list.")]
    public int? SortOrder { get; set; }
}
