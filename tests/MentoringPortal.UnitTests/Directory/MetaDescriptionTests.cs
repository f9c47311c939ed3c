using MentoringPortal.Web.Features.Directory;

namespace MentoringPortal.UnitTests.Directory;

public sealed class MetaDescriptionTests
{
    [Fact]
    public void ShortText_IsKeptOnOneLine()
    {
        Assert.Equal("Dr A, Consultant in Paediatrics. Expertise: returning after leave",
            MetaDescription.Shorten("Dr A, Consultant in Paediatrics.\n  Expertise: returning   after leave"));
    }

    [Fact]
    public void LongText_EndsAtAWordWithAnEllipsis_WithinTheLimit()
    {
        var text = string.Join(' ', Enumerable.Repeat("expertise", 40));

        var shortened = MetaDescription.Shorten(text);

        Assert.True(shortened.Length <= MetaDescription.MaxLength, $"{shortened.Length} characters");
        Assert.EndsWith("expertise…", shortened, StringComparison.Ordinal);
    }

    [Fact]
    public void OneLongWord_IsCutAtTheLimit()
    {
        var shortened = MetaDescription.Shorten(new string('x', 300));

        Assert.Equal(MetaDescription.MaxLength, shortened.Length);
        Assert.EndsWith("…", shortened, StringComparison.Ordinal);
    }
}
