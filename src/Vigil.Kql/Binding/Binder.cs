using System.Collections.Immutable;
using Vigil.Kql.Diagnostics;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

/// <summary>
/// The binder's state for one query: the side table of semantic information, the diagnostics, the scopes.
/// Expressions are bound by <see cref="BindExpression"/> (Binder.Expressions.cs), calls in Binder.Calls.cs,
/// query operators in Binder.Operators*.cs, result-column naming in Binder.Naming.cs.
/// </summary>
internal sealed partial class Binder
{
    /// <summary>How deep user-function calls may nest (recursion is not allowed in KQL; this stops runaway input).</summary>
    private const int MaxCallDepth = 16;

    /// <summary>How deep expressions may nest before the binder stops descending (the parser caps nesting too).</summary>
    private const int MaxExpressionDepth = 400;

    private readonly WorkspaceSchema _workspace;
    private readonly BindOptions _options;
    private readonly Dictionary<SyntaxNode, SemanticInfo> _info = new(ReferenceEqualityComparer.Instance);
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HashSet<Diagnostic> _reported = [];
    private readonly List<TableSymbol> _referencedTables = [];
    private readonly Dictionary<SyntaxNode, ImmutableArray<ColumnSymbol>> _produced = new(ReferenceEqualityComparer.Instance);
    private int _callDepth;
    private int _expressionDepth;

    /// <summary>The user-function call sites bound at the top level, and the bindings of the bodies being bound now.</summary>
    private readonly Dictionary<SyntaxNode, CallSiteBinding> _callSites = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<CallSiteBinding> _bodies = new();

    public Binder(WorkspaceSchema workspace, BindOptions options)
    {
        _workspace = workspace;
        _options = options;
    }

    private DiagnosticSeverity UnknownNameSeverity =>
        _options.UnknownNamesAsWarnings ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;

    public BoundQuery BindQuery(QueryBlock root)
    {
        var scope = new Scope(null);
        TableSchema? result = null;
        foreach (var statement in root.Statements)
        {
            var schema = BindStatement(statement, scope);
            if (schema is not null)
            {
                result = schema;
            }
        }

        _diagnostics.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Code, b.Code));
        return new BoundQuery(root, _info, _produced, [.. _diagnostics], result, [.. _referencedTables], _workspace.Tables, _callSites);
    }

    /// <summary>Binds one statement; returns the schema when it is a tabular expression statement.</summary>
    private TableSchema? BindStatement(Statement statement, Scope scope)
    {
        switch (statement)
        {
            case LetStatement let:
                BindLet(let, scope);
                return null;
            case ExpressionStatement expressionStatement:
            {
                var bound = BindExpression(expressionStatement.Expression, Context.Global(scope));
                return bound.Schema;
            }

            case DeclareQueryParametersStatement declare:
                foreach (var parameter in declare.Parameters)
                {
                    var p = BindParameterDeclaration(parameter, scope);
                    scope.Declare(p.IsTabular
                        ? new TabularVariableSymbol(p.Name, p.Schema!, isParameter: true, isMaterialized: false)
                        : new ScalarVariableSymbol(p.Name, p.Type, isParameter: true));
                }

                return null;
            default:
                // set, alias, restrict, declare pattern: nothing to type.
                return null;
        }
    }

    private void BindLet(LetStatement let, Scope scope)
    {
        var name = let.Name.SimpleName;
        if (let.Expression is FunctionDeclaration declaration)
        {
            var parameters = ImmutableArray.CreateBuilder<UserFunctionParameter>();
            foreach (var parameter in declaration.Parameters)
            {
                parameters.Add(BindParameterDeclaration(parameter, scope));
            }

            var function = new UserFunctionSymbol(name, declaration, parameters.ToImmutable());
            scope.Declare(function);
            Record(let.Name, new SemanticInfo(ScalarType.Unknown, null, false) { ReferencedLocal = function });

            // Bind the body once with the declared parameter types so errors inside are reported even when the
            // function is never called; call sites bind it again with their arguments.
            BindUserFunctionBody(function, null, scope, declaration);
            return;
        }

        var bound = BindExpression(let.Expression, Context.Global(scope) with { PreferTabular = true });
        LocalSymbol symbol = bound.IsTabular
            ? new TabularVariableSymbol(name, bound.Schema!, isParameter: false, isMaterialized: IsMaterializeCall(let.Expression))
            : new ScalarVariableSymbol(name, bound.Type, isParameter: false);
        scope.Declare(symbol);
        Record(let.Name, new SemanticInfo(bound.Type, bound.Schema, bound.Serialized) { ReferencedLocal = symbol });
    }

    private static bool IsMaterializeCall(Expression expression) =>
        expression is FunctionCallExpression call && call.Name.SimpleName == "materialize";

    private UserFunctionParameter BindParameterDeclaration(FunctionParameter parameter, Scope scope)
    {
        var declaration = parameter.Declaration;
        var name = declaration.Name.SimpleName;
        var hasDefault = parameter.DefaultValue is not null;
        if (parameter.DefaultValue is { } defaultValue)
        {
            BindExpression(defaultValue, Context.Global(scope));
        }

        switch (declaration.Type)
        {
            case SchemaTypeExpression schemaType:
                return new UserFunctionParameter(name, ScalarType.Unknown, BindSchemaType(schemaType), hasDefault);
            case PrimitiveTypeExpression primitive:
                return new UserFunctionParameter(name, BindPrimitiveType(primitive), null, hasDefault);
            default:
                return new UserFunctionParameter(name, ScalarType.Unknown, null, hasDefault);
        }
    }

    private ScalarType BindPrimitiveType(PrimitiveTypeExpression primitive)
    {
        var text = primitive.TypeName.Text;
        if (TypeFacts.TryParse(text, out var type))
        {
            return type;
        }

        if (!primitive.TypeName.IsMissing)
        {
            Report(BindingDiagnostics.UnknownType(text, primitive.TextStart, primitive.Width));
        }

        return ScalarType.Unknown;
    }

    /// <summary>A schema literal <c>(a:string, b:long)</c>; <c>(*)</c> (or a <c>*</c> among columns) makes it open.</summary>
    private TableSchema BindSchemaType(SchemaTypeExpression schemaType)
    {
        var columns = new List<ColumnSymbol>();
        var open = false;
        foreach (var column in schemaType.Columns)
        {
            switch (column)
            {
                case NameAndTypeDeclaration nameAndType:
                    var type = nameAndType.Type is PrimitiveTypeExpression p ? BindPrimitiveType(p) : ScalarType.Unknown;
                    columns.Add(new ColumnSymbol(nameAndType.Name.SimpleName, type));
                    break;
                case StarExpression:
                    open = true;
                    break;
            }
        }

        var schema = new TableSchema(columns, open);
        Record(schemaType, new SemanticInfo(ScalarType.Unknown, schema, false));
        return schema;
    }

    /// <summary>Records what a node is; inside a user function's body, also for the call site being bound.</summary>
    private void Record(SyntaxNode node, SemanticInfo info)
    {
        _info[node] = info;
        if (_bodies.Count > 0)
        {
            _bodies.Peek().Info[node] = info;
        }
    }

    /// <summary>Remembers the output columns (final names) one projection or aggregation item produced.</summary>
    private void NoteProduced(SyntaxNode item, List<ColumnSymbol> columns)
    {
        _produced[item] = [.. columns];
        if (_bodies.Count > 0)
        {
            _bodies.Peek().Produced[item] = [.. columns];
        }
    }

    private void Report(Diagnostic diagnostic)
    {
        // A user function's body is bound once per call site; report each problem once.
        if (_reported.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    private void NoteTableReference(TableSymbol table)
    {
        if (!_referencedTables.Contains(table))
        {
            _referencedTables.Add(table);
        }
    }

    /// <summary>Names declared by let statements, function parameters and <c>as</c>, innermost first.</summary>
    private sealed class Scope(Scope? parent)
    {
        private readonly Dictionary<string, LocalSymbol> _locals = new(StringComparer.Ordinal);

        public Scope? Parent { get; } = parent;

        public void Declare(LocalSymbol symbol) => _locals[symbol.Name] = symbol;

        public LocalSymbol? Lookup(string name)
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                if (scope._locals.TryGetValue(name, out var symbol))
                {
                    return symbol;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// What an expression is bound against: the declarations in scope, the row whose columns names refer to (null
    /// outside row context), whether those rows are serialized, whether aggregates may be called, the two sides of a
    /// join condition, the implicit input of a subquery that starts with an operator (mv-apply, fork...), and whether
    /// this is a <c>search</c> predicate (where a bare string is a term search: <c>search "a" and "b"</c>).
    /// </summary>
    private sealed record Context(
        Scope Scope,
        TableSchema? Row,
        bool Serialized,
        bool AllowAggregates,
        TableSchema? Left,
        TableSchema? Right,
        Rows? ImplicitInput,
        bool PreferTabular,
        bool InSearchPredicate = false)
    {
        public static Context Global(Scope scope) => new(scope, null, false, false, null, null, null, false);

        public static Context ForRows(Scope scope, Rows rows) => new(scope, rows.Schema, rows.Serialized, false, null, null, null, false);

        /// <summary>The context for a tabular subexpression: no row, no aggregates.</summary>
        public Context Tabular() => this with { Row = null, Serialized = false, AllowAggregates = false, Left = null, Right = null, PreferTabular = true };
    }

    /// <summary>A row set: its schema and whether its order is defined (serialized).</summary>
    private readonly record struct Rows(TableSchema Schema, bool Serialized);

    /// <summary>The result of binding an expression: a scalar type, or a tabular schema.</summary>
    private readonly record struct Bound(ScalarType Type, TableSchema? Schema, bool Serialized, ArgumentShape Shape)
    {
        public static readonly Bound Unknown = new(ScalarType.Unknown, null, false, ArgumentShape.Scalar);

        public bool IsTabular => Schema is not null;

        public static Bound Scalar(ScalarType type) => new(type, null, false, ArgumentShape.Scalar);

        public static Bound Table(TableSchema schema, bool serialized = false) => new(ScalarType.Unknown, schema, serialized, ArgumentShape.Tabular);

        public static Bound Table(Rows rows) => Table(rows.Schema, rows.Serialized);

        public Rows AsRows() => new(Schema ?? TableSchema.Empty.AsOpen(), Serialized);

        public ArgumentInfo ToArgument() => new(Shape, Type);
    }
}
