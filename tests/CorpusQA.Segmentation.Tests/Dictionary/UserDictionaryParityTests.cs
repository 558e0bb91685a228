using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CorpusQA.Segmentation.Tests.Parity;

namespace CorpusQA.Segmentation.Tests.Dictionary;

/// <summary>
/// Replays the dictionary-API scenarios of tools/segmentation/scenarios.py (load_userdict from a
/// path and from a text reader, add_word, del_word, suggest_freq with and without tune) and checks
/// every result, <c>total</c> after every step, the final frequencies, and cut/tokenize probes in all
/// modes against what Python jieba produced.
/// </summary>
public sealed class UserDictionaryParityTests
{
    private static readonly Lazy<JsonDocument> Golden = new(LoadGolden);
    private static readonly Lazy<IReadOnlyList<GoldenDocument>> Seeds = new(() => GoldenDocument.Load("golden-seeds.jsonl.gz"));

    private static JsonDocument LoadGolden()
    {
        using var gzip = new GZipStream(File.OpenRead(GoldenDocument.FixturePath("golden-api.json.gz")), CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement sc in Golden.Value.RootElement.EnumerateArray())
        {
            data.Add(sc.GetProperty("name").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ScenarioMatchesJieba(string name)
    {
        JsonElement scenario = Golden.Value.RootElement.EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        JiebaSegmenter segmenter = JiebaSegmenter.CreateDefault();
        int stepNo = 0;
        foreach (JsonElement step in scenario.GetProperty("steps").EnumerateArray())
        {
            string where = $"{name} step {stepNo++} ({step.GetProperty("op").GetString()})";
            Run(segmenter, step, where);
            if (step.TryGetProperty("total_after", out JsonElement total))
            {
                Assert.True(total.GetInt64() == segmenter.Total, $"{where}: total {segmenter.Total}, jieba {total.GetInt64()}");
            }
        }
        foreach (JsonProperty word in scenario.GetProperty("freq_after").EnumerateObject())
        {
            int? expected = word.Value.ValueKind == JsonValueKind.Null ? null : word.Value.GetInt32();
            Assert.True(expected == segmenter.GetFrequency(word.Name), $"{name}: FREQ[{word.Name}] = {segmenter.GetFrequency(word.Name)}, jieba {expected}");
        }
        Assert.Equal(scenario.GetProperty("total_after").GetInt64(), segmenter.Total);
    }

    private static void Run(JiebaSegmenter segmenter, JsonElement step, string where)
    {
        switch (step.GetProperty("op").GetString())
        {
            case "load_userdict":
                string path = Path.GetTempFileName();
                try
                {
                    File.WriteAllBytes(path, Encoding.UTF8.GetBytes(step.GetProperty("content").GetString()!));
                    segmenter.LoadUserDictionary(path);
                }
                finally
                {
                    File.Delete(path);
                }
                break;
            case "load_userdict_text":
                segmenter.LoadUserDictionary(new StringReader(step.GetProperty("content").GetString()!));
                break;
            case "add_word":
                segmenter.AddWord(step.GetProperty("word").GetString()!, OptionalInt(step, "freq"), OptionalString(step, "tag"));
                break;
            case "del_word":
                segmenter.DeleteWord(step.GetProperty("word").GetString()!);
                break;
            case "suggest_freq":
                JsonElement segment = step.GetProperty("segment");
                bool tune = step.GetProperty("tune").GetBoolean();
                int got = segment.ValueKind == JsonValueKind.String
                    ? segmenter.SuggestFreq(segment.GetString()!, tune)
                    : segmenter.SuggestFreq(segment.EnumerateArray().Select(e => e.GetString()!).ToList(), tune);
                Assert.True(step.GetProperty("expect").GetInt32() == got, $"{where}: suggest_freq {got}, jieba {step.GetProperty("expect").GetInt32()}");
                break;
            case "cut":
                string text = step.GetProperty("text").GetString()!;
                string mode = step.GetProperty("mode").GetString()!;
                List<string> expected = step.GetProperty("expect").EnumerateArray().Select(e => e.GetString()!).ToList();
                Assert.True(expected.SequenceEqual(ParityTests.CutAs(segmenter, text, mode)),
                    $"{where} [{mode}] {text}\n  jieba: |{string.Join("|", expected)}|\n  ours:  |{string.Join("|", ParityTests.CutAs(segmenter, text, mode))}|");
                break;
            case "cut_seeds":
                JsonElement[] perSeed = step.GetProperty("expect").EnumerateArray().ToArray();
                Assert.Equal(Seeds.Value.Count, perSeed.Length);
                for (int i = 0; i < perSeed.Length; i++)
                {
                    GoldenDocument seed = Seeds.Value[i];
                    foreach (JsonProperty seedMode in perSeed[i].EnumerateObject())
                    {
                        var expectedSeed = new List<ExpectedToken>();
                        int pos = 0;
                        foreach (JsonElement len in seedMode.Value.EnumerateArray())
                        {
                            expectedSeed.Add(new ExpectedToken(seed.Text.Substring(pos, len.GetInt32()), pos));
                            pos += len.GetInt32();
                        }
                        string? diff = TokenDiff.Describe($"{where} {seed.Id}", seedMode.Name, expectedSeed,
                                                          ParityTests.CutAs(segmenter, seed.Text, seedMode.Name));
                        Assert.True(diff is null, diff);
                    }
                }
                break;
            case "tokenize":
                string sentence = step.GetProperty("text").GetString()!;
                CutMode tokenizeMode = step.GetProperty("mode").GetString() == "search" ? CutMode.Search : CutMode.Accurate;
                var expectedTokens = step.GetProperty("expect").EnumerateArray()
                    .Select(t => (t[0].GetString()!, t[1].GetInt32(), t[2].GetInt32())).ToList();
                Assert.Equal(expectedTokens, segmenter.Tokenize(sentence, tokenizeMode));
                break;
            default:
                throw new InvalidDataException($"{where}: unknown op");
        }
    }

    private static int? OptionalInt(JsonElement step, string name) =>
        step.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static string? OptionalString(JsonElement step, string name) =>
        step.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
