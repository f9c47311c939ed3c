namespace MentoringPortal.Web.Email.Templates;

/// <summary>
/// The link that proves a person reads this address before an organisation sign-in is linked to the account
/// (for a <paramref name="NewAccount"/> made by that sign-in, the same link confirms the address).
/// </summary>
public sealed record SingleSignOnLinkModel(string ProviderName, string IdentityName, string LinkUrl, bool NewAccount) : IEmailModel<SingleSignOnLink>;
