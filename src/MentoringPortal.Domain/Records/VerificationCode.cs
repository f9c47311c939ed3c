using System.Security.Cryptography;

namespace MentoringPortal.Domain.Records;

/// <summary>
/// The code an appraiser types to check an issued record: 12 characters of Crockford's base32
/// (60 random bits), shown in groups of four. Crockford's alphabet has no I, L, O or U, so a code
/// read aloud or copied by hand is still found: those letters are read as 1, 1, 0 and V.
/// </summary>
public static class VerificationCode
{
    public const int Length = 12;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The stored form of what someone typed, or null when it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var chars = new List<char>(Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            var read = c switch { 'I' or 'L' => '1', 'O' => '0', 'U' => 'V', _ => c };
            if (!Alphabet.Contains(read, StringComparison.Ordinal))
            {
                return null;
            }

            chars.Add(read);
        }

        return chars.Count == Length ? new string([.. chars]) : null;
    }

    /// <summary>"ABCD-EFGH-JKMN".</summary>
    public static string Grouped(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Join('-', code.Chunk(4).Select(part => new string(part)));
    }
}
