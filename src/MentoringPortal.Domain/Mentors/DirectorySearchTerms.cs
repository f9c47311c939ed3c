using System.Globalization;
using System.Text;

namespace MentoringPortal.Domain.Mentors;

/// <summary>
/// The words of a directory search, each with the other ways the scheme's people say it (a reviewed list: ADR-015), so
/// "maternity" also finds mentors who wrote "parental leave". Only letters and digits survive, so the query written for
/// the database can never be a syntax error. A search is at most <see cref="MaxTerms"/> terms, every one of which must
/// match (one of its alternatives). Words too common to mean anything (<see cref="StopWords"/>) are left out unless they
/// are part of a phrase of the list.
/// </summary>
public sealed class DirectorySearchTerms
{
    public const int MaxTerms = 8;

    /// <summary>
    /// Each line is one meaning, in the scheme's words; a search for any of them finds every one. Keep them to what
    /// trainees and mentors write: a synonym that is only close widens every search that uses it.
    /// </summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Synonyms =
    [
        ["parental leave", "maternity", "paternity", "adoption leave"],
        ["burnout", "wellbeing", "well being"],
        ["ltft", "less than full time"],
        ["rtt", "return to training", "returning to training"],
        ["arcp", "annual review of competence progression"],
        ["portfolio", "eportfolio"],
        ["imposter", "impostor"],
        ["exam", "exams", "examination", "examinations"],
        ["img", "international medical graduate", "international graduate"],
        ["oop", "out of programme"],
        ["cct", "certificate of completion of training"],
    ];

    /// <summary>
    /// PostgreSQL's English stop words (tsearch_data/english.stop), which its full-text search never indexes: a search
    /// word among them would otherwise match no one, so "leadership and management" would find nobody.
    /// </summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him",
        "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
        "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being",
        "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or", "because", "as",
        "until", "while", "of", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during", "before",
        "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further",
        "then", "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most",
        "other", "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will",
        "just", "don", "should", "now",
    };

    private static readonly IReadOnlyList<(string[] Words, IReadOnlyList<string> Meaning)> Phrases = Synonyms
        .SelectMany(meaning => meaning.Select(phrase => (Words: phrase.Split(' '), Meaning: meaning)))
        .OrderByDescending(p => p.Words.Length)
        .ToList();

    private DirectorySearchTerms(IReadOnlyList<IReadOnlyList<string>> terms) => Terms = terms;

    /// <summary>Each term's alternatives; an alternative of several words is a phrase.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>
    /// A search of one term (one word, or one meaning of <see cref="Synonyms"/> with all its alternatives): one key of the
    /// word index, so its matches are counted and ranked from one range of it (ADR-015).
    /// </summary>
    public IReadOnlyList<string>? SingleTerm => Terms is [var term] ? term : null;

    /// <summary>Whether <paramref name="term"/> is one of <see cref="Synonyms"/>' meanings rather than a word of the search.</summary>
    public static bool IsMeaning(IReadOnlyList<string> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.Count > 1;
    }

    public static DirectorySearchTerms Parse(string? text)
    {
        var words = Words(text);
        var terms = new List<IReadOnlyList<string>>();
        for (var i = 0; i < words.Count && terms.Count < MaxTerms;)
        {
            var start = i;
            var phrase = Phrases.FirstOrDefault(p => p.Words.Length <= words.Count - start
                && p.Words.Select((w, k) => (w, k)).All(x => string.Equals(x.w, words[start + x.k], StringComparison.Ordinal)));
            if (phrase.Words is null)
            {
                if (!StopWords.Contains(words[i]))
                {
                    terms.Add([words[i]]);
                }

                i++;
            }
            else
            {
                terms.Add(phrase.Meaning);
                i += phrase.Words.Length;
            }
        }

        return new DirectorySearchTerms(terms);
    }

    /// <summary>
    /// One term for PostgreSQL's <c>to_tsquery</c>, its alternatives joined by <c>|</c> and a phrase's words by <c>&lt;-&gt;</c>:
    /// <c>parental &lt;-&gt; leave | maternity</c>. For a meaning of <see cref="Synonyms"/> this is also its key in the
    /// database's word index (ADR-015).
    /// </summary>
    public static string ToTsQuery(IReadOnlyList<string> term) =>
        string.Join(" | ", term.Select(alternative => alternative.Replace(" ", " <-> ", StringComparison.Ordinal)));

    /// <summary>For SQLite FTS5's <c>MATCH</c>: <c>("maternity" OR "parental leave") AND "leadership"</c>.</summary>
    public string ToFts5Match() => string.Join(" AND ", Terms.Select(term =>
        "(" + string.Join(" OR ", term.Select(alternative => $"\"{alternative}\"")) + ")"));

    private static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
