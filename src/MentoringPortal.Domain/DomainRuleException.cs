namespace MentoringPortal.Domain;

/// <summary>A rule of the mentoring scheme was broken; the message is written for the person who tried.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException()
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
