using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Vigil.Kql.Symbols;

/// <summary>
/// An ordered list of uniquely named columns: the shape of a table or of a tabular operator's result.
/// Immutable; the <c>With*</c> methods return new schemas. Column names are case-sensitive.
/// </summary>
public sealed class TableSchema : IEquatable<TableSchema>
{
    private readonly Dictionary<string, int> _indexByName;
    private readonly IReadOnlyDictionary<string, string>? _aliases;

    /// <summary>A schema with no columns.</summary>
    public static readonly TableSchema Empty = new([]);

    /// <summary>
    /// Creates a schema. Later duplicates of a name replace the earlier column in place (as <c>extend</c> does);
    /// use <see cref="WithUniqueNames"/> when duplicates must get numeric suffixes instead.
    /// </summary>
    public TableSchema(IEnumerable<ColumnSymbol> columns, bool isOpen = false, IReadOnlyDictionary<string, string>? aliases = null)
    {
        IsOpen = isOpen;
        _aliases = aliases is { Count: > 0 } ? aliases : null;
        ArgumentNullException.ThrowIfNull(columns);
        var list = new List<ColumnSymbol>();
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (_indexByName.TryGetValue(column.Name, out var existing))
            {
                list[existing] = column;
            }
            else
            {
                _indexByName.Add(column.Name, list.Count);
                list.Add(column);
            }
        }

        Columns = [.. list];
    }

    public ImmutableArray<ColumnSymbol> Columns { get; }

    /// <summary>
    /// True when the rows may carry more columns than <see cref="Columns"/> whose names and types only the data
    /// decides (after <c>evaluate bag_unpack</c>, <c>pivot</c>, most plugins). The binder accepts unknown column
    /// names on an open schema and gives them <see cref="ScalarType.Unknown"/>.
    /// </summary>
    public bool IsOpen { get; }

    /// <summary>This schema, open (see <see cref="IsOpen"/>).</summary>
    public TableSchema AsOpen() => IsOpen ? this : new TableSchema(Columns, isOpen: true, _aliases);

    /// <summary>
    /// Other spellings of column names (alias -> column name) that name lookups accept, e.g. Defender's
    /// <c>AccountUpn</c> for Sentinel's <c>AccountUPN</c>. An alias applies only while its column exists and no
    /// column has the alias's own name.
    /// </summary>
    public IReadOnlyDictionary<string, string> Aliases => _aliases ?? EmptyAliases;

    private static readonly Dictionary<string, string> EmptyAliases = new(StringComparer.Ordinal);

    public int Count => Columns.Length;

    public bool TryGetColumn(string name, [NotNullWhen(true)] out ColumnSymbol? column)
    {
        if (_indexByName.TryGetValue(name, out var index))
        {
            column = Columns[index];
            return true;
        }

        if (_aliases is not null && _aliases.TryGetValue(name, out var target) && _indexByName.TryGetValue(target, out index))
        {
            column = Columns[index];
            return true;
        }

        column = null;
        return false;
    }

    /// <summary>Index of the column called <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _indexByName.TryGetValue(name, out var index) ? index : -1;

    public bool Contains(string name) => _indexByName.ContainsKey(name);

    /// <summary>This schema with columns added at the end, or replaced in place when the name exists (<c>extend</c>).</summary>
    public TableSchema WithColumns(IEnumerable<ColumnSymbol> columns) => new([.. Columns, .. columns], IsOpen, _aliases);

    /// <summary>Only the named columns that exist, in this schema's order.</summary>
    public TableSchema Without(IReadOnlySet<string> names)
    {
        var kept = new List<ColumnSymbol>(Columns.Length);
        foreach (var c in Columns)
        {
            if (!names.Contains(c.Name))
            {
                kept.Add(c);
            }
        }

        return new TableSchema(kept, IsOpen, _aliases);
    }

    /// <summary>
    /// Builds a schema from columns that may repeat names; a repeated name gets the smallest numeric suffix that is
    /// free (<c>DeviceId</c>, <c>DeviceId1</c>, <c>DeviceId2</c>), as Kusto names join and union results.
    /// </summary>
    public static TableSchema WithUniqueNames(IEnumerable<ColumnSymbol> columns)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ColumnSymbol>();
        foreach (var c in columns)
        {
            result.Add(c.WithName(MakeUnique(c.Name, used)));
        }

        return new TableSchema(result);
    }

    /// <summary>Returns <paramref name="name"/> or the first <c>name1</c>, <c>name2</c>... not in <paramref name="used"/>,
    /// and records it as used.</summary>
    public static string MakeUnique(string name, HashSet<string> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        if (used.Add(name))
        {
            return name;
        }

        for (var i = 1; ; i++)
        {
            var candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    public bool Equals(TableSchema? other)
    {
        if (other is null || other.Columns.Length != Columns.Length || other.IsOpen != IsOpen)
        {
            return false;
        }

        for (var i = 0; i < Columns.Length; i++)
        {
            if (!Columns[i].Equals(other.Columns[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as TableSchema);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in Columns)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <summary><c>(A:string, B:long)</c>, as in a KQL schema literal.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("(");
        for (var i = 0; i < Columns.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Columns[i]);
        }

        return builder.Append(IsOpen ? (Columns.Length > 0 ? ", ...)" : "...)") : ")").ToString();
    }
}
