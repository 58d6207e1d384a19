using Vigil.Storage.Format;
using Vigil.Storage.Memory;

namespace Vigil.Storage.Extents;

/// <summary>
/// Writing an extent column by column and block by block (merges): rows are appended to a <see cref="ColumnStream"/>,
/// which holds at most one block of them and writes each block as soon as it is full, so memory does not grow with
/// the extent. Chunks go to the file in the order they are made; the footer says where each one is.
/// </summary>
internal sealed partial class ExtentWriter
{
    private string? _finalPath;

    /// <summary>Starts an extent to be written block by block; finish with <see cref="Complete"/>.</summary>
    public static ExtentWriter Begin(string path)
    {
        var writer = new ExtentWriter(path + DurableFile.TempSuffix) { _finalPath = path };
        writer.WriteHeader();
        return writer;
    }

    /// <summary>
    /// A column to stream <paramref name="rowCount"/> rows into. With <paramref name="dictionary"/> (text only) the
    /// column is dictionary-encoded: every value appended must already be in it (its values are written when the
    /// column completes).
    /// </summary>
    public ColumnStream BeginColumn(ColumnDefinition definition, int rowCount, int blockRows, Utf8Dictionary? dictionary) =>
        new(this, definition, rowCount, blockRows, dictionary);

    /// <summary>A column whose rows are all null or all empty strings.</summary>
    public ExtentColumn WriteUniform(ColumnDefinition definition, UniformKind kind, int rowCount, int blockRows) =>
        WriteUniformColumn(definition, kind, rowCount, blockRows);

    /// <summary>Writes the footer, fsyncs, closes and renames the file into place.</summary>
    public ExtentMetadata Complete(Guid id, string table, ExtentColumn[] columns, int rowCount, int blockRows, long createdTicks)
    {
        var metadata = WriteFooter(id, table, columns, rowCount, blockRows, createdTicks);
        _file.Dispose();
        File.Move(_path, _finalPath!, overwrite: true);
        return metadata;
    }

    /// <summary>The rows of one column on their way to the file, one block at a time.</summary>
    internal sealed class ColumnStream
    {
        private readonly ExtentWriter _writer;
        private readonly ExtentColumn _column;
        private readonly int _rowCount;
        private readonly int _blockRows;
        private readonly Utf8Dictionary? _dictionary;
        private readonly TermSets? _terms;
        private readonly ColumnBuffer _block;
        private readonly int[]? _codes;
        private int _written;
        private int _nextBlock;
        private StringDictionary? _remapSource;
        private int[] _remap = [];

        public ColumnStream(ExtentWriter writer, ColumnDefinition definition, int rowCount, int blockRows, Utf8Dictionary? dictionary)
        {
            if (dictionary is not null && !ColumnTypeFacts.IsText(definition.Type))
            {
                throw new ArgumentException("Only text columns are dictionary-encoded.", nameof(dictionary));
            }

            _writer = writer;
            _rowCount = rowCount;
            _blockRows = blockRows;
            _dictionary = dictionary;
            var blockCount = rowCount == 0 ? 0 : (rowCount + blockRows - 1) / blockRows;
            _column = new ExtentColumn { Name = definition.Name, Type = definition.Type, Blocks = new BlockInfo[blockCount] };
            _block = new ColumnBuffer(definition.Type);
            if (dictionary is not null)
            {
                // Values live in the dictionary; the block keeps only null flags (and empty strings) beside the codes.
                _codes = new int[blockRows];
                var codes = new int[dictionary.Count];
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = i;
                }

                _terms = TermSets.ForDictionary(dictionary.Values, codes);
                _column.Encoding = ExtentColumn.DictionaryEncoding;
                _column.DictionaryCount = dictionary.Count;
                _column.Dictionary = writer.WriteDictionary(dictionary.Values, codes);
            }
        }

        /// <summary>Rows appended but not yet written: always fewer than a block.</summary>
        public int BufferedRows => _block.Count;

        /// <summary>Appends row <paramref name="row"/> of a decoded block of the same type.</summary>
        public void Append(ColumnBlock source, int row)
        {
            if (_dictionary is null)
            {
                ExtentRows.AppendRow(source, row, _block);
            }
            else if (source.IsNull(row))
            {
                _codes![_block.Count] = -1;
                _block.AppendNull();
            }
            else
            {
                _codes![_block.Count] = source.IsDictionaryEncoded ? Remap(source.Dictionary!, source.DictionaryCodes[row]) : Lookup(source.GetUtf8(row));
                _block.AppendUtf8([]);
            }

            if (_block.Count == _blockRows)
            {
                WriteBlock();
            }
        }

        /// <summary>Appends a null row (a column the source lacks).</summary>
        public void AppendNull()
        {
            if (_codes is not null)
            {
                _codes[_block.Count] = -1;
            }

            _block.AppendNull();
            if (_block.Count == _blockRows)
            {
                WriteBlock();
            }
        }

        /// <summary>Writes the last block; every row must have been appended.</summary>
        public ExtentColumn Complete()
        {
            if (_block.Count > 0)
            {
                WriteBlock();
            }

            if (_written != _rowCount || _nextBlock != _column.Blocks.Length)
            {
                throw new InvalidOperationException($"column '{_column.Name}' got {_written} rows, expected {_rowCount}");
            }

            return _column;
        }

        private int Lookup(ReadOnlySpan<byte> value)
        {
            var count = _dictionary!.Count;
            var code = _dictionary.Add(value);
            if (_dictionary.Count != count)
            {
                throw new InvalidOperationException($"column '{_column.Name}': a value missing from the merged dictionary");
            }

            return code;
        }

        /// <summary>Translates a source dictionary's code, looking each source value up once.</summary>
        private int Remap(StringDictionary source, int code)
        {
            if (!ReferenceEquals(source, _remapSource))
            {
                _remapSource = source;
                if (_remap.Length < source.Count)
                {
                    _remap = new int[source.Count];
                }

                _remap.AsSpan(0, source.Count).Fill(-1);
            }

            var mapped = _remap[code];
            if (mapped < 0)
            {
                mapped = Lookup(source.GetUtf8(code));
                _remap[code] = mapped;
            }

            return mapped;
        }

        private void WriteBlock()
        {
            if (_nextBlock >= _column.Blocks.Length)
            {
                throw new InvalidOperationException($"column '{_column.Name}' got more than {_rowCount} rows");
            }

            var count = _block.Count;
            var info = _writer.WriteBlock(_column, _block, 0, count, _codes, _terms);
            _column.Blocks[_nextBlock++] = info;
            if (info.HasRange)
            {
                MergeRange(_column, info);
            }

            _written += count;
            _block.Clear();
        }
    }
}
