using Vigil.Kql.Binding;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

/// <summary>
/// Translates a bound query (syntax tree + the binder's side table) into a logical plan. Output column names and
/// types come from the binder's schemas, so naming (<c>count_</c>, <c>Column1</c>, <c>print_0</c>) is decided in one
/// place; the planner decides which expression computes each column. Unsupported constructs throw
/// <see cref="QueryException"/> of kind <see cref="QueryErrorKind.NotSupported"/>.
/// </summary>
internal sealed partial class Planner
{
    /// <summary>The bound query; inside a user function's body, as that call bound it (see <see cref="BoundQuery.ForCallSite"/>).</summary>
    private BoundQuery _bound;
    private readonly long _nowTicks;
    private readonly SubqueryRunner _run;
    private readonly TimeWindow? _timeWindow;
    private readonly Dictionary<LocalSymbol, object> _locals = [];
    private Visualization? _visualization;

    /// <summary>Expressions already planned elsewhere (aggregate calls inside a computed summarize item).</summary>
    private Dictionary<SyntaxNode, Expressions.ScalarExpr>? _substitutions;

    /// <summary>The names of the tables storage holds (what find and search without <c>in</c> look in); null: none.</summary>
    private readonly IReadOnlySet<string>? _storedTables;

    private Planner(BoundQuery bound, long nowTicks, SubqueryRunner run, TimeWindow? timeWindow, IReadOnlySet<string>? storedTables)
    {
        _storedTables = storedTables;
        _bound = bound;
        _nowTicks = nowTicks;
        _run = run;
        _timeWindow = timeWindow;
    }

    public static QueryPlan Plan(
        BoundQuery bound, long nowTicks, SubqueryRunner run, TimeWindow? timeWindow = null, IReadOnlySet<string>? storedTables = null)
    {
        var planner = new Planner(bound, nowTicks, run, timeWindow, storedTables);
        return planner.PlanQuery();
    }

    private QueryPlan PlanQuery()
    {
        LogicalOperator? result = null;
        foreach (var statement in _bound.Root.Statements)
        {
            switch (statement)
            {
                case LetStatement let:
                    PlanLet(let);
                    break;
                case ExpressionStatement expression when _bound.GetInfo(expression.Expression)?.IsTabular == true:
                    _resultTables = null;
                    result = PlanTabular(expression.Expression);
                    break;
                case ExpressionStatement scalar:
                    result = PlanScalarStatement(scalar.Expression);
                    break;
                case SetStatement set:
                    RecordOption(set);
                    break;
                default:
                    throw QueryException.NotSupported($"The statement '{Snippet(statement)}'");
            }
        }

        if (result is null)
        {
            throw new QueryException(QueryErrorKind.Semantic, "The query has no tabular expression to run.");
        }

        return new QueryPlan(result, _visualization, _limits, _resultTables);
    }

    private void PlanLet(LetStatement let)
    {
        var info = _bound.GetInfo(let.Name);
        LocalSymbol? symbol = info?.ReferencedLocal;
        if (let.Expression is FunctionDeclaration)
        {
            // User functions are planned at their call sites (not yet supported): nothing to do until called.
            return;
        }

        symbol ??= FindLocal(let);
        if (symbol is null)
        {
            throw QueryException.NotSupported($"The let statement '{Snippet(let)}'");
        }

        _locals[symbol] = _bound.GetInfo(let.Expression)?.IsTabular == true
            ? PlanTabular(let.Expression)
            : PlanScalar(let.Expression, TableSchema.Empty);
    }

    /// <summary>The local a let declares, found through a later reference when the name node is not annotated.</summary>
    private LocalSymbol? FindLocal(LetStatement let)
    {
        var name = let.Name.SimpleName;
        foreach (var element in _bound.Root.DescendantsAndSelf())
        {
            if (element is NameReference reference && reference.SimpleName == name
                && _bound.GetInfo(reference)?.ReferencedLocal is { } local && reference.TextStart > let.TextStart)
            {
                return local;
            }
        }

        return null;
    }

    private static string Snippet(SyntaxNode node)
    {
        var text = node.ToString().Trim();
        return text.Length > 60 ? text[..60] + "..." : text;
    }
}
