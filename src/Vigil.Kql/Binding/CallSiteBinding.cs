using System.Collections.Immutable;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

/// <summary>
/// What the binder found for a user function's body at one call site: the body binds once per call with that call's
/// argument types, so the same body nodes can have different types at different sites. Calls made inside the body
/// have their own bindings in <see cref="Sites"/>.
/// </summary>
internal sealed class CallSiteBinding
{
    public Dictionary<SyntaxNode, SemanticInfo> Info { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<SyntaxNode, ImmutableArray<ColumnSymbol>> Produced { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<SyntaxNode, CallSiteBinding> Sites { get; } = new(ReferenceEqualityComparer.Instance);
}
