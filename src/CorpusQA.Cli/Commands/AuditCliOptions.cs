using System.CommandLine;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary>The options <c>audit</c> and <c>filter</c> share: reading, output folder, rules, dedup.</summary>
internal sealed class AuditCliOptions(string noDedupDescription)
{
    public ReadingCliOptions Reading { get; } = new();

    public Option<string> OutDir { get; } = CommonOptions.OutDir();

    public Option<string?> Config { get; } = CommonOptions.Config();

    public Option<bool> NoDedup { get; } = new("--no-dedup") { Description = noDedupDescription };

    public DedupCliOptions Dedup { get; } = new();

    public ModelCliOptions Models { get; } = new(allowNone: true);

    public void AddTo(Command command)
    {
        Reading.AddTo(command);
        command.Options.Add(OutDir);
        command.Options.Add(Config);
        command.Options.Add(NoDedup);
        Dedup.AddTo(command);
        Models.AddTo(command);
    }

    /// <summary>The run's settings; the options as given are recorded for summary.json.</summary>
    public AuditSettings Settings(ParseResult parse, string commandName)
    {
        bool dedup = !parse.GetValue(NoDedup);
        var recorded = Reading.Record(parse);
        recorded["dedup"] = dedup ? Dedup.Record(parse) : null;
        var models = Models.Read(parse);
        recorded["models"] = ModelCliOptions.Record(models);
        return new AuditSettings
        {
            CommandName = commandName,
            Inputs = Reading.InputPaths(parse),
            OutDir = parse.GetValue(OutDir)!,
            ConfigPath = parse.GetValue(Config),
            Threads = parse.GetValue(Reading.Threads),
            Reading = Reading.Read(parse),
            Dedup = dedup ? Dedup.Read(parse) : null,
            Models = models,
            Recorded = recorded,
        };
    }
}
