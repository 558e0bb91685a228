using System.CommandLine;
using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Training;
using CorpusQA.Cli.Commands;
using CorpusQA.Core.Documents;
using CorpusQA.Core.LanguageModel;
using CorpusQA.Core.Rules;

namespace CorpusQA.Cli;

/// <summary>The <c>corpusqa</c> command line: builds the command tree and maps failures to exit codes.</summary>
public static class CorpusQaApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "corpusqa: measure and fix the quality of Chinese text corpora (Parquet, JSONL, text).\n" + ExitCodes.HelpText);
        root.Subcommands.Add(SegmentCommand.Create(context));
        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(FilterCommand.Create(context));
        root.Subcommands.Add(RulesCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        root.Subcommands.Add(DedupCommand.Create(context));
        root.Subcommands.Add(DedupEvalCommand.Create(context));
        root.Subcommands.Add(DedupStageCommands.Signatures(context));
        root.Subcommands.Add(DedupStageCommands.Buckets(context));
        root.Subcommands.Add(DedupStageCommands.Clusters(context));
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(ScoreCommand.Create(context));
        root.Subcommands.Add(CalibrateCommand.Create(context));
        root.Subcommands.Add(LmCommand.Create(context));
        root.Subcommands.Add(StageCommand.Create(context));
        root.Subcommands.Add(SlurmCommand.Create(context));
        return root;
    }

    /// <summary>Parses and runs; user errors become one line on stderr and a documented exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var root = BuildRoot(context);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    context.Error.WriteLine($"corpusqa: {error.Message}");
                }

                context.Error.WriteLine("Run 'corpusqa --help' (or 'corpusqa COMMAND --help') for usage.");
                return ExitCodes.Usage;
            }

            var config = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(config, interrupt.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CorpusInputException or LanguageModelException or RuleConfigException
                                      or ModelBundleException or TrainingDataException)
        {
            // Bad input of any kind (a corpus row, a rule file, a model or LM file, unusable training data): one line, exit 3.
            context.Error.WriteLine($"corpusqa: error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (CliUsageException ex)
        {
            context.Error.WriteLine($"corpusqa: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (CorpusQA.Pipeline.Slurm.SlurmException ex)
        {
            context.Error.WriteLine($"corpusqa: slurm: {ex.Message}");
            return ExitCodes.OutputError;
        }
        catch (OutputException ex)
        {
            context.Error.WriteLine($"corpusqa: cannot write output: {ex.Message}");
            return ExitCodes.OutputError;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            context.Error.WriteLine("corpusqa: interrupted; completed outputs were kept, unfinished ones were not renamed into place.");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            context.Error.WriteLine($"corpusqa: internal error ({ex.GetType().Name}): {ex.Message}");
            context.Error.WriteLine("This is a bug in corpusqa; please report it with the command you ran.");
            if (Environment.GetEnvironmentVariable("CORPUSQA_DEBUG") == "1")
            {
                context.Error.WriteLine(ex.ToString());
            }

            return ExitCodes.InternalError;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}

/// <summary>A command-line value that parses but makes no sense (e.g. a mode that conflicts with another option).</summary>
public sealed class CliUsageException(string message) : Exception(message);
