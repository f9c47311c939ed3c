using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>What the upload form posts.</summary>
public sealed class ImportForm
{
    public int? ProgrammeId { get; set; }

    public PeopleKind? Kind { get; set; }

    public IFormFile? File { get; set; }
}

public sealed record ImportProgrammeOption(int Id, string Name);

public sealed record ImportBatchSummary(Guid Id, string ProgrammeName, PeopleKind Kind, string FileName, DateTime UploadedAt, ImportBatchStatus Status,
    int RowCount);

public sealed record ImportIndexViewModel(IReadOnlyList<ImportProgrammeOption> Programmes, ImportForm Form, IReadOnlyList<ImportBatchSummary> Recent);

public sealed record ImportRowViewModel(int Number, string Name, string Email, string? Message);

/// <summary>A batch: its preview before confirmation, its progress while it is imported, and what was done once finished.</summary>
public sealed record ImportBatchViewModel(
    Guid Id,
    string ProgrammeName,
    PeopleKind Kind,
    string FileName,
    DateTime UploadedAt,
    ImportBatchStatus Status,
    int RowCount,
    int NewCount,
    int ExistingCount,
    int ErrorCount,
    int DoneCount,
    int CreatedCount,
    int MergedCount,
    bool CanBeConfirmed,
    bool CanBeDiscarded,
    IReadOnlyList<ImportRowViewModel> New,
    IReadOnlyList<ImportRowViewModel> Existing,
    IReadOnlyList<ImportRowViewModel> Errors)
{
    /// <summary>At most this many rows of each table are shown; the counts are always complete.</summary>
    public const int RowsShown = 500;

    public int ToImport => NewCount + ExistingCount;

    public string KindName => Kind == PeopleKind.Mentors ? "mentors" : "mentees";
}

/// <summary>The page that asks before a preview is discarded, or says why it can no longer be.</summary>
public sealed record DiscardImportViewModel(Guid Id, string FileName, string? CannotDiscardBecause);

/// <summary>How far a batch has got, for the progress page's script.</summary>
public sealed record ImportProgressResponse(string Status, int Done, int Total, bool Finished);

/// <summary>One table of the batch page: new people, people already there, or rows with errors.</summary>
public sealed record ImportRowsTable(string Id, string Title, int Total, IReadOnlyList<ImportRowViewModel> Rows, string? MessageHeader);
