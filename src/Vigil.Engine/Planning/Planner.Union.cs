using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// <c>[T |] union [withsource=Name] A, B, ...</c>: each input projected onto the binder's union schema by column
    /// name (missing columns are null); the source column holds each input's table name.
    /// </summary>
    private LogicalUnion PlanUnion(UnionOperator union, LogicalOperator? input)
    {
        var output = _bound.GetSchema(union) ?? throw QueryException.NotSupported("This union");
        string? source = null;
        var fuzzy = false;
        foreach (var parameter in union.Parameters)
        {
            switch (parameter.Name.Text)
            {
                case "withsource" or "with_source":
                    source = parameter.Value.ToString().Trim();
                    break;
                case "isfuzzy":
                    fuzzy = parameter.Value.ToString().Trim() == "true";
                    break;
                case "kind" when parameter.Value.ToString().Trim() is "outer" or "inner":
                    // The binder's schema already holds the outer or inner set of columns; each input is projected onto it.
                    break;
                default:
                    throw QueryException.NotSupported($"union {parameter.Name.Text}=");
            }
        }

        var inputs = new List<(LogicalOperator Plan, string Name)>();
        if (input is not null)
        {
            // A time-windowed table is a filter over its scan; it keeps the table's name.
            var scanned = input is LogicalFilter { Input: LogicalScan windowed } && _timeWindow is not null ? windowed : input;
            inputs.Add((input, scanned is LogicalScan scan ? scan.Table.Name : "union_arg0"));
        }

        foreach (var table in union.Tables)
        {
            if (table is NameReference { Name: WildcardedName } wildcard)
            {
                foreach (var matched in _bound.TablesMatching(wildcard.SimpleName))
                {
                    inputs.Add((ScanTable(matched), matched.Name));
                }

                continue;
            }

            if (fuzzy && table is NameReference missing && _bound.GetInfo(missing) is null)
            {
                // isfuzzy=true: the binder skipped a table that does not exist (with a warning); so does the union.
                continue;
            }

            inputs.Add((PlanTabular(table), UnionArgumentName(table) ?? "union_arg" + inputs.Count));
        }

        var exactNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (plan, _) in inputs)
        {
            foreach (var column in plan.Schema.Columns)
            {
                exactNames.Add(column.Name);
            }
        }

        var projected = new List<LogicalOperator>();
        foreach (var (plan, name) in inputs)
        {
            var columns = new List<NamedExpr>();
            var typed = TypeSuffixedColumns(plan.Schema, output, exactNames);
            foreach (var column in output.Columns)
            {
                var type = PlanTypes.Normalize(column.Type);
                if (source is not null && column.Name == source && columns.Count == 0)
                {
                    columns.Add(new NamedExpr(column.Name, new ConstantExpr(ScalarValue.FromString(name))));
                    continue;
                }

                var index = typed.TryGetValue(column.Name, out var renamed) ? renamed : plan.Schema.IndexOf(column.Name);
                if (index < 0)
                {
                    columns.Add(new NamedExpr(column.Name, new ConstantExpr(ScalarValue.Null(type))));
                }
                else if (PlanTypes.Normalize(plan.Schema.Columns[index].Type) == type)
                {
                    columns.Add(new NamedExpr(column.Name, ColumnOf(plan.Schema, plan.Schema.Columns[index].Name)));
                }
                else
                {
                    throw QueryException.NotSupported($"union of column '{column.Name}' with different types");
                }
            }

            projected.Add(new LogicalProject(plan, columns));
        }

        return new LogicalUnion(projected, projected[0].Schema);
    }

    /// <summary>
    /// A column whose name has several types across the inputs comes out as <c>Name_type</c> (uniquified with a
    /// digit when taken): for each such output column, the ordinal of this input's <c>Name</c> of that type.
    /// </summary>
    private static Dictionary<string, int> TypeSuffixedColumns(TableSchema input, TableSchema output, HashSet<string> exactNames)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var column = input.Columns[i];
            if (output.IndexOf(column.Name) >= 0 && PlanTypes.Normalize(output.Columns[output.IndexOf(column.Name)].Type) == PlanTypes.Normalize(column.Type))
            {
                continue;
            }

            var prefix = column.Name + "_" + TypeFacts.GetName(PlanTypes.Normalize(column.Type));
            foreach (var candidate in output.Columns)
            {
                if (map.ContainsKey(candidate.Name) || exactNames.Contains(candidate.Name)
                    || !candidate.Name.StartsWith(prefix, StringComparison.Ordinal)
                    || candidate.Name.AsSpan(prefix.Length).ContainsAnyExceptInRange('0', '9'))
                {
                    continue;
                }

                map[candidate.Name] = i;
                break;
            }
        }

        return map;
    }
}
