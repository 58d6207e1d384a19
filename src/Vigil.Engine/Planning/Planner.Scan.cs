using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Binding;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// <c>scan</c>: the steps' conditions and assignments are planned over the evaluation row (the current record,
    /// then one record per step's state); <c>Step.Column</c> reads that step's record.
    /// </summary>
    private LogicalSequenceScan PlanSequenceScan(ScanOperator scan, LogicalOperator input, TableSchema output)
    {
        IReadOnlyList<FunctionParameter> declared = scan.Declare is { } declare ? [.. declare.Parameters] : [];
        var recordWidth = input.Schema.Count + declared.Count;
        var columns = new List<ColumnSymbol>(output.Count);
        foreach (var column in output.Columns)
        {
            columns.Add(column.WithType(PlanTypes.Normalize(column.Type)));
        }

        var schema = new TableSchema(columns);
        var defaults = new List<ScalarValue>(declared.Count);
        for (var i = 0; i < declared.Count; i++)
        {
            var type = columns[input.Schema.Count + i].Type;
            var value = declared[i].DefaultValue is { } fallback
                ? Optimizer.ConstantFolding.Fold(FunctionRegistry.Convert(PlanScalar(fallback, TableSchema.Empty), type), _nowTicks)
                : new ConstantExpr(ScalarValue.Null(type));
            defaults.Add(value is ConstantExpr constant
                ? constant.Value
                : throw new QueryException(QueryErrorKind.Semantic, $"The default of '{columns[input.Schema.Count + i].Name}' must be a constant."));
        }

        var record = columns.GetRange(0, recordWidth);
        var evaluation = new List<ColumnSymbol>(record);
        var stepOffsets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in scan.Steps)
        {
            stepOffsets[step.Name.SimpleName] = evaluation.Count;
            evaluation.AddRange(record.Select(c => new ColumnSymbol(step.Name.SimpleName + "." + c.Name, c.Type)));
        }

        var evaluationSchema = new TableSchema(evaluation);
        var saved = _substitutions;
        _substitutions = saved is null ? [] : new Dictionary<SyntaxNode, ScalarExpr>(saved);
        try
        {
            foreach (var step in scan.Steps)
            {
                foreach (var element in step.DescendantsAndSelf())
                {
                    if (element is PathExpression { Expression: NameReference target, Selector: NameReference selector } path
                        && _bound.GetInfo(target)?.ReferencedLocal is ScanStepSymbol
                        && stepOffsets.TryGetValue(target.SimpleName, out var offset))
                    {
                        var index = IndexIn(record, selector.SimpleName);
                        _substitutions[path] = new ColumnExpr(offset + index, target.SimpleName + "." + selector.SimpleName, record[index].Type);
                    }
                }
            }

            var steps = new List<ScanStepPlan>();
            foreach (var step in scan.Steps)
            {
                var condition = FunctionsOrConvert(PlanScalar(step.Condition, evaluationSchema), ScalarType.Bool);
                var assignments = new List<(int, ScalarExpr)>();
                foreach (var item in step.Assignments is { } written ? [.. written] : (IReadOnlyList<Expression>)[])
                {
                    if (item is not SimpleNamedExpression named)
                    {
                        throw new QueryException(QueryErrorKind.Semantic, $"A scan assignment must be 'Column = value': '{Snippet(item)}'.");
                    }

                    var index = IndexIn(record, named.Name.SimpleName);
                    assignments.Add((index, FunctionRegistry.Convert(PlanScalar(named.Expression, evaluationSchema), record[index].Type)));
                }

                steps.Add(new ScanStepPlan(step.Name.SimpleName, StepOutput(step), condition, assignments));
            }

            return new LogicalSequenceScan(input, schema, defaults, steps, output.Count > recordWidth);
        }
        finally
        {
            _substitutions = saved;
        }
    }

    private static int IndexIn(List<ColumnSymbol> record, string name)
    {
        var index = record.FindIndex(c => c.Name == name);
        return index >= 0 ? index : throw new QueryException(QueryErrorKind.Semantic, $"The scan has no column '{name}'.");
    }

    private static ScanStepOutput StepOutput(ScanStep step)
    {
        foreach (var parameter in step.Parameters)
        {
            if (parameter.Name.Text == "output")
            {
                return parameter.Value.ToString().Trim() switch
                {
                    "last" => ScanStepOutput.Last,
                    "none" => ScanStepOutput.None,
                    _ => ScanStepOutput.All,
                };
            }
        }

        return ScanStepOutput.All;
    }
}
