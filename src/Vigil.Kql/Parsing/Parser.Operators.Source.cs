using Vigil.Kql.Syntax;

namespace Vigil.Kql.Parsing;

internal sealed partial class Parser
{
    private PrintOperator ParsePrint() => new(TakeKeyword(), ParseNamedList());

    private RangeOperator ParseRange()
    {
        var keyword = TakeKeyword();
        var name = ParseName();
        var from = ExpectKeyword("from");
        var fromValue = ParseExpression();
        var to = ExpectKeyword("to");
        var toValue = ParseExpression();
        var step = ExpectKeyword("step");
        return new RangeOperator(keyword, name, from, fromValue, to, toValue, step, ParseExpression());
    }

    private InClause? ParseInClause()
    {
        if (!IsWord("in") || !IsKind(SyntaxKind.OpenParen, 1))
        {
            return null;
        }

        var inKeyword = TakeKeyword();
        var open = Take();
        var tables = ParseSeparated(ParseNameOrWildcardExpression, () => CurrentKind == SyntaxKind.CloseParen);
        return new InClause(inKeyword, open, tables, Expect(SyntaxKind.CloseParen));
    }

    private Expression ParseSearchPredicate()
    {
        var saved = _colonIsSearch;
        _colonIsSearch = true;
        var predicate = ParseExpression();
        _colonIsSearch = saved;
        return predicate;
    }

    private SearchOperator ParseSearch()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(KindParameter.Contains);
        var inClause = ParseInClause();
        return new SearchOperator(keyword, parameters, inClause, ParseSearchPredicate());
    }

    private FindOperator ParseFind()
    {
        var keyword = TakeKeyword();
        var parameters = ParseParameters(FindParameters.Contains);
        var inClause = ParseInClause();
        // 'where' is required after parameters or an in clause; 'find "x"' alone is fine.
        var where = parameters.Count > 0 || inClause is not null || IsWord("where") ? ExpectKeyword("where") : null;
        var predicate = ParseSearchPredicate();
        FindProjectClause? project = null;
        if (IsWord("project-smart"))
        {
            project = new FindProjectClause(TakeKeyword(), EmptySeparated<Expression>());
        }
        else if (IsWord("project") || IsWord("project-away"))
        {
            var projectKeyword = TakeKeyword();
            project = new FindProjectClause(projectKeyword, ParseSeparated(ParseFindProjectItem));
        }

        return new FindOperator(keyword, parameters, inClause, where, predicate, project);
    }

    /// <summary>A column name, or <c>pack_all()</c>, after find's project.</summary>
    private Expression ParseFindProjectItem() =>
        CurrentKind == SyntaxKind.Identifier && IsKind(SyntaxKind.OpenParen, 1) ? ParsePrimary() : ParseNameOrWildcardExpression();
}
