using MentoringPortal.Domain.Records;

namespace MentoringPortal.Web.Features.MentoringRecords;

/// <summary>An issued record's verification: the code in groups, where to check it, and when it was issued (UK time).</summary>
public sealed record IssuedRecordInfo(string Code, string VerifyUrl, string IssuedAt);

public sealed record MentoringRecordViewModel(MentorActivity Activity, MentoringRecord Record, IssuedRecordInfo? Issued)
{
    public string PeriodKey => Record.Period.Key;
}

public sealed class IssueRecordForm
{
    public string? Period { get; set; }

    /// <summary>"pdf" downloads the issued record as a PDF; anything else shows it as a page.</summary>
    public string? Format { get; set; }
}

public sealed class RecordConsentForm
{
    public bool AgreesToBeNamed { get; set; }
}

public sealed record RecordConsentViewModel(int PairingId, string MentorName, bool AgreesToBeNamed);

/// <summary>What /verify shows: nothing looked up yet, a record found, or "No record has this code".</summary>
public sealed record VerifyViewModel(string? Code, bool LookedUp, VerifiedRecord? Found);

public sealed record VerifiedRecord(string Code, string MentorName, string Period, int Pairings, int MeetingsHeld, string Hours, string IssuedAt);
