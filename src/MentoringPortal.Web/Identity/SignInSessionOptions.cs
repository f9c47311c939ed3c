using System.ComponentModel.DataAnnotations;

namespace MentoringPortal.Web.Identity;

/// <summary>Section "Sessions": how long a sign-in lasts.</summary>
public sealed class SignInSessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A session ends after this long without a request.</summary>
    [Range(5, 1440, ErrorMessage = "Sessions:IdleTimeoutMinutes must be between 5 and 1440.")]
    public int IdleTimeoutMinutes { get; set; } = 480;

    /// <summary>A session ends this long after sign-in, however active it is.</summary>
    [Range(1, 720, ErrorMessage = "Sessions:AbsoluteLifetimeHours must be between 1 and 720.")]
    public int AbsoluteLifetimeHours { get; set; } = 12;
}
