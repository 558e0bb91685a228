using CorpusQA.Segmentation.Tests.Parity;

namespace CorpusQA.Segmentation.Tests;

/// <summary>Instances are independent, one instance is safe to share across threads, and cuts do not allocate.</summary>
public sealed class JiebaSegmenterIsolationTests
{
    private static readonly Lazy<IReadOnlyList<GoldenDocument>> Seeds = new(() => GoldenDocument.Load("golden-seeds.jsonl.gz"));

    [Fact]
    public void ChangingOneInstanceLeavesOthersAlone()
    {
        JiebaSegmenter a = JiebaSegmenter.CreateDefault();
        JiebaSegmenter b = JiebaSegmenter.CreateDefault();
        const string text = "江州市长江大桥参加了长江大桥的通车仪式";
        List<string> before = b.Cut(text);

        a.AddWord("江州市长", 100_000);
        a.DeleteWord("长江大桥");
        a.SuggestFreq(["通车", "仪式"], tune: true);

        Assert.NotEqual(before, a.Cut(text));
        Assert.Equal(before, b.Cut(text));
        Assert.Equal(before, JiebaSegmenter.CreateDefault().Cut(text));
        Assert.Null(b.GetFrequency("江州市长"));
        Assert.Equal(3858, b.GetFrequency("长江大桥"));
        Assert.Equal(0, a.GetFrequency("长江大桥"));
        Assert.NotEqual(a.Total, b.Total);
    }

    [Fact]
    public void ConcurrentCutsEqualSequentialOnes()
    {
        JiebaSegmenter seg = SharedSegmenter.Instance;
        var work = new List<(string Text, CutMode Mode, bool Hmm)>();
        foreach (GoldenDocument doc in Seeds.Value)
        {
            work.Add((doc.Text, CutMode.Accurate, true));
            work.Add((doc.Text, CutMode.Accurate, false));
            work.Add((doc.Text, CutMode.Full, true));
            work.Add((doc.Text, CutMode.Search, true));
        }
        List<string>[] sequential = work.Select(w => seg.Cut(w.Text, w.Mode, w.Hmm)).ToArray();
        var concurrent = new List<string>[8 * work.Count];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (text, mode, hmm) = work[(i * 7) % work.Count];
            concurrent[i] = seg.Cut(text, mode, hmm);
        });
        for (int i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(sequential[(i * 7) % work.Count], concurrent[i]);
        }
    }

    [Fact]
    public async Task CutsRacingDictionaryChangesSeeOneSnapshotOrTheOther()
    {
        JiebaSegmenter seg = JiebaSegmenter.CreateDefault();
        string text = Seeds.Value[0].Text;
        var ready = new ManualResetEventSlim();
        Task writer = Task.Run(() =>
        {
            ready.Wait(TimeSpan.FromSeconds(30));
            for (int i = 0; i < 200; i++)
            {
                seg.AddWord("模型" + (char)('甲' + i), 10 + i);
                seg.DeleteWord("大模型");
            }
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            ready.Set();
            for (int i = 0; i < 20; i++)
            {
                Assert.Equal(text, string.Concat(seg.Cut(text)));
                Assert.Equal(text, string.Concat(seg.Cut(text, hmm: false)));
            }
        })).ToArray();
        await Task.WhenAll([writer, .. readers]);
        Assert.Equal(0, seg.GetFrequency("大模型"));
        Assert.Equal(209, seg.GetFrequency("模型" + (char)('甲' + 199)));
    }

    [Theory]
    [InlineData(CutMode.Accurate, true)]
    [InlineData(CutMode.Accurate, false)]
    [InlineData(CutMode.Full, true)]
    [InlineData(CutMode.Search, true)]
    public void SteadyStateCutAllocatesNothing(CutMode mode, bool hmm)
    {
        JiebaSegmenter seg = SharedSegmenter.Instance;
        var output = new List<TokenSpan>(1 << 16);
        // Warm-up grows this thread's buffers; several passes also let tiered compilation finish promoting the
        // segmenter's methods, whose one-time runtime bookkeeping is not the steady state measured below.
        for (int pass = 0; pass < 50; pass++)
        {
            foreach (GoldenDocument doc in Seeds.Value)
            {
                output.Clear();
                seg.Cut(doc.Text.AsSpan(), output, mode, hmm);
            }
        }
        string[] texts = Seeds.Value.Select(d => d.Text).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < texts.Length; i++)
        {
            output.Clear();
            seg.Cut(texts[i].AsSpan(), output, mode, hmm);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
