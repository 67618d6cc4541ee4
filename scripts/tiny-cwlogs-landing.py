#!/usr/bin/env python3
"""Writes a tiny Firehose landing of CloudWatch Logs subscription records (VPC flow logs and app logs) for one
arrival hour: `scripts/tiny-cwlogs-landing.py DIR 2026-11-24 10`. Used to try the spark-submit jar by hand.

Each object is concatenated gzip members, one CloudWatch envelope per member, as Firehose writes them; one object
is delivered twice (the copy has the same log events) and one envelope is a CONTROL_MESSAGE.
"""

import gzip
import json
import sys
from datetime import datetime, timezone
from pathlib import Path


def envelope(group, stream, events):
    return {"messageType": "DATA_MESSAGE", "owner": "123456789012", "logGroup": group, "logStream": stream,
            "subscriptionFilters": ["tidemark"], "logEvents": events}


def main(root: Path, day: str, hour: int) -> None:
    start = datetime.strptime(day, "%Y-%m-%d").replace(hour=hour, tzinfo=timezone.utc)
    base = int(start.timestamp())
    folder = root / "cwlogs" / start.strftime("%Y/%m/%d/%H")
    folder.mkdir(parents=True, exist_ok=True)
    flows, apps = [], []
    for i in range(40):
        ts = base + i * 60
        action = "REJECT" if i % 5 == 0 else "ACCEPT"
        flows.append({"id": f"flow{hour:02d}{i:04d}", "timestamp": ts * 1000,
                      "message": f"2 123456789012 eni-0a{i % 3} 10.0.0.{i} 10.0.1.{i} 443 {50000 + i} 6 {10 + i} "
                                 f"{840 + i} {ts} {ts + 60} {action} OK"})
        apps.append({"id": f"app{hour:02d}{i:04d}", "timestamp": ts * 1000, "message": f"GET /orders/{i} 200"})
    control = {"messageType": "CONTROL_MESSAGE", "owner": "CloudwatchLogs", "logGroup": "", "logStream": "",
               "subscriptionFilters": [], "logEvents": [{"id": "", "timestamp": base * 1000,
                                                         "message": "CWL CONTROL MESSAGE: Checking health"}]}
    objects = {
        "flows": [envelope("/vpc/flow-logs", "eni-0a0-all", flows[:20]), control],
        "more": [envelope("/vpc/flow-logs", "eni-0a1-all", flows[20:]), envelope("/app/orders", "web-1", apps)],
    }
    for n, (name, envelopes) in enumerate(objects.items()):
        body = b"".join(gzip.compress(json.dumps(e).encode()) for e in envelopes)
        key = f"tidemark-cwlogs-1-{start.strftime('%Y-%m-%d-%H')}-{n:02d}-00-0000{n}-{name}"
        (folder / key).write_bytes(body)
    redelivered = f"tidemark-cwlogs-1-{start.strftime('%Y-%m-%d-%H')}-30-00-00009-redelivered"
    (folder / redelivered).write_bytes(gzip.compress(json.dumps(objects["flows"][0]).encode()))
    print(f"wrote {len(list(folder.iterdir()))} objects under {folder}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: tiny-cwlogs-landing.py DIR yyyy-MM-dd HH")
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
