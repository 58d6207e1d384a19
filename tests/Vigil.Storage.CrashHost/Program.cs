using System.Globalization;
using System.Text;
using Vigil.Storage;

// Usage: Vigil.Storage.CrashHost <directory> <firstBatchId> <threads> <rowsPerBatch>
// Prints "ACK <batchId>" after each batch's Ingest returns (the batch is durable), until killed.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: <directory> <firstBatchId> <threads> <rowsPerBatch>");
    return 2;
}

var directory = args[0];
var nextBatch = long.Parse(args[1], CultureInfo.InvariantCulture) - 1;
var threads = int.Parse(args[2], CultureInfo.InvariantCulture);
var rowsPerBatch = int.Parse(args[3], CultureInfo.InvariantCulture);
var schema = new TableSchema("Crash_CL", [
    new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
    new ColumnDefinition("BatchId", ColumnType.Long),
    new ColumnDefinition("Seq", ColumnType.Int),
    new ColumnDefinition("Payload", ColumnType.String),
]);

var options = new WorkspaceOptions
{
    BlockRows = 64,
    TargetExtentRows = 2_000,
    MaintenanceInterval = TimeSpan.FromMilliseconds(50),
    WalSegmentBytes = 64 << 10,
};
using var workspace = Workspace.Open(directory, options);
workspace.CreateTable(schema);
var output = Console.Out;
var outputLock = new object();
var workers = new Thread[threads];
for (var t = 0; t < threads; t++)
{
    workers[t] = new Thread(() =>
    {
        var text = new StringBuilder();
        while (true)
        {
            var batch = Interlocked.Increment(ref nextBatch);
            text.Clear();
            for (var i = 0; i < rowsPerBatch; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{{\"BatchId\":{batch},\"Seq\":{i},\"Payload\":\"batch {batch} row {i} {new string('x', i % 17)}\"}}\n");
            }

            using var data = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
            var result = workspace.Ingest("Crash_CL", data, IngestFormat.JsonLines);
            if (result.FailedRows == 0 && result.AcceptedRows == rowsPerBatch)
            {
                lock (outputLock)
                {
                    output.WriteLine($"ACK {batch}");
                    output.Flush();
                }
            }
        }
    })
    { IsBackground = true };
    workers[t].Start();
}

foreach (var worker in workers)
{
    worker.Join();
}

return 0;
