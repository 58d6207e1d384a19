using Vigil.Kql.Diagnostics;
using Vigil.Kql.Symbols;

namespace Vigil.Kql.Binding;

/// <summary>
/// The binder's diagnostics (codes <c>KQL2xxx</c>). Codes are stable: add new ones at the end, never renumber or
/// reuse a code.
/// </summary>
public static class BindingDiagnostics
{
    /// <summary>KQL2001: a table name that is neither a workspace table nor a let-bound name.</summary>
    public const string UnknownTableCode = "KQL2001";

    /// <summary>KQL2002: a name that is no column of the rows in scope and no let-bound or parameter name.</summary>
    public const string UnknownColumnCode = "KQL2002";

    /// <summary>KQL2003: a function that is neither built in nor declared in the query.</summary>
    public const string UnknownFunctionCode = "KQL2003";

    /// <summary>KQL2004: a function that exists outside the query (a Defender or stored function such as
    /// <c>FileProfile</c>); the workspace does not provide it.</summary>
    public const string ExternalFunctionCode = "KQL2004";

    /// <summary>KQL2005: a call with too few or too many arguments.</summary>
    public const string WrongArgumentCountCode = "KQL2005";

    /// <summary>KQL2006: an argument whose type the parameter does not accept.</summary>
    public const string WrongArgumentTypeCode = "KQL2006";

    /// <summary>KQL2007: an operator applied to operand types Kusto does not accept (<c>"a" + 1</c>, <c>s == 1</c>).</summary>
    public const string OperatorTypeMismatchCode = "KQL2007";

    /// <summary>KQL2008: a bool was expected (a <c>where</c> condition, an <c>and</c> operand).</summary>
    public const string ExpectedBoolCode = "KQL2008";

    /// <summary>KQL2009: a summarize (or make-series) item that contains no aggregate function.</summary>
    public const string ExpectedAggregateCode = "KQL2009";

    /// <summary>KQL2010: an aggregate function outside summarize/make-series/top-nested.</summary>
    public const string AggregateNotAllowedCode = "KQL2010";

    /// <summary>KQL2011: a scalar expression was expected where a table was given.</summary>
    public const string ExpectedScalarCode = "KQL2011";

    /// <summary>KQL2012: a tabular expression was expected where a scalar was given.</summary>
    public const string ExpectedTabularCode = "KQL2012";

    /// <summary>KQL2013: an <c>evaluate</c> plugin Kusto does not have.</summary>
    public const string UnknownPluginCode = "KQL2013";

    /// <summary>KQL2014: a window function (<c>prev</c>, <c>row_number</c>...) over rows that are not serialized.</summary>
    public const string NotSerializedCode = "KQL2014";

    /// <summary>KQL2015: an operator parameter value Kusto does not accept (<c>join kind=sideways</c>).</summary>
    public const string InvalidParameterValueCode = "KQL2015";

    /// <summary>KQL2016: join keys of types that cannot be compared.</summary>
    public const string JoinKeyTypeMismatchCode = "KQL2016";

    /// <summary>KQL2017: a join condition that is not <c>Column</c>, <c>$left.A == $right.B</c> or a conjunction of them.</summary>
    public const string InvalidJoinConditionCode = "KQL2017";

    /// <summary>KQL2018: a call of something that is not a function (a column or a scalar variable).</summary>
    public const string NotAFunctionCode = "KQL2018";

    /// <summary>KQL2019: an expression that is not allowed here (<c>*</c> outside an argument that takes it, a type).</summary>
    public const string UnexpectedExpressionCode = "KQL2019";

    /// <summary>KQL2020: an unknown type name in a declaration (<c>x:text</c>).</summary>
    public const string UnknownTypeCode = "KQL2020";

    /// <summary>KQL2021: a column declared twice in one projection (<c>project a = 1, a = 2</c>).</summary>
    public const string DuplicateColumnCode = "KQL2021";

    /// <summary>KQL2022: a datatable value whose type its column does not take, or a last row with missing values.</summary>
    public const string DataTableValueCode = "KQL2022";

    public static Diagnostic DataTableValueType(string column, ScalarType columnType, ScalarType valueType, int start, int length) =>
        Error(DataTableValueCode,
            $"datatable column '{column}' is {TypeFacts.GetName(columnType)}; a {TypeFacts.GetName(valueType)} value does not fit", start, length);

    public static Diagnostic DataTableValueCount(int values, int columns, int start, int length) =>
        Error(DataTableValueCode, $"datatable has {values} values for {columns} columns; the count must be a multiple of the column count",
            start, length);

    public static Diagnostic UnknownTable(string name, int start, int length, DiagnosticSeverity severity) =>
        Diagnostic.Create(UnknownTableCode, severity, $"unknown table '{name}'", start, length);

    public static Diagnostic UnknownColumn(string name, int start, int length) =>
        Error(UnknownColumnCode, $"unknown column or variable '{name}'", start, length);

    public static Diagnostic UnknownFunction(string name, int start, int length, DiagnosticSeverity severity) =>
        Diagnostic.Create(UnknownFunctionCode, severity, $"unknown function '{name}'", start, length);

    public static Diagnostic ExternalFunction(string name, int start, int length, DiagnosticSeverity severity) =>
        Diagnostic.Create(ExternalFunctionCode, severity,
            $"function '{name}' is defined outside this query (a Defender or stored function) and this workspace does not provide it",
            start, length);

    public static Diagnostic WrongArgumentCount(FunctionSymbol function, int given, int start, int length) =>
        Error(WrongArgumentCountCode, $"function '{function.Name}' takes {DescribeCount(function)}, not {given}", start, length);

    public static Diagnostic WrongArgumentCount(string name, string expected, int given, int start, int length) =>
        Error(WrongArgumentCountCode, $"function '{name}' takes {expected}, not {given}", start, length);

    public static Diagnostic WrongArgumentType(string function, string parameter, string expected, ScalarType actual, int start, int length) =>
        Error(WrongArgumentTypeCode,
            $"argument '{parameter}' of '{function}' must be {expected}, not {TypeFacts.GetName(actual)}", start, length);

    public static Diagnostic WrongArgumentKind(string function, string parameter, string expected, string actual, int start, int length) =>
        Error(WrongArgumentTypeCode, $"argument '{parameter}' of '{function}' must be {expected}, not {actual}", start, length);

    public static Diagnostic OperatorTypeMismatch(string op, ScalarType left, ScalarType right, int start, int length) =>
        Error(OperatorTypeMismatchCode,
            $"operator '{op}' cannot be applied to {TypeFacts.GetName(left)} and {TypeFacts.GetName(right)}", start, length);

    public static Diagnostic OperatorTypeMismatch(string op, ScalarType operand, int start, int length) =>
        Error(OperatorTypeMismatchCode, $"operator '{op}' cannot be applied to {TypeFacts.GetName(operand)}", start, length);

    public static Diagnostic ExpectedBool(ScalarType actual, int start, int length) =>
        Error(ExpectedBoolCode, $"expected a bool expression, not {TypeFacts.GetName(actual)}", start, length);

    public static Diagnostic ExpectedAggregate(string operatorName, int start, int length) =>
        Error(ExpectedAggregateCode, $"{operatorName} expects an aggregate function (count(), sum(x), ...) here", start, length);

    public static Diagnostic AggregateNotAllowed(string name, int start, int length) =>
        Error(AggregateNotAllowedCode,
            $"aggregate function '{name}' can only be used in summarize, make-series or top-nested", start, length);

    public static Diagnostic ExpectedScalar(int start, int length) =>
        Error(ExpectedScalarCode, "expected a scalar expression, not a table", start, length);

    public static Diagnostic ExpectedTabular(int start, int length) =>
        Error(ExpectedTabularCode, "expected a tabular expression (a table or a query), not a scalar", start, length);

    public static Diagnostic UnknownPlugin(string name, int start, int length, DiagnosticSeverity severity) =>
        Diagnostic.Create(UnknownPluginCode, severity, $"unknown plugin '{name}'", start, length);

    public static Diagnostic NotSerialized(string function, int start, int length) =>
        Error(NotSerializedCode,
            $"window function '{function}' needs serialized rows (add 'serialize', 'sort by' or 'order by' before it)", start, length);

    public static Diagnostic InvalidParameterValue(string parameter, string value, int start, int length) =>
        Error(InvalidParameterValueCode, $"'{value}' is not a valid value for '{parameter}'", start, length);

    public static Diagnostic JoinKeyTypeMismatch(string left, ScalarType leftType, string right, ScalarType rightType, int start, int length) =>
        Error(JoinKeyTypeMismatchCode,
            $"join keys '{left}' ({TypeFacts.GetName(leftType)}) and '{right}' ({TypeFacts.GetName(rightType)}) have types that cannot be compared",
            start, length);

    public static Diagnostic InvalidJoinCondition(int start, int length) =>
        Error(InvalidJoinConditionCode,
            "a join condition must be a column name, '$left.A == $right.B', or several of these separated by ',' or 'and'", start, length);

    public static Diagnostic NotAFunction(string name, int start, int length) =>
        Error(NotAFunctionCode, $"'{name}' is not a function", start, length);

    public static Diagnostic UnexpectedExpression(string what, int start, int length) =>
        Error(UnexpectedExpressionCode, $"{what} is not allowed here", start, length);

    public static Diagnostic UnknownType(string name, int start, int length) =>
        Error(UnknownTypeCode, $"unknown type '{name}'", start, length);

    public static Diagnostic DuplicateColumn(string name, int start, int length) =>
        Error(DuplicateColumnCode, $"column '{name}' is declared more than once", start, length);

    private static Diagnostic Error(string code, string message, int start, int length) =>
        Diagnostic.Create(code, DiagnosticSeverity.Error, message, start, length);

    private static string DescribeCount(FunctionSymbol f)
    {
        if (f.MaxArgumentCount == f.MinArgumentCount)
        {
            return f.MinArgumentCount == 1 ? "1 argument" : $"{f.MinArgumentCount} arguments";
        }

        return f.MaxArgumentCount == int.MaxValue
            ? $"at least {f.MinArgumentCount} arguments"
            : $"{f.MinArgumentCount} to {f.MaxArgumentCount} arguments";
    }
}
