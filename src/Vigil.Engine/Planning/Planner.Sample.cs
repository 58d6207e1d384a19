using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary><c>sample-distinct N of Expr</c>: the distinct values of Expr, then N of them at random.</summary>
    private LogicalSample PlanSampleDistinct(SampleDistinctOperator sampleDistinct, LogicalOperator input, TableSchema output)
    {
        var name = output.Count > 0 ? output.Columns[0].Name : "Column1";
        var distinct = new LogicalAggregate(input, [new NamedExpr(name, PlanScalar(sampleDistinct.Of, input.Schema))], []);
        return new LogicalSample(distinct, ConstantLong(sampleDistinct.Count, "sample-distinct"));
    }

    /// <summary><c>getschema</c>: one row per input column with its name, ordinal, CLR type name and KQL type name.</summary>
    private static LogicalValues PlanGetSchema(LogicalOperator input, TableSchema output)
    {
        var rows = new List<ScalarExpr[]>();
        for (var i = 0; i < input.Schema.Count; i++)
        {
            var column = input.Schema.Columns[i];
            rows.Add(
            [
                new ConstantExpr(ScalarValue.FromString(column.Name)),
                new ConstantExpr(ScalarValue.FromInt(i)),
                new ConstantExpr(ScalarValue.FromString(ClrTypeName(column.Type))),
                new ConstantExpr(ScalarValue.FromString(TypeFacts.GetName(PlanTypes.Normalize(column.Type)))),
            ]);
        }

        var columns = new List<ColumnSymbol>();
        foreach (var column in output.Columns)
        {
            columns.Add(column.WithType(column.Type == ScalarType.Int ? ScalarType.Int : ScalarType.String));
        }

        return new LogicalValues(new TableSchema(columns), rows, "getschema");
    }

    /// <summary>The .NET type Kusto reports for a KQL type (bool is stored as SByte, decimal as SqlDecimal).</summary>
    private static string ClrTypeName(ScalarType type) => PlanTypes.Normalize(type) switch
    {
        ScalarType.Bool => "System.SByte",
        ScalarType.Int => "System.Int32",
        ScalarType.Long => "System.Int64",
        ScalarType.Real => "System.Double",
        ScalarType.Decimal => "System.Data.SqlTypes.SqlDecimal",
        ScalarType.DateTime => "System.DateTime",
        ScalarType.TimeSpan => "System.TimeSpan",
        ScalarType.Guid => "System.Guid",
        ScalarType.String => "System.String",
        _ => "System.Object",
    };
}
