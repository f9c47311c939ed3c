using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MentoringPortal.Domain.Evaluation;

namespace MentoringPortal.Web.Features.MeetingRatings;

public sealed class MeetingRatingForm
{
    public const string UsefulnessMessage = "Choose how useful the meeting was, from 1 to 5.";

    public static IReadOnlyList<int> Values { get; } = [1, 2, 3, 4, 5];

    public int? Usefulness { get; set; }

    [Display(Name = "Your private comment")]
    [StringLength(MeetingRating.MaxCommentLength, ErrorMessage = "Keep your comment to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }

    public static string Label(int value) => $"{value.ToString(CultureInfo.InvariantCulture)} — {MeetingRating.Describe(value)}";
}

public sealed record MeetingRatingViewModel(int PairingId, int MeetingId, string OtherName, string When, bool AlreadyRated, MeetingRatingForm Form);

/// <summary>One of the member's own ratings, on /me/ratings.</summary>
public sealed record OwnRatingRow(int PairingId, int MeetingId, string When, string OtherName, string Programme, int Usefulness, string? Comment,
    DateTime UpdatedAt)
{
    public string Value => $"{Usefulness.ToString(CultureInfo.InvariantCulture)} of 5 — {MeetingRating.Describe(Usefulness)}";
}

public sealed record OwnRatingsViewModel(IReadOnlyList<OwnRatingRow> Ratings);

/// <summary>The line on a held meeting's card: rate it, or what the member gave it.</summary>
public sealed record MeetingRatingLinkViewModel(int PairingId, int MeetingId, int? Usefulness);
