#!/usr/bin/env python3
"""Holds `larder serve` to its contract, docs/openapi.yaml, and fails on the first disagreement.

1. The document is valid OpenAPI 3.1 (openapi-spec-validator), and every example in it matches
   its own schema.
2. A repository with data (`larder init`, applied and materialized) is served on a free
   127.0.0.1 port with authentication on: a token with every permission and one that may only
   read.
3. Every documented example request is sent and must get 200 with a body that matches the
   documented response; then the statuses that random data rarely reaches are checked one by
   one: 401 without a token or with an unknown one, 403 without the permission, 405 with an
   `Allow` header for the methods a path does not take, 415 for a body that is not JSON (on a
   kept-alive connection too, which the online read's fast path serves), 404 for unknown names,
   413 for a body over the limit, 422 for rows that do not fit the view, each with the JSON
   error body.
4. schemathesis runs every phase (examples, coverage, fuzzing, stateful) with every check and a
   fixed seed against the server, with the token. Its run uses a copy of the document narrowed
   to this repository's names (push source, feature views, features, service, and the push
   source's columns), so generated requests reach the stores instead of stopping at 404; every
   request the narrowed copy allows, the document allows. Requests the document allows but this
   repository's definitions cannot take (entity keys or columns that are not the view's) are
   answered 422, which the run accepts for valid data; 400 it does not.

Usage: python3 tools/api_contract.py [--larder PATH] [--examples N] [--seed N]
  (default larder: $LARDER_BIN, else .build/debug/larder, else .build/release/larder)
"""

import argparse
import copy
import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import yaml
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCUMENT = os.path.join(ROOT, "docs", "openapi.yaml")
ADMIN_TOKEN = "contract-admin-token"
READER_TOKEN = "contract-reader-token"
METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]


def fail(message):
    sys.exit(f"api contract: {message}")


def find_larder(explicit):
    for candidate in [explicit, os.environ.get("LARDER_BIN"), os.path.join(ROOT, ".build/debug/larder"),
                      os.path.join(ROOT, ".build/release/larder")]:
        if candidate and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    fail("no larder executable: build one (swift build --product larder) or pass --larder")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def resolve(document, node):
    """The node with every local $ref replaced by what it names (the document has no cycles)."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = document
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            merged = dict(resolve(document, target))
            merged.update({key: resolve(document, value) for key, value in node.items() if key != "$ref"})
            return merged
        return {key: resolve(document, value) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(document, value) for value in node]
    return node


def operations(document):
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def check_document(document):
    """The document validates, and so does each example against its schema."""
    validate_spec(document)
    checked = 0
    for path, method, operation in operations(document):
        places = []
        body = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if body:
            places.append((f"{method.upper()} {path} request", body))
        for status, response in operation["responses"].items():
            response = resolve(document, response)
            for media_type, content in response.get("content", {}).items():
                places.append((f"{method.upper()} {path} {status} {media_type}", content))
        for where, content in places:
            if "example" in content and "schema" in content:
                errors = list(OAS31Validator(resolve(document, content["schema"])).iter_errors(content["example"]))
                if errors:
                    fail(f"the example of {where} does not match its schema: {errors[0].message}")
                checked += 1
    print(f"  docs/openapi.yaml is valid OpenAPI {document['openapi']}; {checked} examples match their schemas")


class Server:
    """`larder serve` on a repository, and plain HTTP requests to it."""

    def __init__(self, larder, repository, port):
        self.port = port
        self.log = open(os.path.join(os.path.dirname(repository), "serve.log"), "w+")
        self.process = subprocess.Popen([larder, "serve", "--repo", repository, "--port", str(port)],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if self.request("GET", "/health")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        self.log.seek(0)
        fail("the server did not become healthy:\n" + self.log.read()[-3000:])

    def request(self, method, path, body=None, token=None, content_type="application/json", connection=None):
        """(status, headers, body bytes) of one request, on its own connection unless one is given."""
        own = connection is None
        connection = connection or http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if body is not None:
            headers["Content-Type"] = content_type
            body = body if isinstance(body, bytes) else json.dumps(body).encode()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            if own:
                connection.close()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                fail("the server did not stop on SIGTERM within 20 s")


def make_repository(larder, directory):
    """`larder init` with auth added, applied and materialized; returns its path."""
    repository = os.path.join(directory, "repo")
    environment = dict(os.environ, LARDER_PACKAGE_PATH=ROOT)
    subprocess.run([larder, "init", repository], check=True, env=environment, stdout=subprocess.DEVNULL)
    with open(os.path.join(repository, "feature_store.yaml"), "a") as settings:
        settings.write(f"""server:
  max_body_bytes: 65536
  auth:
    tokens:
      - name: contract-admin
        sha256: {hashlib.sha256(ADMIN_TOKEN.encode()).hexdigest()}
        permissions: [read_online, push, materialize]
      - name: contract-reader
        sha256: {hashlib.sha256(READER_TOKEN.encode()).hexdigest()}
        permissions: [read_online]
""")
    # Applied only: the documented examples materialize (in document order, /materialize before
    # /materialize-incremental), and an incremental end before a view's last end is refused.
    for command in (["apply"],):
        done = subprocess.run([larder, *command, "--repo", repository], env=environment, capture_output=True, text=True)
        if done.returncode != 0:
            fail(f"larder {command[0]} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return repository


def expect_error(server, status, method, path, body=None, token=ADMIN_TOKEN, content_type="application/json",
                 connection=None):
    code, headers, data = server.request(method, path, body, token, content_type, connection)
    if code != status:
        fail(f"{method} {path} answered {code}, not {status}: {data[:300]!r}")
    try:
        error = json.loads(data)
    except ValueError:
        fail(f"{method} {path} answered {status} without a JSON body: {data[:300]!r}")
    if not isinstance(error, dict) or not isinstance(error.get("error"), str) or not isinstance(error.get("detail"), str):
        fail(f"{method} {path} answered {status} with {error!r}, not {{'error', 'detail'}}")
    return headers


def check_examples_and_statuses(document, server):
    """Each documented request example gets 200 and its documented response; then each error status."""
    sent = 0
    for path, method, operation in operations(document):
        content = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
        if method != "get" and "example" not in content:
            fail(f"{method.upper()} {path} has no request example")
        example = content.get("example")
        status, headers, data = server.request(method.upper(), path, example, ADMIN_TOKEN)
        if status != 200:
            fail(f"the example request of {method.upper()} {path} answered {status}: {data[:500]!r}")
        response = resolve(document, operation["responses"]["200"])
        media_type = headers.get("content-type", "").split(";")[0].strip()
        if media_type not in response["content"]:
            fail(f"{method.upper()} {path} answered Content-Type {media_type}, not one of {list(response['content'])}")
        schema = response["content"][media_type].get("schema")
        if media_type == "application/json" and schema:
            errors = list(OAS31Validator(schema).iter_errors(json.loads(data)))
            if errors:
                fail(f"{method.upper()} {path} answered a body that does not match its schema: {errors[0].message}\n{data[:500]!r}")
        sent += 1
    print(f"  {sent} documented example requests answered 200 with their documented responses")

    posts = [(path, operation) for path, method, operation in operations(document) if method == "post"]
    for path, operation in posts:
        example = operation["requestBody"]["content"]["application/json"]["example"]
        expect_error(server, 401, "POST", path, example, token=None)
        expect_error(server, 401, "POST", path, example, token="not-a-token")
        for status in ("401", "415", "413", "400"):
            if status not in operation["responses"]:
                fail(f"POST {path} does not document {status}")
        expect_error(server, 415, "POST", path, example, content_type="text/plain")
        expect_error(server, 400, "POST", path, b"{not json")
        expect_error(server, 413, "POST", path, b'{"padding": "' + b"x" * 70000 + b'"}')
        if path != "/get-online-features":
            expect_error(server, 403, "POST", path, example, token=READER_TOKEN)
    # The online read's fast path answers kept-alive requests; a wrong type there must be 415 too.
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    read = document["paths"]["/get-online-features"]["post"]["requestBody"]["content"]["application/json"]["example"]
    for content_type in ("application/json", "text/plain", "application/json; charset=utf-8"):
        status, _, data = server.request("POST", "/get-online-features", read, ADMIN_TOKEN, content_type, connection)
        wanted = 415 if content_type == "text/plain" else 200
        if status != wanted:
            fail(f"a kept-alive online read with Content-Type {content_type} answered {status}, not {wanted}: {data[:300]!r}")
    connection.close()
    for path, item in document["paths"].items():
        documented = sorted(method.upper() for method in METHODS if method in item)
        for method in ("TRACE", "PUT", "DELETE", "PATCH", "POST" if "post" not in item else "GET"):
            headers = expect_error(server, 405, method, path, None)
            allowed = sorted(part.strip() for part in headers.get("allow", "").split(","))
            if allowed != documented:
                fail(f"{method} {path} answered 405 with Allow {headers.get('allow')!r}, not {', '.join(documented)}")
    expect_error(server, 404, "GET", "/nowhere")
    expect_error(server, 404, "POST", "/get-online-features",
                 {"entities": {"user_id": [1]}, "features": ["no_such_view:x"]})
    expect_error(server, 404, "POST", "/push", {"push_source_name": "no_such_source", "df": {"user_id": [1]}})
    expect_error(server, 422, "POST", "/get-online-features",
                 {"entities": {"merchant_id": [1]}, "features": ["user_transactions:amount_mean_7d"]})
    expect_error(server, 422, "POST", "/push", {"push_source_name": "payments_push", "df": {"user_id": [1]}})
    print(f"  401, 403, 404, 405 with Allow, 413, 415 and 422 answered as documented on {len(posts)} POST routes")


ITEM_TYPES = {"bool": ["boolean"], "int32": ["integer"], "int64": ["integer"], "float32": ["number"],
              "float64": ["number"], "string": ["string"], "bytes": ["string"], "timestamp": ["string", "integer"]}


def column(value_type, nullable=True):
    """The schema of a one-row column of a definitions type (`int64`, `list<string>`)."""
    if value_type.startswith("list<"):
        item = {"type": ["array"] + (["null"] if nullable else []),
                "items": {"type": ITEM_TYPES[value_type[5:-1]] + ["null"]}}
    else:
        item = {"type": ITEM_TYPES[value_type] + (["null"] if nullable else [])}
    return {"type": "array", "minItems": 1, "maxItems": 1, "items": item}


def feature_names(view):
    """A view's feature names: its fields, or an aggregation view's aggregated features."""
    if "aggregations" not in view:
        return [field["name"] for field in view["features"]]
    names = []
    for aggregation in view["aggregations"]:
        default = f"{aggregation['function']}_{aggregation['window']}"
        if "column" in aggregation:
            default = f"{aggregation['column']}_{default}"
        names.append(aggregation.get("name", default))
    return names


def written_columns(view):
    """(name, type) of the columns a write to a view carries besides keys and times: its
    features, or an aggregation view's event columns."""
    if "aggregations" not in view:
        return [(field["name"], field["type"]) for field in view["features"]]
    columns = {}
    for aggregation in view["aggregations"]:
        if "column" in aggregation:
            columns.setdefault(aggregation["column"], aggregation.get("column_type", "float64"))
    return list(columns.items())


def narrowed(document, registry):
    """A copy of the document whose names are this repository's, so generated requests reach the stores.

    Every request the copy allows, the document allows: only enums, required columns and their
    types are added. A push source's frame is one row of its views' columns. A link from /push
    to /get-online-features reads the pushed rows back (schemathesis' stateful phase follows it).
    """
    manifest = registry["manifest"]
    views = manifest["feature_views"]
    view_names = sorted(view["name"] for view in views)
    join_keys = {entity["name"]: entity["join_keys"] for entity in manifest["entities"]}
    result = copy.deepcopy(document)
    schemas = result["components"]["schemas"]
    schemas["FeatureReference"]["enum"] = sorted(f"{view['name']}:{name}" for view in views for name in feature_names(view))
    schemas["OnlineFeaturesRequest"]["properties"]["feature_service"]["enum"] = \
        sorted(service["name"] for service in manifest["feature_services"]) + [None]
    schemas["WriteToOnlineStoreRequest"]["properties"]["feature_view_name"]["enum"] = view_names
    for request in ("MaterializeRequest", "MaterializeIncrementalRequest"):
        schemas[request]["properties"]["feature_views"]["items"]["enum"] = view_names
    def frame(frame_views, timestamp_field):
        """One row of the columns of some views: their join keys, the event time, their features."""
        keys = [key for view in frame_views for entity in view["entities"] for key in join_keys[entity]]
        properties = {key["name"]: column(key["type"], nullable=False) for key in keys}
        properties[timestamp_field] = column("timestamp", nullable=False)
        for view in frame_views:
            for name, value_type in written_columns(view):
                properties.setdefault(name, column(value_type))
        return keys, {"type": "object", "required": sorted(properties), "properties": properties, "minProperties": 1,
                      "additionalProperties": schemas["Columns"]["additionalProperties"]}

    write = schemas["WriteToOnlineStoreRequest"]
    write["anyOf"] = [{"properties": {"feature_view_name": {"const": view["name"]},
                                      "df": frame([view], "event_timestamp")[1]}} for view in views]
    pushes = [source for source in manifest["sources"] if source.get("kind") == "push"]
    if not pushes:
        return result
    source = pushes[0]
    pushed = [view for view in views if view["source"] == source["name"]]
    keys, push_frame = frame(pushed, source["batch_source"]["timestamp_field"])
    push = schemas["PushRequest"]
    push["properties"]["push_source_name"] = {"type": "string", "enum": [source["name"]]}
    push["properties"]["df"] = push_frame
    view = pushed[0]
    read = result["paths"]["/get-online-features"]["post"]
    result["paths"]["/push"]["post"]["responses"]["200"]["links"] = {
        "ReadPushedRows": {
            "operationId": read["operationId"],
            "description": "The pushed rows, read back.",
            "requestBody": {
                "entities": {key["name"]: f"$request.body#/df/{key['name']}" for key in keys},
                "features": [f"{view['name']}:{name}" for name in feature_names(view)],
            },
        }
    }
    return result


def run_schemathesis(document, registry, server, directory, examples, seed):
    schema_path = os.path.join(directory, "openapi-narrowed.yaml")
    with open(schema_path, "w") as file:
        yaml.safe_dump(narrowed(document, registry), file, sort_keys=False)
    config_path = os.path.join(directory, "schemathesis.toml")
    with open(config_path, "w") as file:
        file.write("""# Valid data may name keys or columns this repository's views do not have: 422, never 400.
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "401", "403", "404", "422"]
""")
    command = ["schemathesis", "--config-file", config_path, "run", schema_path,
               "--url", f"http://127.0.0.1:{server.port}", "--checks", "all",
               "--phases", "examples,coverage,fuzzing,stateful", "--seed", str(seed),
               "--max-examples", str(examples), "--workers", "1", "--generation-database", "none",
               "--header", f"Authorization: Bearer {ADMIN_TOKEN}", "--request-timeout", "30",
               "--report", "junit", "--report-dir", os.path.join(directory, "report"), "--no-color"]
    started = time.monotonic()
    done = subprocess.run(command, cwd=directory, capture_output=True, text=True)
    print("\n".join("    " + line for line in done.stdout.rstrip().splitlines()[-45:]))
    if done.returncode != 0:
        fail(f"schemathesis found failures (exit {done.returncode}); its output:\n{done.stdout[-20000:]}\n{done.stderr[-3000:]}")
    print(f"  schemathesis: no failures ({time.monotonic() - started:.0f} s, seed {seed}, at most {examples} examples per operation and phase)")


def main(argv):
    parser = argparse.ArgumentParser(description="Check docs/openapi.yaml against larder serve.")
    parser.add_argument("--larder", help="the larder executable")
    parser.add_argument("--examples", type=int, default=100, help="schemathesis examples per operation and phase (default 100)")
    parser.add_argument("--seed", type=int, default=21, help="schemathesis seed (default 21)")
    arguments = parser.parse_args(argv)
    if shutil.which("schemathesis") is None:
        fail("schemathesis is not installed (bash tools/install-deps.sh installs it)")
    larder = find_larder(arguments.larder)
    started = time.monotonic()
    with open(DOCUMENT) as file:
        document = yaml.safe_load(file)
    check_document(document)
    with tempfile.TemporaryDirectory(prefix="larder-contract-") as directory:
        repository = make_repository(larder, directory)
        with open(os.path.join(repository, ".larder", "registry.json")) as file:
            registry = json.load(file)
        server = Server(larder, repository, free_port())
        try:
            check_examples_and_statuses(document, server)
            run_schemathesis(document, registry, server, directory, arguments.examples, arguments.seed)
        finally:
            server.stop()
    print(f"api contract holds ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
