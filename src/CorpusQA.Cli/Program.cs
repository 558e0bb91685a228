using CorpusQA.Cli;
using CorpusQA.Cli.Faults;

Console.OutputEncoding = System.Text.Encoding.UTF8;
using var signals = TerminationSignals.Register();
return await CorpusQaApp.RunAsync(args, CliContext.FromConsole(), signals);
