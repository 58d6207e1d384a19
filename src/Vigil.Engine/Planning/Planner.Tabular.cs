using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Binding;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    private LogicalOperator PlanTabular(Expression expression)
    {
        switch (expression)
        {
            case ParenthesizedExpression parenthesized:
                return PlanTabular(parenthesized.Expression);
            case PipeExpression { Operator: GraphToTableOperator or GraphMatchOperator or GraphShortestPathsOperator } pipe:
                return PlanGraphOperator(pipe);
            case PipeExpression pipe:
                return PlanOperator(pipe.Operator, PlanTabular(pipe.Left));
            case NameReference reference:
            {
                var info = _bound.GetInfo(reference);
                if (info?.ReferencedTable is { } table)
                {
                    return ScanTable(table);
                }

                if (info?.ReferencedLocal is UserFunctionSymbol function)
                {
                    return PlanTabularUserCall(function, [], null, reference);
                }

                if (info?.ReferencedLocal is { } local && TryGetLocal(local, out var planned) && planned is LogicalOperator op)
                {
                    return op;
                }

                throw QueryException.NotSupported($"The table reference '{reference.SimpleName}'");
            }

            case DataTableExpression datatable:
                return PlanDataTable(datatable);
            case ExternalDataExpression externalData:
                return PlanExternalData(externalData);
            case PrintOperator print:
                return PlanPrint(print);
            case RangeOperator range:
                return PlanRange(range);
            case UnionOperator union:
                return PlanUnion(union, null);
            case FunctionCallExpression call:
                return PlanTabularCall(call);
            case SearchOperator search when _implicitInput is null:
                return PlanSearch(search, null, _bound.GetSchema(search) ?? TableSchema.Empty);
            case FindOperator find:
                return PlanFind(find);
            case QueryOperator leading:
                return PlanLeadingOperator(leading);
            default:
                throw QueryException.NotSupported($"The tabular expression '{Snippet(expression)}'");
        }
    }

    private LogicalOperator PlanOperator(QueryOperator op, LogicalOperator input) =>
        WindowCallsOf(op) is { Count: > 0 } windows ? PlanWithWindows(op, input, windows) : PlanOperatorCore(op, input);

    private LogicalOperator PlanOperatorCore(QueryOperator op, LogicalOperator input)
    {
        var output = _bound.GetSchema(op) ?? input.Schema;
        switch (op)
        {
            case WhereOperator where:
                return new LogicalFilter(input, FunctionsOrConvert(PlanScalar(where.Condition, input.Schema), ScalarType.Bool));
            case ProjectOperator project:
                return PlanProject(project, input, output);
            case ExtendOperator extend:
                return PlanExtend(extend, input, output);
            case ProjectAwayOperator or ProjectKeepOperator or ProjectReorderOperator:
                return SelectByName(input, output, renames: null);
            case ProjectRenameOperator rename:
                return PlanRename(rename, input, output);
            case TakeOperator take:
                return new LogicalLimit(input, ConstantLong(take.Count, "take"));
            case CountOperator:
                return new LogicalAggregate(input, [], [new AggregateCall("count", [], [output.Columns[0]])]);
            case SortOperator sort:
                return new LogicalSort(input, PlanSortKeys(sort.Expressions, input.Schema));
            case TopOperator top:
                return new LogicalTopN(input, PlanSortKeys([top.By], input.Schema), ConstantLong(top.Count, "top"));
            case SummarizeOperator summarize:
                return PlanSummarize(summarize, input, output);
            case DistinctOperator distinct:
                return PlanDistinct(distinct, input, output);
            case SerializeOperator serialize:
                return PlanSerialize(serialize, input, output);
            case JoinOperator join:
                return PlanJoin(join, input, output);
            case UnionOperator union:
                return PlanUnion(union, input);
            case SampleOperator sample:
                return new LogicalSample(input, ConstantLong(sample.Count, "sample"));
            case SampleDistinctOperator sampleDistinct:
                return PlanSampleDistinct(sampleDistinct, input, output);
            case GetSchemaOperator:
                return PlanGetSchema(input, output);
            case SearchOperator search:
                return PlanSearch(search, input, output);
            case LookupOperator lookup:
                return PlanLookup(lookup, input, output);
            case MvApplyOperator mvApply:
                return PlanMvApply(mvApply, input, output);
            case ParseOperator parse:
                return PlanParse(parse.Parameters, parse.Source, parse.Pattern, false, input, output);
            case ParseWhereOperator parseWhere:
                return PlanParse(parseWhere.Parameters, parseWhere.Source, parseWhere.Pattern, true, input, output);
            case ParseKvOperator parseKv:
                return PlanParseKv(parseKv, input, output);
            case MvExpandOperator mvExpand:
                return PlanMvExpand(mvExpand, input, output);
            case EvaluateOperator evaluate:
                return PlanEvaluate(evaluate, input, output);
            case TopNestedOperator topNested:
                return PlanTopNested(topNested, input, output);
            case MakeSeriesOperator makeSeries:
                return PlanMakeSeries(makeSeries, input, output);
            case PartitionOperator partition:
                return PlanPartition(partition, input, output);
            case ScanOperator scan:
                return PlanSequenceScan(scan, input, output);
            case AsOperator @as:
                return PlanAs(@as, input);
            case ForkOperator fork:
                return PlanFork(fork, input);
            case FacetOperator facet:
                return PlanFacet(facet, input);
            case InvokeOperator invoke:
                return PlanInvoke(invoke, input);
            case RenderOperator render:
                _visualization = PlanRender(render);
                return input;
            default:
                throw QueryException.NotSupported($"The '{op.Keyword.Text}' operator");
        }
    }

    private static ScalarExpr FunctionsOrConvert(ScalarExpr expression, ScalarType type) =>
        Functions.FunctionRegistry.Convert(expression, type);

    private long ConstantLong(Expression expression, string what)
    {
        var value = PlanScalar(expression, TableSchema.Empty);
        if (Optimizer.ConstantFolding.TryFold(value, _nowTicks) is { } constant && !constant.IsNull
            && constant.Type is ScalarType.Int or ScalarType.Long)
        {
            return Math.Max(0, constant.Int64);
        }

        throw new QueryException(QueryErrorKind.Semantic, $"The row count of '{what}' must be a constant integer.");
    }

    private LogicalOperator PlanProject(ProjectOperator project, LogicalOperator input, TableSchema output)
    {
        var columns = new List<NamedExpr>();
        foreach (var item in project.Expressions)
        {
            if (item is NameReference { Name: WildcardedName } wildcard)
            {
                foreach (var column in input.Schema.Columns)
                {
                    if (output.Contains(column.Name) && Matches(wildcard.SimpleName, column.Name))
                    {
                        columns.Add(new NamedExpr(column.Name, ColumnOf(input.Schema, column.Name)));
                    }
                }

                continue;
            }

            if (TryPlanTupleItem(item, input.Schema) is { } tuple)
            {
                columns.AddRange(tuple);
                continue;
            }

            var (name, expression) = Unname(item);
            var planned = PlanScalar(expression, input.Schema);
            name ??= columns.Count < output.Count ? output.Columns[columns.Count].Name : "Column" + (columns.Count + 1);
            columns.Add(new NamedExpr(name, planned));
        }

        return new LogicalProject(input, Dedupe(columns));
    }

    private LogicalOperator PlanExtend(ExtendOperator extend, LogicalOperator input, TableSchema output)
    {
        var columns = new List<NamedExpr>();
        foreach (var column in input.Schema.Columns)
        {
            columns.Add(new NamedExpr(column.Name, ColumnOf(input.Schema, column.Name)));
        }

        var nextNew = VisibleCount(input.Schema);
        foreach (var item in extend.Expressions)
        {
            List<NamedExpr> produced;
            if (TryPlanTupleItem(item, input.Schema) is { } tuple)
            {
                produced = tuple;
            }
            else
            {
                var (name, expression) = Unname(item);
                var planned = PlanScalar(expression, input.Schema);
                name ??= nextNew < output.Count ? output.Columns[nextNew].Name : "Column" + (nextNew + 1);
                produced = [new NamedExpr(name, planned)];
            }

            foreach (var column in produced)
            {
                var existing = columns.FindIndex(c => c.Name == column.Name);
                if (existing >= 0)
                {
                    columns[existing] = column;
                }
                else
                {
                    columns.Add(column);
                    nextNew++;
                }
            }
        }

        return new LogicalProject(input, columns);
    }

    private LogicalOperator PlanRename(ProjectRenameOperator rename, LogicalOperator input, TableSchema output)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in rename.Expressions)
        {
            if (item is SimpleNamedExpression { Expression: NameReference old } named)
            {
                renames[named.Name.SimpleName] = old.SimpleName;
            }
        }

        return SelectByName(input, output, renames);
    }

    /// <summary>The binder's output columns taken from the input by name (project-away/-keep/-reorder/-rename).</summary>
    private static LogicalProject SelectByName(LogicalOperator input, TableSchema output, Dictionary<string, string>? renames)
    {
        var columns = new List<NamedExpr>();
        foreach (var column in output.Columns)
        {
            var source = renames is not null && renames.TryGetValue(column.Name, out var old) ? old : column.Name;
            columns.Add(new NamedExpr(column.Name, ColumnOf(input.Schema, source)));
        }

        return new LogicalProject(input, columns);
    }

    private List<SortKey> PlanSortKeys(IEnumerable<Expression> expressions, TableSchema input)
    {
        var keys = new List<SortKey>();
        foreach (var item in expressions)
        {
            var expression = item;
            var descending = true;
            bool? nullsFirst = null;
            if (item is OrderedExpression ordered)
            {
                expression = ordered.Expression;
                descending = ordered.Ordering?.Text != "asc";
                if (ordered.NullsOrdering is { } nulls)
                {
                    nullsFirst = nulls.Text == "first";
                }
            }

            keys.Add(new SortKey(PlanScalar(expression, input), descending, nullsFirst ?? !descending));
        }

        return keys;
    }

    private LogicalOperator PlanDistinct(DistinctOperator distinct, LogicalOperator input, TableSchema output)
    {
        var groups = new List<NamedExpr>();
        if (distinct.Expressions.Count == 1 && distinct.Expressions[0] is StarExpression)
        {
            foreach (var column in input.Schema.Columns)
            {
                groups.Add(new NamedExpr(column.Name, ColumnOf(input.Schema, column.Name)));
            }
        }
        else
        {
            foreach (var item in distinct.Expressions)
            {
                var (name, expression) = Unname(item);
                name ??= groups.Count < output.Count ? output.Columns[groups.Count].Name : "Column" + (groups.Count + 1);
                groups.Add(new NamedExpr(name, PlanScalar(expression, input.Schema)));
            }
        }

        return new LogicalAggregate(input, groups, []);
    }

    private Visualization PlanRender(RenderOperator render)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (render.With is { } with)
        {
            foreach (var property in with.Properties)
            {
                properties[property.Name.Text] = property.Value is LiteralExpression { Token.Kind: SyntaxKind.StringLiteral } s
                    ? SyntaxFacts.GetStringValue(s.Token.Text) ?? string.Empty
                    : property.Value.ToString().Trim();
            }
        }

        return new Visualization(render.ChartType.Text, properties);
    }

    private static (string? Name, Expression Expression) Unname(Expression item) => item switch
    {
        SimpleNamedExpression named => (named.Name.SimpleName, named.Expression),
        NameReference reference => (reference.SimpleName, item),
        _ => (null, item),
    };

    private static ColumnExpr ColumnOf(TableSchema schema, string name)
    {
        var index = schema.IndexOf(name);
        if (index < 0 && schema.TryGetColumn(name, out var aliased))
        {
            index = schema.IndexOf(aliased.Name);
        }

        if (index < 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, $"The column '{name}' does not exist here.");
        }

        var column = schema.Columns[index];
        return new ColumnExpr(index, column.Name, PlanTypes.Normalize(column.Type));
    }

    private static bool Matches(string pattern, string name)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return pattern == name;
        }

        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = name.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return position <= name.Length - parts[^1].Length;
    }

    /// <summary>Later duplicates of a name get numeric suffixes, as Kusto names project results.</summary>
    private static List<NamedExpr> Dedupe(List<NamedExpr> columns)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var unique = TableSchema.MakeUnique(columns[i].Name, used);
            if (unique != columns[i].Name)
            {
                columns[i] = columns[i] with { Name = unique };
            }
        }

        return columns;
    }
}
