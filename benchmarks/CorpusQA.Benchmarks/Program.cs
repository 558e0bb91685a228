using BenchmarkDotNet.Running;
using CorpusQA.Benchmarks.Throughput;

// Custom harnesses (one JSON line each, comparable with the peer scripts) come first; anything else goes to
// BenchmarkDotNet's switcher (e.g. `--filter *Segment*`).
return args.FirstOrDefault() switch
{
    "segment-throughput" => SegmentThroughput.Run(args[1..]),
    "minhash-throughput" => MinHashThroughput.Run(args[1..]),
    "audit-stages" => AuditStages.Run(args[1..]),
    "classify" => ClassifyThroughput.Run(args[1..]),
    "lm-throughput" => LmThroughput.Run(args[1..]),
    "word-order-priors" => CorpusQA.Benchmarks.Analysis.WordOrderPriors.Run(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(SegmentThroughput).Assembly).Run(args);
    return 0;
}
