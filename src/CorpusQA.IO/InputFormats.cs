namespace CorpusQA.IO;

/// <summary>The kind of an input file, decided by its extension.</summary>
public enum InputFormat
{
    /// <summary>Not a supported input.</summary>
    Unsupported,
    /// <summary>Apache Parquet (.parquet).</summary>
    Parquet,
    /// <summary>JSON lines, optionally gzip or zstd compressed (.jsonl, .json, .jsonl.gz, .jsonl.zst, .json.gz, .json.zst).</summary>
    JsonLines,
    /// <summary>Plain UTF-8 text, one document per file (.txt).</summary>
    Text,
}

/// <summary>Extension rules shared by the resolver and the readers.</summary>
public static class InputFormats
{
    internal const string Supported = ".parquet, .jsonl, .json, .jsonl.gz, .json.gz, .jsonl.zst, .json.zst, .txt";

    private static readonly string[] JsonLineSuffixes =
        [".jsonl", ".json", ".jsonl.gz", ".jsonl.zst", ".json.gz", ".json.zst"];

    /// <summary>The format of <paramref name="path"/> by extension (case-insensitive).</summary>
    public static InputFormat Detect(string path)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) return InputFormat.Parquet;
        if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return InputFormat.Text;
        foreach (string suffix in JsonLineSuffixes)
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return InputFormat.JsonLines;
        return InputFormat.Unsupported;
    }
}
