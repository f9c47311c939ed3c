using MentoringPortal.Domain.Notifications;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Email.Templates;
using MentoringPortal.Web.Email.Templates.Shared;

namespace MentoringPortal.UnitTests.Notifications;

/// <summary>Every email template is classified once: a kind the person chooses for, or always at once.</summary>
public sealed class EmailKindsTests
{
    [Fact]
    public void EveryTemplate_IsEitherAKindOrAlwaysAtOnce_NeverBoth()
    {
        var templates = typeof(EmailKinds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(EmailTemplate<>))
            .ToList();

        Assert.NotEmpty(templates);
        Assert.All(templates, t => Assert.True(EmailKinds.Chosen.ContainsKey(t) ^ EmailKinds.AlwaysAtOnce.Contains(t), $"{t.Name} must be in exactly one list."));
    }

    [Theory]
    [InlineData(typeof(NewRequest), EmailKind.Requests)]
    [InlineData(typeof(RequestAccepted), EmailKind.Requests)]
    [InlineData(typeof(ProposalReceived), EmailKind.Requests)]
    [InlineData(typeof(MessageWaiting), EmailKind.Messages)]
    [InlineData(typeof(MeetingPlanned), EmailKind.Meetings)]
    [InlineData(typeof(MeetingOverdue), EmailKind.Meetings)]
    [InlineData(typeof(TrainingExpiring), EmailKind.Meetings)]
    [InlineData(typeof(Broadcast), EmailKind.SchemeNews)]
    [InlineData(typeof(EvaluationInvitation), EmailKind.SchemeNews)]
    public void Kind_OfAnEmail(Type template, EmailKind kind)
    {
        Assert.Equal(kind, EmailKinds.Of(template));
    }

    [Theory]
    [InlineData(typeof(ConfirmEmail))]
    [InlineData(typeof(ResetPassword))]
    [InlineData(typeof(PasswordChanged))]
    [InlineData(typeof(AccountErased))]
    [InlineData(typeof(DataExportReady))]
    [InlineData(typeof(DailyDigest))]
    public void AccountAndSecurityEmails_HaveNoKind(Type template)
    {
        Assert.Null(EmailKinds.Of(template));
    }
}
