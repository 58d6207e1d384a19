using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>What a <c>scan</c> step does with its matches: output all of them, only the last of a run, or none.</summary>
internal enum ScanStepOutput
{
    All,
    Last,
    None,
}

/// <summary>
/// One step of <c>scan</c>. Its condition and assignments read the evaluation row of <see cref="LogicalSequenceScan"/>:
/// the current record (input then declared columns), then for each step its state's record.
/// <see cref="Assignments"/> pairs a record column (input or declared ordinal) with its new value.
/// </summary>
internal sealed record ScanStepPlan(string Name, ScanStepOutput Output, ScalarExpr Condition, IReadOnlyList<(int Column, ScalarExpr Value)> Assignments);

/// <summary>
/// <c>scan [with_match_id=Id] [declare (...)] with (step ...)</c>: Kusto's sequence matching over serialized rows.
/// The output is the input's columns, the declared columns, and the match id when asked for.
/// </summary>
internal sealed class LogicalSequenceScan(
    LogicalOperator input, TableSchema schema, IReadOnlyList<ScalarValue> declaredDefaults, IReadOnlyList<ScanStepPlan> steps, bool withMatchId)
    : UnaryLogicalOperator(input, schema)
{
    /// <summary>The declared columns' defaults (what an empty state or an unassigned column holds).</summary>
    public IReadOnlyList<ScalarValue> DeclaredDefaults { get; } = declaredDefaults;

    public IReadOnlyList<ScanStepPlan> Steps { get; } = steps;

    public bool WithMatchId { get; } = withMatchId;

    /// <summary>Columns of one record: the input's then the declared ones.</summary>
    public int RecordWidth => Input.Schema.Count + DeclaredDefaults.Count;

    /// <summary>The columns the steps' expressions read: the current record, then each step's state record.</summary>
    public TableSchema EvaluationSchema
    {
        get
        {
            var record = Schema.Columns.Take(RecordWidth).ToList();
            var columns = new List<ColumnSymbol>(record);
            foreach (var step in Steps)
            {
                columns.AddRange(record.Select(c => new ColumnSymbol(step.Name + "." + c.Name, c.Type)));
            }

            return new TableSchema(columns);
        }
    }

    public override LogicalOperator WithInput(LogicalOperator input) => new LogicalSequenceScan(input, Schema, DeclaredDefaults, Steps, WithMatchId);

    public override string Describe() =>
        $"SequenceScan [{Join(Steps.Select(s => $"{s.Name}: {s.Condition}" + (s.Assignments.Count > 0 ? " => " + Join(s.Assignments.Select(a => $"#{a.Column}={a.Value}")) : string.Empty)))}]";

    public override void Verify()
    {
        var width = RecordWidth * (1 + Steps.Count);
        foreach (var step in Steps)
        {
            Check(step.Condition, width);
            foreach (var (_, value) in step.Assignments)
            {
                Check(value, width);
            }
        }

        base.Verify();
    }

    private void Check(ScalarExpr expression, int width) =>
        expression.VisitColumns(ordinal =>
        {
            if ((uint)ordinal >= (uint)width)
            {
                throw new InvalidOperationException($"Plan invariant: {Describe()} reads column #{ordinal} of {width}.");
            }
        });
}
