using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>sample-distinct N of expr: up to N distinct values, drawn at random among the distinct ones.</summary>
    private LogicalSample PlanSampleDistinct(SampleDistinctOperator sample, LogicalOperator input, TableSchema output)
    {
        var value = PlanScalar(sample.Of, input.Schema);
        var distinct = new LogicalAggregate(input, [new NamedExpr(output.Columns[0].Name, value)], []);
        return new LogicalSample(distinct, ConstantLong(sample.Count, "sample-distinct"));
    }

    /// <summary>getschema: one row per input column, known at planning time.</summary>
    private static LogicalValues PlanGetSchema(LogicalOperator input, TableSchema output)
    {
        var rows = new List<ScalarExpr[]>(input.Schema.Count);
        for (var i = 0; i < input.Schema.Count; i++)
        {
            var column = input.Schema.Columns[i];
            var type = PlanTypes.Normalize(column.Type);
            rows.Add(
            [
                new ConstantExpr(ScalarValue.FromString(column.Name)),
                new ConstantExpr(ScalarValue.FromInt64(ScalarType.Int, i)),
                new ConstantExpr(ScalarValue.FromString(ClrTypeName(type))),
                new ConstantExpr(ScalarValue.FromString(TypeFacts.GetName(type))),
            ]);
        }

        return new LogicalValues(output, rows, "getschema");
    }

    /// <summary>The .NET type Kusto reports as a column's DataType.</summary>
    private static string ClrTypeName(ScalarType type) => type switch
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
