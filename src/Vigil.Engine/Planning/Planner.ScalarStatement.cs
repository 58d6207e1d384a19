using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// A query statement that is a scalar expression (<c>asin(0.5)</c>, <c>let x = 1; x + 1</c>): Kusto runs it as
    /// <c>print</c> of that expression, one row with one column named <c>print_0</c>.
    /// </summary>
    private LogicalValues PlanScalarStatement(Expression expression)
    {
        var value = PlanScalar(expression, TableSchema.Empty);
        return new LogicalValues(new TableSchema([new ColumnSymbol("print_0", value.Type)]), [[value]], "print");
    }
}
