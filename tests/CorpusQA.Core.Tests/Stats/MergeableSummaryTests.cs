using System.Text.Json;
using CorpusQA.Core.Stats;

namespace CorpusQA.Core.Tests.Stats;

/// <summary>Shards' summaries, saved and read back and merged in order, write the same summary.json as one pass.</summary>
public sealed class MergeableSummaryTests
{
    [Fact]
    public void Exact_sum_does_not_depend_on_order_or_partition()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 5000).Select(_ => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-12, 12))).ToArray();
        var forward = new ExactSum();
        foreach (var v in values) forward.Add(v);
        var backward = new ExactSum();
        foreach (var v in values.Reverse()) backward.Add(v);
        var merged = new ExactSum();
        for (int part = 0; part < 7; part++)
        {
            var shard = new ExactSum();
            foreach (var v in values.Skip(part * 800).Take(800)) shard.Add(v);
            merged.Add(shard);
        }

        Assert.Equal(forward.Value, backward.Value);
        Assert.Equal(forward.Value, merged.Value);
        // The naive running sum does depend on the order here, which is why the sketches use the exact one.
        Assert.NotEqual(values.Aggregate(0.0, (a, v) => a + v), values.Reverse().Aggregate(0.0, (a, v) => a + v));
    }

    [Fact]
    public void Exact_sum_is_the_correctly_rounded_sum()
    {
        var sum = new ExactSum();
        foreach (var v in new[] { 1e100, 1.0, -1e100, 1e-100 }) sum.Add(v);
        Assert.Equal(1.0, sum.Value);
        var tenth = new ExactSum();
        for (int i = 0; i < 10; i++) tenth.Add(0.1);
        Assert.Equal(1.0, tenth.Value);
    }

    [Fact]
    public void Summaries_merged_from_saved_shard_states_write_the_one_pass_json()
    {
        string[] signals = ["a", "b"];
        var random = new Random(11);
        var docs = Enumerable.Range(0, 3000).Select(i => (File: $"f{i % 3}", Values: new[] { random.NextDouble() * 100 - 20, i % 17 == 0 ? double.NaN : random.NextDouble() },
            Chars: random.Next(1, 900), Keep: i % 5 != 0, Reasons: i % 5 == 0 ? new[] { i % 2 == 0 ? "short" : "noisy" } : [], Script: i % 7 == 0 ? null : "Hans")).ToList();
        var one = new CorpusSummary(signals);
        foreach (var d in docs)
        {
            one.Add(d.File, d.Values, d.Chars, d.Chars * 3, d.Keep, d.Reasons);
            one.AddCategory("script", d.Script);
        }

        var merged = new CorpusSummary(signals);
        foreach (var chunk in docs.Chunk(701))
        {
            var shard = new CorpusSummary(signals);
            foreach (var d in chunk)
            {
                shard.Add(d.File, d.Values, d.Chars, d.Chars * 3, d.Keep, d.Reasons);
                shard.AddCategory("script", d.Script);
            }

            var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer)) shard.WriteState(json);
            using var state = JsonDocument.Parse(buffer.ToArray());
            merged.Merge(CorpusSummary.ReadState(state.RootElement));
        }

        Assert.Equal(Json(one), Json(merged));
    }

    private static string Json(CorpusSummary summary)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true })) summary.WriteJson(json, new Dictionary<string, object?>());
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
