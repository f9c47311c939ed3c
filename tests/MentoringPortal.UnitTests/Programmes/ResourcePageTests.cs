using MentoringPortal.Domain;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Programmes;

public sealed class ResourcePageTests
{
    private readonly Programme _programme = new ProgrammeBuilder().Build();

    private ResourcePage NewPage(string slug = "mentee-information") =>
        new(_programme, slug, "Mentee information", "## What mentoring is\n\nA confidential conversation.", 10, TestClock.Now);

    [Fact]
    public void New_ValidPage_KeepsItsFields()
    {
        var page = NewPage();

        Assert.Equal(_programme.Id, page.ProgrammeId);
        Assert.Equal("mentee-information", page.Slug);
        Assert.Equal("Mentee information", page.Title);
        Assert.StartsWith("## What mentoring is", page.BodyMarkdown, StringComparison.Ordinal);
        Assert.Equal(10, page.SortOrder);
        Assert.Equal(TestClock.Now, page.UpdatedAt);
    }

    [Theory]
    [InlineData("faq")]
    [InlineData("mentor-handbook")]
    [InlineData("year-2-review")]
    public void New_SlugOfLowerCaseLettersDigitsAndHyphens_IsAccepted(string slug)
    {
        Assert.Equal(slug, NewPage(slug).Slug);
    }

    [Theory]
    [InlineData("Mentor-Handbook")]
    [InlineData("mentor handbook")]
    [InlineData("mentor_handbook")]
    [InlineData("../admin")]
    [InlineData("faq?x=1")]
    public void New_SlugWithOtherCharacters_Throws(string slug)
    {
        var error = Assert.Throws<DomainRuleException>(() => NewPage(slug));

        Assert.Equal("Use only lower-case letters, digits and hyphens in the page's web address.", error.Message);
    }

    [Fact]
    public void New_EmptySlug_Throws()
    {
        Assert.Throws<DomainRuleException>(() => NewPage("  "));
    }

    [Fact]
    public void New_SlugTooLong_Throws()
    {
        Assert.Throws<DomainRuleException>(() => NewPage(new string('a', 61)));
    }

    [Fact]
    public void Edit_NewTitleAndBody_ChangesThemButNotTheSlug()
    {
        var page = NewPage();
        var later = TestClock.Now.AddDays(3);

        page.Edit("  Information for mentees ", "Updated text.", later);

        Assert.Equal("Information for mentees", page.Title);
        Assert.Equal("Updated text.", page.BodyMarkdown);
        Assert.Equal("mentee-information", page.Slug);
        Assert.Equal(later, page.UpdatedAt);
    }

    [Theory]
    [InlineData("", "Some text.")]
    [InlineData("A title", "")]
    public void Edit_MissingTitleOrBody_ThrowsAndChangesNothing(string title, string body)
    {
        var page = NewPage();

        Assert.Throws<DomainRuleException>(() => page.Edit(title, body, TestClock.Now.AddDays(1)));

        Assert.Equal("Mentee information", page.Title);
        Assert.Equal(TestClock.Now, page.UpdatedAt);
    }

    [Fact]
    public void Edit_BodyTooLong_Throws()
    {
        var page = NewPage();

        Assert.Throws<DomainRuleException>(() => page.Edit("Title", new string('x', ResourcePage.MaxBodyLength + 1), TestClock.Now));
    }
}
