using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace MentoringPortal.Web.Hosting;

/// <summary>
/// The schemes are British: every date and number the portal formats, on a page, in an email or in a
/// background job, reads the same whatever the server's LANG or the browser's Accept-Language says.
/// </summary>
public static class PortalCulture
{
    public static CultureInfo Value { get; } = CultureInfo.GetCultureInfo("en-GB");

    public static WebApplicationBuilder AddPortalCulture(this WebApplicationBuilder builder)
    {
        // Hosted services and anything else outside a request start on these.
        CultureInfo.DefaultThreadCurrentCulture = Value;
        CultureInfo.DefaultThreadCurrentUICulture = Value;
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Value);
            options.SupportedCultures = [Value];
            options.SupportedUICultures = [Value];
            options.RequestCultureProviders.Clear();
        });
        return builder;
    }
}
