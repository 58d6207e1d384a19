using Vigil.Kql.Syntax;

namespace Vigil.Kql.Tests.Parsing;

/// <summary>Every tabular operator with its parameters, checked through the compact S-expression dump.</summary>
public sealed class OperatorParsingTests
{
    [Theory]
    [InlineData("where x > 1", "(Where where (Binary x > 1))")]
    [InlineData("filter x > 1", "(Where filter (Binary x > 1))")]
    [InlineData("project a, b = c + 1, ['d e'] = f", "(Project project [a (SimpleNamed b = (Binary c + 1)) (SimpleNamed (BracketedName 'd e') = f)])")]
    [InlineData("project-away a, b*, *c", "(ProjectAway project-away [a (NameReference (WildcardedName [b *])) (NameReference (WildcardedName [* c]))])")]
    [InlineData("project-keep a*", "(ProjectKeep project-keep [(NameReference (WildcardedName [a *]))])")]
    [InlineData("project-rename a = b, c = d", "(ProjectRename project-rename [(SimpleNamed a = b) (SimpleNamed c = d)])")]
    [InlineData("project-reorder b*, a asc, c granny-desc", "(ProjectReorder project-reorder [(NameReference (WildcardedName [b *])) (Ordered a asc) (Ordered c granny-desc)])")]
    [InlineData("extend a = 1, b, (c, d) = f(x)", "(Extend extend [(SimpleNamed a = 1) b (CompoundNamed [c d] = (FunctionCall f (ExpressionList [x])))])")]
    [InlineData("summarize count() by x", "(Summarize summarize [(FunctionCall count (ExpressionList))] (ByClause by [x]))")]
    [InlineData("summarize hint.strategy=shuffle c = count(), dcount(y) by bin(Timestamp, 1h), z", "(Summarize summarize [(NamedParameter hint.strategy = shuffle)] [(SimpleNamed c = (FunctionCall count (ExpressionList))) (FunctionCall dcount (ExpressionList [y]))] (ByClause by [(FunctionCall bin (ExpressionList [Timestamp 1h])) z]))")]
    [InlineData("summarize by x, y", "(Summarize summarize (ByClause by [x y]))")]
    [InlineData("summarize arg_max(Timestamp, *) by DeviceId", "(Summarize summarize [(FunctionCall arg_max (ExpressionList [Timestamp (Star *)]))] (ByClause by [DeviceId]))")]
    [InlineData("count", "(Count count)")]
    [InlineData("distinct a, b", "(Distinct distinct [a b])")]
    [InlineData("distinct *", "(Distinct distinct [(Star *)])")]
    [InlineData("sort by a desc, b asc nulls last", "(Sort sort by [(Ordered a desc) (Ordered b asc nulls last)])")]
    [InlineData("order by a", "(Sort order by [a])")]
    [InlineData("top 10 by a desc nulls first", "(Top top 10 by (Ordered a desc nulls first))")]
    [InlineData("take 10", "(Take take 10)")]
    [InlineData("limit 5", "(Take limit 5)")]
    [InlineData("sample 10", "(Sample sample 10)")]
    [InlineData("sample-distinct 5 of x", "(SampleDistinct sample-distinct 5 of x)")]
    [InlineData("serialize rn = row_number()", "(Serialize serialize [(SimpleNamed rn = (FunctionCall row_number (ExpressionList)))])")]
    [InlineData("join kind=inner (U | where x) on a, $left.b == $right.c", "(Join join [(NamedParameter kind = inner)] (Parenthesized (Pipe U (Where where x))) (JoinOnClause on [a (Binary (Path $left b) == (Path $right c))]))")]
    [InlineData("join kind=leftanti hint.strategy=broadcast U on a", "(Join join [(NamedParameter kind = leftanti) (NamedParameter hint.strategy = broadcast)] U (JoinOnClause on [a]))")]
    [InlineData("lookup kind=leftouter U on a", "(Lookup lookup [(NamedParameter kind = leftouter)] U (JoinOnClause on [a]))")]
    [InlineData("union U, (V | where x), W*", "(Union union [U (Parenthesized (Pipe V (Where where x))) (NameReference (WildcardedName [W *]))])")]
    [InlineData("union kind=outer withsource=SourceTable isfuzzy=true U, V", "(Union union [(NamedParameter kind = outer) (NamedParameter withsource = SourceTable) (NamedParameter isfuzzy = true)] [U V])")]
    [InlineData("fork (where x | take 1) b = (summarize count())", "(Fork fork [(Fork (Pipe (Where where x) (Take take 1))) (Fork b = (Summarize summarize [(FunctionCall count (ExpressionList))]))])")]
    [InlineData("facet by a, b with (take 5)", "(Facet facet by [a b] with (Parenthesized (Take take 5)))")]
    [InlineData("partition hint.strategy=native by x (top 1 by y)", "(Partition partition [(NamedParameter hint.strategy = native)] by x (Parenthesized (Top top 1 by y)))")]
    [InlineData("partition by x { T | take 1 }", "(Partition partition by x (FunctionBody [(Expression (Pipe T (Take take 1)))]))")]
    [InlineData("as hint.materialized=true X", "(As as [(NamedParameter hint.materialized = true)] X)")]
    [InlineData("invoke f(1)", "(Invoke invoke (FunctionCall f (ExpressionList [1])))")]
    [InlineData("evaluate bag_unpack(d)", "(Evaluate evaluate (FunctionCall bag_unpack (ExpressionList [d])))")]
    [InlineData("evaluate hint.distribution=per_node autocluster()", "(Evaluate evaluate [(NamedParameter hint.distribution = per_node)] (FunctionCall autocluster (ExpressionList)))")]
    [InlineData("mv-expand d", "(MvExpand mv-expand [(MvExpand d)])")]
    [InlineData("mv-expand kind=array bagexpansion=array with_itemindex=i a = d to typeof(string), e limit 100", "(MvExpand mv-expand [(NamedParameter kind = array) (NamedParameter bagexpansion = array) (NamedParameter with_itemindex = i)] [(MvExpand (SimpleNamed a = d) (ToTypeOfClause to (TypeOf typeof [(PrimitiveType string)]))) (MvExpand e)] (LimitClause limit 100))")]
    [InlineData("mvexpand d", "(MvExpand mvexpand [(MvExpand d)])")]
    [InlineData("mv-apply x = d to typeof(long) on (summarize sum(x))", "(MvApply mv-apply [(MvExpand (SimpleNamed x = d) (ToTypeOfClause to (TypeOf typeof [(PrimitiveType long)])))] on (Summarize summarize [(FunctionCall sum (ExpressionList [x]))]))")]
    [InlineData("parse x with * \"a=\" a:long \",\" b", "(Parse parse x with [(Star *) \"a=\" (NameAndTypeDeclaration a (PrimitiveType long)) \",\" (NameAndTypeDeclaration b)])")]
    [InlineData("parse kind=regex flags=i x with \"(?P<y>.*)\" y", "(Parse parse [(NamedParameter kind = regex) (NamedParameter flags = i)] x with [\"(?P<y>.*)\" (NameAndTypeDeclaration y)])")]
    [InlineData("parse-where x with \"a\" y", "(ParseWhere parse-where x with [\"a\" (NameAndTypeDeclaration y)])")]
    [InlineData("parse-kv x as (k:string, v:long) with (pair_delimiter=\",\", kv_delimiter=\"=\")", "(ParseKv parse-kv x as (SchemaType [(NameAndTypeDeclaration k (PrimitiveType string)) (NameAndTypeDeclaration v (PrimitiveType long))]) (WithClause with [(NamedParameter pair_delimiter = \",\") (NamedParameter kv_delimiter = \"=\")]))")]
    [InlineData("make-series kind=nonempty c = count() default = 0 on Timestamp from ago(7d) to now() step 1d by D", "(MakeSeries make-series [(NamedParameter kind = nonempty)] [(MakeSeries (SimpleNamed c = (FunctionCall count (ExpressionList))) default = 0)] on Timestamp (MakeSeriesRangeClause from (FunctionCall ago (ExpressionList [7d])) to (FunctionCall now (ExpressionList)) step 1d) (ByClause by [D]))")]
    [InlineData("make-series avg(x) on T in range(datetime(2020-01-01), datetime(2020-02-01), 1d)", "(MakeSeries make-series [(MakeSeries (FunctionCall avg (ExpressionList [x])))] on T (MakeSeriesRangeClause in (FunctionCall range (ExpressionList [datetime(2020-01-01) datetime(2020-02-01) 1d]))))")]
    [InlineData("make-series count() on T step 1h", "(MakeSeries make-series [(MakeSeries (FunctionCall count (ExpressionList)))] on T (MakeSeriesRangeClause step 1h))")]
    [InlineData("top-nested 3 of a by count(), top-nested 2 of b with others = -1 by sum(x) desc", "(TopNested [(TopNestedClause top-nested 3 of a by (FunctionCall count (ExpressionList))) (TopNestedClause top-nested 2 of b with others = (PrefixUnary - 1) by (Ordered (FunctionCall sum (ExpressionList [x])) desc))])")]
    [InlineData("top-hitters 5 of x by y", "(TopHitters top-hitters 5 of x by y)")]
    [InlineData("getschema", "(GetSchema getschema)")]
    [InlineData("getschema kind=csl", "(GetSchema getschema [(NamedParameter kind = csl)])")]
    [InlineData("render timechart", "(Render render timechart)")]
    [InlineData("render barchart with (title=\"t\", kind=stacked, ytitle=\"y\")", "(Render render barchart (WithClause with [(NamedParameter title = \"t\") (NamedParameter kind = stacked) (NamedParameter ytitle = \"y\")]))")]
    [InlineData("render columnchart kind=stacked", "(Render render columnchart [(NamedParameter kind = stacked)])")]
    [InlineData("consume", "(Consume consume)")]
    [InlineData("reduce by x with threshold=0.1, characters=\"-\"", "(Reduce reduce by x with [(NamedParameter threshold = 0.1) (NamedParameter characters = \"-\")])")]
    [InlineData("scan declare (s:long = 0) with (step a: x > 1 => s = s + 1; step b output=none: y == 2;)", "(Scan scan (ScanDeclareClause declare [(FunctionParameter (NameAndTypeDeclaration s (PrimitiveType long)) = 0)]) with [(ScanStep step a (Binary x > 1) => [(SimpleNamed s = (Binary s + 1))]) (ScanStep step b [(NamedParameter output = none)] (Binary y == 2))])")]
    [InlineData("scan with_match_id=id with (step s: true;)", "(Scan scan [(NamedParameter with_match_id = id)] with [(ScanStep step s true)])")]
    [InlineData("search \"x\"", "(Search search \"x\")")]
    [InlineData("search kind=case_sensitive in (T, U*) x has \"y\"", "(Search search [(NamedParameter kind = case_sensitive)] (InClause in [T (NameReference (WildcardedName [U *]))]) (Binary x has \"y\"))")]
    [InlineData("make-graph a --> b with N on id", "(MakeGraph make-graph a [- - >] b (MakeGraphTablesClause with [(MakeGraphTableReference N on id)]))")]
    [InlineData("make-graph a --> b with_node_id=name", "(MakeGraph make-graph a [- - >] b [(NamedParameter with_node_id = name)])")]
    [InlineData("graph-match cycles=none (a)-[e*1..3]->(b)<--(c) where a.x == 1 project a.x, n = b.y", "(GraphMatch graph-match [(NamedParameter cycles = none)] [(GraphMatchPattern [(GraphMatchNode a) (GraphMatchEdge [-] e * 1 3 [- >]) (GraphMatchNode b) (GraphMatchEdge [< -] [-]) (GraphMatchNode c)])] (GraphWhereClause where (Binary (Path a x) == 1)) (GraphProjectClause project [(Path a x) (SimpleNamed n = (Path b y))]))")]
    [InlineData("graph-to-table nodes as N with_node_id=Id, edges", "(GraphToTable graph-to-table [(GraphToTableOutputClause nodes as N [(NamedParameter with_node_id = Id)]) (GraphToTableOutputClause edges)])")]
    [InlineData("graph-mark-components with_component_id = c", "(GraphMarkComponents graph-mark-components [(NamedParameter with_component_id = c)])")]
    public void Operator_parses_to_the_expected_tree(string text, string expected)
    {
        var tree = SyntaxTree.Parse("T | " + text);
        Assert.Empty(tree.Diagnostics);
        var pipe = (PipeExpression)((ExpressionStatement)tree.Root.Statements[0]).Expression;
        Assert.Equal(expected, SyntaxDumper.Dump(pipe.Operator));
    }

    [Theory]
    [InlineData("union T, U | take 1", "(Pipe (Union union [T U]) (Take take 1))")]
    [InlineData("print x = 1, 2", "(Print print [(SimpleNamed x = 1) 2])")]
    [InlineData("range x from 1 to 10 step 2", "(Range range x from 1 to 10 step 2)")]
    [InlineData("search * has 'x'", "(Search search (Binary (Star *) has 'x'))")]
    [InlineData("find withsource=Source in (T, U) where x == 1 project a, b", "(Find find [(NamedParameter withsource = Source)] (InClause in [T U]) where (Binary x == 1) (FindProjectClause project [a b]))")]
    [InlineData("evaluate python(typeof(*))", "(Evaluate evaluate (FunctionCall python (ExpressionList [(TypeOf typeof [(Star *)])])))")]
    [InlineData("datatable(a:long, b:string)[1, 'x', -2, 'y']", "(DataTable datatable (SchemaType [(NameAndTypeDeclaration a (PrimitiveType long)) (NameAndTypeDeclaration b (PrimitiveType string))]) [1 'x' (PrefixUnary - 2) 'y'])")]
    [InlineData("externaldata(a:string)[@'https://x/y.csv'] with (format='csv', ignoreFirstRecord=true)", "(ExternalData externaldata (SchemaType [(NameAndTypeDeclaration a (PrimitiveType string))]) [@'https://x/y.csv'] (WithClause with [(NamedParameter format = 'csv') (NamedParameter ignoreFirstRecord = true)]))")]
    [InlineData("materialize(T | take 1)", "(FunctionCall materialize (ExpressionList [(Pipe T (Take take 1))]))")]
    [InlineData("cluster('c').database('d').T", "(Path (Path (FunctionCall cluster (ExpressionList ['c'])) (FunctionCall database (ExpressionList ['d']))) T)")]
    [InlineData("table('T') | count", "(Pipe (FunctionCall table (ExpressionList ['T'])) (Count count))")]
    public void Query_sources_parse_to_the_expected_tree(string text, string expected)
    {
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(expected, SyntaxDumper.Dump(((ExpressionStatement)tree.Root.Statements[0]).Expression));
    }

    [Fact]
    public void Pipelines_are_left_associative()
    {
        var tree = SyntaxTree.Parse("T | where a | project b | take 1");
        var outer = (PipeExpression)((ExpressionStatement)tree.Root.Statements[0]).Expression;
        Assert.IsType<TakeOperator>(outer.Operator);
        var middle = Assert.IsType<PipeExpression>(outer.Left);
        Assert.IsType<ProjectOperator>(middle.Operator);
        var inner = Assert.IsType<PipeExpression>(middle.Left);
        Assert.IsType<WhereOperator>(inner.Operator);
        Assert.Equal("T", Assert.IsType<NameReference>(inner.Left).SimpleName);
    }

    [Fact]
    public void Operator_keyword_is_the_token_as_written()
    {
        var tree = SyntaxTree.Parse("T | filter a | order by b | limit 1 | mvexpand c");
        var keywords = tree.Root.DescendantsAndSelf().OfType<QueryOperator>().Select(o => o.Keyword.Text).ToList();
        Assert.Equal(["filter", "order", "limit", "mvexpand"], keywords);
        Assert.All(tree.Root.DescendantsAndSelf().OfType<QueryOperator>(), o => Assert.Equal(SyntaxKind.Keyword, o.Keyword.Kind));
    }
}
