namespace Vigil.Engine.Tests.Query;

public class GraphPathTests
{
    // A directed ring a -> b -> c -> d -> a, with a shortcut a -> c.
    private const string Ring = """
        datatable(s:string, t:string, w:long) [ "a", "b", 1, "b", "c", 2, "c", "d", 3, "d", "a", 4 ]
        | make-graph s --> t with_node_id=name

        """;

    private const string RingWithShortcut = """
        datatable(s:string, t:string, w:long) [ "a", "b", 1, "b", "c", 2, "c", "d", 3, "d", "a", 4, "a", "c", 5 ]
        | make-graph s --> t with_node_id=name

        """;

    private static string[] SortedRows(string query)
    {
        var rows = QueryRunner.Rows(query).ToArray();
        Array.Sort(rows, StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public void Variable_length_edge_properties_are_arrays_along_the_path()
    {
        var result = QueryRunner.Run(Ring + "| graph-match (x)-[e*2]->(y) project x.name, y.name, e.w");
        Assert.Equal("x_name:string, y_name:string, e_w:dynamic", QueryRunner.Schema(result));
        Assert.Equal(["a | c | [1,2]", "b | d | [2,3]", "c | a | [3,4]", "d | b | [4,1]"], SortedRows(Ring + "| graph-match (x)-[e*2]->(y) project x.name, y.name, e.w"));
    }

    [Fact]
    public void A_length_range_matches_every_length_in_it()
    {
        Assert.Equal(["b | [1]", "c | [1,2]", "d | [1,2,3]"],
            SortedRows(Ring + "| graph-match (x)-[e*1..3]->(y) where x.name == 'a' project y.name, e.w"));
    }

    [Fact]
    public void Undirected_variable_length_edges_go_either_way()
    {
        Assert.Equal(["b | [1]", "c | [1,2]", "c | [4,3]", "d | [4]"],
            SortedRows(Ring + "| graph-match (x)-[e*1..2]-(y) where x.name == 'a' project y.name, e.w"));
    }

    [Fact]
    public void Backward_edges_list_their_values_from_left_to_right()
    {
        Assert.Equal(["a | [2,1]", "b | [2]"],
            SortedRows(Ring + "| graph-match (y)<-[e*1..2]-(x) where y.name == 'c' project x.name, e.w"));
    }

    [Fact]
    public void Cycles_option_controls_repeated_edges_and_nodes()
    {
        Assert.Equal(4, QueryRunner.Rows(Ring + "| graph-match (x)-[e*4]->(y) project x.name").Count);
        Assert.Empty(QueryRunner.Rows(Ring + "| graph-match cycles=none (x)-[e*4]->(y) project x.name"));
        Assert.Empty(QueryRunner.Rows(Ring + "| graph-match (x)-[e*5]->(y) project x.name"));
        Assert.Equal(["b | [1,2,3,4,1]"],
            SortedRows(Ring + "| graph-match cycles=all (x)-[e*5]->(y) where x.name == 'a' project y.name, e.w"));
    }

    [Fact]
    public void All_any_and_map_run_over_the_edges_or_inner_nodes_of_a_path()
    {
        var rows = SortedRows(Ring + """
            | graph-match (x)-[e*1..3]->(y) where x.name == 'a'
              project y.name, small = all(e, w < 3), three = any(e, w == 3), tens = map(e, w * 10), via = map(inner_nodes(e), name)
            """);
        Assert.Equal(["b | true | false | [10] | []", "c | true | false | [10,20] | [\"b\"]", "d | false | true | [10,20,30] | [\"b\",\"c\"]"], rows);
    }

    [Fact]
    public void Where_can_filter_paths_with_a_path_function()
    {
        Assert.Equal(["d | [1,2,3]"],
            SortedRows(Ring + "| graph-match (x)-[e*1..3]->(y) where x.name == 'a' and any(inner_nodes(e), name == 'c') project y.name, e.w"));
    }

    [Fact]
    public void A_where_constraint_on_a_variable_length_edge_holds_for_each_of_its_edges()
    {
        Assert.Equal(["b | [1]", "c | [1,2]"],
            SortedRows(Ring + "| graph-match (x)-[e*1..3]->(y) where x.name == 'a' and (e.w < 3) project y.name, e.w"));
    }

    [Fact]
    public void Node_degrees_count_incoming_and_outgoing_edges()
    {
        var result = QueryRunner.Run(RingWithShortcut + "| graph-match (x)-[e]->(y) where x.name == 'a' project y.name, node_degree_in(y), out_x = node_degree_out(x)");
        Assert.Equal("y_name:string, node_degree_in:long, out_x:long", QueryRunner.Schema(result));
        Assert.Equal(["b | 1 | 2", "c | 2 | 2"],
            SortedRows(RingWithShortcut + "| graph-match (x)-[e]->(y) where x.name == 'a' project y.name, node_degree_in(y), out_x = node_degree_out(x)"));
    }

    [Fact]
    public void Degree_functions_without_arguments_read_the_inner_node()
    {
        Assert.Equal(["d | [1,2]"],
            SortedRows(RingWithShortcut + "| graph-match (x)-[e*3]->(y) where x.name == 'a' and y.name == 'd' project y.name, map(inner_nodes(e), node_degree_in())"));
    }

    [Fact]
    public void An_empty_length_range_is_an_error()
    {
        var error = Assert.Throws<QueryException>(() => QueryRunner.Run(Ring + "| graph-match (x)-[e*3..2]->(y) project x.name"));
        Assert.Contains("3..2", error.Message, StringComparison.Ordinal);
    }
}
