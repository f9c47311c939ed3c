using System.ComponentModel.DataAnnotations;

namespace MentoringPortal.Web.Email;

/// <summary>Section "Email".</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required(ErrorMessage = "Email:From is required, e.g. \"Mentoring scheme <mentoring@example.org>\".")]
    public string From { get; set; } = string.Empty;

    /// <summary>When set, emails are written as .eml files to this folder instead of being sent (development).</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    [Range(1, 3600, ErrorMessage = "Email:DispatchIntervalSeconds must be between 1 and 3600.")]
    public int DispatchIntervalSeconds { get; set; } = 10;

    public bool UsesPickupDirectory => !string.IsNullOrWhiteSpace(PickupDirectory);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool EnableSsl { get; set; } = true;
}
