namespace Vigil.Benchmarks.Storage;

/// <summary>A read-only view of a stream that ends after its first <c>lines</c> lines (or at its end), counting bytes.</summary>
internal sealed class LineLimitedStream(Stream inner, long maxLines) : Stream
{
    private long _linesLeft = maxLines;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_linesLeft <= 0)
        {
            return 0;
        }

        var n = inner.Read(buffer);
        var taken = 0;
        while (taken < n)
        {
            var newline = buffer[taken..n].IndexOf((byte)'\n');
            if (newline < 0)
            {
                taken = n;
                break;
            }

            taken += newline + 1;
            if (--_linesLeft == 0)
            {
                break;
            }
        }

        BytesRead += taken;
        return taken;
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
