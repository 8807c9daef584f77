#!/usr/bin/env python3
"""Writes the Parquet test fixtures and describes Parquet files as Larder should read them.

Usage:
  python3 tools/make_parquet_fixtures.py [OUTDIR]
      Writes small Parquet files in many configurations (codecs, dictionary on/off and a
      dictionary falling back to plain, data page v1/v2, nullable and required columns, every
      supported type, several row groups, zero rows, DELTA_* and BYTE_STREAM_SPLIT encodings,
      lists, a pandas index, INT96, DuckDB output, unsupported nested columns) with a JSON
      sidecar per file describing what pyarrow reads. OUTDIR defaults to
      Tests/LarderFormatsTests/Fixtures/parquet.
  python3 tools/make_parquet_fixtures.py --describe FILE
      Prints the sidecar JSON for any Parquet file, plus "pandas_rows" and "pandas_dtypes"
      from pandas.read_parquet (used by the round-trip tests).

Sidecar format: {"rows", "row_groups", "columns": [{"name", "type", "nullable", "values"}],
"unsupported": {name: kind}, "error": message-fragment-or-null}. Types use Larder's names
(int64, uint8, timestamp[us, UTC], decimal(9,2), fixed_bytes[4], list<float32>). Values are
canonical text so comparisons are exact: integers, dates (days), timestamps (in their unit) and
decimals up to 18 digits (unscaled) as decimal strings; float32/float64 as the decimal string of
their IEEE bit pattern; strings as themselves; bytes and wider decimals (big-endian two's
complement) as hex; booleans as "true"/"false"; null as null; lists as arrays.
"""
import datetime
import decimal
import json
import os
import struct
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "LarderFormatsTests", "Fixtures", "parquet")

UNIT_NAMES = {"s": "s", "ms": "ms", "us": "us", "ns": "ns"}


# ---------------------------------------------------------------------------------------------
# Describing a file as Larder should read it.

def larder_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_boolean(arrow_type):
        return "bool"
    if pa.types.is_integer(arrow_type):
        return str(arrow_type)
    if pa.types.is_float32(arrow_type):
        return "float32"
    if pa.types.is_float64(arrow_type):
        return "float64"
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return "string"
    if pa.types.is_fixed_size_binary(arrow_type) and not pa.types.is_decimal(arrow_type):
        return f"fixed_bytes[{arrow_type.byte_width}]"
    if pa.types.is_binary(arrow_type) or pa.types.is_large_binary(arrow_type):
        return "bytes"
    if pa.types.is_date32(arrow_type):
        return "date"
    if pa.types.is_timestamp(arrow_type):
        return f"timestamp[{UNIT_NAMES[arrow_type.unit]}{', UTC' if arrow_type.tz else ''}]"
    if pa.types.is_decimal(arrow_type):
        return f"decimal({arrow_type.precision},{arrow_type.scale})"
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return f"list<{larder_type(arrow_type.value_type)}>"
    raise ValueError(f"no Larder type for {arrow_type}")


def unsupported_kind(arrow_type: pa.DataType):
    """What Larder reports for a column it cannot read, or None when it can."""
    if pa.types.is_map(arrow_type):
        return "a MAP"
    if pa.types.is_struct(arrow_type):
        return "a struct"
    if pa.types.is_time(arrow_type):
        return "a TIME"
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        inner = arrow_type.value_type
        if pa.types.is_list(inner) or pa.types.is_large_list(inner):
            return "a list of lists"
        if pa.types.is_struct(inner):
            return "a list of structs"
        if pa.types.is_map(inner):
            return "a list of maps"
    return None


def canonical(value, arrow_type: pa.DataType, byte_width):
    if value is None:
        return None
    if pa.types.is_boolean(arrow_type):
        return "true" if value else "false"
    if pa.types.is_integer(arrow_type):
        return str(value)
    if pa.types.is_float32(arrow_type):
        return str(int(np.float32(value).view(np.uint32)))
    if pa.types.is_float64(arrow_type):
        return str(struct.unpack("<Q", struct.pack("<d", value))[0])
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return value
    if pa.types.is_decimal(arrow_type):
        unscaled = int(value.scaleb(arrow_type.scale).to_integral_value())
        if arrow_type.precision <= 18:
            return str(unscaled)
        return unscaled.to_bytes(byte_width, "big", signed=True).hex()
    if pa.types.is_binary(arrow_type) or pa.types.is_large_binary(arrow_type) or pa.types.is_fixed_size_binary(arrow_type):
        return bytes(value).hex()
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return [canonical(item, arrow_type.value_type, byte_width) for item in value]
    raise ValueError(f"no canonical form for {arrow_type}")


def raw_values(column: pa.ChunkedArray, arrow_type: pa.DataType):
    """Python values, with dates and timestamps as their stored integers."""
    if pa.types.is_date32(arrow_type):
        return column.cast(pa.int32()).to_pylist(), pa.int32()
    if pa.types.is_timestamp(arrow_type):
        return column.cast(pa.int64()).to_pylist(), pa.int64()
    if pa.types.is_list(arrow_type) and (pa.types.is_timestamp(arrow_type.value_type) or pa.types.is_date32(arrow_type.value_type)):
        target = pa.int64() if pa.types.is_timestamp(arrow_type.value_type) else pa.int32()
        return column.cast(pa.list_(target)).to_pylist(), pa.list_(target)
    return column.to_pylist(), arrow_type


def describe(path: str) -> dict:
    parquet_file = pq.ParquetFile(path)
    table = pq.read_table(path)
    leaf_lengths = {}
    for index in range(parquet_file.metadata.num_columns):
        leaf = parquet_file.schema.column(index)
        leaf_lengths[leaf.path.split(".")[0]] = leaf.length
    description = {
        "rows": parquet_file.metadata.num_rows,
        "row_groups": parquet_file.metadata.num_row_groups,
        "columns": [],
        "unsupported": {},
        "error": None,
    }
    for field in table.schema:
        kind = unsupported_kind(field.type)
        if kind:
            description["unsupported"][field.name] = kind
            continue
        values, value_type = raw_values(table.column(field.name), field.type)
        width = leaf_lengths.get(field.name)
        description["columns"].append({
            "name": field.name,
            "type": larder_type(field.type),
            "nullable": field.nullable,
            "values": [canonical(value, value_type, width) for value in values],
        })
    return description


# ---------------------------------------------------------------------------------------------
# The fixtures.

ROWS = 60


def nullable(values, every=7):
    return [None if index % every == 3 else value for index, value in enumerate(values)]


def scalar_table(rows=ROWS, with_nulls=True):
    rng = np.random.default_rng(11)
    maybe = nullable if with_nulls else (lambda values, every=7: values)
    day = datetime.date(2024, 2, 29)
    stamp = datetime.datetime(2025, 3, 9, 1, 59, 58, 123456)
    columns = {
        "bool": pa.array(maybe([index % 3 == 0 for index in range(rows)]), pa.bool_()),
        "int8": pa.array(maybe([(index * 37) % 256 - 128 for index in range(rows)]), pa.int8()),
        "int16": pa.array(maybe([(index * 997) % 65536 - 32768 for index in range(rows)]), pa.int16()),
        "int32": pa.array(maybe([int(x) for x in rng.integers(-2**31, 2**31, rows)]), pa.int32()),
        "int64": pa.array(maybe([int(x) for x in rng.integers(-2**63, 2**63 - 1, rows)] [:-1] + [2**63 - 1]), pa.int64()),
        "uint8": pa.array(maybe([(index * 53) % 256 for index in range(rows)]), pa.uint8()),
        "uint16": pa.array(maybe([(index * 4099) % 65536 for index in range(rows)]), pa.uint16()),
        "uint32": pa.array(maybe([(index * 2654435761) % 2**32 for index in range(rows)]), pa.uint32()),
        "uint64": pa.array(maybe([(index * 11400714819323198485) % 2**64 for index in range(rows)]), pa.uint64()),
        "float32": pa.array(maybe([float(x) for x in rng.normal(0, 1e3, rows).astype(np.float32)][:-2] + [float("inf"), -0.0]), pa.float32()),
        "float64": pa.array(maybe([float(x) for x in rng.normal(0, 1e9, rows)][:-2] + [float("-inf"), 5e-324]), pa.float64()),
        "string": pa.array(maybe([f"s{index % 13}-é✓-{'x' * (index % 5)}" if index % 11 else "" for index in range(rows)]), pa.string()),
        "binary": pa.array(maybe([bytes([index % 256, 0, 255]) * (index % 4) for index in range(rows)]), pa.binary()),
        "fixed4": pa.array(maybe([bytes([index % 256, 1, 2, 255 - index % 256]) for index in range(rows)]), pa.binary(4)),
        "date": pa.array(maybe([day + datetime.timedelta(days=index * 401 - 20000) for index in range(rows)]), pa.date32()),
        "ts_ms": pa.array(maybe([stamp + datetime.timedelta(milliseconds=index * 86_400_123) for index in range(rows)]), pa.timestamp("ms")),
        "ts_us_utc": pa.array(maybe([stamp + datetime.timedelta(microseconds=index * 3_600_000_001) for index in range(rows)]), pa.timestamp("us", tz="UTC")),
        "ts_ns_utc": pa.array(maybe([1_700_000_000_123_456_789 + index * 999_999_999_937 for index in range(rows)]), pa.timestamp("ns", tz="UTC")),
        "ts_us_naive": pa.array(maybe([stamp - datetime.timedelta(days=index * 9000) for index in range(rows)]), pa.timestamp("us")),
        "dec9": pa.array(maybe([decimal.Decimal(index * 12345 - 400000).scaleb(-2) for index in range(rows)]), pa.decimal128(9, 2)),
        "dec18": pa.array(maybe([decimal.Decimal((index - 30) * 98765432109876).scaleb(-4) for index in range(rows)]), pa.decimal128(18, 4)),
        "dec30": pa.array(maybe([decimal.Decimal((index - 30) * 123456789012345678901234).scaleb(-5) for index in range(rows)]), pa.decimal128(30, 5)),
        "all_null": pa.array([None] * rows, pa.int64()),
    }
    return pa.table(columns)


def list_table(rows=ROWS):
    def lists(make):
        result = []
        for index in range(rows):
            if index % 9 == 4:
                result.append(None)
            elif index % 9 == 5:
                result.append([])
            else:
                result.append([make(index, item) for item in range(index % 4 + 1)])
        return result

    return pa.table({
        "ints": pa.array(lists(lambda row, item: None if (row + item) % 7 == 0 else row * 10 + item), pa.list_(pa.int64())),
        "embedding": pa.array(lists(lambda row, item: float(np.float32(row / 7 + item))), pa.list_(pa.float32())),
        "tags": pa.array(lists(lambda row, item: f"tag{(row + item) % 5}"), pa.list_(pa.string())),
        "stamps": pa.array(lists(lambda row, item: 1_700_000_000_000_000 + row * 1000 + item), pa.list_(pa.timestamp("us", tz="UTC"))),
    })


def required_table(rows=ROWS):
    table = scalar_table(rows, with_nulls=False).select(["bool", "int32", "int64", "float64", "string", "ts_us_utc", "dec9"])
    item = pa.field("element", pa.float64(), nullable=False)
    vectors = pa.array([[float(index), float(index) / 2] for index in range(rows)], pa.list_(item))
    table = table.append_column(pa.field("vector", vectors.type, nullable=False), vectors)
    schema = pa.schema([pa.field(field.name, field.type, nullable=False) for field in table.schema])
    return table.cast(schema)


def delta_table(rows=400):
    rng = np.random.default_rng(5)
    return pa.table({
        "i32": pa.array(nullable([int(x) for x in np.cumsum(rng.integers(-1000, 5000, rows))]), pa.int32()),
        "i32_wide": pa.array([int(x) for x in rng.integers(-2**31, 2**31, rows)], pa.int32()),
        "i64": pa.array(nullable([int(x) for x in rng.integers(-2**62, 2**62, rows)]), pa.int64()),
        "i64_sorted": pa.array([1_700_000_000_000_000 + index * 1_000_003 for index in range(rows)], pa.int64()),
        "s_len": pa.array(nullable([f"value-{index}-{'z' * (index % 17)}" for index in range(rows)]), pa.string()),
        "s_delta": pa.array(nullable([f"https://example.com/users/{index // 10:05d}/events/{index}" for index in range(rows)]), pa.string()),
        "b_delta": pa.array([bytes([index % 7] * (index % 9)) for index in range(rows)], pa.binary()),
    })


def byte_stream_split_table(rows=300):
    rng = np.random.default_rng(9)
    return pa.table({
        "f32": pa.array(nullable([float(x) for x in rng.normal(0, 1, rows).astype(np.float32)]), pa.float32()),
        "f64": pa.array(nullable([float(x) for x in rng.normal(0, 1e6, rows)]), pa.float64()),
        "i32": pa.array([int(x) for x in rng.integers(-2**31, 2**31, rows)], pa.int32()),
        "i64": pa.array(nullable([int(x) for x in rng.integers(-2**63, 2**63 - 1, rows)]), pa.int64()),
        "fixed3": pa.array([bytes([index % 256, (index * 7) % 256, 42]) for index in range(rows)], pa.binary(3)),
    })


def bench_like_table(rows=5000):
    rng = np.random.default_rng(7)
    categories = np.array([f"category_{i:02d}" for i in range(20)], dtype=object)
    start = np.datetime64("2025-01-01T00:00:00", "us").astype(np.int64)
    return pa.table({
        "user_id": pa.array(rng.integers(1, 1000, rows, dtype=np.int64)),
        "event_timestamp": pa.array(start + rng.integers(0, 10**13, rows, dtype=np.int64), pa.timestamp("us", tz="UTC")),
        "amount": pa.array(np.round(rng.gamma(2.0, 50.0, rows), 2)),
        "score": pa.array(rng.random(rows, dtype=np.float32)),
        "count": pa.array(rng.integers(0, 1000, rows, dtype=np.int64)),
        "category": pa.array(categories[rng.integers(0, 20, rows)], pa.string()),
    })


def write_fixtures(out: str) -> None:
    os.makedirs(out, exist_ok=True)
    written = []

    def write(name, table, **options):
        path = os.path.join(out, name + ".parquet")
        pq.write_table(table, path, **options)
        written.append(path)

    scalars = scalar_table()
    decimal_ints = {"store_decimal_as_integer": True}
    write("types_plain", scalars, use_dictionary=False, compression="snappy", **decimal_ints)
    write("types_dictionary", scalars, use_dictionary=True, compression="snappy")
    write("types_v2", scalars, data_page_version="2.0", compression="zstd", **decimal_ints)
    write("types_v2_uncompressed", scalars, data_page_version="2.0", compression="none", use_dictionary=False)
    for codec in ["none", "snappy", "gzip", "zstd", "lz4", "brotli"]:
        write(f"codec_{codec}", scalars.select(["int64", "float64", "string", "ts_us_utc", "bool"]), compression=codec)
    write("required", required_table(), compression="snappy")
    write("lists", list_table(), compression="snappy")
    write("lists_v2_plain", list_table(), compression="none", use_dictionary=False, data_page_version="2.0")
    write("lists_legacy_names", list_table(), compression="snappy", use_compliant_nested_type=False)
    write("row_groups", bench_like_table(1000), row_group_size=128, data_page_size=512, write_batch_size=64)
    write("zero_rows", scalars.slice(0, 0), compression="snappy")
    fallback = pa.table({
        "s": pa.array([None if index > 1500 and index % 11 == 0 else f"distinct-value-{index:06d}" for index in range(3000)], pa.string()),
        "late_nulls": pa.array([None if index >= 2900 else index for index in range(3000)], pa.int32()),
        "i": pa.array([index * 7919 for index in range(3000)], pa.int64()),
        "d": pa.array([index / 3 for index in range(3000)], pa.float64()),
    })
    write("dictionary_fallback", fallback, dictionary_pagesize_limit=1024, data_page_size=2048, compression="snappy")
    delta = delta_table()
    write("delta", delta, use_dictionary=False, compression="snappy", column_encoding={
        "i32": "DELTA_BINARY_PACKED", "i32_wide": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED",
        "i64_sorted": "DELTA_BINARY_PACKED", "s_len": "DELTA_LENGTH_BYTE_ARRAY", "s_delta": "DELTA_BYTE_ARRAY",
        "b_delta": "DELTA_BYTE_ARRAY"})
    write("delta_v2", delta, use_dictionary=False, compression="none", data_page_version="2.0", column_encoding={
        "i32": "DELTA_BINARY_PACKED", "i32_wide": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED",
        "i64_sorted": "DELTA_BINARY_PACKED", "s_len": "DELTA_LENGTH_BYTE_ARRAY", "s_delta": "DELTA_BYTE_ARRAY",
        "b_delta": "DELTA_BYTE_ARRAY"})
    write("byte_stream_split", byte_stream_split_table(), use_dictionary=False, compression="zstd",
          column_encoding={name: "BYTE_STREAM_SPLIT" for name in ["f32", "f64", "i32", "i64", "fixed3"]})
    write("int96", pa.table({
        "ts": pa.array(nullable([datetime.datetime(1899, 12, 31, 23, 59, 59, 999999) + datetime.timedelta(days=index * 1500, microseconds=index) for index in range(ROWS)]), pa.timestamp("us")),
        "id": pa.array(range(ROWS), pa.int64()),
    }), use_deprecated_int96_timestamps=True)
    write("unsupported", pa.table({
        "id": pa.array(range(4), pa.int64()),
        "attributes": pa.array([[("a", 1)], [], None, [("b", 2), ("c", 3)]], pa.map_(pa.string(), pa.int32())),
        "point": pa.array([{"x": 1, "y": 2.5}, None, {"x": 3, "y": None}, {"x": 4, "y": 0.5}],
                          pa.struct([("x", pa.int32()), ("y", pa.float64())])),
        "matrix": pa.array([[[1, 2], [3]], [], None, [[4]]], pa.list_(pa.list_(pa.int32()))),
        "events": pa.array([[{"k": 1}], None, [], [{"k": 2}]], pa.list_(pa.struct([("k", pa.int64())]))),
        "clock": pa.array([datetime.time(1, 2, 3), None, datetime.time(23, 59, 59), datetime.time(0, 0)], pa.time32("ms")),
        "name": pa.array(["a", "b", None, "d"], pa.string()),
    }))
    frame = pd.DataFrame({"value": [1.5, 2.5, None, 4.5], "label": ["w", "x", "y", None]}, index=[10, 20, 30, 40])
    pandas_path = os.path.join(out, "pandas_index.parquet")
    frame.to_parquet(pandas_path, engine="pyarrow")
    written.append(pandas_path)
    write("bench_like", bench_like_table(2000))

    import duckdb
    duck_path = os.path.join(out, "duckdb.parquet")
    duckdb.sql(
        "SELECT range AS id, range * 1.5 AS amount, 'name-' || (range % 7) AS name, "
        "TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(range * 3600) AS ts, "
        "CASE WHEN range % 5 = 0 THEN NULL ELSE range % 3 = 0 END AS flag, "
        "[range, range + 1]::BIGINT[] AS pair "
        "FROM range(200)"
    ).write_parquet(duck_path, compression="zstd")
    written.append(duck_path)

    for path in written:
        description = describe(path)
        if path.endswith("codec_brotli.parquet"):
            description["error"] = "BROTLI compression is not supported"
        with open(path[: -len(".parquet")] + ".json", "w") as sidecar:
            json.dump(description, sidecar, ensure_ascii=False, separators=(",", ":"))
            sidecar.write("\n")
    print(f"wrote {len(written)} Parquet fixtures to {out}")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--describe":
        description = describe(sys.argv[2])
        frame = pd.read_parquet(sys.argv[2])
        description["pandas_rows"] = len(frame)
        description["pandas_dtypes"] = {name: str(dtype) for name, dtype in frame.dtypes.items()}
        json.dump(description, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    write_fixtures(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT)


if __name__ == "__main__":
    main()
