using MentoringPortal.Domain;
using MentoringPortal.Domain.Notifications;

namespace MentoringPortal.UnitTests.Notifications;

public sealed class NotificationSettingsTests
{
    [Fact]
    public void NoSettings_EverythingAtOnce()
    {
        Assert.Equal(EmailDelivery.AtOnce, NotificationSettings.Resolve(null, EmailKind.Messages, carriesCalendar: false));
    }

    [Fact]
    public void NoKind_AtOnce_EvenWithEverythingOff()
    {
        var settings = Everything(EmailDelivery.Off);

        Assert.Equal(EmailDelivery.AtOnce, NotificationSettings.Resolve(settings, kind: null, carriesCalendar: false));
    }

    [Theory]
    [InlineData(EmailDelivery.AtOnce)]
    [InlineData(EmailDelivery.Digest)]
    [InlineData(EmailDelivery.Off)]
    public void EachKind_FollowsItsOwnChoice(EmailDelivery chosen)
    {
        var settings = new NotificationSettings("user-1");
        settings.Choose(EmailKind.SchemeNews, chosen);

        Assert.Equal(chosen, NotificationSettings.Resolve(settings, EmailKind.SchemeNews, carriesCalendar: false));
        Assert.Equal(EmailDelivery.AtOnce, NotificationSettings.Resolve(settings, EmailKind.Requests, carriesCalendar: false));
    }

    [Fact]
    public void CalendarEmail_WithDigestChosen_GoesAtOnce_ButOffStaysOff()
    {
        Assert.Equal(EmailDelivery.AtOnce, NotificationSettings.Resolve(Everything(EmailDelivery.Digest), EmailKind.Meetings, carriesCalendar: true));
        Assert.Equal(EmailDelivery.Off, NotificationSettings.Resolve(Everything(EmailDelivery.Off), EmailKind.Meetings, carriesCalendar: true));
    }

    [Fact]
    public void Choose_NotAChoice_Throws()
    {
        var settings = new NotificationSettings("user-1");

        Assert.Throws<DomainRuleException>(() => settings.Choose(EmailKind.Requests, (EmailDelivery)7));
        Assert.Equal(EmailDelivery.AtOnce, settings.Requests);
    }

    private static NotificationSettings Everything(EmailDelivery delivery)
    {
        var settings = new NotificationSettings("user-1");
        foreach (var kind in Enum.GetValues<EmailKind>())
        {
            settings.Choose(kind, delivery);
        }

        return settings;
    }
}
