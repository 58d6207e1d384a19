using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using Vigil.Engine.Optimizer;

namespace Vigil.Engine.Tests.Query;

/// <summary>Invariants checked on random small tables (values divisible by 7 stand for null).</summary>
public class QueryPropertyTests
{
    private static string Table(int[] values)
    {
        var text = new StringBuilder("datatable(x:long) [");
        for (var i = 0; i < values.Length; i++)
        {
            text.Append(i > 0 ? ", " : string.Empty).Append(values[i] % 7 == 0 ? "long(null)" : values[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    private static long?[] Values(int[] values) => [.. values.Select(v => v % 7 == 0 ? (long?)null : v)];

    [Property(MaxTest = 40)]
    public bool Where_keeps_exactly_the_rows_whose_comparison_is_true(int[] values, int threshold)
    {
        if (values.Length == 0)
        {
            return true;
        }

        var expected = Values(values).Count(v => v > threshold);
        var rows = QueryRunner.Rows(Table(values) + $" | where x > {threshold.ToString(CultureInfo.InvariantCulture)} | count");
        return rows.Single() == expected.ToString(CultureInfo.InvariantCulture);
    }

    [Property(MaxTest = 40)]
    public bool Sort_ascending_orders_values_with_nulls_first_and_top_is_its_prefix(int[] values)
    {
        if (values.Length == 0)
        {
            return true;
        }

        var expected = Values(values).OrderBy(v => v.HasValue).ThenBy(v => v).Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "null").ToList();
        var sorted = QueryRunner.Rows(Table(values) + " | sort by x asc");
        var top = QueryRunner.Rows(Table(values) + " | top 3 by x asc");
        return sorted.SequenceEqual(expected) && top.SequenceEqual(expected.Take(3));
    }

    [Property(MaxTest = 40)]
    public bool Summarize_group_counts_add_up_and_match_distinct(int[] values)
    {
        if (values.Length == 0)
        {
            return true;
        }

        var table = Table(values);
        var groups = QueryRunner.Run(table + " | summarize n = count() by x");
        var total = Enumerable.Range(0, groups.RowCount).Sum(r => groups.Columns[1].GetLong(r));
        var distinct = QueryRunner.Run(table + " | distinct x").RowCount;
        return total == values.Length && distinct == groups.RowCount && distinct == Values(values).Distinct().Count();
    }

    [Property(MaxTest = 25)]
    public bool Disabling_any_optimizer_pass_does_not_change_results(int[] values, int threshold)
    {
        var query = Table(values.Length == 0 ? [1] : values) + $" | extend y = x * 2 | where y > {threshold.ToString(CultureInfo.InvariantCulture)} | sort by y desc | take 5 | project y";
        var expected = QueryRunner.Rows(query);
        return QueryOptimizer.Passes.All(p =>
            QueryRunner.Rows(query, options: new QueryOptions { DisabledOptimizerPasses = new HashSet<string> { p.Name } }).SequenceEqual(expected));
    }
}
