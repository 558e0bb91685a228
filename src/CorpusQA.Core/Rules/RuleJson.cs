using System.Text;
using System.Text.Json;
using CorpusQA.Core.Signals;

namespace CorpusQA.Core.Rules;

/// <summary>
/// The rule file format: <c>{"rules": [{"signal": "han_ratio", "min": 0.3, "reason": "low_han_ratio",
/// "source": "ChineseWebText"}, ...]}</c>. Each rule has exactly one of "min" / "max"; "source" is required so that
/// every threshold says where it comes from.
/// </summary>
internal static class RuleJson
{
    public static QualityRule[] Read(string json, string origin, SignalRegistry registry)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RuleConfigException($"{origin}: invalid JSON at line {e.LineNumber + 1}: {FirstLine(e.Message)}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new RuleConfigException($"{origin}: expected an object with a \"rules\" array");
            var rules = new List<QualityRule>();
            int index = 0;
            foreach (var element in list.EnumerateArray())
                rules.Add(ReadRule(element, $"{origin}: rule {index++}", registry));
            return [.. rules];
        }
    }

    private static QualityRule ReadRule(JsonElement element, string where, SignalRegistry registry)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new RuleConfigException($"{where}: expected an object");
        foreach (var property in element.EnumerateObject())
            if (property.Name is not ("signal" or "min" or "max" or "reason" or "source"))
                throw new RuleConfigException($"{where}: unknown property \"{property.Name}\"");
        string signal = RequiredString(element, "signal", where);
        int signalIndex = ScoreColumns.ValueIndex(signal, registry);
        if (signalIndex < 0) throw new RuleConfigException($"{where}: unknown signal \"{signal}\"");
        bool hasMin = element.TryGetProperty("min", out var min), hasMax = element.TryGetProperty("max", out var max);
        if (hasMin == hasMax) throw new RuleConfigException($"{where} ({signal}): give exactly one of \"min\" or \"max\"");
        var bound = hasMin ? RuleBound.Min : RuleBound.Max;
        var thresholdElement = hasMin ? min : max;
        if (thresholdElement.ValueKind != JsonValueKind.Number || !double.IsFinite(thresholdElement.GetDouble()))
            throw new RuleConfigException($"{where} ({signal}): \"{(hasMin ? "min" : "max")}\" must be a finite number");
        string reason = RequiredString(element, "reason", where);
        if (!IsSnakeCase(reason)) throw new RuleConfigException($"{where} ({signal}): reason \"{reason}\" is not snake_case");
        string source = RequiredString(element, "source", where);
        return new QualityRule(signal, bound, thresholdElement.GetDouble(), reason, source) { SignalIndex = signalIndex };
    }

    private static string RequiredString(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
            throw new RuleConfigException($"{where}: \"{name}\" must be a non-empty string");
        return text;
    }

    /// <summary>Lower-case ASCII letters and digits in '_'-separated parts, starting with a letter.</summary>
    public static bool IsSnakeCase(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetterLower(name[0]) || name[^1] == '_') return false;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) continue;
            if (c == '_' && name[i - 1] != '_') continue;
            return false;
        }
        return true;
    }

    /// <summary>A rule file: one rule per line, with its source.</summary>
    public static string Write(IReadOnlyList<QualityRule> rules)
    {
        var lines = rules.Select(rule =>
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteString("signal", rule.Signal);
                writer.WriteNumber(rule.Bound == RuleBound.Min ? "min" : "max", rule.Threshold);
                writer.WriteString("reason", rule.Reason);
                writer.WriteString("source", rule.Source);
                writer.WriteEndObject();
            }
            return "    " + Encoding.UTF8.GetString(buffer.ToArray()).Replace("\"signal\"", "\"signal\"");
        });
        return "{\n  \"rules\": [\n" + string.Join(",\n", lines) + "\n  ]\n}\n";
    }

    public static string Canonical(IReadOnlyList<QualityRule> rules)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("signal", rule.Signal);
                writer.WriteNumber(rule.Bound == RuleBound.Min ? "min" : "max", rule.Threshold);
                writer.WriteString("reason", rule.Reason);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n');
        return newline < 0 ? message : message[..newline].TrimEnd();
    }
}
