namespace Vigil.Engine.Tests.Query;

public class GraphTests
{
    private const string Edges = """
        let edges = datatable(source:string, destination:string, kind:string)
        [
            "Alice", "Bob", "knows",
            "Alice", "Trent", "trusts",
            "Eve", "Alice", "attacks",
            "Mallory", "Kirk", "knows",
        ];
        let nodes = datatable(name:string, age:long) [ "Alice", 23, "Bob", 31, "Trent", 99, "Bob", 40 ];

        """;

    [Fact]
    public void Nodes_without_a_nodes_table_are_the_edge_ids_in_order_of_appearance()
    {
        var result = QueryRunner.Run(Edges + "edges | make-graph source --> destination with_node_id=name | graph-to-table nodes");
        Assert.Equal("name:string", QueryRunner.Schema(result));
        Assert.Equal(["Alice", "Bob", "Trent", "Eve", "Mallory", "Kirk"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Nodes_table_rows_come_first_and_edge_only_ids_get_empty_properties()
    {
        var result = QueryRunner.Run(Edges + "edges | make-graph source --> destination with nodes on name | graph-to-table nodes with_node_id=Id");
        Assert.Equal("Id:long, name:string, age:long", QueryRunner.Schema(result));
        Assert.Equal(["0 | Alice | 23", "1 | Bob | 31", "2 | Trent | 99", "3 | Eve | null", "4 | Mallory | null", "5 | Kirk | null"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Edges_export_with_source_and_target_node_ids()
    {
        var rows = QueryRunner.Rows(Edges + """
            edges | make-graph source --> destination with nodes on name
            | graph-to-table edges with_source_id=S with_target_id=T
            """);
        Assert.Equal(["0 | 1 | Alice | Bob | knows", "0 | 2 | Alice | Trent | trusts", "3 | 0 | Eve | Alice | attacks", "4 | 5 | Mallory | Kirk | knows"], rows);
    }

    [Fact]
    public void Weak_components_are_numbered_by_first_node()
    {
        var rows = QueryRunner.Rows(Edges + """
            edges | make-graph source --> destination with_node_id=name
            | graph-mark-components with_component_id=family | graph-to-table nodes
            """);
        Assert.Equal(["Alice | 0", "Bob | 0", "Trent | 0", "Eve | 0", "Mallory | 1", "Kirk | 1"], rows);
    }

    [Fact]
    public void Strong_components_follow_edge_directions()
    {
        var rows = QueryRunner.Rows("""
            datatable(a:long, b:long) [1, 2, 2, 3, 3, 1, 3, 4, 4, 5, 5, 4, 6, 1]
            | make-graph a --> b with_node_id=n
            | graph-mark-components kind=strong | graph-to-table nodes
            """);
        Assert.Equal(["1 | 0", "2 | 0", "3 | 0", "4 | 1", "5 | 1", "6 | 2"], rows);
    }

    [Fact]
    public void Graph_output_has_exact_columns_for_later_operators()
    {
        var result = QueryRunner.Run(Edges + """
            edges | make-graph source --> destination with nodes on name
            | graph-mark-components | graph-to-table nodes | where isnotnull(age) | summarize sum(age) by ComponentId
            """);
        Assert.Equal("ComponentId:long, sum_age:long", QueryRunner.Schema(result));
        Assert.Equal(["0 | 153"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Graph_match_finds_fixed_length_paths_filtered_by_properties()
    {
        var result = QueryRunner.Run(Edges + """
            edges | make-graph source --> destination with nodes on name
            | graph-match (a)-[e]->(b)-[f]->(c)
              where e.kind == "attacks"
              project a.name, Middle = b.name, c.name, f.kind
            """);
        Assert.Equal("a_name:string, Middle:string, c_name:string, f_kind:string", QueryRunner.Schema(result));
        Assert.Equal(["Eve | Alice | Bob | knows", "Eve | Alice | Trent | trusts"], QueryRunner.Rows(result).Order().ToList());
    }

    [Fact]
    public void Graph_match_follows_backward_and_undirected_edges()
    {
        var rows = QueryRunner.Rows(Edges + """
            edges | make-graph source --> destination with_node_id=name
            | graph-match (x)--(y)<-[e]-(z)
              where x.name == "Bob"
              project x.name, y.name, z.name
            """);
        Assert.Equal(["Bob | Alice | Eve"], rows);
    }

    [Fact]
    public void Partitioned_graphs_are_reported_as_not_supported()
    {
        var error = Assert.Throws<QueryException>(() => QueryRunner.Run(Edges + "edges | make-graph source --> destination with_node_id=name partitioned-by kind (graph-to-table nodes)"));
        Assert.Equal(QueryErrorKind.NotSupported, error.Kind);
    }
}
