namespace Vigil.Kql.Symbols;

// Aggregates name their result column "prefix_Arg" (name=prefix:X) unless the binder computes several columns
// ($custom: arg_max/arg_min/take_any/percentile(s)); "name=first" keeps the argument's name.
public static partial class BuiltInFunctions
{
    private static readonly string[] AggregateSpecs =
    [
        // count/sum/avg
        "count(expr:scalar?) -> long; name=prefix:count",
        "countif(predicate:bool) -> long; name=prefix:countif",
        "cnt() -> long; name=prefix:cnt; obsolete=count; hidden",
        "sum(expr:summable) -> $sum; name=prefix:sum",
        "sumif(expr:summable, predicate:bool) -> $sum; name=prefix:sumif",
        "avg(expr:summable) -> $avg; name=prefix:avg",
        "avgif(expr:summable, predicate:bool) -> $avg; name=prefix:avgif",
        "min(expr:orderable) -> $0; name=prefix:min",
        "minif(expr:orderable, predicate:bool) -> $0; name=prefix:minif",
        "max(expr:orderable) -> $0; name=prefix:max",
        "maxif(expr:orderable, predicate:bool) -> $0; name=prefix:maxif",
        "count_distinct(expr:notdynamic) -> long; name=prefix:count_distinct",
        "count_distinctif(expr:notdynamic, predicate:bool) -> long; name=prefix:count_distinctif",
        // distinct count (HLL)
        "dcount(expr:scalar, accuracy:notdynamic?) -> long; name=prefix:dcount",
        "dcountif(expr:scalar, predicate:bool, accuracy:notdynamic?) -> long; name=prefix:dcountif",
        "hll(expr:notdynamic, accuracy:integer?) -> dynamic; name=prefix:hll",
        "hll_if(expr:notdynamic, predicate:bool, accuracy:integer?) -> dynamic; name=prefix:hll_if",
        "hll_merge(hll:dynamic) -> dynamic; name=prefix:hll_merge",
        // percentiles (t-digest)
        "percentile(expr:scalar, percentile:number) -> $custom",
        "percentiles(expr:scalar, percentile:number+) -> $custom",
        "percentiles_array(expr:scalar, percentiles:scalar+) -> $custom",
        "percentilew(expr:scalar, weight:integer, percentile:number) -> $custom",
        "percentilesw(expr:scalar, weight:integer, percentile:number+) -> $custom",
        "percentilesw_array(expr:scalar, weight:integer, percentiles:scalar+) -> $custom",
        "tdigest(expr:summable, weight:integer?) -> dynamic; name=prefix:tdigest",
        "tdigest_merge(tdigest:dynamic) -> dynamic; name=prefix:merge_tdigests",
        "merge_tdigest(tdigest:dynamic) -> dynamic; name=prefix:merge_tdigests",
        // statistics
        "stdev(expr:summable) -> real; name=prefix:stdev",
        "stdevif(expr:summable, predicate:bool) -> real; name=prefix:stdevif",
        "stdevp(expr:summable) -> real; name=prefix:stdevp",
        "variance(expr:summable) -> real; name=prefix:variance",
        "varianceif(expr:summable, predicate:bool) -> real; name=prefix:varianceif",
        "variancep(expr:summable) -> real; name=prefix:variancep",
        "variancepif(expr:summable, predicate:bool) -> real; name=prefix:variancepif",
        "covariance(expr1:number, expr2:number) -> real; name=prefix2:covariance",
        "covarianceif(expr1:number, expr2:number, predicate:bool) -> real; name=prefix2:covarianceif",
        "covariancep(expr1:number, expr2:number) -> real; name=prefix2:covariancep",
        "covariancepif(expr1:number, expr2:number, predicate:bool) -> real; name=prefix2:covariancepif",
        // row selectors
        "arg_min(minimized:orderable, returned:scalarorstar*) -> $custom",
        "arg_max(maximized:orderable, returned:scalarorstar*) -> $custom",
        "argmin(minimized:orderable, returned:scalarorstar*) -> $custom; obsolete=arg_min; hidden",
        "argmax(maximized:orderable, returned:scalarorstar*) -> $custom; obsolete=arg_max; hidden",
        "take_any(expr:scalarorstar+) -> $custom",
        "take_anyif(expr:scalar, predicate:bool) -> $0; name=first",
        "any(expr:scalarorstar+) -> $custom; obsolete=take_any",
        "anyif(expr:scalar, predicate:bool) -> $0; name=prefix:anyif; obsolete=take_anyif",
        // dynamic builders
        "make_list(expr:scalar, maxSize:integer?) -> dynamic; name=prefix:list",
        "make_list_if(expr:scalar, predicate:bool, maxSize:integer?) -> dynamic; name=prefix:list",
        "make_list_with_nulls(expr:scalar) -> dynamic; name=prefix:list",
        "makelist(expr:scalar, maxSize:integer?) -> dynamic; name=prefix:list; obsolete=make_list; hidden",
        "make_set(expr:scalar, maxSize:integer?) -> dynamic; name=prefix:set",
        "make_set_if(expr:scalar, predicate:bool, maxSize:integer?) -> dynamic; name=prefix:set",
        "makeset(expr:scalar, maxSize:integer?) -> dynamic; name=prefix:set; obsolete=make_set; hidden",
        "make_bag(expr:dynamic, maxSize:integer?) -> dynamic; name=prefix:bag",
        "make_bag_if(expr:dynamic, predicate:bool, maxSize:integer?) -> dynamic; name=prefix:bag",
        "make_dictionary(expr:dynamic, maxSize:integer?) -> dynamic; name=prefix:dictionary; hidden",
        "buildschema(expr:dynamic) -> dynamic; name=prefix:schema",
        // binary
        "binary_all_or(expr:summable) -> $0; name=first",
        "binary_all_and(expr:summable) -> $0; name=first",
        "binary_all_xor(expr:summable) -> $0; name=first",
        // internal
        "passthrough(expr:scalar) -> $0; name=first; hidden",
    ];

    // evaluate plugins: the binder computes the result schema where it can (bag_unpack, pivot, narrow...);
    // everything else yields a schema only the data decides.
    private static readonly string[] PluginSpecs =
    [
        // data reshaping
        "bag_unpack(column:scalar, column_prefix:string?, columns_conflict:string?, ignored_property_names:dynamic?) -> $tabular",
        "narrow() -> $tabular",
        "pivot(pivotColumn:scalar, aggregation:any?, column:scalar*) -> $tabular",
        "schema_merge(arg:any*) -> $tabular",
        // pattern mining / ML
        "autocluster(arg:any*) -> $tabular",
        "basket(arg:any*) -> $tabular",
        "diffpatterns(arg:any*) -> $tabular",
        "rows_near(arg:any*) -> $tabular",
        "sequence_detect(arg:any*) -> $tabular",
        // user analytics
        "active_users_count(arg:any*) -> $tabular",
        "activity_counts_metrics(arg:any*) -> $tabular",
        "activity_engagement(arg:any*) -> $tabular",
        "activity_metrics(arg:any*) -> $tabular",
        "new_activity_metrics(arg:any*) -> $tabular",
        "funnel_sequence(arg:any*) -> $tabular",
        "funnel_sequence_completion(arg:any*) -> $tabular",
        "session_count(arg:any*) -> $tabular",
        "sliding_window_counts(arg:any*) -> $tabular",
        "rolling_percentile(arg:any*) -> $tabular",
        "dcount_intersect(arg:any*) -> $tabular",
        // geo / IP lookup
        "geo_polygon_lookup(arg:any*) -> $tabular",
        "geo_line_lookup(arg:any*) -> $tabular",
        "ipv4_lookup(arg:any*) -> $tabular",
        "ipv6_lookup(arg:any*) -> $tabular",
        // language sandboxes
        "python(arg:any*) -> $tabular",
        "r(arg:any*) -> $tabular",
        "csharp(arg:any*) -> $tabular",
        // external data / services
        "sql_request(arg:any*) -> $tabular",
        "mysql_request(arg:any*) -> $tabular",
        "postgresql_request(arg:any*) -> $tabular; hidden",
        "cosmosdb_sql_request(arg:any*) -> $tabular",
        "azure_digital_twins_query_request(arg:any*) -> $tabular",
        "http_request(arg:any*) -> $tabular",
        "http_request_post(arg:any*) -> $tabular",
        "dax_request(arg:any*) -> $tabular; hidden",
        "external_datatable(arg:any*) -> $tabular",
        "infer_storage_schema(arg:any*) -> $tabular",
        "infer_storage_schema_with_suggestions(arg:any*) -> $tabular",
        "execute_query(arg:any*) -> $tabular",
        "execute_show_command(arg:any*) -> $tabular",
        "estimate_rows_count(arg:any*) -> $tabular",
        "preview(arg:any*) -> $tabular",
        "identity(arg:any*) -> $tabular",
        "identity_v3(arg:any*) -> $tabular",
        // AI
        "ai_chat_completion(arg:any*) -> $tabular",
        "ai_chat_completion_prompt(arg:any*) -> $tabular",
        "ai_embeddings(arg:any*) -> $tabular",
        "ai_embed_text(arg:any*) -> $tabular; obsolete=ai_embeddings",
    ];
}
