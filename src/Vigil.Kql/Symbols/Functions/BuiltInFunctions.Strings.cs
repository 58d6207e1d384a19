namespace Vigil.Kql.Symbols;

// Signature notation (parsed by FunctionSpecParser):
//   name(param:type, optional:type?, repeated:type*, atLeastOne:type+, bounded:type{2..64}) -> result; flags
// Parameter types: see ParameterType. Results: a scalar type name, $N (type of argument N), $widest (widest numeric
// argument), $custom (computed by the binder), $tabular. Flags: obsolete=replacement, hidden, window,
// name=first|only|none|prefix:X|ifcolumn (how a projection names the result column).
public static partial class BuiltInFunctions
{
    private static readonly string[] ClusterSpecs =
    [
        "cluster(name:string) -> $tabular",
        "database(name:string?) -> $tabular",
        "table(name:string, query_data_scope:string?) -> $tabular",
        "external_table(name:string, mapping:scalar?) -> $tabular",
        "materialized_view(name:string, max_age:timespan?) -> $tabular",
        "entity_group(name:string) -> $tabular",
        "stored_query_result(name:string, index:scalar?) -> $tabular",
        "graph(name:string, snapshot:scalar?) -> $tabular",
    ];

    private static readonly string[] StringSpecs =
    [
        "strcat(arg:scalar{1..64}) -> string",
        "strcat_array(array:dynamic, delimiter:scalar) -> string",
        "array_strcat(array:dynamic, delimiter:scalar) -> string",
        "strcat_delim(delimiter:scalar, arg:scalar{2..64}) -> string",
        "strcmp(s1:scalar, s2:scalar) -> long",
        "strrep(value:scalar, multiplier:long, delimiter:scalar?) -> string",
        "strlen(string:string) -> long; name=prefix:strlen",
        "string_size(string:string) -> long; name=prefix:string_size",
        "toupper(value:scalar) -> string",
        "tolower(value:scalar) -> string",
        "to_utf8(value:scalar) -> dynamic; obsolete=unicode_codepoints_from_string",
        "unicode_codepoints_from_string(value:scalar) -> dynamic",
        "substring(string:scalar, start:integer, length:integer?) -> string",
        "regex_quote(string:scalar) -> string",
        "indexof(string:scalar, match:scalar, start:integer?, length:integer?, occurrence:integer?) -> long",
        "indexof_regex(string:scalar, match:scalar, start:integer?, length:integer?, occurrence:integer?) -> long",
        "has_any_index(source:string, values:dynamic) -> long",
        "reverse(value:scalar) -> string",
        "split(source:scalar, delimiter:string, requestedIndex:integer?) -> dynamic; name=first",
        "parse_command_line(command:scalar, parser:string) -> dynamic",
        "extract(regex:string, captureGroup:long, source:string, typeLiteral:type?) -> $custom",
        "extractall(regex:string, captureGroupsOrSource:scalar, source:string?) -> dynamic; obsolete=extract_all",
        "extract_all(regex:string, captureGroupsOrSource:scalar, source:string?) -> dynamic",
        "extractjson(jsonPath:string, jsonText:string, type:type?) -> $custom",
        "extract_json(jsonPath:string, jsonText:string, type:type?) -> $custom",
        "replace(regex:string, rewrite:string, source:string) -> string; obsolete=replace_regex",
        "replace_regex(source:string, lookup_regex:string, rewrite_pattern:string) -> string",
        "replace_string(text:string, lookup:string, rewrite:string) -> string",
        "replace_strings(text:string, lookups:dynamic, rewrites:dynamic) -> string",
        "trim_start(regex:string, source:string) -> string",
        "trim_end(regex:string, source:string) -> string",
        "trim(regex:string, source:string) -> string",
        "countof(source:string, search:string, kind:string?) -> long",
        "translate(searchList:string, replacementList:string, source:string) -> string",
        "make_string(value:integerordynamic+) -> string; obsolete=unicode_codepoints_to_string",
        "unicode_codepoints_to_string(value:integerordynamic+) -> string",
        "datetime_local_to_utc(from:datetime, timezone:string) -> datetime",
        "datetime_utc_to_local(from:datetime, timezone:string) -> datetime",
        "datetime_list_timezones() -> dynamic",
    ];

    private static readonly string[] ConversionSpecs =
    [
        "tostring(value:scalar) -> string; name=first",
        "tohex(value:integer, minLength:integer?) -> string; name=first",
        "todynamic(value:string) -> dynamic; name=first",
        "toobject(value:string) -> dynamic; name=first; obsolete=todynamic",
        "tolong(value:scalar) -> long; name=first",
        "toint(value:scalar) -> int; name=first",
        "toreal(value:scalar) -> real; name=first",
        "todouble(value:scalar) -> real; name=first",
        "todatetime(value:scalar) -> datetime; name=first",
        "totimespan(value:scalar) -> timespan; name=first",
        "totime(value:scalar) -> timespan; name=first; obsolete=totimespan",
        "tobool(value:scalar) -> bool; name=first",
        "toboolean(value:scalar) -> bool; name=first",
        "todecimal(value:scalar) -> decimal; name=first",
        "toguid(value:string) -> guid; name=first",
        "gettype(value:scalar) -> string; name=prefix:type",
    ];

    private static readonly string[] EncodingSpecs =
    [
        "url_encode(url:string) -> string",
        "url_encode_component(url:string) -> string",
        "url_decode(encoded_url:string) -> string",
        "base64_encodestring(string:string) -> string; obsolete=base64_encode_tostring",
        "base64_encode_tostring(string:string) -> string",
        "base64_decode_toarray(base64_string:string) -> dynamic",
        "base64_encode_fromarray(base64_string_decoded_as_array:dynamic) -> string",
        "base64_decodestring(base64_string:string) -> string; obsolete=base64_decode_tostring",
        "base64_decode_tostring(base64_string:string) -> string",
        "base64_decode_toguid(base64_string:string) -> guid",
        "base64_encode_fromguid(guid:guid) -> string",
        "zlib_decompress_from_base64_string(string:string) -> string",
        "zlib_compress_to_base64_string(string:string) -> string",
        "gzip_decompress_from_base64_string(string:string) -> string",
        "gzip_compress_to_base64_string(string:string) -> string",
        "__lz4_compress_dynamic_array_to_base64_string(dynamic:dynamic) -> string; hidden",
    ];

    private static readonly string[] ParsingSpecs =
    [
        "parse_csv(csv_text:string) -> dynamic; name=first",
        "parsejson(json_text:string) -> dynamic; name=first; obsolete=parse_json",
        "parse_json(json_text:string) -> dynamic; name=first",
        "parse_xml(xml_text:string) -> dynamic; name=first",
        "parseurl(url:string) -> dynamic; obsolete=parse_url",
        "parse_url(url:string) -> dynamic",
        "parseurlquery(query:string) -> dynamic; obsolete=parse_urlquery",
        "parse_urlquery(query:string) -> dynamic",
        "parse_ipv4(ip:string) -> long",
        "parse_ipv4_mask(ip:string, prefix:long) -> long",
        "parse_ipv6(ip:string) -> string",
        "parse_ipv6_mask(ip:string, prefix:long) -> string",
        "parse_path(path:string) -> dynamic",
        "parse_user_agent(user_agent:string, look_for:scalar?) -> dynamic",
        "parse_version(version:string) -> decimal",
    ];

    private static readonly string[] DateTimeSpecs =
    [
        "format_datetime(date:datetime, format:string) -> string; name=first",
        "format_timespan(timespan:timespan, format:string) -> string; name=first",
        "make_datetime(year_or_value:scalar, month:number?, day:number?, hour:number?, minute:number?, second:number?) -> datetime; name=only",
        "make_timespan(first:scalar, second:integer?, third:number?, fourth:number?) -> timespan; name=only",
        "datetime_add(part:string, value:integer, datetime:datetime) -> datetime",
        "datetime_diff(part:string, datetime1:datetime, datetime2:datetime) -> long",
        "dayofweek(date:datetime) -> timespan",
        "dayofmonth(date:datetime) -> int",
        "dayofyear(date:datetime) -> int",
        "hourofday(date:datetime) -> int",
        "weekofyear(date:datetime) -> int; obsolete=week_of_year",
        "week_of_year(date:datetime) -> int",
        "monthofyear(date:datetime) -> int",
        "startofday(date:datetime, offset:long?) -> datetime; name=first",
        "startofweek(date:datetime, offset:long?) -> datetime",
        "startofmonth(date:datetime, offset:long?) -> datetime",
        "startofyear(date:datetime, offset:long?) -> datetime",
        "endofday(date:datetime, offset:long?) -> datetime",
        "endofweek(date:datetime, offset:long?) -> datetime",
        "endofmonth(date:datetime, offset:long?) -> datetime",
        "endofyear(date:datetime, offset:long?) -> datetime",
        "getyear(date:datetime) -> int",
        "getmonth(date:datetime) -> int",
        "datepart(part:string, date:datetime) -> int; obsolete=datetime_part",
        "datetime_part(part:string, date:datetime) -> int",
        "now(offset:timespan?) -> datetime",
        "ago(timespan:timespan) -> datetime",
        "unixtime_seconds_todatetime(number:number) -> datetime",
        "unixtime_milliseconds_todatetime(number:number) -> datetime",
        "unixtime_microseconds_todatetime(number:number) -> datetime",
        "unixtime_nanoseconds_todatetime(number:number) -> datetime",
    ];

    private static readonly string[] HashSpecs =
    [
        "__hash_crc32(source:notdynamic, mod:integer, seed:integer) -> long; hidden",
        "__hash_djb2(source:notdynamic, mod:integer?) -> long; hidden",
        "hash(source:notdynamic, mod:integer?) -> long",
        "hash_sha256(source:notdynamic) -> string",
        "hash_md5(source:notdynamic) -> string",
        "hash_sha1(source:notdynamic) -> string",
        "hash_xxhash64(source:notdynamic, mod:integer?) -> long",
        "__hash_xxh64(source:notdynamic, mod:integer, seed:integer) -> long; hidden",
        "hash_combine(source:scalar{2..64}) -> long",
        "hash_many(source:notdynamic+) -> long",
        "__hash_many_crc32(arg:scalar{1..2}) -> long; hidden",
    ];

    private static readonly string[] ConditionalSpecs =
    [
        "iif(if:bool, then:scalar, else:scalar) -> $custom",
        "iff(if:bool, then:scalar, else:scalar) -> $custom",
        "case(predicateThenElse:scalar{3..1000}) -> $custom",
        "assert(predicate:bool, message:string) -> bool",
    ];

    private static readonly string[] BinSpecs =
    [
        "bin(value:summable, roundTo:summable) -> $custom; name=first",
        "floor(value:summable, roundTo:summable) -> $custom; name=first",
        "bin_at(value:summable, bin_size:summable, fixed_point:summable) -> $custom; name=first",
        "bin_auto(value:summable) -> $0; name=first; hidden",
    ];

    private static readonly string[] BoolSpecs =
    [
        "not(expression:bool) -> bool",
        "notnull(expression:scalar) -> bool; obsolete=isnotnull",
        "isnotnull(expression:scalar) -> bool",
        "isnull(expression:scalar) -> bool",
        "notempty(value:scalar) -> bool; obsolete=isnotempty",
        "iscolumnexists(column_name:string) -> bool; hidden",
        "isascii(value:scalar) -> bool",
        "isutf8(value:scalar) -> bool",
        "isnotempty(value:scalar) -> bool",
        "isempty(value:scalar) -> bool",
        "columnifexists(column_name:string, defaultValue:scalar) -> $custom; name=ifcolumn; obsolete=column_ifexists",
        "column_ifexists(column_name:string, defaultValue:scalar) -> $custom; name=ifcolumn",
        "around(value:scalar, center:scalar, delta:scalar) -> bool",
    ];

    private static readonly string[] BitwiseSpecs =
    [
        "binary_and(value1:integer, value2:integer) -> long; name=first",
        "binary_or(value1:integer, value2:integer) -> long; name=first",
        "binary_xor(value1:integer, value2:integer) -> long; name=first",
        "binary_not(value:integer) -> long; name=first",
        "binary_shift_right(value:integer, shift:integer) -> long; name=first",
        "binary_shift_left(value:integer, shift:integer) -> long; name=first",
        "bitset_count_ones(value:integer) -> long; name=first",
    ];
}
