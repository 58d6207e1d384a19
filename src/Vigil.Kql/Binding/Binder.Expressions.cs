using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    private Bound BindExpression(Expression expression, Context context)
    {
        if (++_expressionDepth > MaxExpressionDepth)
        {
            _expressionDepth--;
            return Bound.Unknown;
        }

        try
        {
            var bound = BindExpressionCore(expression, context);
            if (!_info.ContainsKey(expression))
            {
                Record(expression, new SemanticInfo(bound.Type, bound.Schema, bound.Serialized));
            }

            return bound;
        }
        finally
        {
            _expressionDepth--;
        }
    }

    private Bound BindExpressionCore(Expression expression, Context context)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return Bound.Scalar(LiteralType(literal.LiteralKind));
            case CompoundStringLiteralExpression:
                return Bound.Scalar(ScalarType.String);
            case MissingExpression:
                return Bound.Unknown;
            case ParenthesizedExpression parenthesized:
                return BindExpression(parenthesized.Expression, context);
            case NameReference name:
                return BindNameReference(name, context);
            case PrefixUnaryExpression unary:
                return BindUnary(unary, context);
            case BinaryExpression binary:
                return BindBinary(binary, context);
            case InExpression inExpression:
                return BindIn(inExpression, context);
            case BetweenExpression between:
                return BindBetween(between, context);
            case FunctionCallExpression call:
                return BindCall(call, context);
            case PathExpression path:
                return BindPath(path, context);
            case ElementAccessExpression element:
                return BindElementAccess(element, context);
            case StarExpression:
                return new Bound(ScalarType.Unknown, null, false, ArgumentShape.Star);
            case SimpleNamedExpression named:
                return BindExpression(named.Expression, context);
            case CompoundNamedExpression compound:
                return BindExpression(compound.Expression, context);
            case OrderedExpression ordered:
                return BindExpression(ordered.Expression, context);
            case TypeOfExpression typeOf:
                return new Bound(BindTypeOf(typeOf), null, false, ArgumentShape.TypeLiteral);
            case PipeExpression pipe:
                return BindPipe(pipe, context);
            case DataTableExpression dataTable:
                return BindDataTable(dataTable, context);
            case ExternalDataExpression externalData:
                return Bound.Table(BindSchemaType(externalData.Schema));
            case QueryOperator op:
                return BindLeadingOperator(op, context);
            case FunctionDeclaration declaration:
                Report(BindingDiagnostics.UnexpectedExpression("a function declaration", declaration.TextStart, declaration.Width));
                return Bound.Unknown;
            default:
                return Bound.Unknown;
        }
    }

    /// <summary>A dynamic column takes any value; numbers fit any numeric column (Kusto converts them).</summary>
    private static bool FitsDataTableColumn(ScalarType column, ScalarType value) =>
        column == value || column is ScalarType.Dynamic or ScalarType.Unknown || value is ScalarType.Unknown
        || (TypeFacts.IsNumeric(column) && TypeFacts.IsNumeric(value));

    private static ScalarType LiteralType(SyntaxKind kind) => kind switch
    {
        SyntaxKind.BooleanLiteral => ScalarType.Bool,
        SyntaxKind.IntLiteral => ScalarType.Int,
        SyntaxKind.LongLiteral => ScalarType.Long,
        SyntaxKind.RealLiteral => ScalarType.Real,
        SyntaxKind.DecimalLiteral => ScalarType.Decimal,
        SyntaxKind.StringLiteral => ScalarType.String,
        SyntaxKind.TimespanLiteral => ScalarType.TimeSpan,
        SyntaxKind.DateTimeLiteral => ScalarType.DateTime,
        SyntaxKind.GuidLiteral => ScalarType.Guid,
        SyntaxKind.DynamicLiteral => ScalarType.Dynamic,
        _ => ScalarType.Unknown,
    };

    /// <summary><c>typeof(string)</c> -> string; a schema form <c>typeof(a:string)</c> is Unknown.</summary>
    private ScalarType BindTypeOf(TypeOfExpression typeOf)
    {
        if (typeOf.Types.Count == 1 && typeOf.Types[0] is PrimitiveTypeExpression primitive)
        {
            return BindPrimitiveType(primitive);
        }

        return ScalarType.Unknown;
    }

    /// <summary>A scalar expression; reports a table where a scalar is needed.</summary>
    private ScalarType BindScalar(Expression expression, Context context)
    {
        var bound = BindExpression(expression, context);
        if (bound.IsTabular)
        {
            Report(BindingDiagnostics.ExpectedScalar(expression.TextStart, expression.Width));
            return ScalarType.Unknown;
        }

        if (bound.Shape == ArgumentShape.Star)
        {
            Report(BindingDiagnostics.UnexpectedExpression("'*'", expression.TextStart, expression.Width));
        }

        return bound.Type;
    }

    /// <summary>A tabular expression (bound without the outer row); reports a scalar where a table is needed.</summary>
    private Rows BindTabular(Expression expression, Context context)
    {
        var bound = BindExpression(expression, context.Tabular());
        if (!bound.IsTabular)
        {
            if (bound.Type != ScalarType.Unknown || expression is not MissingExpression)
            {
                Report(BindingDiagnostics.ExpectedTabular(expression.TextStart, expression.Width));
            }

            return new Rows(TableSchema.Empty.AsOpen(), false);
        }

        return bound.AsRows();
    }

    private void ExpectBool(Expression expression, ScalarType type)
    {
        if (type is not (ScalarType.Bool or ScalarType.Unknown or ScalarType.Dynamic))
        {
            Report(BindingDiagnostics.ExpectedBool(type, expression.TextStart, expression.Width));
        }
    }

    private Bound BindNameReference(NameReference reference, Context context)
    {
        var name = reference.SimpleName;
        if (!context.PreferTabular && context.Row is { } row && row.TryGetColumn(name, out var column))
        {
            Record(reference, new SemanticInfo(column.Type, null, false) { ReferencedColumn = column });
            return Bound.Scalar(column.Type);
        }

        var local = context.Scope.Lookup(name);
        switch (local)
        {
            case ScalarVariableSymbol scalar:
                Record(reference, new SemanticInfo(scalar.Type, null, false) { ReferencedLocal = scalar });
                return Bound.Scalar(scalar.Type);
            case ScanStepSymbol step:
                Record(reference, new SemanticInfo(ScalarType.Dynamic, null, false) { ReferencedLocal = step });
                return Bound.Scalar(ScalarType.Dynamic);
            case TabularVariableSymbol tabular:
                Record(reference, new SemanticInfo(ScalarType.Unknown, tabular.Schema, false) { ReferencedLocal = tabular });
                return Bound.Table(tabular.Schema);
            case UserFunctionSymbol function when function.MinArgumentCount == 0:
            {
                var result = BindUserFunctionCall(function, [], reference, context);
                Record(reference, new SemanticInfo(result.Type, result.Schema, result.Serialized) { ReferencedLocal = function });
                return result;
            }
        }

        if (_workspace.TryGetTable(name, out var table))
        {
            NoteTableReference(table);
            Record(reference, new SemanticInfo(ScalarType.Unknown, table.Schema, false) { ReferencedTable = table });
            return Bound.Table(table.Schema);
        }

        if (context.PreferTabular && context.Row is { } row2 && row2.TryGetColumn(name, out var column2))
        {
            Record(reference, new SemanticInfo(column2.Type, null, false) { ReferencedColumn = column2 });
            return Bound.Scalar(column2.Type);
        }

        if (context.Row is { IsOpen: true } && !context.PreferTabular)
        {
            return Bound.Unknown;
        }

        if (context.PreferTabular || context.Row is null)
        {
            Report(BindingDiagnostics.UnknownTable(name, reference.TextStart, reference.Width, UnknownNameSeverity));
            return Bound.Table(TableSchema.Empty.AsOpen());
        }

        Report(BindingDiagnostics.UnknownColumn(name, reference.TextStart, reference.Width));
        return Bound.Unknown;
    }

    private Bound BindUnary(PrefixUnaryExpression unary, Context context)
    {
        var type = BindScalar(unary.Operand, context);
        if (type is ScalarType.Unknown or ScalarType.Dynamic || TypeFacts.IsSummable(type))
        {
            return Bound.Scalar(type);
        }

        Report(BindingDiagnostics.OperatorTypeMismatch(unary.Operator.Text, type, unary.TextStart, unary.Width));
        return Bound.Unknown;
    }

    private Bound BindBinary(BinaryExpression binary, Context context)
    {
        // `* has "x"` (and the other string operators) search every column.
        var left = binary.Left is StarExpression star ? BindStar(star) : BindScalar(binary.Left, context);
        var right = BindScalar(binary.Right, context);
        var op = binary.OperatorKind;
        switch (op)
        {
            case BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply
                or BinaryOperatorKind.Divide or BinaryOperatorKind.Modulo:
            {
                if (TypeFacts.TryGetArithmeticResult(ToArithmetic(op), left, right, out var result))
                {
                    return Bound.Scalar(result.Value);
                }

                Report(BindingDiagnostics.OperatorTypeMismatch(binary.Operator.Text, left, right, binary.TextStart, binary.Width));
                return Bound.Unknown;
            }

            case BinaryOperatorKind.And or BinaryOperatorKind.Or:
                if (!context.InSearchPredicate || left != ScalarType.String)
                {
                    ExpectBool(binary.Left, left);
                }

                if (!context.InSearchPredicate || right != ScalarType.String)
                {
                    ExpectBool(binary.Right, right);
                }

                return Bound.Scalar(ScalarType.Bool);
            case BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual:
                if (!TypeFacts.CanCompareEquality(left, right))
                {
                    Report(BindingDiagnostics.OperatorTypeMismatch(binary.Operator.Text, left, right, binary.TextStart, binary.Width));
                }

                return Bound.Scalar(ScalarType.Bool);
            case BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual:
                if (!TypeFacts.CanCompareOrder(left, right))
                {
                    Report(BindingDiagnostics.OperatorTypeMismatch(binary.Operator.Text, left, right, binary.TextStart, binary.Width));
                }

                return Bound.Scalar(ScalarType.Bool);
            default:
                // String operators (=~, has, contains, startswith, matches regex, ...) take a string (or dynamic)
                // on the left and a string on the right; `* has "x"` searches every column.
                if (!(binary.Left is StarExpression || IsStringLike(left)) || !IsStringLike(right))
                {
                    Report(BindingDiagnostics.OperatorTypeMismatch(binary.Operator.Text, left, right, binary.TextStart, binary.Width));
                }

                return Bound.Scalar(ScalarType.Bool);
        }
    }

    private ScalarType BindStar(StarExpression star)
    {
        Record(star, new SemanticInfo(ScalarType.Unknown, null, false));
        return ScalarType.Unknown;
    }

    private static bool IsStringLike(ScalarType type) => type is ScalarType.String or ScalarType.Dynamic or ScalarType.Unknown;

    private static ArithmeticOperator ToArithmetic(BinaryOperatorKind op) => op switch
    {
        BinaryOperatorKind.Add => ArithmeticOperator.Add,
        BinaryOperatorKind.Subtract => ArithmeticOperator.Subtract,
        BinaryOperatorKind.Multiply => ArithmeticOperator.Multiply,
        BinaryOperatorKind.Divide => ArithmeticOperator.Divide,
        _ => ArithmeticOperator.Modulo,
    };

    private Bound BindIn(InExpression inExpression, Context context)
    {
        var left = BindScalar(inExpression.Left, context);
        var isEquality = inExpression.OperatorKind is BinaryOperatorKind.In or BinaryOperatorKind.NotIn;
        if (!isEquality && !IsStringLike(left))
        {
            // in~, !in~, has_any, has_all compare text: the left side must be a string (or dynamic).
            Report(BindingDiagnostics.OperatorTypeMismatch(inExpression.Operator.Text, left, inExpression.Left.TextStart, inExpression.Left.Width));
        }

        foreach (var item in inExpression.Right.Expressions)
        {
            var bound = BindExpression(item, context with { AllowAggregates = false });
            if (bound.IsTabular)
            {
                // x in (T | project c): the subquery's first column is compared.
                if (isEquality && bound.Schema!.Columns.Length > 0
                    && !TypeFacts.CanCompareEquality(left, bound.Schema.Columns[0].Type))
                {
                    Report(BindingDiagnostics.OperatorTypeMismatch(inExpression.Operator.Text, left, bound.Schema.Columns[0].Type,
                        item.TextStart, item.Width));
                }

                continue;
            }

            if (isEquality && !TypeFacts.CanCompareEquality(left, bound.Type))
            {
                Report(BindingDiagnostics.OperatorTypeMismatch(inExpression.Operator.Text, left, bound.Type, item.TextStart, item.Width));
            }
        }

        return Bound.Scalar(ScalarType.Bool);
    }

    private Bound BindBetween(BetweenExpression between, Context context)
    {
        var value = BindScalar(between.Left, context);
        var low = BindScalar(between.Low, context);
        var high = BindScalar(between.High, context);
        foreach (var (bound, node) in new[] { (low, between.Low), (high, between.High) })
        {
            // datetime between (datetime .. timespan) is allowed: the upper bound is an offset from the lower.
            var ok = TypeFacts.CanCompareOrder(value, bound)
                || (value == ScalarType.DateTime && bound == ScalarType.TimeSpan && node == between.High);
            if (!ok)
            {
                Report(BindingDiagnostics.OperatorTypeMismatch("between", value, bound, node.TextStart, node.Width));
            }
        }

        return Bound.Scalar(ScalarType.Bool);
    }

    private Bound BindPath(PathExpression path, Context context)
    {
        // $left.X / $right.X inside a join or lookup condition.
        if (path.Expression is NameReference side && side.SimpleName is "$left" or "$right")
        {
            var schema = side.SimpleName == "$left" ? context.Left : context.Right;
            var selectorName = SelectorName(path.Selector);
            if (schema is null)
            {
                Report(BindingDiagnostics.UnexpectedExpression($"'{side.SimpleName}'", side.TextStart, side.Width));
                return Bound.Unknown;
            }

            if (selectorName is not null && schema.TryGetColumn(selectorName, out var column))
            {
                var info = new SemanticInfo(column.Type, null, false)
                {
                    ReferencedColumn = column,
                    JoinSide = side.SimpleName == "$left" ? 0 : 1,
                };
                Record(path.Selector, info);
                Record(path, info);
                return Bound.Scalar(column.Type);
            }

            if (!schema.IsOpen)
            {
                Report(BindingDiagnostics.UnknownColumn(selectorName ?? path.Selector.ToString(), path.Selector.TextStart, path.Selector.Width));
            }

            return Bound.Unknown;
        }

        // StepName.Column inside scan: the column of that step's state, with its own type.
        if (path.Expression is NameReference stepReference && context.Scope.Lookup(stepReference.SimpleName) is ScanStepSymbol step
            && context.Row?.TryGetColumn(stepReference.SimpleName, out _) != true)
        {
            Record(stepReference, new SemanticInfo(ScalarType.Dynamic, null, false) { ReferencedLocal = step });
            if (SelectorName(path.Selector) is { } stepColumnName && step.Schema.TryGetColumn(stepColumnName, out var stepColumn))
            {
                var info = new SemanticInfo(stepColumn.Type, null, false) { ReferencedColumn = stepColumn };
                Record(path.Selector, info);
                Record(path, info);
                return Bound.Scalar(stepColumn.Type);
            }

            Report(BindingDiagnostics.UnknownColumn(path.Selector.ToString().Trim(), path.Selector.TextStart, path.Selector.Width));
            return Bound.Unknown;
        }

        var target = BindExpression(path.Expression, context);
        if (target.IsTabular)
        {
            // database('x').Table and similar qualified references: the schema is not knowable here.
            return Bound.Table(TableSchema.Empty.AsOpen());
        }

        if (target.Type is not (ScalarType.Dynamic or ScalarType.Unknown))
        {
            Report(BindingDiagnostics.OperatorTypeMismatch(".", target.Type, path.TextStart, path.Width));
        }

        return Bound.Scalar(target.Type == ScalarType.Unknown ? ScalarType.Unknown : ScalarType.Dynamic);
    }

    private static string? SelectorName(Expression selector) => selector switch
    {
        NameReference n => n.SimpleName,
        _ => null,
    };

    private Bound BindElementAccess(ElementAccessExpression element, Context context)
    {
        var target = BindScalar(element.Expression, context);
        BindScalar(element.Index, context);
        if (target is not (ScalarType.Dynamic or ScalarType.Unknown))
        {
            Report(BindingDiagnostics.OperatorTypeMismatch("[]", target, element.TextStart, element.Width));
        }

        return Bound.Scalar(target == ScalarType.Unknown ? ScalarType.Unknown : ScalarType.Dynamic);
    }

    private Bound BindDataTable(DataTableExpression dataTable, Context context)
    {
        var schema = BindSchemaType(dataTable.Schema);
        var columns = schema.Columns;
        for (var i = 0; i < dataTable.Values.Count; i++)
        {
            var value = dataTable.Values[i];
            var type = BindScalar(value, Context.Global(context.Scope));
            if (columns.Length > 0 && !FitsDataTableColumn(columns[i % columns.Length].Type, type))
            {
                var column = columns[i % columns.Length];
                Report(BindingDiagnostics.DataTableValueType(column.Name, column.Type, type, value.TextStart, value.Width));
            }
        }

        if (columns.Length > 0 && dataTable.Values.Count % columns.Length != 0)
        {
            Report(BindingDiagnostics.DataTableValueCount(dataTable.Values.Count, columns.Length, dataTable.TextStart, dataTable.Width));
        }

        return Bound.Table(schema);
    }
}
