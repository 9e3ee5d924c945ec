#!/usr/bin/env python3
"""Slow clients for scripts/load-test.sh (SLOW=N): N connections at a time, each sending a request
head one byte a second (a slowloris). When the server closes one, the client records what it
answered and how long the connection lived, and opens another. At the end it prints one summary.

    python3 scripts/slow-clients.py PORT CONNECTIONS SECONDS HEADER_TIMEOUT_SECS
"""
import asyncio
import statistics
import sys
import time

PORT, COUNT, SECONDS, HEADER_TIMEOUT = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
PATH = ("/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/load-rg/providers/"
        "Microsoft.CustomerInsights/hubs/loadHub/relationships/slow?api-version=2017-04-26")
# Long enough that no connection finishes it at a byte a second within a run.
HEAD = f"GET {PATH} HTTP/1.1\r\nhost: l\r\nx-slow: {'a' * 4096}\r\n\r\n".encode()

closed = []        # (lifetime in seconds, first line of what the server sent)
still_open = []    # ages of the connections open when the run ended
refused = 0


async def client(end):
    global refused
    while time.monotonic() < end:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
        except OSError:
            refused += 1
            await asyncio.sleep(1)
            continue
        opened = time.monotonic()
        answer = asyncio.ensure_future(reader.read())  # everything, up to the server's close
        sent = 0
        while time.monotonic() < end and not answer.done():
            try:
                writer.write(HEAD[sent:sent + 1])
                await writer.drain()
            except OSError:
                break  # the server closed; the answer task sees it too
            sent += 1
            await asyncio.wait([answer], timeout=1)
        if not answer.done():
            await asyncio.wait([answer], timeout=0.5)
        if answer.done():
            try:
                data = answer.result()
            except OSError:
                data = b""
            first = data.split(b"\r\n", 1)[0].decode("latin-1") or "(closed without an answer)"
            closed.append((time.monotonic() - opened, first))
        else:
            answer.cancel()
            still_open.append(time.monotonic() - opened)
        writer.close()


async def main():
    end = time.monotonic() + SECONDS
    await asyncio.gather(*(client(end) for _ in range(COUNT)))


asyncio.run(main())
answers = {}
for _, first in closed:
    answers[first] = answers.get(first, 0) + 1
lifetimes = sorted(lifetime for lifetime, _ in closed)
print(f"slow clients: {COUNT} at a time for {SECONDS:.0f} s, a byte a second each")
print(f"  closed by the server: {len(closed)}; answers: {answers or '-'}")
if lifetimes:
    print(f"  lifetime of a closed connection: min {lifetimes[0]:.1f} s, median {statistics.median(lifetimes):.1f} s,"
          f" max {lifetimes[-1]:.1f} s (header timeout {HEADER_TIMEOUT:.0f} s)")
print(f"  open at the end: {len(still_open)}, the oldest {max(still_open, default=0):.1f} s; refused connections: {refused}")
overdue = [lifetime for lifetime in lifetimes + still_open if lifetime > HEADER_TIMEOUT + 2]
print("  every slow connection was cut within the header timeout (+2 s)" if not overdue
      else f"  OVERDUE: {len(overdue)} connections outlived the header timeout by more than 2 s")
sys.exit(1 if overdue else 0)
