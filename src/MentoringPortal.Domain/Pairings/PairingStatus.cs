namespace MentoringPortal.Domain.Pairings;

public enum PairingStatus
{
    Active = 0,
    Ended = 1,
}
