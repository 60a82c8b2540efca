"""Decode MMS PDUs with python-messaging and print what it read, as JSON (used by tests/interop.rs).

Usage: pymsg_decode.py FILE...  (each FILE a bare MMS PDU). Prints one JSON list, one object per
file: {"file", "ok", "error", "headers": {name: [type, value]}, "parts": [content types]}.
Values are normalised so the Rust side can compare them: datetimes become Unix seconds,
booleans stay booleans, tuples become lists.
"""
import calendar
import datetime
import json
import sys

from messaging.mms.mms_pdu import MMSDecoder


def norm(value):
    if isinstance(value, datetime.datetime):
        return ["date", calendar.timegm(value.utctimetuple())]
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, int):
        return ["int", value]
    if isinstance(value, str):
        return ["str", value]
    if isinstance(value, (tuple, list)):
        return ["list", [norm(v) for v in value]]
    return ["repr", repr(value)]


def main():
    out = []
    for path in sys.argv[1:]:
        entry = {"file": path, "ok": False, "error": None, "headers": {}, "parts": []}
        try:
            with open(path, "rb") as f:
                data = bytearray(f.read())
            msg = MMSDecoder().decode_data(data)
            entry["headers"] = {k: norm(v) for k, v in msg.headers.items()}
            entry["parts"] = [p.content_type for p in msg.data_parts]
            entry["ok"] = True
        except Exception as e:  # noqa: BLE001 - any failure is a finding to report
            entry["error"] = "%s: %s" % (type(e).__name__, e)
        out.append(entry)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
