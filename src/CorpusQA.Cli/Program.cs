using CorpusQA.Cli;

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await CorpusQaApp.RunAsync(args, CliContext.FromConsole());
