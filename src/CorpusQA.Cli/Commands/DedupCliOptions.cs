using System.CommandLine;
using CorpusQA.Core.Dedup;

namespace CorpusQA.Cli.Commands;

/// <summary>The dedup options shared by <c>audit</c> and <c>dedup</c>.</summary>
internal sealed class DedupCliOptions
{
    public Option<double> Threshold { get; } = Validated(new Option<double>("--threshold")
    {
        Description = "Jaccard similarity at which two documents are near duplicates; bands x rows are chosen for it.",
        DefaultValueFactory = _ => 0.8,
    }, v => v is > 0 and < 1, "--threshold must be between 0 and 1 (exclusive).");

    public Option<string> Shingle { get; } = Choice(new Option<string>("--shingle")
    {
        Description = "Shingle unit: char (character n-grams, the default for Chinese) or word (jieba word n-grams).",
        DefaultValueFactory = _ => "char",
    }, "char", "word");

    public Option<int> NGram { get; } = Validated(new Option<int>("--ngram")
    {
        Description = "Shingle length in units (default 5 characters).",
        DefaultValueFactory = _ => 5,
    }, v => v is >= 1 and <= 64, "--ngram must be between 1 and 64.");

    public Option<int> NumPerm { get; } = Validated(new Option<int>("--num-perm")
    {
        Description = "MinHash permutations (signature length).",
        DefaultValueFactory = _ => 128,
    }, v => v is >= 16 and <= 1024 && v % 16 == 0, "--num-perm must be a multiple of 16 between 16 and 1024.");

    public Option<string> Keep { get; } = Choice(new Option<string>("--keep")
    {
        Description = "Which document each duplicate cluster keeps: first (input order), longest, or best (fewest broken quality rules, then first).",
        DefaultValueFactory = _ => "first",
    }, "first", "longest", "best");

    public Option<int> MemoryMegabytes { get; } = Validated(new Option<int>("--memory")
    {
        Description = "Memory budget in MB for the band index; beyond it band keys spill to sorted runs on disk.",
        DefaultValueFactory = _ => 1024,
    }, v => v >= 16, "--memory must be at least 16 (MB).");

    public Option<bool> FoldTraditional { get; } = new("--fold-traditional")
    {
        Description = "Map Traditional characters to Simplified before shingling, so script-converted copies match.",
    };

    /// <summary>Adds every dedup option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Threshold, Shingle, NGram, NumPerm, Keep, MemoryMegabytes, FoldTraditional })
        {
            command.Options.Add(option);
        }
    }

    public DedupOptions Read(ParseResult parse) => new()
    {
        Threshold = parse.GetValue(Threshold),
        Shingle = parse.GetValue(Shingle) == "word" ? ShingleUnit.Word : ShingleUnit.Char,
        NGram = parse.GetValue(NGram),
        NumPerm = parse.GetValue(NumPerm),
        Keep = parse.GetValue(Keep) switch
        {
            "longest" => KeepPolicy.Longest,
            "best" => KeepPolicy.Best,
            _ => KeepPolicy.First,
        },
        MemoryBudgetBytes = parse.GetValue(MemoryMegabytes) * 1024L * 1024L,
        FoldTraditional = parse.GetValue(FoldTraditional),
    };

    public Dictionary<string, object?> Record(ParseResult parse) => new()
    {
        ["threshold"] = parse.GetValue(Threshold),
        ["shingle"] = parse.GetValue(Shingle),
        ["ngram"] = parse.GetValue(NGram),
        ["num_perm"] = parse.GetValue(NumPerm),
        ["keep"] = parse.GetValue(Keep),
        ["memory_mb"] = parse.GetValue(MemoryMegabytes),
        ["fold_traditional"] = parse.GetValue(FoldTraditional),
    };

    private static Option<T> Validated<T>(Option<T> option, Func<T, bool> valid, string message)
    {
        option.Validators.Add(r =>
        {
            if (!valid(r.GetValueOrDefault<T>())) r.AddError(message);
        });
        return option;
    }

    private static Option<string> Choice(Option<string> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
