"""Serves Conekta's spec with awslabs openapi-mcp-server (its own FastMCP server, which
its command line runs over stdio only) over streamable HTTP, for the load bench's
comparison. Usage: SPEC UPSTREAM PORT."""

import sys

from awslabs.openapi_mcp_server.api.config import Config
from awslabs.openapi_mcp_server.server import create_mcp_server

spec_path, upstream, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
config = Config()
config.api_name = "conekta"
config.api_base_url = upstream
config.api_spec_path = spec_path
config.auth_type = "bearer"
config.auth_token = "key_bench"
config.allow_insecure_http = True
config.allow_private_networks = True
server = create_mcp_server(config)
server.run(transport="http", host="127.0.0.1", port=port, show_banner=False)
