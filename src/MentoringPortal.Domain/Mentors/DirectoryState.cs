namespace MentoringPortal.Domain.Mentors;

/// <summary>
/// How the directory lists a mentor, stored on the mentor so the database can sort and count by it with an index.
/// Stored as numbers: listed mentors sort accepting first by this value, and a row from before the column existed
/// (0) counts as hidden until the housekeeping job has judged it.
/// </summary>
public enum DirectoryState
{
    /// <summary>Not in the directory: not approved, untrained or training expired, or in no programme whose mentees choose.</summary>
    Hidden = 0,

    /// <summary>Listed and can be contacted now: accepting, with a free place.</summary>
    Accepting = 1,

    /// <summary>Listed, but full, paused or not accepting.</summary>
    Listed = 2,
}
