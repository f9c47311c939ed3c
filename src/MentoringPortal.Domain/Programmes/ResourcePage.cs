namespace MentoringPortal.Domain.Programmes;

/// <summary>A page of guidance for a programme's members (mentee information, mentor handbook, FAQ…), written in Markdown.</summary>
public sealed class ResourcePage
{
    public const int MaxBodyLength = 50_000;

    private ResourcePage()
    {
        Slug = Title = BodyMarkdown = string.Empty;
    }

    public ResourcePage(Programme programme, string slug, string title, string bodyMarkdown, int sortOrder, DateTime now)
        : this()
    {
        ProgrammeId = programme.Id;
        Programme = programme;
        Slug = CheckSlug(slug);
        SortOrder = sortOrder;
        Edit(title, bodyMarkdown, now);
    }

    public int Id { get; private set; }

    public int ProgrammeId { get; private set; }

    public Programme? Programme { get; private set; }

    /// <summary>Stable part of the page's address; never changes after creation.</summary>
    public string Slug { get; private set; }

    public string Title { get; private set; }

    public string BodyMarkdown { get; private set; }

    public int SortOrder { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Edit(string title, string bodyMarkdown, DateTime now)
    {
        var checkedTitle = Guard.Text(title, "a title", 120);
        var checkedBody = Guard.Text(bodyMarkdown, "the page's text", MaxBodyLength);
        UpdatedAt = Guard.Utc(now);
        Title = checkedTitle;
        BodyMarkdown = checkedBody;
    }

    private static string CheckSlug(string slug)
    {
        var value = Guard.Text(slug, "the page's web address", 60);
        return value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            ? value
            : throw new DomainRuleException("Use only lower-case letters, digits and hyphens in the page's web address.");
    }
}
