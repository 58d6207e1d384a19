using Vigil.Cli;

return VigilCommandLine.Run(args, Console.Out, Console.Error);
