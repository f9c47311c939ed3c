namespace MentoringPortal.Domain.Privacy;

/// <summary>What is shown, and stored, in place of the name of someone whose account has been erased.</summary>
public static class FormerMember
{
    public const string Name = "A former member";
}
