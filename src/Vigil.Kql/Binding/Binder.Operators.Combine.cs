using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    private static readonly HashSet<string> JoinKinds = new(StringComparer.Ordinal)
    {
        "inner", "innerunique", "leftouter", "rightouter", "fullouter", "leftsemi", "rightsemi",
        "leftanti", "anti", "leftantisemi", "rightanti", "rightantisemi",
    };

    /// <summary>The value of an operator parameter such as <c>kind=inner</c>, or null when absent.</summary>
    private static string? ParameterValue(IReadOnlyList<NamedParameter> parameters, string name, out NamedParameter? found)
    {
        foreach (var parameter in parameters)
        {
            if (string.Equals(parameter.Name.Text, name, StringComparison.Ordinal))
            {
                found = parameter;
                return parameter.Value switch
                {
                    NameReference n => n.SimpleName,
                    LiteralExpression { LiteralKind: SyntaxKind.StringLiteral } s => SyntaxFacts.GetStringValue(s.Token.Text),
                    _ => parameter.Value.ToString(),
                };
            }
        }

        found = null;
        return null;
    }

    private Rows BindJoin(JoinOperator join, Rows left, Context context)
    {
        var kind = ParameterValue(join.Parameters, "kind", out var kindParameter) ?? "innerunique";
        if (!JoinKinds.Contains(kind))
        {
            Report(BindingDiagnostics.InvalidParameterValue("kind", kind, kindParameter!.TextStart, kindParameter.Width));
        }

        var right = BindTabular(join.Right, context);
        BindJoinCondition(join.On, left.Schema, right.Schema, context);
        switch (kind)
        {
            case "leftsemi" or "leftanti" or "anti" or "leftantisemi":
                return new Rows(left.Schema, false);
            case "rightsemi" or "rightanti" or "rightantisemi":
                return new Rows(right.Schema, false);
        }

        return new Rows(Combine(left.Schema, right.Schema.Columns, right.Schema), false);
    }

    /// <summary>
    /// The left columns followed by <paramref name="rightColumns"/>, right names made unique with numeric suffixes
    /// (DeviceId -> DeviceId1) as Kusto does; column-name aliases of both sides follow their columns.
    /// </summary>
    private static TableSchema Combine(TableSchema left, IReadOnlyList<ColumnSymbol> rightColumns, TableSchema right)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var columns = new List<ColumnSymbol>(left.Count + rightColumns.Count);
        var aliases = new Dictionary<string, string>(left.Aliases, StringComparer.Ordinal);
        foreach (var column in left.Columns)
        {
            columns.Add(column.WithName(TableSchema.MakeUnique(column.Name, used)));
        }

        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in rightColumns)
        {
            var name = TableSchema.MakeUnique(column.Name, used);
            renamed[column.Name] = name;
            columns.Add(column.WithName(name));
        }

        foreach (var (alias, target) in right.Aliases)
        {
            if (renamed.TryGetValue(target, out var name))
            {
                aliases.TryAdd(alias, name);
            }
        }

        return new TableSchema(columns, left.IsOpen || right.IsOpen, aliases);
    }

    /// <summary>Binds <c>on A, $left.B == $right.C and ...</c>; returns the right-side key names that are equal-named keys.</summary>
    private List<(string Left, string Right)> BindJoinCondition(JoinOnClause on, TableSchema left, TableSchema right, Context context)
    {
        var keys = new List<(string Left, string Right)>();
        var conditionContext = context with { Row = null, Left = left, Right = right };
        foreach (var expression in on.Expressions)
        {
            BindJoinTerm(Unwrap(expression), left, right, conditionContext, keys);
        }

        return keys;
    }

    private void BindJoinTerm(Expression term, TableSchema left, TableSchema right, Context context, List<(string Left, string Right)> keys)
    {
        switch (term)
        {
            case NameReference reference:
            {
                var name = reference.SimpleName;
                var inLeft = left.TryGetColumn(name, out var leftColumn);
                var inRight = right.TryGetColumn(name, out var rightColumn);
                if ((!inLeft && !left.IsOpen) || (!inRight && !right.IsOpen))
                {
                    Report(BindingDiagnostics.UnknownColumn(name, reference.TextStart, reference.Width));
                }

                if (inLeft && inRight && !TypeFacts.CanCompareEquality(leftColumn!.Type, rightColumn!.Type))
                {
                    Report(BindingDiagnostics.JoinKeyTypeMismatch(name, leftColumn.Type, name, rightColumn.Type, reference.TextStart, reference.Width));
                }

                var column = leftColumn ?? rightColumn;
                Record(reference, new SemanticInfo(column?.Type ?? ScalarType.Unknown, null, false) { ReferencedColumn = column });
                keys.Add((name, name));
                return;
            }

            case BinaryExpression { OperatorKind: BinaryOperatorKind.And } and:
                BindJoinTerm(Unwrap(and.Left), left, right, context, keys);
                BindJoinTerm(Unwrap(and.Right), left, right, context, keys);
                Record(and, new SemanticInfo(ScalarType.Bool, null, false));
                return;
            case BinaryExpression { OperatorKind: BinaryOperatorKind.Equal } equal
                when SideOf(equal.Left) >= 0 && SideOf(equal.Right) >= 0 && SideOf(equal.Left) != SideOf(equal.Right):
            {
                var leftType = BindScalar(equal.Left, context);
                var rightType = BindScalar(equal.Right, context);
                Record(equal, new SemanticInfo(ScalarType.Bool, null, false));
                if (!TypeFacts.CanCompareEquality(leftType, rightType))
                {
                    Report(BindingDiagnostics.JoinKeyTypeMismatch(equal.Left.ToString(), leftType, equal.Right.ToString(), rightType,
                        equal.TextStart, equal.Width));
                }

                var (leftExpr, rightExpr) = SideOf(equal.Left) == 0 ? (equal.Left, equal.Right) : (equal.Right, equal.Left);
                keys.Add((SelectorOf(leftExpr), SelectorOf(rightExpr)));
                return;
            }

            default:
                BindExpression(term, context);
                Report(BindingDiagnostics.InvalidJoinCondition(term.TextStart, term.Width));
                return;
        }
    }

    /// <summary>0 for <c>$left.X</c>, 1 for <c>$right.X</c>, -1 otherwise.</summary>
    private static int SideOf(Expression expression) => Unwrap(expression) switch
    {
        PathExpression { Expression: NameReference { SimpleName: "$left" } } => 0,
        PathExpression { Expression: NameReference { SimpleName: "$right" } } => 1,
        _ => -1,
    };

    private static string SelectorOf(Expression expression) =>
        Unwrap(expression) is PathExpression { Selector: NameReference selector } ? selector.SimpleName : string.Empty;

    /// <summary>lookup: the left columns, then the right columns except the keys taken from the right side.</summary>
    private Rows BindLookup(LookupOperator lookup, Rows left, Context context)
    {
        var kind = ParameterValue(lookup.Parameters, "kind", out var kindParameter) ?? "leftouter";
        if (kind is not ("leftouter" or "inner"))
        {
            Report(BindingDiagnostics.InvalidParameterValue("kind", kind, kindParameter!.TextStart, kindParameter.Width));
        }

        var right = BindTabular(lookup.Right, context);
        var keys = BindJoinCondition(lookup.On, left.Schema, right.Schema, context);
        var rightKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, rightKey) in keys)
        {
            rightKeys.Add(rightKey);
        }

        var rightColumns = new List<ColumnSymbol>();
        foreach (var column in right.Schema.Columns)
        {
            if (!rightKeys.Contains(column.Name))
            {
                rightColumns.Add(column);
            }
        }

        return new Rows(Combine(left.Schema, rightColumns, right.Schema), left.Serialized);
    }

    /// <summary>union: columns by name in order of appearance; a name with several types becomes <c>Name_type</c> columns.</summary>
    private Rows BindUnion(UnionOperator union, Rows? input, Context context)
    {
        var kind = ParameterValue(union.Parameters, "kind", out var kindParameter) ?? "outer";
        if (kind is not ("outer" or "inner"))
        {
            Report(BindingDiagnostics.InvalidParameterValue("kind", kind, kindParameter!.TextStart, kindParameter.Width));
        }

        var isFuzzy = ParameterValue(union.Parameters, "isfuzzy", out _) == "true";
        var source = ParameterValue(union.Parameters, "withsource", out _) ?? ParameterValue(union.Parameters, "with_source", out _);

        var schemas = new List<TableSchema>();
        if (input is { } rows)
        {
            schemas.Add(rows.Schema);
        }

        foreach (var table in union.Tables)
        {
            if (table is NameReference { Name: WildcardedName } wildcard)
            {
                var any = false;
                foreach (var candidate in _workspace.Tables)
                {
                    if (MatchesWildcard(candidate.Name, wildcard.SimpleName))
                    {
                        NoteTableReference(candidate);
                        schemas.Add(candidate.Schema);
                        any = true;
                    }
                }

                Record(wildcard, new SemanticInfo(ScalarType.Unknown, any ? null : TableSchema.Empty, false));
                continue;
            }

            if (isFuzzy && table is NameReference fuzzyName && context.Scope.Lookup(fuzzyName.SimpleName) is null
                && !_workspace.TryGetTable(fuzzyName.SimpleName, out _))
            {
                // isfuzzy=true: a missing table is skipped, not an error.
                Report(BindingDiagnostics.UnknownTable(fuzzyName.SimpleName, fuzzyName.TextStart, fuzzyName.Width,
                    Diagnostics.DiagnosticSeverity.Warning));
                continue;
            }

            schemas.Add(BindTabular(table, context).Schema);
        }

        var schema = kind == "inner" ? InnerUnion(schemas) : OuterUnion(schemas);
        if (source is not null)
        {
            schema = new TableSchema([new ColumnSymbol(source, ScalarType.String), .. schema.Columns], schema.IsOpen);
        }

        return new Rows(schema, false);
    }

    private static TableSchema OuterUnion(List<TableSchema> schemas)
    {
        var order = new List<string>();
        var types = new Dictionary<string, List<ScalarType>>(StringComparer.Ordinal);
        var open = false;
        foreach (var schema in schemas)
        {
            open |= schema.IsOpen;
            foreach (var column in schema.Columns)
            {
                if (!types.TryGetValue(column.Name, out var list))
                {
                    list = [];
                    types[column.Name] = list;
                    order.Add(column.Name);
                }

                if (!list.Contains(column.Type))
                {
                    list.Add(column.Type);
                }
            }
        }

        // Names with one type keep their name; the others become Name_type, made unique against the kept names
        // (x:long beside a real column x_long gives x_long1).
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            if (types[name].Count == 1)
            {
                used.Add(name);
            }
        }

        var columns = new List<ColumnSymbol>();
        foreach (var name in order)
        {
            var list = types[name];
            if (list.Count == 1)
            {
                columns.Add(new ColumnSymbol(name, list[0]));
                continue;
            }

            foreach (var type in list)
            {
                columns.Add(new ColumnSymbol(TableSchema.MakeUnique(name + "_" + TypeFacts.GetName(type), used), type));
            }
        }

        return new TableSchema(columns, open);
    }

    private static TableSchema InnerUnion(List<TableSchema> schemas)
    {
        if (schemas.Count == 0)
        {
            return TableSchema.Empty;
        }

        var columns = new List<ColumnSymbol>();
        foreach (var column in schemas[0].Columns)
        {
            var everywhere = true;
            foreach (var schema in schemas)
            {
                everywhere &= schema.TryGetColumn(column.Name, out var other) && other.Type == column.Type;
            }

            if (everywhere)
            {
                columns.Add(column);
            }
        }

        return new TableSchema(columns);
    }

    private Rows BindInvoke(InvokeOperator invoke, Rows input, Context context)
    {
        if (invoke.Function is not FunctionCallExpression call)
        {
            BindExpression(invoke.Function, context);
            Report(BindingDiagnostics.UnexpectedExpression("only a function call is", invoke.Function.TextStart, invoke.Function.Width));
            return new Rows(TableSchema.Empty.AsOpen(), false);
        }

        var name = call.Name.SimpleName;
        if (context.Scope.Lookup(name) is UserFunctionSymbol function)
        {
            var result = BindUserFunctionCall(function, call.Arguments, call, Context.Global(context.Scope), input);
            Record(call, new SemanticInfo(result.Type, result.Schema, result.Serialized) { ReferencedLocal = function });
            if (!result.IsTabular)
            {
                Report(BindingDiagnostics.ExpectedTabular(call.TextStart, call.Width));
                return new Rows(TableSchema.Empty.AsOpen(), false);
            }

            return result.AsRows();
        }

        BindArguments(call, Context.Global(context.Scope));
        Report(_workspace.IsExternalFunction(name)
            ? BindingDiagnostics.ExternalFunction(name, call.Name.TextStart, call.Name.Width, UnknownNameSeverity)
            : BindingDiagnostics.UnknownFunction(name, call.Name.TextStart, call.Name.Width, UnknownNameSeverity));
        return new Rows(TableSchema.Empty.AsOpen(), false);
    }
}
