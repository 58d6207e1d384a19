namespace Vigil.Cli.WorkspaceCommands;

/// <summary>
/// A read-only stream that draws a progress bar on stderr while a long file is read (only when stderr is a
/// terminal and the file is large enough to be worth it), so that ingestion never has to know about it.
/// </summary>
internal sealed class ProgressStream(Stream inner, string name, TextWriter error) : Stream
{
    private const long MinimumBytes = 64L << 20;
    private readonly bool _enabled = error == Console.Error && !Console.IsErrorRedirected && inner.Length >= MinimumBytes;
    private long _lastDrawn = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Draw();
        return n;
    }

    /// <summary>Ends the progress line.</summary>
    public void Finish()
    {
        if (_enabled && _lastDrawn >= 0)
        {
            error.WriteLine();
        }
    }

    private void Draw()
    {
        if (!_enabled)
        {
            return;
        }

        var percent = inner.Length == 0 ? 100 : inner.Position * 100 / inner.Length;
        if (percent == _lastDrawn)
        {
            return;
        }

        _lastDrawn = percent;
        var filled = (int)(percent * 30 / 100);
        error.Write($"\r{name} [{new string('#', filled)}{new string('.', 30 - filled)}] {percent,3}%");
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
