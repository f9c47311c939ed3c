using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.UnitTests.Builders;

/// <summary>Builds a programme in which mentees choose their mentor, unless told otherwise.</summary>
public sealed class ProgrammeBuilder
{
    private int _id = EntityIds.Next();
    private string _name = "Return to Training";
    private string _slug = "return-to-training";
    private MatchingMode _matchingMode = MatchingMode.MenteeChooses;

    public ProgrammeBuilder WithId(int id)
    {
        _id = id;
        return this;
    }

    public ProgrammeBuilder WithName(string name, string slug)
    {
        _name = name;
        _slug = slug;
        return this;
    }

    public ProgrammeBuilder SchemeMatches()
    {
        _matchingMode = MatchingMode.SchemeMatches;
        return this;
    }

    public Programme Build() =>
        new Programme(_name, _slug, "Mentoring for doctors coming back to training after time away.", _matchingMode)
            .WithId(_id);
}
