using System.CommandLine;

namespace CorpusQA.Cli.Commands;

/// <summary>The inputs and reading options shared by the commands that read corpora.</summary>
internal sealed class ReadingCliOptions
{
    public Argument<string[]> Inputs { get; } = CommonOptions.Inputs();

    public Option<string?> TextField { get; } = CommonOptions.TextField();

    public Option<string?> IdField { get; } = CommonOptions.IdField();

    public Option<int> Threads { get; } = CommonOptions.Threads();

    public Option<bool> SkipBad { get; } = CommonOptions.SkipBad();

    public Option<int> MaxDocMegabytes { get; } = CommonOptions.MaxDocMegabytes();

    /// <summary>Adds the inputs argument and every reading option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Inputs);
        foreach (var option in new Option[] { TextField, IdField, Threads, SkipBad, MaxDocMegabytes })
        {
            command.Options.Add(option);
        }
    }

    public IReadOnlyList<string> InputPaths(ParseResult parse) => parse.GetValue(Inputs)!;

    public InputCorpusOptions Read(ParseResult parse) => new()
    {
        TextField = parse.GetValue(TextField),
        IdField = parse.GetValue(IdField),
        SkipBad = parse.GetValue(SkipBad),
        MaxDocumentBytes = parse.GetValue(MaxDocMegabytes) * 1024L * 1024L,
    };

    /// <summary>The options as given, for summary.json.</summary>
    public Dictionary<string, object?> Record(ParseResult parse) => new()
    {
        ["text_field"] = parse.GetValue(TextField),
        ["id_field"] = parse.GetValue(IdField),
        ["threads"] = parse.GetValue(Threads),
        ["skip_bad"] = parse.GetValue(SkipBad),
        ["max_doc_mb"] = parse.GetValue(MaxDocMegabytes),
    };
}
