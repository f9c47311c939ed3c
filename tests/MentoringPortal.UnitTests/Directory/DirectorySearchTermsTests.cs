using MentoringPortal.Domain.Mentors;

namespace MentoringPortal.UnitTests.Directory;

public sealed class DirectorySearchTermsTests
{
    [Fact]
    public void Maternity_AlsoSearchesParentalLeave()
    {
        var terms = DirectorySearchTerms.Parse("maternity");

        var term = Assert.Single(terms.Terms);
        Assert.Contains("parental leave", term);
        Assert.Contains("maternity", term);
        Assert.Contains("parental <-> leave", DirectorySearchTerms.ToTsQuery(term), StringComparison.Ordinal);
        Assert.Contains("\"parental leave\"", terms.ToFts5Match(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("burnout", "wellbeing")]
    [InlineData("LTFT", "less than full time")]
    [InlineData("less than full-time", "ltft")]
    [InlineData("Return to Training", "rtt")]
    [InlineData("RTT", "return to training")]
    [InlineData("ARCP", "annual review of competence progression")]
    [InlineData("imposter", "impostor")]
    [InlineData("impostor", "imposter")]
    [InlineData("exam", "exams")]
    [InlineData("ePortfolio", "portfolio")]
    public void SchemeWords_FindTheirSynonyms(string query, string alternative)
    {
        var term = Assert.Single(DirectorySearchTerms.Parse(query).Terms);

        Assert.Contains(alternative, term);
    }

    [Fact]
    public void SeveralWords_MustAllMatch_EachWithItsAlternatives()
    {
        var terms = DirectorySearchTerms.Parse("leadership returning maternity");

        Assert.Equal("leadership & returning & parental <-> leave | maternity | paternity | adoption <-> leave", Keys(terms));
        Assert.Equal("(\"leadership\") AND (\"returning\") AND (\"parental leave\" OR \"maternity\" OR \"paternity\" OR \"adoption leave\")",
            terms.ToFts5Match());
    }

    [Theory]
    [InlineData("leadership' OR 1=1 --", "leadership & 1 & 1")]
    [InlineData("\"quality\" & !(improvement) <-> *", "quality & improvement")]
    [InlineData("Ménière's", "ménière")]
    public void Punctuation_IsNeverPartOfTheQuery(string query, string expected)
    {
        Assert.Equal(expected, Keys(DirectorySearchTerms.Parse(query)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("&&& !!! ---")]
    public void NoWords_IsEmpty(string? query)
    {
        Assert.True(DirectorySearchTerms.Parse(query).IsEmpty);
    }

    [Fact]
    public void ManyWords_KeepTheFirstEight()
    {
        var terms = DirectorySearchTerms.Parse("one two three four five six seven eight nine ten");

        Assert.Equal(DirectorySearchTerms.MaxTerms, terms.Terms.Count);
        Assert.Equal("eight", terms.Terms[^1][0]);
    }

    [Fact]
    public void StopWords_AreLeftOut_ButNotFromThePhrasesOfTheList()
    {
        Assert.Equal("leadership & management", Keys(DirectorySearchTerms.Parse("leadership and the management")));
        Assert.Equal(["less than full time", "ltft"], DirectorySearchTerms.Parse("less than full time").Terms.Single().Order(StringComparer.Ordinal));
        Assert.True(DirectorySearchTerms.Parse("the and of").IsEmpty);
    }

    [Theory]
    [InlineData("Leadership", "leadership")]
    [InlineData("the leadership", "leadership")]
    [InlineData("leadership teaching", null)]
    [InlineData("maternity", "parental <-> leave | maternity | paternity | adoption <-> leave")]
    [InlineData("maternity leadership", null)]
    [InlineData("", null)]
    public void SingleTerm_IsOneWordOrOneMeaning(string query, string? expected)
    {
        var term = DirectorySearchTerms.Parse(query).SingleTerm;

        Assert.Equal(expected, term is null ? null : DirectorySearchTerms.ToTsQuery(term));
    }

    [Fact]
    public void EveryMeaning_HasSeveralAlternatives_SoAMeaningIsNeverTakenForAWord()
    {
        Assert.All(DirectorySearchTerms.Synonyms, meaning => Assert.True(DirectorySearchTerms.IsMeaning(meaning)));
        Assert.False(DirectorySearchTerms.IsMeaning(["leadership"]));
    }

    /// <summary>Each term's key of the word index (a word, or a meaning's query text), for reading in one line.</summary>
    private static string Keys(DirectorySearchTerms terms) => string.Join(" & ", terms.Terms.Select(DirectorySearchTerms.ToTsQuery));
}
