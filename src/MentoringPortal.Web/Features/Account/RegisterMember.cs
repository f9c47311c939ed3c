using MentoringPortal.Domain.Mentees;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Features.Account;

/// <summary>
/// Registers a member: the account, its role, its mentee record and the confirmation email in one unit.
/// An address that already has an account gets the same answer, and its owner an email instead.
/// </summary>
public sealed class RegisterMember(
    PortalDbContext db,
    UserManager<PortalUser> users,
    PortalEmails emails,
    TimeProvider time,
    ILogger<RegisterMember> logger)
{
    public async Task<MemberRegistration> RunAsync(string email, string displayName, string password, CancellationToken cancellationToken)
    {
        // The password is judged before anything else, so a weak one gets the same answer for a new address and
        // for one that already has an account.
        var weak = await PasswordErrorsAsync(NewUser(email, displayName), password);
        if (weak.Count > 0)
        {
            return new MemberRegistration.Refused(weak);
        }

        var registration = await db.InOneUnitAsync(_ => RegisterAsync(email, displayName, password, cancellationToken), cancellationToken);
        if (registration is MemberRegistration.Registered { UserId: { } userId })
        {
            logger.LogInformation("New account {UserId} registered.", userId);
        }

        return registration;
    }

    private async Task<MemberRegistration> RegisterAsync(string email, string displayName, string password,
        CancellationToken cancellationToken)
    {
        // Built inside the unit, so a retried unit starts from a user Identity has not yet seen.
        var user = NewUser(email, displayName);
        var existing = await users.FindByEmailAsync(user.Email!);
        if (existing is { Email: not null })
        {
            // Say the same as for a new account, after the same hashing work, so the form cannot be used to find
            // out who is a member; the owner of the address is told by email instead.
            _ = users.PasswordHasher.HashPassword(existing, password);
            emails.AccountAlreadyExists(new Recipient(existing.Email, existing.DisplayName));
            await db.SaveChangesAsync(cancellationToken);
            return new MemberRegistration.Registered(existing.Email, null);
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new MemberRegistration.Refused([.. created.Errors.Select(ErrorFor)]);
        }

        await users.AddToRoleAsync(user, Roles.Mentee);
        db.Mentees.Add(new Mentee(user.Id, user.DisplayName, user.CreatedAt));
        emails.ConfirmEmail(new Recipient(user.Email!, user.DisplayName), await AccountLinks.ConfirmationLinkAsync(users, emails, user));
        await db.SaveChangesAsync(cancellationToken);
        return new MemberRegistration.Registered(user.Email!, user.Id);
    }

    private PortalUser NewUser(string email, string displayName) => new()
    {
        UserName = email.Trim(),
        Email = email.Trim(),
        DisplayName = displayName.Trim(),
        CreatedAt = time.GetUtcNow().UtcDateTime,
    };

    private async Task<List<RegistrationError>> PasswordErrorsAsync(PortalUser user, string password)
    {
        var errors = new List<RegistrationError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => new RegistrationError(RegistrationField.Password, e.Description)));
        }

        return errors;
    }

    private static RegistrationError ErrorFor(IdentityError error)
    {
        var field = error.Code.Contains("Password", StringComparison.Ordinal) ? RegistrationField.Password
            : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal)
                ? RegistrationField.Email
                : RegistrationField.None;
        return new RegistrationError(field, error.Code is "DuplicateUserName" or "DuplicateEmail"
            ? "This email address has just been registered. Check your email, or sign in."
            : error.Description);
    }
}

public enum RegistrationField
{
    None,
    Email,
    Password,
}

public sealed record RegistrationError(RegistrationField Field, string Message);

/// <summary>What registering came to, for the controller to show.</summary>
public abstract record MemberRegistration
{
    private MemberRegistration()
    {
    }

    /// <summary>The password or the address was not accepted; nothing was saved.</summary>
    public sealed record Refused(IReadOnlyList<RegistrationError> Errors) : MemberRegistration;

    /// <summary>
    /// An email is on its way: a confirmation link for a new account (<paramref name="UserId"/> set), or a note to the
    /// owner of an address that already had one (no id: the answer must not tell them apart).
    /// </summary>
    public sealed record Registered(string Email, string? UserId) : MemberRegistration;
}
