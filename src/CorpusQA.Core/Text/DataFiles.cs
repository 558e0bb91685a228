using System.Reflection;

namespace CorpusQA.Core.Text;

/// <summary>Reads the data files embedded from <c>src/CorpusQA.Core/Data</c> (see <c>tools/data</c> for their builders).</summary>
internal static class DataFiles
{
    /// <summary>The non-empty lines of an embedded data file, without '#' comment lines.</summary>
    public static List<string> ReadLines(string fileName)
    {
        var lines = new List<string>();
        using var reader = new StreamReader(Open(fileName));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The embedded data file as a stream.</summary>
    public static Stream Open(string fileName)
    {
        string name = "CorpusQA.Core.Data." + fileName;
        return Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded data file '{name}' is missing from CorpusQA.Core");
    }
}
