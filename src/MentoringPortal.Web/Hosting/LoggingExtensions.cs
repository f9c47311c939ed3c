using Microsoft.AspNetCore.HttpLogging;
using Serilog;

namespace MentoringPortal.Web.Hosting;

public static class LoggingExtensions
{
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);

        // Method, path, status and duration only: no query strings (they carry confirmation and
        // reset tokens), no headers (cookies), no bodies (passwords, messages).
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }
}
