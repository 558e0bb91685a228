using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace CorpusQA.Reports.Html;

/// <summary>
/// Document text, ids and file names are data: every string that reaches the page passes through here. Lone
/// surrogates become U+FFFD, long texts are cut (never inside a surrogate pair), HTML is escaped, and JSON embedded in
/// a <c>&lt;script type="application/json"&gt;</c> block has &lt; &gt; &amp; U+2028 U+2029 escaped so that no
/// <c>&lt;/script&gt;</c> or <c>&lt;!--</c> inside a string can end the block.
/// </summary>
internal static class SafeText
{
    // Both encoders always escape what HTML or JavaScript give meaning to (< > & " ' + `), control and format
    // characters (RTL overrides, zero-width characters), U+2028/U+2029 and lone surrogates; Han text stays readable.
    private static readonly HtmlEncoder MarkupEncoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly JavaScriptEncoder JsonEncoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>The text with every unpaired UTF-16 surrogate replaced by U+FFFD (the writer refuses invalid UTF-16).</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        int i = 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) break;
        }
        if (i >= text.Length) return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return builder.ToString();
    }

    /// <summary>At most <paramref name="maxChars"/> UTF-16 units (a pair is never split), "…" appended when cut; surrogates repaired.</summary>
    public static string Cut(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.Length > maxChars)
        {
            int end = maxChars;
            if (end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
            text = text[..end] + "…";
        }
        return ReplaceLoneSurrogates(text);
    }

    /// <summary>HTML-escaped text for element content and quoted attribute values.</summary>
    public static string Html(string? text) => MarkupEncoder.Encode(ReplaceLoneSurrogates(text ?? ""));

    /// <summary>
    /// Serializes <paramref name="write"/>'s JSON for a <c>&lt;script type="application/json"&gt;</c> block: the
    /// encoder escapes &lt; &gt; &amp; ' + `, U+2028/U+2029 and format characters as \u escapes.
    /// </summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonEncoder }))
        {
            write(writer);
        }
        string json = Encoding.UTF8.GetString(buffer.ToArray());
        // The encoder lets format characters (RTL overrides, zero-width characters) through; outside strings JSON has
        // none, so escaping every one keeps the block ASCII-clean where it matters.
        StringBuilder? escaped = null;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            var category = char.GetUnicodeCategory(c);
            bool escape = category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (escape && escaped is null) escaped = new StringBuilder(json, 0, i, json.Length + 16);
            if (escaped is null) continue;
            if (escape) escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else escaped.Append(c);
        }
        return escaped?.ToString() ?? json;
    }

    /// <summary>A number for the page: shortest round-trip form (what JavaScript parses to the same double).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number for people: up to 4 significant digits, integers with thousands separators.</summary>
    public static string Pretty(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "∞" : "-∞";
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) return value.ToString("#,0", CultureInfo.InvariantCulture);
        double abs = Math.Abs(value);
        if (abs >= 1e6 || abs < 1e-3) return value.ToString("0.###e0", CultureInfo.InvariantCulture);
        return value.ToString(abs >= 100 ? "0.#" : abs >= 1 ? "0.###" : "0.####", CultureInfo.InvariantCulture);
    }

    public static string Percent(long part, long whole) =>
        whole == 0 ? "0%" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
