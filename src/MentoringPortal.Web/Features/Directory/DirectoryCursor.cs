using System.Buffers.Text;
using System.Globalization;
using System.Text;
using MentoringPortal.Domain.Mentors;

namespace MentoringPortal.Web.Features.Directory;

/// <summary>
/// Where a Next or Previous link reads on from: the sort key of the last (or first) card of the page it was on. Opaque in
/// the URL (base64url); anything that does not decode, or that belongs to another sort, is ignored and the page number
/// is used instead, so a tampered link is only a slower page.
/// </summary>
public sealed record DirectoryCursor(string Sort, DirectoryState State, int FreePlaces, DateTime CreatedAt, string Name, int Id)
{
    private const char Separator = '\u001f';

    public static DirectoryCursor Of(string sort, DirectoryState state, int freePlaces, DateTime createdAt, string name, int id) =>
        new(sort, state, freePlaces, createdAt, name, id);

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator,
        Sort, ((int)State).ToString(CultureInfo.InvariantCulture), FreePlaces.ToString(CultureInfo.InvariantCulture),
        CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture), Id.ToString(CultureInfo.InvariantCulture), Name)));

    public static DirectoryCursor? Decode(string? text, string sort)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 400)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(Separator, 6);
            return parts.Length == 6 && parts[0] == sort
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var state) && Enum.IsDefined((DirectoryState)state)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var places)
                && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
                && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new DirectoryCursor(sort, (DirectoryState)state, places, new DateTime(ticks, DateTimeKind.Utc), parts[5], id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
