"""Drives conekta-mcp with the official MCP Python SDK (`mcp`), as a third-party client.

Reads a plan (JSON) on stdin, runs it, and prints a report (JSON) on stdout; the
Rust tests in `tests/python_client.rs` write the plans and check the reports.

Plan:
  {"server": {"command": PATH, "args": [...], "env": {...}}   # stdio
           | {"url": URL, "headers": {...}},                  # streamable HTTP
   "mode": "auto" | "legacy",    # auto: the SDK's default (server/discover, 2026-07-28)
                                 # legacy: the initialize handshake
   "elicit": null | "accept" | "decline",   # null: no elicitation capability
   "steps": [{"list": true} | {"call": NAME, "args": {...}}]}

Report:
  {"protocol": VERSION, "elicitations": [MESSAGE...],
   "steps": [{"tools": [...], "bytes": N}
           | {"is_error": BOOL, "structured": {...}, "text": STR, "bytes": N, "exception": STR|null}]}

The SDK checks every successful result's structured content against the tool's
output schema and raises when it does not match; such an exception is reported.
"""

import asyncio
import json
import sys

import httpx2
from mcp import Client, types
from mcp.client.stdio import StdioServerParameters
from mcp.client.streamable_http import streamable_http_client


def dump(model):
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


async def run(plan):
    elicitations = []
    answer = plan.get("elicit")

    async def elicit(context, params):
        elicitations.append(params.message)
        if answer == "accept":
            return types.ElicitResult(action="accept", content={"confirm": True})
        return types.ElicitResult(action="decline")

    server = plan["server"]
    if "url" in server:
        http = httpx2.AsyncClient(headers=server.get("headers", {}), timeout=60)
        target = streamable_http_client(server["url"], http_client=http)
    else:
        target = StdioServerParameters(
            command=server["command"], args=server.get("args", []), env=server.get("env", {})
        )
    report = {"steps": [], "elicitations": elicitations}
    async with Client(
        target,
        mode=plan.get("mode", "auto"),
        elicitation_callback=elicit if answer else None,
        read_timeout_seconds=120,
        cache=None,
    ) as client:
        report["protocol"] = client.session.protocol_version
        for step in plan["steps"]:
            if step.get("list"):
                listed = await client.list_tools()
                tools = dump(listed)
                report["steps"].append(
                    {"tools": tools["tools"], "bytes": len(json.dumps(tools, ensure_ascii=False, separators=(",", ":")))}
                )
                continue
            try:
                result = await client.call_tool(step["call"], step.get("args", {}))
            except Exception as error:  # reported, not raised: the Rust test decides
                report["steps"].append({"exception": f"{type(error).__name__}: {error}"})
                continue
            text = "".join(c.text for c in result.content if isinstance(c, types.TextContent))
            report["steps"].append(
                {
                    "is_error": bool(result.is_error),
                    "structured": result.structured_content,
                    "text": text,
                    "bytes": len(json.dumps(dump(result), ensure_ascii=False, separators=(",", ":"))),
                    "structured_bytes": len(
                        json.dumps(result.structured_content, ensure_ascii=False, separators=(",", ":"))
                    ),
                    "exception": None,
                }
            )
    return report


def main():
    plan = json.load(sys.stdin)
    print(json.dumps(asyncio.run(run(plan))))


if __name__ == "__main__":
    main()
