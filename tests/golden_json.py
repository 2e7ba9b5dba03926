#!/usr/bin/env python3
"""golden_json.py - nldump's NDJSON on stdin, pretty-printed on stdout.

The JSON golden files (tests/expected/*.json) hold this pretty form so that
a reviewer reads one field per line.  The comparison stays exact: every
input line must be one JSON object written exactly as
json.dumps(obj, separators=(',', ':'), ensure_ascii=False) writes it (no
spaces, keys in the tool's order, UTF-8, the same escapes and numbers), so
the pretty file determines the tool's bytes.  A line that is not is named on
stderr and the exit status is 1.  Keys keep the tool's order.
"""
import json
import sys


def main():
    bad = 0
    out = sys.stdout
    for n, line in enumerate(sys.stdin.buffer, 1):
        text = line.decode('utf-8', 'strict').rstrip('\n')
        try:
            obj = json.loads(text)
        except ValueError as ex:
            print(f'golden_json: line {n}: not JSON: {ex}', file=sys.stderr)
            bad += 1
            continue
        if not isinstance(obj, dict) or \
                json.dumps(obj, separators=(',', ':'), ensure_ascii=False) != text:
            print(f'golden_json: line {n}: not one compact JSON object as written by '
                  f'json.dumps: {text[:200]!r}', file=sys.stderr)
            bad += 1
        out.write(json.dumps(obj, indent=2, ensure_ascii=False))
        out.write('\n')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
