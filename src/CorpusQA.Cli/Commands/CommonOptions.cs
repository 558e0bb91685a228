using System.CommandLine;

namespace CorpusQA.Cli.Commands;

/// <summary>Options shared by the commands that read corpora; each command adds the ones it uses.</summary>
internal static class CommonOptions
{
    public static Argument<string[]> Inputs() => new("inputs")
    {
        Description = "Input files, directories or globs: .parquet, .jsonl or .json (JSON lines, also .gz or .zst compressed), .txt (one document per file).",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> TextField() => new("--text-field")
    {
        Description = "Name of the text field/column (default: the first of text, content, raw_content that exists).",
    };

    public static Option<string?> IdField() => new("--id-field")
    {
        Description = "Name of the id field/column (default: id if present, else the zero-based row number).",
    };

    public static Option<int> Threads()
    {
        var option = new Option<int>("--threads")
        {
            Description = "Worker threads (all cores unless set); outputs are identical whatever the count.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--threads must be at least 1.");
        });
        return option;
    }

    public static Option<bool> SkipBad() => new("--skip-bad")
    {
        Description = "Skip bad rows (invalid JSON or UTF-8, null text, ...) instead of stopping: each is reported (errors.jsonl for commands with --out, stderr otherwise) and the exit code is 5.",
    };

    public static Option<int> MaxDocMegabytes()
    {
        var option = new Option<int>("--max-doc-mb")
        {
            Description = "A document whose text is larger than this many MB (UTF-8) is a bad row.",
            DefaultValueFactory = _ => 16,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--max-doc-mb must be at least 1.");
        });
        return option;
    }

    public static Option<string> OutDir() => new("--out")
    {
        Description = "Output directory (created if missing). Files appear under their final names only when complete.",
        Required = true,
    };

    /// <summary>--where FIELD=VALUE (repeatable): the rows a command uses.</summary>
    public static Option<string[]> Where()
    {
        var option = new Option<string[]>("--where")
        {
            Description = "Use only rows whose FIELD equals VALUE (FIELD=VALUE; repeatable, all must hold), e.g. --where split=train.",
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(r =>
        {
            foreach (var w in r.GetValueOrDefault<string[]>() ?? [])
                if (w.IndexOf('=') <= 0) r.AddError($"--where takes FIELD=VALUE, not '{w}'.");
        });
        return option;
    }

    /// <summary>The (field, value) pairs of validated --where values.</summary>
    public static List<(string Field, string Value)> WhereConditions(string[]? values) =>
        (values ?? []).Select(w => (w[..w.IndexOf('=')], w[(w.IndexOf('=') + 1)..])).ToList();

    public static Option<string?> Config() => new("--config")
    {
        Description = "Rule set JSON replacing the default rules (see docs/rules.md; the defaults are in src/CorpusQA.Core/Data/default_rules.json).",
    };
}
