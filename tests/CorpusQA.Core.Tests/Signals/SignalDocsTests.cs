using CorpusQA.Core.Signals;
using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.Signals;

public class SignalDocsTests
{
    [Fact]
    public void Docs_signals_md_is_generated_from_the_registry()
    {
        string path = TestData.RepoPath("docs/signals.md");
        string expected = SignalDocs.Generate(SignalRegistry.Default);
        if (Environment.GetEnvironmentVariable("CORPUSQA_REGENERATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path), $"docs/signals.md is missing; regenerate with: {SignalDocs.RegenerateCommand}");
        string actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        foreach (var signal in SignalRegistry.Default.Signals)
            Assert.True(actual.Contains($"`{signal.Name}`"), $"{signal.Name} is not in docs/signals.md; regenerate with: {SignalDocs.RegenerateCommand}");
        Assert.True(expected == actual, $"docs/signals.md is stale; regenerate with: {SignalDocs.RegenerateCommand}");
    }
}
