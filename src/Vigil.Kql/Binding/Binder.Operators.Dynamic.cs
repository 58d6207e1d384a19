using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    private Rows BindEvaluate(EvaluateOperator evaluate, Rows input, Context context)
    {
        TableSchema? declared = evaluate.Schema is { } schemaType ? BindSchemaType(schemaType) : null;
        if (evaluate.Plugin is not FunctionCallExpression call)
        {
            BindExpression(evaluate.Plugin, context);
            Report(BindingDiagnostics.UnexpectedExpression("only a plugin call is", evaluate.Plugin.TextStart, evaluate.Plugin.Width));
            return new Rows(declared ?? TableSchema.Empty.AsOpen(), false);
        }

        var name = call.Name.SimpleName;
        if (!BuiltInFunctions.TryGetPlugin(name, out var plugin))
        {
            BindArguments(call, context);
            Report(BindingDiagnostics.UnknownPlugin(name, call.Name.TextStart, call.Name.Width, UnknownNameSeverity));
            return new Rows(declared ?? TableSchema.Empty.AsOpen(), false);
        }

        // Plugins take column names of other tables (ipv4_lookup(T, ip, network)) and named options, so names that
        // are not input columns are not errors here; bag_unpack, pivot and narrow read the input itself.
        var argumentContext = name is "bag_unpack" or "pivot" or "narrow"
            ? context with { AllowAggregates = name == "pivot" }
            : context with { Row = input.Schema.AsOpen() };
        var arguments = BindArguments(call, argumentContext);
        Record(call, new SemanticInfo(ScalarType.Unknown, null, false) { ReferencedFunction = plugin });
        var infos = new List<ArgumentInfo>(arguments.Count);
        foreach (var a in arguments)
        {
            infos.Add(a.ToArgument());
        }

        var match = ArgumentMatcher.Match(plugin, infos);
        if (match.Status == ArgumentMatchStatus.WrongCount)
        {
            Report(BindingDiagnostics.WrongArgumentCount(plugin, infos.Count, call.TextStart, call.Width));
        }
        else if (match.Status == ArgumentMatchStatus.WrongType)
        {
            var node = call.Arguments[match.FailedArgument];
            var parameter = match.ParameterOfArgument[match.FailedArgument];
            Report(BindingDiagnostics.WrongArgumentType(name, parameter.Name, ArgumentMatcher.Describe(parameter.Type),
                infos[match.FailedArgument].Type, node.TextStart, node.Width));
        }

        switch (name)
        {
            case "bag_unpack":
            {
                // The bag's properties become columns only the data knows; the unpacked column goes away.
                var kept = input.Schema;
                if (call.Arguments.Count > 0 && ColumnOf(call.Arguments[0]) is { } bag)
                {
                    kept = kept.Without(new HashSet<string>(StringComparer.Ordinal) { bag.Name });
                }

                return declared is null
                    ? new Rows(kept.AsOpen(), false)
                    : new Rows(declared.IsOpen ? kept.WithColumns(declared.Columns).AsOpen() : kept.WithColumns(declared.Columns), false);
            }

            case "narrow":
                return new Rows(new TableSchema(
                [
                    new ColumnSymbol("Row", ScalarType.Long),
                    new ColumnSymbol("Column", ScalarType.String),
                    new ColumnSymbol("Value", ScalarType.String),
                ]), false);
            case "pivot":
            {
                var columns = new List<ColumnSymbol>();
                for (var i = 2; i < call.Arguments.Count; i++)
                {
                    if (ColumnOf(call.Arguments[i]) is { } c)
                    {
                        columns.Add(c);
                    }
                }

                return new Rows(declared ?? new TableSchema(columns, isOpen: true), false);
            }

            case "ipv4_lookup" or "ipv6_lookup" or "geo_line_lookup" or "geo_polygon_lookup":
                return new Rows(declared ?? LookupPluginSchema(name, call, arguments, input.Schema), false);
            default:
                return new Rows(declared ?? PluginResultSchema(name, call, input.Schema) ?? TableSchema.Empty.AsOpen(), false);
        }
    }

    /// <summary>
    /// ipv4_lookup/ipv6_lookup(LookupTable, SourceColumn, LookupKey, ...) and geo_*_lookup(LookupTable, LookupKey, ...):
    /// the input's columns followed by the lookup table's (the other way round for ipv6_lookup); the geo lookups drop the lookup key column unless
    /// <c>return_lookup_key = true</c>.
    /// </summary>
    private TableSchema LookupPluginSchema(string name, FunctionCallExpression call, List<Bound> arguments, TableSchema input)
    {
        if (arguments.Count < 2 || !arguments[0].IsTabular)
        {
            return TableSchema.Empty.AsOpen();
        }

        var lookup = arguments[0].Schema!;
        var isGeo = name.StartsWith("geo_", StringComparison.Ordinal);
        string? dropped = null;
        if (isGeo && call.Arguments[1] is NameReference key)
        {
            // return_lookup_key is named, or the eighth positional argument.
            var returnKey = false;
            var position = 0;
            foreach (var argument in call.Arguments)
            {
                if (argument is SimpleNamedExpression { Name.SimpleName: "return_lookup_key" } named)
                {
                    returnKey = named.Expression is LiteralExpression literal && literal.Token.Text == "true";
                }
                else if (argument is not SimpleNamedExpression && position++ == 7)
                {
                    returnKey = argument is LiteralExpression literal && literal.Token.Text == "true";
                }
            }

            dropped = returnKey ? null : key.SimpleName;
        }

        var columns = new List<ColumnSymbol>();
        foreach (var column in lookup.Columns)
        {
            if (column.Name != dropped)
            {
                columns.Add(column);
            }
        }

        // ipv6_lookup puts the lookup table's columns first, as its reference examples show.
        var schema = name == "ipv6_lookup"
            ? TableSchema.WithUniqueNames([.. columns, .. input.Columns])
            : TableSchema.WithUniqueNames([.. input.Columns, .. columns]);
        return input.IsOpen || lookup.IsOpen ? schema.AsOpen() : schema;
    }

    /// <summary>mv-expand: each expanded column keeps its place with the <c>to typeof()</c> type (dynamic by default).</summary>
    private Rows BindMvExpand(MvExpandOperator mvExpand, Rows input, Context context)
    {
        var schema = BindExpandItems(mvExpand.Expressions, input.Schema, context, out _);
        if (ParameterValue(mvExpand.Parameters, "with_itemindex", out _) is { } indexName)
        {
            schema = schema.WithColumns([new ColumnSymbol(indexName, ScalarType.Long)]);
        }

        if (mvExpand.Limit is { } limit)
        {
            BindCount(limit.Count, context, "limit");
        }

        return new Rows(schema, false);
    }

    private TableSchema BindExpandItems(
        IReadOnlyList<MvExpandExpression> items, TableSchema schema, Context context, out HashSet<string> expandedNames)
    {
        expandedNames = new HashSet<string>(StringComparer.Ordinal);
        var namer = new ColumnNamer("Column", 1);
        var current = schema;
        foreach (var item in items)
        {
            var valueExpression = item.Expression is SimpleNamedExpression named ? named.Expression : item.Expression;
            var valueType = BindScalar(valueExpression, context);
            if (item.Expression is SimpleNamedExpression)
            {
                Record(item.Expression, new SemanticInfo(valueType, null, false));
            }

            if (valueType is not (ScalarType.Dynamic or ScalarType.Unknown))
            {
                Report(BindingDiagnostics.OperatorTypeMismatch("mv-expand", valueType, valueExpression.TextStart, valueExpression.Width));
            }

            var type = item.ToType is { } toType ? BindTypeOf(toType.TypeOf) : ScalarType.Dynamic;
            var name = item.Expression is SimpleNamedExpression n ? n.Name.SimpleName : ResultName(valueExpression, context) ?? namer.Next();
            expandedNames.Add(name);
            current = current.WithColumns([new ColumnSymbol(name, type)]);
        }

        return current;
    }

    /// <summary>mv-apply: the subquery runs over each row's expanded values; its columns follow the row's other columns.</summary>
    private Rows BindMvApply(MvApplyOperator mvApply, Rows input, Context context)
    {
        var expanded = BindExpandItems(mvApply.Expressions, input.Schema, context, out var expandedNames);
        if (ParameterValue(mvApply.Parameters, "with_itemindex", out _) is { } indexName)
        {
            expanded = expanded.WithColumns([new ColumnSymbol(indexName, ScalarType.Long)]);
            expandedNames.Add(indexName);
        }

        if (mvApply.Limit is { } limit)
        {
            BindCount(limit.Count, context, "limit");
        }

        var sub = BindSubquery(mvApply.Subquery, new Rows(expanded, false), context);
        var columns = new List<ColumnSymbol>();
        foreach (var column in input.Schema.Columns)
        {
            if (!expandedNames.Contains(column.Name) && !sub.Schema.Contains(column.Name))
            {
                columns.Add(column);
            }
        }

        columns.AddRange(sub.Schema.Columns);
        return new Rows(new TableSchema(columns, input.Schema.IsOpen || sub.Schema.IsOpen), false);
    }

    /// <summary>parse / parse-where: each <c>Name</c> or <c>Name:type</c> in the pattern becomes a column (string by default).</summary>
    private TableSchema BindParse(Expression source, IReadOnlyList<SyntaxNode> pattern, IReadOnlyList<NamedParameter> parameters,
        TableSchema schema, Context context)
    {
        BindScalar(source, context);
        var kind = ParameterValue(parameters, "kind", out var kindParameter);
        if (kind is not (null or "simple" or "regex" or "relaxed"))
        {
            Report(BindingDiagnostics.InvalidParameterValue("kind", kind, kindParameter!.TextStart, kindParameter.Width));
        }

        var columns = new List<ColumnSymbol>();
        foreach (var element in pattern)
        {
            switch (element)
            {
                case NameAndTypeDeclaration declaration:
                {
                    var type = declaration.Type is PrimitiveTypeExpression primitive ? BindPrimitiveType(primitive) : ScalarType.String;
                    var column = new ColumnSymbol(declaration.Name.SimpleName, type);
                    columns.Add(column);
                    Record(declaration, new SemanticInfo(type, null, false) { ReferencedColumn = column });
                    break;
                }

                case NameReference reference:
                {
                    var column = new ColumnSymbol(reference.SimpleName, ScalarType.String);
                    columns.Add(column);
                    Record(reference, new SemanticInfo(ScalarType.String, null, false) { ReferencedColumn = column });
                    break;
                }

                case Expression expression and not StarExpression:
                    // Literal text to match (a string, or a let-bound string).
                    BindScalar(expression, context with { Row = null });
                    break;
            }
        }

        return schema.WithColumns(columns);
    }
}
