using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    private Bound BindPipe(PipeExpression pipe, Context context)
    {
        var left = BindExpression(pipe.Left, context.Tabular());
        Rows input;
        if (left.IsTabular)
        {
            input = left.AsRows();
        }
        else
        {
            if (pipe.Left is not MissingExpression)
            {
                Report(BindingDiagnostics.ExpectedTabular(pipe.Left.TextStart, pipe.Left.Width));
            }

            input = new Rows(TableSchema.Empty.AsOpen(), false);
        }

        var output = BindOperator(pipe.Operator, input, context);
        Record(pipe.Operator, new SemanticInfo(ScalarType.Unknown, output.Schema, output.Serialized));
        return Bound.Table(output);
    }

    /// <summary>An operator at the start of a pipeline: a source (print, range, union, evaluate, search, find), or
    /// the first operator of a subquery that works on an implicit input (mv-apply, fork, facet, partition).</summary>
    private Bound BindLeadingOperator(QueryOperator op, Context context)
    {
        Rows output;
        switch (op)
        {
            case PrintOperator or RangeOperator or SearchOperator or FindOperator:
                output = BindOperator(op, context.ImplicitInput ?? new Rows(TableSchema.Empty, false), context);
                break;
            case UnionOperator union when context.ImplicitInput is null:
                output = BindUnion(union, null, context);
                break;
            case MacroExpandOperator macroExpand:
                output = BindMacroExpand(macroExpand, context);
                break;
            case EvaluateOperator evaluate when context.ImplicitInput is null:
                output = BindEvaluate(evaluate, new Rows(TableSchema.Empty, false), context);
                break;
            default:
                if (context.ImplicitInput is { } input)
                {
                    output = BindOperator(op, input, context);
                }
                else
                {
                    Report(BindingDiagnostics.UnexpectedExpression($"'{op.Keyword.Text}' without an input table", op.TextStart, op.Width));
                    output = BindOperator(op, new Rows(TableSchema.Empty.AsOpen(), false), context);
                }

                break;
        }

        Record(op, new SemanticInfo(ScalarType.Unknown, output.Schema, output.Serialized));
        return Bound.Table(output);
    }

    private Rows BindOperator(QueryOperator op, Rows input, Context outer)
    {
        var context = Context.ForRows(outer.Scope, input);
        switch (op)
        {
            case WhereOperator where:
                ExpectBool(where.Condition, BindScalar(where.Condition, context));
                return input;
            case ProjectOperator project:
                return BindProject(project.Expressions, input, context, serializedKept: true);
            case ExtendOperator extend:
                return new Rows(BindExtendItems(extend.Expressions, input.Schema, context), input.Serialized);
            case ProjectAwayOperator away:
                return new Rows(BindProjectAway(away.Expressions, input.Schema), input.Serialized);
            case ProjectKeepOperator keep:
                return new Rows(BindProjectKeep(keep.Expressions, input.Schema), input.Serialized);
            case ProjectRenameOperator rename:
                return new Rows(BindProjectRename(rename.Expressions, input.Schema, context), input.Serialized);
            case ProjectReorderOperator reorder:
                return new Rows(BindProjectReorder(reorder.Expressions, input.Schema), input.Serialized);
            case SortOperator sort:
                foreach (var key in sort.Expressions)
                {
                    BindOrderKey(key, context);
                }

                return input with { Serialized = true };
            case TopOperator top:
                BindCount(top.Count, context, "top");
                BindOrderKey(top.By, context);
                return input with { Serialized = true };
            case TakeOperator take:
                BindCount(take.Count, context, take.Keyword.Text);
                return input;
            case SampleOperator sample:
                BindCount(sample.Count, context, "sample");
                return input with { Serialized = false };
            case SampleDistinctOperator sampleDistinct:
                BindCount(sampleDistinct.Count, context, "sample-distinct");
                var sampled = BindScalar(sampleDistinct.Of, context);
                return new Rows(new TableSchema([new ColumnSymbol(ResultName(sampleDistinct.Of, context) ?? "Column1", sampled)]), false);
            case SerializeOperator serialize:
                return new Rows(BindExtendItems(serialize.Expressions, input.Schema, context with { Serialized = true }), true);
            case SummarizeOperator summarize:
                return BindSummarize(summarize, input, context);
            case CountOperator:
                return new Rows(new TableSchema([new ColumnSymbol("Count", ScalarType.Long)]), false);
            case DistinctOperator distinct:
                return BindDistinct(distinct, input, context);
            case MakeSeriesOperator makeSeries:
                return BindMakeSeries(makeSeries, input, context);
            case TopNestedOperator topNested:
                return BindTopNested(topNested, input, context);
            case TopHittersOperator topHitters:
                return BindTopHitters(topHitters, input, context);
            case JoinOperator join:
                return BindJoin(join, input, context);
            case LookupOperator lookup:
                return BindLookup(lookup, input, context);
            case UnionOperator union:
                return BindUnion(union, input, context);
            case AsOperator asOperator:
                outer.Scope.Declare(new TabularVariableSymbol(asOperator.Name.SimpleName, input.Schema, isParameter: false, isMaterialized: false));
                return input;
            case InvokeOperator invoke:
                return BindInvoke(invoke, input, context);
            case ForkOperator fork:
                foreach (var branch in fork.Branches)
                {
                    BindSubquery(branch.Query, input, context);
                }

                return new Rows(TableSchema.Empty.AsOpen(), false);
            case FacetOperator facet:
                foreach (var expression in facet.Expressions)
                {
                    BindScalar(expression, context);
                }

                if (facet.With is { } with)
                {
                    BindSubquery(with.Expression, input, context);
                }

                return new Rows(TableSchema.Empty.AsOpen(), false);
            case PartitionOperator partition:
                BindScalar(partition.By, context);
                if (partition.In is { } partitionIn)
                {
                    BindScalar(partitionIn.Values, context with { Row = null });
                }

                return partition.Body switch
                {
                    Expression body => BindSubquery(body, input, context),
                    FunctionBody body => BindPartitionWithSource(partition, body, input, outer),
                    _ => new Rows(input.Schema.AsOpen(), false),
                };
            case EvaluateOperator evaluate:
                return BindEvaluate(evaluate, input, context);
            case MvExpandOperator mvExpand:
                return BindMvExpand(mvExpand, input, context);
            case MvApplyOperator mvApply:
                return BindMvApply(mvApply, input, context);
            case ParseOperator parse:
                return new Rows(BindParse(parse.Source, parse.Pattern, parse.Parameters, input.Schema, context), input.Serialized);
            case ParseWhereOperator parseWhere:
                return new Rows(BindParse(parseWhere.Source, parseWhere.Pattern, parseWhere.Parameters, input.Schema, context), input.Serialized);
            case ParseKvOperator parseKv:
                BindScalar(parseKv.Source, context);
                return new Rows(input.Schema.WithColumns(BindSchemaType(parseKv.Schema).Columns), input.Serialized);
            case PrintOperator print:
                return BindPrint(print, context);
            case RangeOperator range:
                return BindRange(range, context);
            case SearchOperator search:
                return BindSearch(search, input, context);
            case FindOperator find:
                return BindFind(find, context);
            case GetSchemaOperator:
                return new Rows(new TableSchema(
                [
                    new ColumnSymbol("ColumnName", ScalarType.String),
                    new ColumnSymbol("ColumnOrdinal", ScalarType.Int),
                    new ColumnSymbol("DataType", ScalarType.String),
                    new ColumnSymbol("ColumnType", ScalarType.String),
                ]), false);
            case RenderOperator:
                return input;
            case ConsumeOperator:
                return new Rows(TableSchema.Empty, false);
            case ReduceOperator reduce:
                BindScalar(reduce.Expression, context);
                return new Rows(new TableSchema(
                [
                    new ColumnSymbol("Pattern", ScalarType.String),
                    new ColumnSymbol("Count", ScalarType.Long),
                    new ColumnSymbol("Representative", ScalarType.String),
                ]), false);
            case ScanOperator scan:
                return BindScan(scan, input, context);
            case AssertSchemaOperator assertSchema:
                // The rows pass unchanged (the check happens at run time, against the data's columns).
                BindSchemaType(assertSchema.Schema);
                return input;
            case ProjectByNamesOperator projectByNames:
                // The argument values name the columns at run time, so the output columns are not knowable here.
                foreach (var expression in projectByNames.Expressions)
                {
                    BindScalar(expression, context);
                }

                return new Rows(TableSchema.Empty.AsOpen(), input.Serialized);
            default:
                // Graph operators; BadQueryOperator (the parser reported it) and operators without a schema effect.
                return BindGraphOperator(op, input, context) ?? new Rows(input.Schema.AsOpen(), input.Serialized);
        }
    }

    /// <summary>
    /// macro-expand: the statements run once per entity of the group with the alias naming the entity (a database or
    /// cluster scope, so <c>Alias.Table</c> has an open schema); the result is the last statement's schema.
    /// </summary>
    private Rows BindMacroExpand(MacroExpandOperator macroExpand, Context outer)
    {
        var scope = new Scope(outer.Scope);
        scope.Declare(new TabularVariableSymbol(macroExpand.Alias.SimpleName, TableSchema.Empty.AsOpen(), isParameter: false, isMaterialized: false));
        TableSchema? result = null;
        foreach (var statement in macroExpand.Statements)
        {
            if (BindStatement(statement, scope) is { } schema)
            {
                result = schema;
            }
        }

        return new Rows(result ?? TableSchema.Empty.AsOpen(), false);
    }

    /// <summary>
    /// The legacy <c>partition by Key { query with its own source }</c>: the query sees the key only as a one-column
    /// table (<c>toscalar(Key)</c>), and its schema is the result.
    /// </summary>
    private Rows BindPartitionWithSource(PartitionOperator partition, FunctionBody body, Rows input, Context outer)
    {
        var scope = new Scope(outer.Scope);
        if (partition.By is NameReference key && input.Schema.TryGetColumn(key.SimpleName, out var column))
        {
            scope.Declare(new TabularVariableSymbol(key.SimpleName, new TableSchema([column]), isParameter: false, isMaterialized: false));
        }

        TableSchema? result = null;
        foreach (var statement in body.Statements)
        {
            if (BindStatement(statement, scope) is { } schema)
            {
                result = schema;
            }
        }

        return new Rows(result ?? input.Schema.AsOpen(), false);
    }

    /// <summary>The row count of take/top/sample/limit: an integer (a let-bound value is fine).</summary>
    private void BindCount(Expression count, Context context, string operatorName)
    {
        var type = BindScalar(count, context with { Row = null });
        if (type is not (ScalarType.Unknown or ScalarType.Dynamic) && !TypeFacts.IsInteger(type))
        {
            Report(BindingDiagnostics.WrongArgumentType(operatorName, "count", "an integer", type, count.TextStart, count.Width));
        }
    }

    private void BindOrderKey(Expression key, Context context)
    {
        var type = BindScalar(key, context);
        if (type == ScalarType.Dynamic)
        {
            Report(BindingDiagnostics.OperatorTypeMismatch("order by", type, key.TextStart, key.Width));
        }
    }

    /// <summary>Binds a subquery that starts with an operator and reads <paramref name="input"/> (fork, facet, partition).</summary>
    private Rows BindSubquery(Expression query, Rows input, Context context)
    {
        var bound = BindExpression(query, Context.Global(context.Scope) with { ImplicitInput = input, PreferTabular = true });
        return bound.IsTabular ? bound.AsRows() : new Rows(TableSchema.Empty.AsOpen(), false);
    }

    /// <summary>project: each item is a column, <c>name = expr</c>, <c>(a, b) = f(...)</c> or an unnamed expression.</summary>
    private Rows BindProject(IReadOnlyList<Expression> items, Rows input, Context context, bool serializedKept)
    {
        var columns = new List<ColumnSymbol>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var namer = new ColumnNamer("Column", 1);
        foreach (var item in items)
        {
            var produced = new List<ColumnSymbol>();
            foreach (var column in BindProjectionItem(item, context, namer))
            {
                if (!declared.Add(column.Name))
                {
                    Report(BindingDiagnostics.DuplicateColumn(column.Name, item.TextStart, item.Width));
                    continue;
                }

                produced.Add(column);
            }

            columns.AddRange(produced);
            NoteProduced(item, produced);
        }

        return new Rows(new TableSchema(columns), serializedKept && input.Serialized);
    }

    /// <summary>The columns one projection item produces (several for a tuple-valued function such as series_stats).</summary>
    private List<ColumnSymbol> BindProjectionItem(Expression item, Context context, ColumnNamer namer)
    {
        switch (item)
        {
            case SimpleNamedExpression named:
            {
                var bound = BindExpression(named.Expression, context);
                if (bound.IsTabular)
                {
                    Report(BindingDiagnostics.ExpectedScalar(named.Expression.TextStart, named.Expression.Width));
                }

                return [new ColumnSymbol(named.Name.SimpleName, bound.Type)];
            }

            case CompoundNamedExpression compound:
            {
                var whole = BindScalar(compound.Expression, context);
                var tuple = TupleColumnsOf(compound.Expression);
                var result = new List<ColumnSymbol>();
                for (var i = 0; i < compound.Names.Count; i++)
                {
                    // Without declared fields (array_sort_asc(a, b)) each name takes an element of the dynamic result.
                    var type = i < tuple.Length ? tuple[i].Type : tuple.IsDefaultOrEmpty && whole == ScalarType.Dynamic ? ScalarType.Dynamic : ScalarType.Unknown;
                    result.Add(new ColumnSymbol(compound.Names[i].SimpleName, type));
                }

                return result;
            }

            default:
            {
                var type = BindScalar(item, context);
                var tuple = TupleColumnsOf(item);
                if (!tuple.IsDefaultOrEmpty && item is FunctionCallExpression call)
                {
                    // extend series_stats(x) -> series_stats_x_min, series_stats_x_min_idx, ...
                    var argumentName = call.Arguments.Count > 0 ? ResultName(call.Arguments[0], context) : null;
                    var prefix = call.Name.SimpleName + (string.IsNullOrEmpty(argumentName) ? string.Empty : "_" + argumentName);
                    var result = new List<ColumnSymbol>();
                    foreach (var field in tuple)
                    {
                        result.Add(new ColumnSymbol(prefix + "_" + field.Name, field.Type));
                    }

                    return result;
                }

                if (item is FunctionCallExpression sort && SortedArrayNames(sort, context) is { } sorted)
                {
                    // print array_sort_asc(a, b) -> a_sorted, b_sorted
                    return [.. sorted.Select(n => new ColumnSymbol(n, ScalarType.Dynamic))];
                }

                var name = ResultName(item, context);
                return [new ColumnSymbol(string.IsNullOrEmpty(name) ? namer.Next() : name, type)];
            }
        }
    }

    /// <summary>
    /// The columns of array_sort_asc/array_sort_desc over several arrays (one sorted array each, named
    /// <c>argument_sorted</c>), or null for any other call. A trailing bool is nulls_last, not an array.
    /// </summary>
    private List<string>? SortedArrayNames(FunctionCallExpression call, Context context)
    {
        if (call.Name.SimpleName is not ("array_sort_asc" or "array_sort_desc"))
        {
            return null;
        }

        var count = call.Arguments.Count;
        if (count > 0 && _info.TryGetValue(call.Arguments[count - 1], out var last) && last.Type == ScalarType.Bool)
        {
            count--;
        }

        if (count < 2)
        {
            return null;
        }

        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var argument = ResultName(call.Arguments[i], context);
            names.Add((string.IsNullOrEmpty(argument) ? "array" + (i + 1) : argument) + "_sorted");
        }

        return names;
    }

    private System.Collections.Immutable.ImmutableArray<ColumnSymbol> TupleColumnsOf(Expression expression) =>
        expression is FunctionCallExpression && _info.TryGetValue(expression, out var info) && info.ReferencedFunction is { } f
            ? f.TupleColumns
            : [];

    /// <summary>extend (and serialize's assignments): new columns are appended, existing names are replaced in place.</summary>
    private TableSchema BindExtendItems(IReadOnlyList<Expression> items, TableSchema schema, Context context)
    {
        var namer = new ColumnNamer("Column", 1);
        var current = schema;
        foreach (var item in items)
        {
            // Each item sees the columns the items before it added (extend a = 1, b = a + 1).
            var itemContext = context with { Row = current };
            var columns = BindProjectionItem(item, itemContext, namer);
            NoteProduced(item, columns);
            current = current.WithColumns(columns);
        }

        return current;
    }

    private TableSchema BindProjectAway(IReadOnlyList<Expression> items, TableSchema schema)
    {
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var name in MatchColumns(item, schema, reportUnknown: true))
            {
                removed.Add(name);
            }
        }

        return schema.Without(removed);
    }

    private TableSchema BindProjectKeep(IReadOnlyList<Expression> items, TableSchema schema)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var name in MatchColumns(item, schema, reportUnknown: true))
            {
                kept.Add(name);
            }
        }

        var columns = new List<ColumnSymbol>();
        foreach (var column in schema.Columns)
        {
            if (kept.Contains(column.Name))
            {
                columns.Add(column);
            }
        }

        return new TableSchema(columns, schema.IsOpen);
    }

    private TableSchema BindProjectRename(IReadOnlyList<Expression> items, TableSchema schema, Context context)
    {
        var columns = new List<ColumnSymbol>(schema.Columns);
        foreach (var item in items)
        {
            if (item is SimpleNamedExpression { Expression: NameReference source } named)
            {
                var index = columns.FindIndex(c => c.Name == source.SimpleName);
                if (index >= 0)
                {
                    Record(source, new SemanticInfo(columns[index].Type, null, false) { ReferencedColumn = columns[index] });
                    columns[index] = columns[index].WithName(named.Name.SimpleName);
                }
                else if (!schema.IsOpen)
                {
                    Report(BindingDiagnostics.UnknownColumn(source.SimpleName, source.TextStart, source.Width));
                }
            }
            else
            {
                BindExpression(item, context);
                Report(BindingDiagnostics.UnexpectedExpression("only 'NewName = ExistingName' is", item.TextStart, item.Width));
            }
        }

        return new TableSchema(columns, schema.IsOpen);
    }

    private TableSchema BindProjectReorder(IReadOnlyList<Expression> items, TableSchema schema)
    {
        var first = new List<ColumnSymbol>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var matched = new List<string>(MatchColumns(item, schema, reportUnknown: true));
            if (item is OrderedExpression { Ordering: { } ordering })
            {
                var descending = ordering.Text.EndsWith("desc", StringComparison.Ordinal);
                matched.Sort(StringComparer.Ordinal);
                if (descending)
                {
                    matched.Reverse();
                }
            }

            foreach (var name in matched)
            {
                if (placed.Add(name) && schema.TryGetColumn(name, out var column))
                {
                    first.Add(column);
                }
            }
        }

        foreach (var column in schema.Columns)
        {
            if (!placed.Contains(column.Name))
            {
                first.Add(column);
            }
        }

        return new TableSchema(first, schema.IsOpen);
    }

    /// <summary>The column names a name or wildcard item of project-away/keep/reorder refers to.</summary>
    private IEnumerable<string> MatchColumns(Expression item, TableSchema schema, bool reportUnknown)
    {
        var inner = item is OrderedExpression ordered ? ordered.Expression : item;
        if (inner is NameReference reference)
        {
            var pattern = reference.SimpleName;
            if (reference.Name is WildcardedName || pattern.Contains('*', StringComparison.Ordinal))
            {
                var result = new List<string>();
                foreach (var column in schema.Columns)
                {
                    if (MatchesWildcard(column.Name, pattern))
                    {
                        result.Add(column.Name);
                    }
                }

                return result;
            }

            if (schema.TryGetColumn(pattern, out var column1))
            {
                Record(reference, new SemanticInfo(column1.Type, null, false) { ReferencedColumn = column1 });
                return [pattern];
            }

            if (reportUnknown && !schema.IsOpen)
            {
                Report(BindingDiagnostics.UnknownColumn(pattern, reference.TextStart, reference.Width));
            }

            return [];
        }

        if (inner is StarExpression)
        {
            var all = new List<string>();
            foreach (var column in schema.Columns)
            {
                all.Add(column.Name);
            }

            return all;
        }

        Report(BindingDiagnostics.UnexpectedExpression("an expression (a column name or a wildcard is expected)", item.TextStart, item.Width));
        return [];
    }
}
