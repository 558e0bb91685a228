using System.Text.Json;
using System.Text.Json.Nodes;

namespace CorpusQA.IO.Writers;

/// <summary>
/// The input's Parquet key-value metadata as carried over to <c>kept.parquet</c> / <c>removed.parquet</c>: every entry
/// (e.g. the <c>huggingface</c> key that <c>datasets</c> writes, <c>pandas</c>) except <c>ARROW:schema</c>, a serialized
/// Arrow schema that describes the writer's own physical layout, which Parquet.Net rewrites. For removed, the
/// <c>huggingface</c> features also list the added <c>drop_reasons</c> string column, so <c>datasets</c> loads it.
/// </summary>
internal static class ParquetKeyValueMetadata
{
    private const string ArrowSchemaKey = "ARROW:schema";
    private const string HuggingFaceKey = "huggingface";

    public static IReadOnlyDictionary<string, string> ForKept(IReadOnlyDictionary<string, string> input) =>
        input.Where(p => p.Key != ArrowSchemaKey).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> ForRemoved(IReadOnlyDictionary<string, string> input)
    {
        var metadata = new Dictionary<string, string>(ForKept(input), StringComparer.Ordinal);
        if (metadata.TryGetValue(HuggingFaceKey, out string? hf)) metadata[HuggingFaceKey] = WithDropReasonsFeature(hf);
        return metadata;
    }

    /// <summary>Adds <c>"drop_reasons": {"dtype": "string", "_type": "Value"}</c> to <c>info.features</c>; other JSON is kept as is.</summary>
    private static string WithDropReasonsFeature(string json)
    {
        try
        {
            if (JsonNode.Parse(json) is JsonObject root && root["info"]?["features"] is JsonObject features
                && !features.ContainsKey(FilterOutputWriter.DropReasonsColumn))
            {
                features[FilterOutputWriter.DropReasonsColumn] = new JsonObject { ["dtype"] = "string", ["_type"] = "Value" };
                return root.ToJsonString();
            }
        }
        catch (JsonException)
        {
            // Not the JSON datasets writes: carried over unchanged.
        }

        return json;
    }
}
