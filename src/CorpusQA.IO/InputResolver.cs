using CorpusQA.Core.Documents;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CorpusQA.IO;

/// <summary>
/// Expands command-line inputs into an ordered list of files: plain files as given, directories recursively, globs
/// (<c>*</c>, <c>**</c>) relative to the current directory or absolute. Inputs keep their order; the files found in one
/// directory or glob are sorted ordinally by relative path; a file reached twice is listed once (first place).
/// Inside directories and globs, hidden entries (names starting with '.') and unsupported extensions are ignored.
/// </summary>
public static class InputResolver
{
    /// <exception cref="CorpusInputException">A missing file or directory, a glob or directory without supported
    /// files, or a named file with an unsupported extension.</exception>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> inputs) => Resolve(inputs, null).Files;

    /// <summary>
    /// As <see cref="Resolve(IEnumerable{string})"/>, and inside directories and globs also skips the run's own output
    /// folder <paramref name="outputFolder"/> and CorpusQA's output files (<see cref="OwnOutputs"/>), so that
    /// <c>corpusqa audit data --out data/qa</c> run twice does not read its own outputs; returns what it skipped.
    /// Explicitly named files are always read.
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Skipped) Resolve(IEnumerable<string> inputs, string? outputFolder)
    {
        var files = new List<string>();
        var skipped = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? excluded = outputFolder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder)) + Path.DirectorySeparatorChar;
        foreach (string input in inputs)
        {
            foreach (string file in Expand(input, excluded, skipped))
                if (seen.Add(Path.GetFullPath(file))) files.Add(file);
        }
        return (files, skipped);
    }

    private static IEnumerable<string> Expand(string input, string? excluded, List<string> skipped)
    {
        if (IsGlob(input)) return Own(ExpandGlob(input), excluded, skipped, input);
        if (Directory.Exists(input)) return Own(ExpandDirectory(input), excluded, skipped, input);
        if (!File.Exists(input)) throw new CorpusInputException(input, null, "no such file or directory");
        if (InputFormats.Detect(input) == InputFormat.Unsupported)
            throw new CorpusInputException(input, null, $"unsupported file type; expected {InputFormats.Supported}");
        return [input];
    }

    /// <summary>Drops the output folder's files and CorpusQA's own outputs; nothing left is the usual "no input files" error.</summary>
    private static IEnumerable<string> Own(IEnumerable<string> found, string? excluded, List<string> skipped, string input)
    {
        var kept = new List<string>();
        foreach (string file in found)
        {
            string full = Path.GetFullPath(file);
            if ((excluded is not null && full.StartsWith(excluded, StringComparison.Ordinal)) || OwnOutputs.IsOwnOutput(full))
                skipped.Add(file);
            else
                kept.Add(file);
        }
        if (kept.Count == 0)
            throw new CorpusInputException(input, null, $"no input files besides CorpusQA's own outputs ({skipped.Count} skipped)");
        return kept;
    }

    private static bool IsGlob(string input) => input.Contains('*');

    private static IEnumerable<string> ExpandDirectory(string directory)
    {
        List<string> found = Match(directory, "**/*");
        if (found.Count == 0)
            throw new CorpusInputException(directory, null, $"directory has no input files ({InputFormats.Supported})");
        return found;
    }

    private static IEnumerable<string> ExpandGlob(string glob)
    {
        (string root, string pattern) = SplitGlob(glob);
        if (!Directory.Exists(root)) throw new CorpusInputException(glob, null, $"glob matches nothing: no directory '{root}'");
        List<string> found = Match(root, pattern);
        if (found.Count == 0)
            throw new CorpusInputException(glob, null, $"glob matches no input files ({InputFormats.Supported})");
        return found;
    }

    /// <summary>Splits "data/**/x*.parquet" into the fixed directory "data" and the pattern "**/x*.parquet".</summary>
    private static (string Root, string Pattern) SplitGlob(string glob)
    {
        string normalized = glob.Replace('\\', '/');
        string[] parts = normalized.Split('/');
        int firstWild = Array.FindIndex(parts, p => p.Contains('*'));
        string root = string.Join('/', parts[..firstWild]);
        if (root.Length == 0) root = normalized.StartsWith('/') ? "/" : ".";
        return (root, string.Join('/', parts[firstWild..]));
    }

    private static List<string> Match(string root, string pattern)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        var found = new List<string>();
        foreach (FilePatternMatch match in matcher.Execute(new Microsoft.Extensions.FileSystemGlobbing.Abstractions.DirectoryInfoWrapper(new DirectoryInfo(root))).Files)
        {
            string relative = match.Path;
            if (relative.Split('/').Any(part => part.StartsWith('.'))) continue;
            if (InputFormats.Detect(relative) == InputFormat.Unsupported) continue;
            found.Add(relative);
        }
        found.Sort(StringComparer.Ordinal);
        return found.Select(relative => root == "." ? relative : Path.Combine(root, relative)).ToList();
    }
}
