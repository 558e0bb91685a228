using System.Threading.Channels;

namespace CorpusQA.Core.Pipeline;

/// <summary>Options for <see cref="OrderedParallel"/>.</summary>
public sealed class OrderedParallelOptions
{
    /// <summary>Worker threads; default: every core.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Items handed to a worker at once; larger batches cost less coordination. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>
    /// Batches read ahead of the consumer at most (bounds memory whatever the input size). Default: 4 per thread.
    /// </summary>
    public int MaxBatchesInFlight { get; init; }
}

/// <summary>
/// Runs a per-item function on many threads and hands the results to a consumer strictly in input order, so
/// outputs are the same whatever the thread count. Each worker owns a state object (a segmenter's scratch
/// buffers, say) that is never shared. Memory is bounded by <see cref="OrderedParallelOptions.MaxBatchesInFlight"/>.
/// </summary>
public static class OrderedParallel
{
    /// <summary>
    /// Reads <paramref name="source"/>, processes every item with <paramref name="process"/> on worker threads and
    /// calls <paramref name="consume"/> on the caller's logical flow, one item at a time, in input order.
    /// If the source throws (a bad record), every item read before the failure is still processed and consumed,
    /// then the exception propagates. If a worker or the consumer throws, the run stops and that exception propagates.
    /// </summary>
    public static Task RunAsync<TIn, TWorker, TOut>(
        IAsyncEnumerable<TIn> source,
        Func<TWorker> createWorker,
        Func<TWorker, TIn, TOut> process,
        Action<TIn, TOut> consume,
        OrderedParallelOptions? options = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(source, createWorker, process, (item, result) =>
        {
            consume(item, result);
            return ValueTask.CompletedTask;
        }, options, cancellationToken);

    /// <summary>As the other overload, with a consumer that may await (e.g. a writer flushing a row group).</summary>
    public static async Task RunAsync<TIn, TWorker, TOut>(
        IAsyncEnumerable<TIn> source,
        Func<TWorker> createWorker,
        Func<TWorker, TIn, TOut> process,
        Func<TIn, TOut, ValueTask> consume,
        OrderedParallelOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new OrderedParallelOptions();
        int threads = Math.Max(1, options.Threads);
        int batchSize = Math.Max(1, options.BatchSize);
        int inFlight = options.MaxBatchesInFlight > 0 ? options.MaxBatchesInFlight : threads * 4;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Channel.CreateBounded<Batch<TIn, TOut>>(new BoundedChannelOptions(inFlight) { SingleWriter = true });
        var order = Channel.CreateBounded<Batch<TIn, TOut>>(new BoundedChannelOptions(inFlight) { SingleWriter = true, SingleReader = true });

        var producer = Task.Run(() => ProduceAsync(source, batchSize, work.Writer, order.Writer, stop.Token), stop.Token);
        var workers = new Task[threads];
        for (int i = 0; i < threads; i++)
        {
            workers[i] = Task.Factory.StartNew(
                () => Work(work.Reader, createWorker, process, stop.Token),
                stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            await foreach (var batch in order.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                // A cancelled run may leave the consumer holding a batch no worker will take: the workers leave as
                // soon as the token is cancelled, and a batch can be written to the order channel just before. So the
                // wait for a batch's results ends with the run's token too (a real SIGTERM hung here).
                var results = await batch.Done.Task.WaitAsync(stop.Token).ConfigureAwait(false);
                for (int i = 0; i < batch.Items.Length; i++)
                {
                    await consume(batch.Items[i], results[i]).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            stop.Cancel();
            await Task.WhenAll(workers.Append(producer)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        await producer.ConfigureAwait(false);
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static async Task ProduceAsync<TIn, TOut>(
        IAsyncEnumerable<TIn> source, int batchSize,
        ChannelWriter<Batch<TIn, TOut>> work, ChannelWriter<Batch<TIn, TOut>> order, CancellationToken ct)
    {
        var pending = new List<TIn>(batchSize);
        Exception? failure = null;
        try
        {
            await foreach (var item in source.WithCancellation(ct).ConfigureAwait(false))
            {
                pending.Add(item);
                if (pending.Count == batchSize)
                {
                    await PublishAsync(pending, work, order, ct).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        try
        {
            if (pending.Count > 0 && !ct.IsCancellationRequested)
            {
                await PublishAsync(pending, work, order, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            work.TryComplete();
            // The consumer drains every batch published before the failure, then sees the failure.
            order.TryComplete(failure);
        }
    }

    private static async Task PublishAsync<TIn, TOut>(
        List<TIn> pending, ChannelWriter<Batch<TIn, TOut>> work, ChannelWriter<Batch<TIn, TOut>> order, CancellationToken ct)
    {
        var batch = new Batch<TIn, TOut>(pending.ToArray());
        pending.Clear();
        await order.WriteAsync(batch, ct).ConfigureAwait(false);
        await work.WriteAsync(batch, ct).ConfigureAwait(false);
    }

    private static void Work<TIn, TWorker, TOut>(
        ChannelReader<Batch<TIn, TOut>> work, Func<TWorker> createWorker, Func<TWorker, TIn, TOut> process, CancellationToken ct)
    {
        TWorker? state = default;
        bool created = false;
        try
        {
            while (work.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult())
            {
                while (work.TryRead(out var batch))
                {
                    try
                    {
                        if (!created)
                        {
                            state = createWorker();
                            created = true;
                        }

                        var results = new TOut[batch.Items.Length];
                        for (int i = 0; i < results.Length; i++)
                        {
                            ct.ThrowIfCancellationRequested();
                            results[i] = process(state!, batch.Items[i]);
                        }

                        batch.Done.TrySetResult(results);
                    }
                    catch (Exception ex)
                    {
                        batch.Done.TrySetException(ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            (state as IDisposable)?.Dispose();
        }
    }

    private sealed class Batch<TIn, TOut>(TIn[] items)
    {
        public TIn[] Items { get; } = items;

        public TaskCompletionSource<TOut[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
