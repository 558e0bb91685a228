using CorpusQA.Core.Documents;
using CorpusQA.IO.Tests.Support;

namespace CorpusQA.IO.Tests;

public sealed class InputResolverTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Touch(string relative) => _dir.Write(relative, "");

    [Fact]
    public void Directories_are_recursive_sorted_and_skip_hidden_and_unsupported_files()
    {
        Touch("corpus/b.jsonl");
        Touch("corpus/a/z.parquet");
        Touch("corpus/a/y.jsonl.gz");
        Touch("corpus/c.jsonl.zst");
        Touch("corpus/d.json");
        Touch("corpus/e.txt");
        Touch("corpus/README.md");
        Touch("corpus/.cache/x.parquet");
        Touch("corpus/.kept.parquet.tmp-1");

        var files = InputResolver.Resolve([_dir.File("corpus")]);

        Assert.Equal(["a/y.jsonl.gz", "a/z.parquet", "b.jsonl", "c.jsonl.zst", "d.json", "e.txt"],
            files.Select(f => Path.GetRelativePath(_dir.File("corpus"), f)));
    }

    [Fact]
    public void Inputs_keep_their_order_and_a_file_is_listed_once()
    {
        string z = Touch("z.jsonl");
        string a = Touch("a.jsonl");

        var files = InputResolver.Resolve([z, a, z, _dir.Path]);

        Assert.Equal([z, a], files);
    }

    [Fact]
    public void Globs_match_hugging_face_layouts_and_double_star()
    {
        Touch("ds/data/train-00001-of-00002.parquet");
        Touch("ds/data/train-00000-of-00002.parquet");
        Touch("ds/data/sub/deep.parquet");
        Touch("ds/other/x.jsonl");

        var shards = InputResolver.Resolve([_dir.File("ds/data/*.parquet")]);
        var deep = InputResolver.Resolve([_dir.File("ds/**/*.parquet")]);
        var directory = InputResolver.Resolve([_dir.File("ds")]);

        Assert.Equal(["train-00000-of-00002.parquet", "train-00001-of-00002.parquet"], shards.Select(Path.GetFileName));
        Assert.Equal(["deep.parquet", "train-00000-of-00002.parquet", "train-00001-of-00002.parquet"], deep.Select(Path.GetFileName));
        Assert.Equal(4, directory.Count);
    }

    [Fact]
    public void Relative_globs_resolve_against_the_current_directory()
    {
        Touch("rel/s1.jsonl");
        string previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = _dir.Path;
            Assert.Equal(["rel/s1.jsonl"], InputResolver.Resolve(["rel/*.jsonl"]));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void Missing_unsupported_and_empty_inputs_are_errors_naming_them()
    {
        string md = Touch("notes.md");
        Directory.CreateDirectory(_dir.File("empty"));
        string missing = _dir.File("missing.jsonl");
        string glob = _dir.File("*.parquet");

        Assert.Equal($"{missing}: no such file or directory",
            Assert.Throws<CorpusInputException>(() => InputResolver.Resolve([missing])).Message);
        Assert.StartsWith($"{md}: unsupported file type",
            Assert.Throws<CorpusInputException>(() => InputResolver.Resolve([md])).Message);
        Assert.StartsWith($"{glob}: glob matches no input files",
            Assert.Throws<CorpusInputException>(() => InputResolver.Resolve([glob])).Message);
        Assert.StartsWith($"{_dir.File("empty")}: directory has no input files",
            Assert.Throws<CorpusInputException>(() => InputResolver.Resolve([_dir.File("empty")])).Message);
    }
}
