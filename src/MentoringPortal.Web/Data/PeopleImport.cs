namespace MentoringPortal.Web.Data;

public enum PeopleKind
{
    Mentors = 0,
    Mentees = 1,
}

public enum ImportBatchStatus
{
    /// <summary>Uploaded and checked; nothing but the batch is saved until an administrator confirms it.</summary>
    Previewed = 0,
    Confirmed = 1,
    Finished = 2,
}

public enum ImportRowOutcome
{
    New = 0,
    Existing = 1,
    Error = 2,
}

/// <summary>
/// A file of people an administrator uploaded for one programme, kept as parsed rows so that nothing they submitted is
/// lost and confirming does not need the file again. <see cref="Jobs.PeopleImportRunner"/> works through a confirmed batch in
/// chunks; a lease (<see cref="LeasedUntil"/>) lets one instance at a time work on it, and another take over if it stops.
/// </summary>
public sealed class ImportBatch
{
    public const int MaxFileNameLength = 200;

    /// <summary>How long an unconfirmed batch, and a finished one's rows, are kept before the runner deletes them.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public ImportBatch(Guid id, int programmeId, PeopleKind kind, string uploadedByUserId, string fileName, DateTime uploadedAt)
    {
        Id = id;
        ProgrammeId = programmeId;
        Kind = kind;
        UploadedByUserId = uploadedByUserId;
        FileName = fileName.Length <= MaxFileNameLength ? fileName : fileName[..MaxFileNameLength];
        UploadedAt = uploadedAt;
        ExpiresAt = uploadedAt + KeptFor;
    }

    public Guid Id { get; private set; }

    public int ProgrammeId { get; private set; }

    public PeopleKind Kind { get; private set; }

    public string UploadedByUserId { get; private set; }

    public string FileName { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public ImportBatchStatus Status { get; private set; }

    public int RowCount { get; private set; }

    public int NewCount { get; private set; }

    public int ExistingCount { get; private set; }

    public int ErrorCount { get; private set; }

    /// <summary>Rows worked through since confirmation (errors are skipped and not counted).</summary>
    public int DoneCount { get; private set; }

    public int CreatedCount { get; private set; }

    public int MergedCount { get; private set; }

    public string? ConfirmedByUserId { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public DateTime? LeasedUntil { get; private set; }

    /// <summary>The instance working on the batch while its lease lasts.</summary>
    public string? LeasedBy { get; private set; }

    /// <summary>When the runner deletes the batch and its rows.</summary>
    public DateTime ExpiresAt { get; private set; }

    public int ToImport => NewCount + ExistingCount;

    public bool CanBeConfirmed(DateTime now) => Status == ImportBatchStatus.Previewed && ToImport > 0 && now < ExpiresAt;

    /// <summary>
    /// Why the batch can no longer be discarded, or null while it is a preview (expired or not): once confirmed, people are
    /// being or have been imported, and deleting the batch would hide that from the administrators.
    /// </summary>
    public string? WhyNotDiscardable() => Status switch
    {
        ImportBatchStatus.Previewed => null,
        ImportBatchStatus.Confirmed => $"The import of {FileName} has been confirmed and is under way, so it can no longer be discarded.",
        _ => $"The import of {FileName} has finished, so there is no preview left to discard.",
    };

    public void Counted(int rows, int newPeople, int existing, int errors)
    {
        RowCount = rows;
        NewCount = newPeople;
        ExistingCount = existing;
        ErrorCount = errors;
    }

    public void Confirm(string userId, DateTime now)
    {
        if (!CanBeConfirmed(now))
        {
            throw new InvalidOperationException("Only a previewed batch with people to import can be confirmed.");
        }

        Status = ImportBatchStatus.Confirmed;
        ConfirmedByUserId = userId;
        ConfirmedAt = now;
    }

    public void Progress(int done, int created, int merged)
    {
        DoneCount += done;
        CreatedCount += created;
        MergedCount += merged;
    }

    public void Finish(DateTime now)
    {
        Status = ImportBatchStatus.Finished;
        FinishedAt = now;
        LeasedUntil = null;
        LeasedBy = null;
        ExpiresAt = now + KeptFor;
    }
}

/// <summary>One row of an uploaded file, as read and checked: the values (JSON), whether it is someone new, someone already there, or an error, and what importing it did.</summary>
public sealed class ImportRow
{
    public const int MaxMessageLength = 1000;

    private ImportRow()
    {
        Email = NormalizedEmail = Name = ValuesJson = string.Empty;
    }

    public ImportRow(Guid batchId, int number, string email, string normalizedEmail, string name, string valuesJson, ImportRowOutcome outcome,
        string? message)
    {
        BatchId = batchId;
        Number = number;
        Email = email.Length <= 320 ? email : email[..320];
        NormalizedEmail = normalizedEmail.Length <= 320 ? normalizedEmail : normalizedEmail[..320];
        Name = name.Length <= 200 ? name : name[..200];
        ValuesJson = valuesJson;
        Outcome = outcome;
        Message = Trim(message);
    }

    public Guid BatchId { get; private set; }

    /// <summary>The row's line in the file as a spreadsheet numbers it: the header is row 1.</summary>
    public int Number { get; private set; }

    public string Email { get; private set; }

    public string NormalizedEmail { get; private set; }

    public string Name { get; private set; }

    public string ValuesJson { get; private set; }

    public ImportRowOutcome Outcome { get; private set; }

    /// <summary>The errors (for an error row), or what merging will do (for someone already there).</summary>
    public string? Message { get; private set; }

    public bool Done { get; private set; }

    /// <summary>What importing the row did, in words for the administrator.</summary>
    public string? Result { get; private set; }

    public void Imported(string result)
    {
        Done = true;
        Result = Trim(result);
    }

    private static string? Trim(string? text) => text is null || text.Length <= MaxMessageLength ? text : text[..MaxMessageLength];
}
