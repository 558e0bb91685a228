using System.Reflection;

namespace CorpusQA.Pipeline;

/// <summary>The tool's name and version.</summary>
internal static class ToolVersion
{
    private static readonly string Informational =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>"corpusqa VERSION+COMMIT" when the build recorded the commit.</summary>
    public static string Text { get; } = "corpusqa " + Informational;

    /// <summary>"corpusqa VERSION" without the commit: what model bundles record, so a rebuild from another commit is byte-identical.</summary>
    public static string Release { get; } = "corpusqa " + Informational.Split('+')[0];
}
