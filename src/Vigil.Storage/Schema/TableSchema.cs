namespace Vigil.Storage;

/// <summary>What ingestion does with a record property that names no column of the table.</summary>
public enum UnknownPropertyPolicy : byte
{
    /// <summary>The property is ignored; the row is kept.</summary>
    Drop = 1,

    /// <summary>The row is rejected and reported.</summary>
    RejectRow = 2,
}

/// <summary>A table's name and ordered columns. Immutable; <see cref="WithColumns"/> makes a new schema.</summary>
public sealed class TableSchema
{
    /// <summary>Name of the column that ingestion fills with the ingestion time when a record has none.</summary>
    public const string TimeGeneratedColumn = "TimeGenerated";

    /// <summary>The M365 Defender tables' twin of <see cref="TimeGeneratedColumn"/>.</summary>
    public const string TimestampColumn = "Timestamp";

    private readonly Dictionary<string, int> _ordinals;

    public TableSchema(string name, IEnumerable<ColumnDefinition> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                throw new ArgumentException($"Table name '{name}' may hold only ASCII letters, digits, '_' and '-'.", nameof(name));
            }
        }

        Name = name;
        var list = new List<ColumnDefinition>();
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            ArgumentNullException.ThrowIfNull(column);
            if (!_ordinals.TryAdd(column.Name, list.Count))
            {
                throw new ArgumentException($"Table '{name}' has column '{column.Name}' twice.", nameof(columns));
            }

            list.Add(column);
        }

        Columns = list;
        TimeColumnIndex = FindTimeColumn();
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<ColumnDefinition> Columns { get; }

    /// <summary>
    /// The datetime column retention and time pruning use: TimeGenerated, else Timestamp, else -1 (retention then
    /// goes by ingestion time).
    /// </summary>
    public int TimeColumnIndex { get; }

    /// <summary>The ordinal of a column, or -1.</summary>
    public int IndexOf(string columnName) => _ordinals.TryGetValue(columnName, out var i) ? i : -1;

    /// <summary>A schema with the given columns appended.</summary>
    public TableSchema WithColumns(IEnumerable<ColumnDefinition> added) => new(Name, Columns.Concat(added));

    public override string ToString() => $"{Name}({string.Join(", ", Columns)})";

    private int FindTimeColumn()
    {
        var i = IndexOf(TimeGeneratedColumn);
        if (i >= 0 && Columns[i].Type == ColumnType.DateTime)
        {
            return i;
        }

        i = IndexOf(TimestampColumn);
        return i >= 0 && Columns[i].Type == ColumnType.DateTime ? i : -1;
    }
}
