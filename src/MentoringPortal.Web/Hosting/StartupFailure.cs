using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Hosting;

/// <summary>A setting the portal cannot start with. Its message names the setting and what to do, in one line.</summary>
public sealed class PortalStartupException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Turns a failure while starting into the one line an operator needs, or null for a genuine bug.</summary>
public static partial class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        PortalStartupException startup => OneLine(startup.Message),
        OptionsValidationException options => OneLine(string.Join(" ", options.Failures.Select(Unwrap))
            + " Fix it in appsettings.json or an environment variable (':' becomes '__', e.g. Portal__BaseUrl)."),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } inUse => OneLine(
            $"{inUse.Message} Stop the other program or set ASPNETCORE_URLS (or --urls) to a free address."),
        _ => null,
    };

    // DataAnnotations wraps our messages in "DataAnnotation validation failed for 'X' members: 'Y' with the error: '...'."
    private static string Unwrap(string failure) =>
        DataAnnotationFailure().Match(failure) is { Success: true } match ? match.Groups["message"].Value : failure;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    [GeneratedRegex("with the error: '(?<message>.*)'\\.?$", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DataAnnotationFailure();
}
