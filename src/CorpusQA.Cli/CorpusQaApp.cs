using System.CommandLine;
using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Training;
using CorpusQA.Cli.Commands;
using CorpusQA.Cli.Faults;
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
    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default) =>
        RunAsync(args, context, signals: null, cancellationToken);

    /// <summary>
    /// As above; <paramref name="signals"/> (the real process's SIGINT/SIGTERM, see <see cref="TerminationSignals"/>)
    /// cancel the run, which then exits 130 or 143 after deleting its temporary files.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, TerminationSignals? signals, CancellationToken cancellationToken = default)
    {
        using var interrupt = signals is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, signals.Token);
        try
        {
            var root = BuildRoot(context);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // System.CommandLine reports `corpusqa bogus` twice (unmatched token, then "Required command was not
                // provided"): the lines naming the unknown words say it.
                var messages = parse.Errors.Select(e => e.Message).Distinct().ToList();
                var unknown = messages.Where(m => parse.UnmatchedTokens.Any(t => m.Contains($"'{t}'", StringComparison.Ordinal))).ToList();
                if (parse.CommandResult.Command is RootCommand && unknown.Count > 0) messages = unknown;
                foreach (var message in messages)
                {
                    context.Error.WriteLine($"corpusqa: {message}");
                }

                context.Error.WriteLine("Run 'corpusqa --help' (or 'corpusqa COMMAND --help') for usage.");
                return ExitCodes.Usage;
            }

            var config = new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null, // signals are TerminationSignals' job (see there)
            };
            return await parse.InvokeAsync(config, interrupt.Token).ConfigureAwait(false);
        }
        catch (Exception) when (interrupt.IsCancellationRequested)
        {
            // Whatever the cancellation surfaced as (OperationCanceledException, a closed channel, a wrapped task error).
            int code = signals is { Received: true } ? signals.ExitCode : ExitCodes.Interrupted;
            string by = signals is { Received: true } ? $" by {signals.SignalName}" : "";
            TryWriteError(context, $"corpusqa: interrupted{by}; completed outputs were kept, unfinished ones and temporary files were deleted.");
            return code;
        }
        catch (Exception ex) when (SystemErrors.IsBrokenPipe(ex))
        {
            // The reader of stdout has gone (| head): stop quietly, as a tool killed by SIGPIPE would.
            return ExitCodes.BrokenPipe;
        }
        catch (OutputException ex)
        {
            context.Error.WriteLine($"corpusqa: cannot write output: {ex.Message}");
            return ExitCodes.OutputError;
        }
        catch (Exception ex) when (SystemErrors.OutputFailure(ex) is { } io)
        {
            TryWriteError(context, $"corpusqa: cannot write output: {io.Message}");
            return ExitCodes.OutputError;
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
    }

    /// <summary>stderr itself may be the broken or full stream; the exit code still tells.</summary>
    private static void TryWriteError(CliContext context, string line)
    {
        try
        {
            context.Error.WriteLine(line);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A command-line value that parses but makes no sense (e.g. a mode that conflicts with another option).</summary>
public sealed class CliUsageException(string message) : Exception(message);
