using System.Text;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    /// <summary>summarize: the by columns first, then the aggregates (arg_max/take_any/percentiles may give several).</summary>
    private Rows BindSummarize(SummarizeOperator summarize, Rows input, Context context)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var columns = new List<ColumnSymbol>();
        var byColumns = new List<ColumnSymbol>();
        var byReferenced = new HashSet<string>(StringComparer.Ordinal);
        var namer = new ColumnNamer("Column", 1);
        if (summarize.By is { } by)
        {
            foreach (var key in by.Expressions)
            {
                var produced = new List<ColumnSymbol>();
                foreach (var column in BindProjectionItem(key, context, namer))
                {
                    produced.Add(column.WithName(TableSchema.MakeUnique(column.Name, used)));
                }

                byColumns.AddRange(produced);
                NoteProduced(key, produced);
                // Kusto rejects a dynamic group key, but Defender types several columns string that Sentinel (and
                // Vigil) types dynamic (AdditionalFields...), and portal queries group by them: accept it.

                if (Unwrap(key) is NameReference reference && input.Schema.Contains(reference.SimpleName))
                {
                    byReferenced.Add(reference.SimpleName);
                }
            }
        }

        if (summarize.Bin is { } bin)
        {
            // Legacy 'by ... bin=N': the keys keep their names and types, only their values are rounded.
            BindScalar(bin.Value, context with { Row = null });
        }

        columns.AddRange(byColumns);
        var aggregateContext = context with { AllowAggregates = true };
        foreach (var item in summarize.Aggregates)
        {
            var produced = new List<ColumnSymbol>();
            foreach (var column in BindAggregateItem(item, aggregateContext, input.Schema, byReferenced, namer, "summarize"))
            {
                produced.Add(column.WithName(TableSchema.MakeUnique(column.Name, used)));
            }

            columns.AddRange(produced);
            NoteProduced(item, produced);
        }

        return new Rows(new TableSchema(columns), false);
    }

    private static Expression Unwrap(Expression expression) => expression switch
    {
        ParenthesizedExpression p => Unwrap(p.Expression),
        OrderedExpression o => Unwrap(o.Expression),
        _ => expression,
    };

    /// <summary>The columns one aggregate item produces; reports items that aggregate nothing.</summary>
    private List<ColumnSymbol> BindAggregateItem(
        Expression item, Context context, TableSchema input, HashSet<string> byColumns, ColumnNamer namer, string operatorName)
    {
        // "Name = arg_max(...)" names the first column only; the others keep their own names.
        var named = item as SimpleNamedExpression;
        if (Unwrap(named?.Expression ?? item) is FunctionCallExpression call && context.Scope.Lookup(call.Name.SimpleName) is null
            && BuiltInFunctions.TryGetAggregate(call.Name.SimpleName, out var aggregate)
            && aggregate.ReturnRule == ReturnRule.Custom)
        {
            BindExpression(item, context);
            var expanded = ExpandAggregate(call, aggregate, context, input, byColumns);
            if (expanded is not null)
            {
                if (named is not null && expanded.Count > 0)
                {
                    expanded[0] = expanded[0].WithName(named.Name.SimpleName);
                }

                return expanded;
            }
        }

        var columns = BindProjectionItem(item, context, namer);
        if (!ContainsAggregate(item))
        {
            Report(BindingDiagnostics.ExpectedAggregate(operatorName, item.TextStart, item.Width));
        }

        return columns;
    }

    private bool ContainsAggregate(SyntaxNode node)
    {
        foreach (var element in node.DescendantsAndSelf())
        {
            if (element is FunctionCallExpression call && _info.TryGetValue(call, out var info)
                && (info.IsAggregate || info.ReferencedLocal is UserFunctionSymbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>arg_max/arg_min/take_any/percentile(s): the several columns Kusto produces, or null when a single
    /// column follows the ordinary naming.</summary>
    private List<ColumnSymbol>? ExpandAggregate(
        FunctionCallExpression call, FunctionSymbol aggregate, Context context, TableSchema input, HashSet<string> byColumns)
    {
        var arguments = call.Arguments;
        switch (aggregate.Name)
        {
            case "arg_max" or "argmax":
                return ExpandArgMinMax(arguments, "max", context, input, byColumns);
            case "arg_min" or "argmin":
                return ExpandArgMinMax(arguments, "min", context, input, byColumns);
            case "take_any":
                return ExpandAny(arguments, "any_", context, input, byColumns);
            case "any":
                return arguments.Count == 1 && arguments[0] is not StarExpression
                    ? [new ColumnSymbol("any_" + (ResultName(arguments[0], context) ?? string.Empty), ArgTypeOf(arguments[0]))]
                    : ExpandAny(arguments, string.Empty, context, input, byColumns);
            case "percentile" or "percentiles":
                return ExpandPercentiles(arguments, 0, 1, context);
            case "percentilew" or "percentilesw":
                return ExpandPercentiles(arguments, 0, 2, context);
            case "percentiles_array" or "percentilesw_array":
                return arguments.Count > 0
                    ? [new ColumnSymbol("percentiles_" + (ResultName(arguments[0], context) ?? string.Empty), ScalarType.Dynamic)]
                    : [];
            default:
                return null;
        }
    }

    private ScalarType ArgTypeOf(Expression argument) =>
        _info.TryGetValue(argument, out var info) ? info.Type : ScalarType.Unknown;

    private ColumnSymbol? ColumnOf(Expression argument) =>
        _info.TryGetValue(Unwrap(argument), out var info) ? info.ReferencedColumn : null;

    private List<ColumnSymbol> ExpandArgMinMax(
        IReadOnlyList<Expression> arguments, string prefix, Context context, TableSchema input, HashSet<string> byColumns)
    {
        var columns = new List<ColumnSymbol>();
        if (arguments.Count == 0)
        {
            return columns;
        }

        var anyStar = false;
        foreach (var argument in arguments)
        {
            anyStar |= argument is StarExpression;
        }

        var doNotRepeat = new HashSet<string>(StringComparer.Ordinal);
        var primaryName = ResultName(arguments[0], context);
        bool CanAdd(int index, string name) => index == 0 || !anyStar || (!doNotRepeat.Contains(name) && !byColumns.Contains(name));

        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument is StarExpression)
            {
                foreach (var column in input.Columns)
                {
                    if (CanAdd(i, column.Name))
                    {
                        doNotRepeat.Add(column.Name);
                        columns.Add(column);
                    }
                }
            }
            else if (argument is SimpleNamedExpression named && ColumnOf(named.Expression) is { } namedColumn)
            {
                if (CanAdd(i, namedColumn.Name))
                {
                    doNotRepeat.Add(namedColumn.Name);
                    columns.Add(new ColumnSymbol(named.Name.SimpleName, namedColumn.Type));
                }
            }
            else if (ColumnOf(argument) is { } column)
            {
                if (CanAdd(i, column.Name))
                {
                    doNotRepeat.Add(column.Name);
                    columns.Add(new ColumnSymbol(column.Name, column.Type));
                }
            }
            else
            {
                var name = ResultName(argument, context)
                    ?? (i == 0 ? prefix + "_" : prefix + "_" + primaryName + "_arg" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                columns.Add(new ColumnSymbol(name, ArgTypeOf(argument)));
            }
        }

        return columns;
    }

    private List<ColumnSymbol> ExpandAny(
        IReadOnlyList<Expression> arguments, string unnamedPrefix, Context context, TableSchema input, HashSet<string> byColumns)
    {
        var columns = new List<ColumnSymbol>();
        var anyStar = false;
        foreach (var argument in arguments)
        {
            anyStar |= argument is StarExpression;
        }

        var doNotRepeat = anyStar ? new HashSet<string>(byColumns, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        bool CanAdd(string name) => !anyStar || !doNotRepeat.Contains(name);

        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument is StarExpression)
            {
                foreach (var column in input.Columns)
                {
                    if (CanAdd(column.Name))
                    {
                        doNotRepeat.Add(column.Name);
                        columns.Add(column);
                    }
                }
            }
            else if (argument is SimpleNamedExpression named && ColumnOf(named.Expression) is { } namedColumn)
            {
                if (CanAdd(namedColumn.Name))
                {
                    doNotRepeat.Add(namedColumn.Name);
                    columns.Add(new ColumnSymbol(named.Name.SimpleName, namedColumn.Type));
                }
            }
            else if (ColumnOf(argument) is { } column)
            {
                if (CanAdd(column.Name))
                {
                    doNotRepeat.Add(column.Name);
                    columns.Add(new ColumnSymbol(column.Name, column.Type));
                }
            }
            else
            {
                var name = ResultName(argument, context);
                if (string.IsNullOrEmpty(name))
                {
                    name = unnamedPrefix + "arg" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                columns.Add(new ColumnSymbol(name, ArgTypeOf(argument)));
            }
        }

        return columns;
    }

    /// <summary>percentile(X, 50) -> percentile_X_50; percentiles(X, 5, 99.5) -> percentile_X_5, percentile_X_99_5.</summary>
    private List<ColumnSymbol> ExpandPercentiles(IReadOnlyList<Expression> arguments, int valueIndex, int firstPercentile, Context context)
    {
        var columns = new List<ColumnSymbol>();
        if (arguments.Count <= valueIndex)
        {
            return columns;
        }

        var valueName = ResultName(arguments[valueIndex], context) ?? string.Empty;
        var type = PercentileType(ArgTypeOf(arguments[valueIndex]));
        for (var i = firstPercentile; i < arguments.Count; i++)
        {
            columns.Add(new ColumnSymbol("percentile_" + valueName + "_" + NameFragment(arguments[i].ToString()), type));
        }

        return columns;
    }

    /// <summary>Literal text made into a name fragment: anything but letters and digits becomes '_'.</summary>
    private static string NameFragment(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    private Rows BindDistinct(DistinctOperator distinct, Rows input, Context context)
    {
        if (distinct.Expressions.Count == 1 && distinct.Expressions[0] is StarExpression)
        {
            return new Rows(input.Schema, false);
        }

        return BindProject(distinct.Expressions, input, context, serializedKept: false);
    }

    /// <summary>make-series: by columns, the series (dynamic arrays), then the axis column (dynamic).</summary>
    private Rows BindMakeSeries(MakeSeriesOperator makeSeries, Rows input, Context context)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var columns = new List<ColumnSymbol>();
        var namer = new ColumnNamer("Column", 1);
        if (makeSeries.By is { } by)
        {
            foreach (var key in by.Expressions)
            {
                var produced = new List<ColumnSymbol>();
                foreach (var column in BindProjectionItem(key, context, namer))
                {
                    produced.Add(column.WithName(TableSchema.MakeUnique(column.Name, used)));
                }

                columns.AddRange(produced);
                NoteProduced(key, produced);
            }
        }

        var aggregateContext = context with { AllowAggregates = true };
        var empty = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in makeSeries.Aggregates)
        {
            var produced = new List<ColumnSymbol>();
            foreach (var column in BindAggregateItem(series.Expression, aggregateContext, input.Schema, empty, namer, "make-series"))
            {
                produced.Add(new ColumnSymbol(TableSchema.MakeUnique(column.Name, used), ScalarType.Dynamic));
            }

            columns.AddRange(produced);
            NoteProduced(series.Expression, produced);

            if (series.DefaultValue is { } defaultValue)
            {
                BindScalar(defaultValue, context with { Row = null });
            }
        }

        var axisType = BindScalar(makeSeries.Axis, context);
        var range = makeSeries.Range;
        foreach (var part in new[] { range.From, range.To, range.Step, range.RangeCall })
        {
            if (part is not null)
            {
                BindScalar(part, context with { Row = null });
            }
        }

        if (axisType is not (ScalarType.Unknown or ScalarType.Dynamic) && !TypeFacts.IsSummable(axisType))
        {
            Report(BindingDiagnostics.OperatorTypeMismatch("make-series on", axisType, makeSeries.Axis.TextStart, makeSeries.Axis.Width));
        }

        var axisName = ResultName(makeSeries.Axis, context) ?? namer.Next();
        columns.Add(new ColumnSymbol(TableSchema.MakeUnique(axisName, used), ScalarType.Dynamic));
        return new Rows(new TableSchema(columns), false);
    }

    /// <summary>top-nested: per level the grouped value and its aggregate (<c>aggregated_X</c> unless named).</summary>
    private Rows BindTopNested(TopNestedOperator topNested, Rows input, Context context)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var columns = new List<ColumnSymbol>();
        var namer = new ColumnNamer("Column", 1);
        foreach (var clause in topNested.Clauses)
        {
            if (clause.Limit is { } limit)
            {
                BindScalar(limit, context with { Row = null });
            }

            var ofColumns = BindProjectionItem(clause.Of, context, namer);
            var ofName = ofColumns.Count > 0 ? ofColumns[0].Name : namer.Next();
            foreach (var column in ofColumns)
            {
                columns.Add(column.WithName(TableSchema.MakeUnique(column.Name, used)));
            }

            if (clause.Others is { } others)
            {
                BindScalar(others, context with { Row = null });
            }

            var aggregateContext = context with { AllowAggregates = true };
            var byExpression = Unwrap(clause.By);
            var type = BindScalar(byExpression, aggregateContext);
            if (!ContainsAggregate(byExpression))
            {
                Report(BindingDiagnostics.ExpectedAggregate("top-nested", clause.By.TextStart, clause.By.Width));
            }

            var name = byExpression is SimpleNamedExpression named ? named.Name.SimpleName : "aggregated_" + ofName;
            columns.Add(new ColumnSymbol(TableSchema.MakeUnique(name, used), type));
        }

        _ = input;
        return new Rows(new TableSchema(columns), false);
    }

    private Rows BindTopHitters(TopHittersOperator topHitters, Rows input, Context context)
    {
        BindCount(topHitters.Count, context, "top-hitters");
        var ofType = BindScalar(topHitters.Of, context);
        var ofName = ResultName(topHitters.Of, context) ?? "Column1";
        var columns = new List<ColumnSymbol> { new(ofName, ofType) };
        if (topHitters.By is { } by)
        {
            var byType = BindScalar(by, context);
            columns.Add(new ColumnSymbol("approximate_sum_" + (ResultName(by, context) ?? ofName), byType == ScalarType.Int ? ScalarType.Long : byType));
        }
        else
        {
            columns.Add(new ColumnSymbol("approximate_count_" + ofName, ScalarType.Long));
        }

        _ = input;
        return new Rows(new TableSchema(columns), false);
    }
}
