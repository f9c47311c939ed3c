using System.ComponentModel.DataAnnotations;
using MentoringPortal.Web.Forms;

namespace MentoringPortal.Web.Features.Admin.Pairings;

public enum PairingStatusFilter
{
    Active = 0,
    Ended = 1,
    All = 2,
}

/// <summary>The filters of the pairings list, kept in the query string so each page of results can be linked to.</summary>
public sealed class PairingsQuery
{
    public const int PageSize = 25;

    public int? Programme { get; set; }

    public PairingStatusFilter Status { get; set; } = PairingStatusFilter.Active;

    public bool Overdue { get; set; }

    [StringLength(100)]
    public string? Q { get; set; }

    public int Page { get; set; } = 1;

    public string UrlFor(int page)
    {
        var parts = new List<string>();
        if (Programme is { } programme)
        {
            parts.Add($"programme={programme}");
        }

        if (Status != PairingStatusFilter.Active)
        {
            parts.Add($"status={Status.ToString().ToLowerInvariant()}");
        }

        if (Overdue)
        {
            parts.Add("overdue=true");
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add("q=" + Uri.EscapeDataString(Q.Trim()));
        }

        if (page > 1)
        {
            parts.Add($"page={page}");
        }

        return "/admin/pairings" + (parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts));
    }
}

public sealed record ProgrammeOption(int Id, string Name);

/// <summary>One row of the pairings list: facts only.</summary>
public sealed record PairingRow(
    int Id,
    string Mentee,
    string Mentor,
    string Programme,
    DateTime StartedAt,
    int MeetingsHeld,
    DateTime? LastMeeting,
    bool Overdue,
    bool ChangeRequested,
    bool IsActive);

public sealed record PairingsListViewModel(
    PairingsQuery Query,
    IReadOnlyList<ProgrammeOption> Programmes,
    IReadOnlyList<PairingRow> Rows,
    int Total,
    Pagination Pagination);

public sealed record OpenChangeRequest(int Id, string RequestedBy, DateTime RequestedAt, string Reason);

/// <summary>What an administrator may know about a pairing: when and how often the pair met, never what they discussed.</summary>
public sealed record PairingDetail(
    int Id,
    int ProgrammeId,
    string Programme,
    int MenteeId,
    string Mentee,
    int MentorId,
    string Mentor,
    DateTime StartedAt,
    bool IsActive,
    DateTime? EndedAt,
    string? EndReason,
    int MeetingsHeld,
    DateTime? LastMeeting,
    DateTime? NextMeeting,
    bool Overdue,
    IReadOnlyList<OpenChangeRequest> ChangeRequests);

public sealed record ReassignViewModel(PairingDetail Pairing, SuggestionsViewModel Suggestions);

public sealed record ConfirmReassignViewModel(PairingDetail Pairing, int NewMentorId, string NewMentor);

public sealed class EndByAdministratorForm
{
    [StringLength(1000, ErrorMessage = "Keep the message to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Message { get; set; }
}

public sealed record EndByAdministratorViewModel(PairingDetail Pairing, EndByAdministratorForm Form);
