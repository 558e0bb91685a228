using CorpusQA.Core.Text;

namespace CorpusQA.Core.Tests.Text;

public class RepeatSketchTests
{
    [Fact]
    public void Repeated_keys_always_may_repeat_and_most_unique_keys_do_not()
    {
        var random = new Random(42);
        var sketch = new RepeatSketch();
        for (int round = 0; round < 3; round++) // reuse: a reset must forget the previous round
        {
            var repeated = new ulong[500];
            var unique = new ulong[5000];
            for (int i = 0; i < repeated.Length; i++) repeated[i] = (ulong)random.NextInt64();
            for (int i = 0; i < unique.Length; i++) unique[i] = (ulong)random.NextInt64();
            sketch.Reset(repeated.Length * 2 + unique.Length);
            foreach (ulong key in unique) sketch.Add(key);
            foreach (ulong key in repeated) sketch.Add(key);
            foreach (ulong key in repeated) sketch.Add(key);

            Assert.All(repeated, key => Assert.True(sketch.MayRepeat(key)));
            int falsePositives = unique.Count(sketch.MayRepeat);
            Assert.InRange(falsePositives, 0, unique.Length / 4);
        }
    }

    [Fact]
    public void A_key_added_once_is_not_reported_when_alone()
    {
        var sketch = new RepeatSketch();
        sketch.Reset(1);
        sketch.Add(12345);
        Assert.False(sketch.MayRepeat(12345));
        sketch.Add(12345);
        sketch.Add(12345);
        Assert.True(sketch.MayRepeat(12345));
    }
}
