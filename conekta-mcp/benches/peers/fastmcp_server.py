"""Serves Conekta's spec with fastmcp's generic OpenAPI server (`FastMCP.from_openapi`),
over streamable HTTP, for the load bench's comparison. Usage: SPEC UPSTREAM PORT."""

import sys

import httpx2
import yaml
from fastmcp import FastMCP

spec_path, upstream, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(spec_path) as f:
    spec = yaml.safe_load(f)
client = httpx2.AsyncClient(base_url=upstream, headers={"Authorization": "Bearer key_bench"}, timeout=30)
server = FastMCP.from_openapi(openapi_spec=spec, client=client, name="conekta")
server.run(transport="http", host="127.0.0.1", port=port, show_banner=False)
