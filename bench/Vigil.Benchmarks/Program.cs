using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Storage;

namespace Vigil.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ingest")
        {
            return IngestOneShot.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "hunting")
        {
            return Hunting.HuntingOneShot.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "server-load")
        {
            return ServerLoad.ServerLoadOneShot.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
