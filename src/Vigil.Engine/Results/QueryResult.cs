namespace Vigil.Engine;

/// <summary>
/// A query's answer: typed columns of equal length, whether rows were cut at the row limit
/// (<see cref="QueryOptions.MaxRows"/>), the <c>render</c> request if any, and statistics. A query that returns
/// several tables (<c>fork</c>, <c>facet</c>) is answered by its first table, with every table in <see cref="Tables"/>.
/// </summary>
public sealed class QueryResult
{
    internal QueryResult(
        IReadOnlyList<ResultColumn> columns, int rowCount, bool truncated, Visualization? visualization, QueryStatistics statistics,
        string name = PrimaryResultName)
    {
        Columns = columns;
        RowCount = rowCount;
        IsTruncated = truncated;
        Visualization = visualization;
        Statistics = statistics;
        Name = name;
        Tables = [this];
    }

    /// <summary>The name of a single result table, as Kusto and Log Analytics call it.</summary>
    public const string PrimaryResultName = "PrimaryResult";

    /// <summary>The table's name: <see cref="PrimaryResultName"/>, or a fork/facet table's name (given or <c>GenericResult</c>).</summary>
    public string Name { get; }

    /// <summary>Every result table in order, this one first; one element unless the query forks.</summary>
    public IReadOnlyList<QueryResult> Tables { get; private set; }

    /// <summary>Makes this the first of several result tables.</summary>
    internal void SetTables(IReadOnlyList<QueryResult> tables) => Tables = tables;

    public IReadOnlyList<ResultColumn> Columns { get; }

    public int RowCount { get; }

    /// <summary>True when the query produced more rows than the limit and the rest were dropped.</summary>
    public bool IsTruncated { get; }

    /// <summary>What <c>render</c> asked for, or null.</summary>
    public Visualization? Visualization { get; }

    public QueryStatistics Statistics { get; }

    /// <summary>A column by exact name, or null.</summary>
    public ResultColumn? GetColumn(string name)
    {
        foreach (var column in Columns)
        {
            if (column.Name == name)
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>Row <paramref name="row"/> as objects (see <see cref="ResultColumn.GetValue"/>).</summary>
    public object?[] GetRow(int row)
    {
        var values = new object?[Columns.Count];
        for (var c = 0; c < values.Length; c++)
        {
            values[c] = Columns[c].GetValue(row);
        }

        return values;
    }
}

/// <summary>What running a query took.</summary>
public sealed class QueryStatistics
{
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Extents read, and skipped by the time range or term index without reading.</summary>
    public int ExtentsScanned { get; internal set; }

    public int ExtentsSkipped { get; internal set; }

    /// <summary>Blocks decoded, and skipped by block min/max or term filters.</summary>
    public int BlocksScanned { get; internal set; }

    public int BlocksSkipped { get; internal set; }

    /// <summary>Time per optimizer pass, in the order they ran.</summary>
    public IReadOnlyList<KeyValuePair<string, TimeSpan>> OptimizerPasses { get; internal set; } = [];
}
