namespace MentoringPortal.Web.Features.Admin.Emails;

public sealed record ParkedEmailRow(long Id, string To, string Subject, string Reason, DateTime ParkedAt, int Attempts, DateTime CreatedAt);

public sealed record ParkedEmailsViewModel(IReadOnlyList<ParkedEmailRow> Emails);
