using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    private Rows BindPrint(PrintOperator print, Context context)
    {
        var columns = new List<ColumnSymbol>();
        var namer = new ColumnNamer("print_", 0);
        var rowContext = context with { Row = null };
        foreach (var item in print.Expressions)
        {
            if (item is SimpleNamedExpression or CompoundNamedExpression)
            {
                var named = BindProjectionItem(item, rowContext, namer);
                NoteProduced(item, named);
                columns.AddRange(named);
                continue;
            }

            // print names unnamed values print_0, print_1... whatever the expression is.
            var type = BindScalar(item, rowContext);
            var column = new ColumnSymbol(namer.Next(), type);
            NoteProduced(item, [column]);
            columns.Add(column);
        }

        return new Rows(TableSchema.WithUniqueNames(columns), false);
    }

    private Rows BindRange(RangeOperator range, Context context)
    {
        var scalarContext = context with { Row = null };
        var from = BindScalar(range.From, scalarContext);
        var to = BindScalar(range.To, scalarContext);
        var step = BindScalar(range.Step, scalarContext);
        ScalarType type;
        if (from is ScalarType.DateTime or ScalarType.TimeSpan)
        {
            type = from;
            if (step is not (ScalarType.TimeSpan or ScalarType.Unknown or ScalarType.Dynamic))
            {
                Report(BindingDiagnostics.WrongArgumentType("range", "step", "timespan", step, range.Step.TextStart, range.Step.Width));
            }
        }
        else
        {
            type = TypeFacts.IsNumeric(from) && TypeFacts.IsNumeric(to) ? TypeFacts.Widest(TypeFacts.Widest(from, to), ScalarType.Long) : from;
            if (type == ScalarType.Int)
            {
                type = ScalarType.Long;
            }
        }

        _ = step;
        return new Rows(new TableSchema([new ColumnSymbol(range.Name.SimpleName, type)]), true);
    }

    private Rows BindSearch(SearchOperator search, Rows input, Context context)
    {
        var schemas = new List<TableSchema>();
        if (search.In is { } inClause)
        {
            schemas.AddRange(BindInTables(inClause, context));
        }
        else if (input.Schema.Count > 0 || input.Schema.IsOpen)
        {
            schemas.Add(input.Schema);
        }

        var row = schemas.Count == 0 ? TableSchema.Empty.AsOpen() : OuterUnion(schemas).AsOpen();
        var predicateContext = Context.ForRows(context.Scope, new Rows(row, false)) with { InSearchPredicate = true };
        var predicate = BindScalar(search.Predicate, predicateContext);
        if (predicate != ScalarType.String)
        {
            ExpectBool(search.Predicate, predicate);
        }
        return new Rows(new TableSchema([new ColumnSymbol("$table", ScalarType.String), .. row.Columns], isOpen: true), false);
    }

    /// <summary>
    /// find: the predicate binds over the tables of <c>in (...)</c> (any table of the workspace without it); the
    /// output columns depend on which tables have the predicate's columns, so the schema stays open.
    /// </summary>
    private Rows BindFind(FindOperator find, Context context)
    {
        var schemas = find.In is { } inClause ? BindInTables(inClause, context) : [];
        var row = schemas.Count == 0 ? TableSchema.Empty.AsOpen() : OuterUnion(schemas).AsOpen();
        var predicateContext = Context.ForRows(context.Scope, new Rows(row, false)) with { InSearchPredicate = true };
        var predicate = BindScalar(find.Predicate, predicateContext);
        if (predicate != ScalarType.String)
        {
            ExpectBool(find.Predicate, predicate);
        }

        if (find.Project is { } project)
        {
            foreach (var item in project.Expressions)
            {
                if (item is FunctionCallExpression)
                {
                    BindScalar(item, predicateContext);
                }
            }
        }

        return new Rows(TableSchema.Empty.AsOpen(), false);
    }

    /// <summary>The tables of search's or find's <c>in (T1, Device*, (query))</c>, wildcards expanded.</summary>
    private List<TableSchema> BindInTables(InClause inClause, Context context)
    {
        var schemas = new List<TableSchema>();
        foreach (var table in inClause.Tables)
        {
            if (table is NameReference { Name: WildcardedName } wildcard)
            {
                foreach (var candidate in _workspace.Tables)
                {
                    if (MatchesWildcard(candidate.Name, wildcard.SimpleName))
                    {
                        NoteTableReference(candidate);
                        schemas.Add(candidate.Schema);
                    }
                }

                continue;
            }

            schemas.Add(BindTabular(table, context).Schema);
        }

        return schemas;
    }

    private Rows BindScan(ScanOperator scan, Rows input, Context context)
    {
        var schema = input.Schema;
        if (scan.Declare is { } declare)
        {
            var declared = new List<ColumnSymbol>();
            foreach (var parameter in declare.Parameters)
            {
                var p = BindParameterDeclaration(parameter, context.Scope);
                declared.Add(new ColumnSymbol(p.Name, p.Type));
            }

            schema = schema.WithColumns(declared);
        }

        // Steps refer to the previous match's values as StepName.Column.
        var stepScope = new Scope(context.Scope);
        foreach (var step in scan.Steps)
        {
            stepScope.Declare(new ScanStepSymbol(step.Name.SimpleName, schema));
        }

        var stepContext = context with { Row = schema, Serialized = true, Scope = stepScope };
        foreach (var step in scan.Steps)
        {
            ExpectBool(step.Condition, BindScalar(step.Condition, stepContext));
            if (step.Assignments is { } assignments)
            {
                foreach (var assignment in assignments)
                {
                    BindExpression(assignment, stepContext);
                }
            }
        }

        if (ParameterValue(scan.Parameters, "with_match_id", out _) is { } matchId)
        {
            schema = schema.WithColumns([new ColumnSymbol(matchId, ScalarType.Long)]);
        }

        return new Rows(schema, true);
    }
}
