namespace MentoringPortal.Web.Email.Templates;

/// <summary>
/// The link that proves a person reads this address before an organisation sign-in is linked to the account.
/// </summary>
public sealed record SingleSignOnLinkModel(string ProviderName, string IdentityName, string LinkUrl) : IEmailModel<SingleSignOnLink>;
