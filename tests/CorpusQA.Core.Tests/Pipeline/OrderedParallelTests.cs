using CorpusQA.Core.Pipeline;

namespace CorpusQA.Core.Tests.Pipeline;

public class OrderedParallelTests
{
    private static async IAsyncEnumerable<int> Numbers(int count, int failAt = -1)
    {
        for (int i = 0; i < count; i++)
        {
            if (i == failAt) throw new InvalidDataException($"bad row {i}");
            yield return i;
            if (i % 97 == 0) await Task.Yield();
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(4, 64)]
    [InlineData(8, 3)]
    public async Task ResultsArriveInInputOrderWhateverTheThreadCount(int threads, int batch)
    {
        var seen = new List<(int, int)>();
        await OrderedParallel.RunAsync(
            Numbers(5000),
            () => new Random(1),
            (rng, x) =>
            {
                if (rng.Next(50) == 0) Thread.SpinWait(2000); // uneven work reorders completion
                return x * x;
            },
            (x, sq) => seen.Add((x, sq)),
            new OrderedParallelOptions { Threads = threads, BatchSize = batch });

        Assert.Equal(Enumerable.Range(0, 5000).Select(x => (x, x * x)), seen);
    }

    [Fact]
    public async Task ASourceFailureStillConsumesEverythingReadBeforeIt()
    {
        var seen = new List<int>();
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => OrderedParallel.RunAsync(
            Numbers(1000, failAt: 555),
            () => 0,
            (_, x) => x,
            (x, _) => seen.Add(x),
            new OrderedParallelOptions { Threads = 3, BatchSize = 10 }));

        Assert.Equal("bad row 555", ex.Message);
        Assert.Equal(Enumerable.Range(0, 555), seen);
    }

    [Fact]
    public async Task AWorkerFailureStopsTheRun()
    {
        await Assert.ThrowsAsync<ArithmeticException>(() => OrderedParallel.RunAsync(
            Numbers(10_000),
            () => 0,
            (_, x) => x == 4321 ? throw new ArithmeticException("boom") : x,
            (_, _) => { },
            new OrderedParallelOptions { Threads = 2, BatchSize = 16 }));
    }

    [Fact]
    public async Task ACancellationAtAnyMomentEndsTheRun()
    {
        // A signal can land between the two channel writes of a batch (the consumer then holds a batch that no worker
        // will take) or after the workers left: the run must still end, with OperationCanceledException. Many runs,
        // each cancelled at a different moment, each given seconds to end (a hang fails the test).
        var random = new Random(7);
        for (int run = 0; run < 300; run++)
        {
            using var cts = new CancellationTokenSource();
            int consumed = 0;
            int cancelAt = random.Next(1, 400);
            var task = OrderedParallel.RunAsync(
                Numbers(100_000),
                () => 0,
                (_, x) => x,
                (_, _) =>
                {
                    if (++consumed == cancelAt) cts.Cancel();
                },
                new OrderedParallelOptions { Threads = 1 + run % 3, BatchSize = 1 + run % 4 },
                cts.Token);
            var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.True(finished == task, $"run {run} (cancelled after {cancelAt} items) did not end");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        }
    }

    [Fact]
    public async Task EachWorkerGetsItsOwnState()
    {
        var states = new System.Collections.Concurrent.ConcurrentBag<object>();
        await OrderedParallel.RunAsync(
            Numbers(2000),
            () => { var s = new object(); states.Add(s); return s; },
            (s, x) => { lock (s) { return x; } },
            (_, _) => { },
            new OrderedParallelOptions { Threads = 4, BatchSize = 8 });
        Assert.InRange(states.Count, 1, 4);
    }
}
