#!/usr/bin/env bash
# Drives the `mms` CLI example the way other tools do: exit codes are part of its contract
# (0 done, 1 input not decodable, 2 usage error, 3 a file not readable or writable; never a panic).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --example mms
cli="${CARGO_TARGET_DIR:-target}/release/examples/mms"

expect() { # expect CODE -- command...
  local want=$1; shift 2
  local got=0
  "$@" >/tmp/mms-cli.out 2>&1 || got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: '$*' exited $got, expected $want" >&2
    cat /tmp/mms-cli.out >&2
    exit 1
  fi
}

expect 0 -- "$cli"
expect 0 -- "$cli" help
for c in decode dump roundtrip encode bench samples; do expect 0 -- "$cli" help "$c"; expect 0 -- "$cli" "$c" --help; done
for f in samples/*; do
  expect 0 -- "$cli" decode "$f"
  expect 0 -- "$cli" decode --json "$f"
  expect 0 -- "$cli" dump "$f"
  expect 0 -- "$cli" roundtrip "$f"
  "$cli" decode --json "$f" > /tmp/mms-cli.json
  expect 0 -- "$cli" encode /tmp/mms-cli.json -o /tmp/mms-cli.bin
  cmp "$f" /tmp/mms-cli.bin || { echo "FAIL: encode(decode --json $f) differs" >&2; exit 1; }
done
rm -rf /tmp/mms-samples && expect 0 -- "$cli" samples /tmp/mms-samples
for f in /tmp/mms-samples/*; do expect 0 -- "$cli" roundtrip "$f"; done
[ "$(ls /tmp/mms-samples | wc -l)" = 25 ] || { echo "FAIL: samples wrote $(ls /tmp/mms-samples | wc -l) files" >&2; exit 1; }
expect 2 -- "$cli" samples
expect 0 -- "$cli" bench -t 20 samples/m-send-req.mms samples/push-notification.wsp
expect 0 -- "$cli" bench -n 100 samples/m-send-req.mms samples/push-notification.wsp
# One line per file: mms-pdu, file, status, type, parts, iterations (exactly N with -n), mean ns,
# median ns; tools read these fields by position.
awk -F'\t' 'NF != 8 || $1 != "mms-pdu" || $3 != "ok" || $6 != 100 { bad = 1 } END { exit bad || NR != 2 }' \
  /tmp/mms-cli.out || { echo "FAIL: bench -n 100 output:" >&2; cat /tmp/mms-cli.out >&2; exit 1; }
for bad in "-t 0" "-n 0" "-n" "-t" "-n x" "-t -5" "-n 5 -t 20" "-t 20 -t 20" "--bogus" "-q"; do
  expect 2 -- "$cli" bench $bad samples/m-send-req.mms
  grep -q '^mms: ' /tmp/mms-cli.out || { echo "FAIL: 'bench $bad' says nothing" >&2; exit 1; }
done
python3 -c 'import sys; print(open(sys.argv[1], "rb").read().hex(" "))' samples/push-notification.wsp > /tmp/mms-push.hex
expect 0 -- bash -c "'$cli' decode --hex - < /tmp/mms-push.hex"
expect 0 -- bash -c "'$cli' dump - < samples/m-send-req.mms"
expect 0 -- bash -c "'$cli' dump samples/m-send-req.mms | head -1"
# --hex reads plain hex and the dumps of xxd, hexdump -C, od, Wireshark and tcpdump -X: the same
# octets as the file, whose JSON (everything on the wire) is therefore the same.
hexdumps() { # hexdumps FILE: writes /tmp/mms-hex.FORMAT for each format, prints their names
  local f=$1
  python3 - "$f" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
asc = lambda b: "".join(chr(c) if 0x20 <= c < 0x7f else "." for c in b)
rows = [data[i:i + 16] for i in range(0, len(data), 16)]
dumps = {
    "plain": data.hex(" ") + "\n",
    "colons": data.hex(":") + "\n",
    "c-array": ", ".join(f"0x{c:02x}" for c in data) + "\n",
    "xxd-p": "\n".join(data.hex()[i:i + 60] for i in range(0, 2 * len(data), 60)) + "\n",
    # tshark -x, Wireshark's "Copy as Hex + ASCII Dump"
    "wireshark": "".join(f"{16 * i:04x}  {r.hex(' '):<47}   {asc(r)}\n" for i, r in enumerate(rows)),
    # tcpdump -X
    "tcpdump": "".join(
        f"\t0x{16 * i:04x}:  {' '.join(r[j:j + 2].hex() for j in range(0, len(r), 2)):<39}  {asc(r)}\n"
        for i, r in enumerate(rows)),
}
for name, text in dumps.items():
    open(f"/tmp/mms-hex.{name}", "w").write(text)
PY
  ls /tmp/mms-hex.*
  if command -v xxd >/dev/null; then xxd "$f" > /tmp/mms-hex.xxd; xxd -g1 "$f" > /tmp/mms-hex.xxd-g1; echo /tmp/mms-hex.xxd; echo /tmp/mms-hex.xxd-g1; fi
  if command -v hexdump >/dev/null; then hexdump -C "$f" > /tmp/mms-hex.hexdump-C; echo /tmp/mms-hex.hexdump-C; fi
  if command -v od >/dev/null; then od -A x -t x1z "$f" > /tmp/mms-hex.od; echo /tmp/mms-hex.od; fi
}
for f in samples/*; do
  "$cli" decode --json "$f" > /tmp/mms-cli.want.json
  rm -f /tmp/mms-hex.*
  for h in $(hexdumps "$f" | sort -u); do
    expect 0 -- "$cli" decode --json --hex "$h"
    cmp -s /tmp/mms-cli.out /tmp/mms-cli.want.json || { echo "FAIL: decode --hex $h ($f) differs from decode $f" >&2; exit 1; }
    expect 0 -- "$cli" roundtrip --hex "$h"
  done
done
printf '8c 80 zz\n' > /tmp/mms-hex.bad
expect 1 -- "$cli" decode --hex /tmp/mms-hex.bad
grep -q 'not hex: line 1' /tmp/mms-cli.out || { echo "FAIL: --hex error does not name the line" >&2; cat /tmp/mms-cli.out >&2; exit 1; }
printf '0000000 808c 5498\n0000004\n' > /tmp/mms-hex.words
expect 1 -- "$cli" decode --hex /tmp/mms-hex.words
# A file that cannot be read (missing, or a directory) is exit status 3, for every command.
rm -rf /tmp/mms-cli-missing /tmp/mms-cli-dir && mkdir /tmp/mms-cli-dir
for target in /tmp/mms-cli-missing /tmp/mms-cli-dir; do
  for cmd in decode "decode --json" "decode --hex" dump roundtrip encode "bench -n 1"; do
    expect 3 -- "$cli" $cmd "$target"
    grep -q "^mms: cannot read $target" /tmp/mms-cli.out || { echo "FAIL: '$cmd $target' does not say what it could not read" >&2; cat /tmp/mms-cli.out >&2; exit 1; }
  done
done
"$cli" decode --json samples/m-send-req.mms > /tmp/mms-cli.json
expect 3 -- "$cli" encode /tmp/mms-cli.json -o /tmp/mms-cli-dir
expect 3 -- "$cli" encode /tmp/mms-cli.json -o /tmp/mms-cli-missing/out.mms
expect 3 -- "$cli" samples /dev/null/mms-samples
# decode shows where a part's data starts and where its entry does, and a text's charset.
expect 0 -- "$cli" decode samples/m-send-req.mms
grep -q '^  \[0\] application/smil  (7 octets of data at offset 99; entry at 66)$' /tmp/mms-cli.out \
  || { echo "FAIL: decode's part line:" >&2; cat /tmp/mms-cli.out >&2; exit 1; }
expect 2 -- "$cli" no-such-command
expect 2 -- "$cli" decode --bogus samples/m-send-req.mms
expect 2 -- "$cli" bench
expect 2 -- "$cli" decode
expect 1 -- "$cli" decode /dev/null
printf '\x8c\x82\x89\x40' > /tmp/mms-aosp-crasher.bin
expect 1 -- "$cli" decode /tmp/mms-aosp-crasher.bin
expect 2 -- "$cli" encode
expect 2 -- "$cli" encode -o
echo '{"pdu": {"headers": [{"header": {"Nope": 1}}]}}' > /tmp/mms-bad.json
expect 1 -- "$cli" encode /tmp/mms-bad.json
grep -q 'at pdu.headers\[0\].header' /tmp/mms-cli.out || { echo "FAIL: encode error does not say where" >&2; exit 1; }
expect 1 -- "$cli" encode samples/m-send-req.mms

# Every corpus file: a decode or a clean refusal, never a panic or a hang.
ok=0 refused=0
while IFS= read -r f; do
  code=0
  timeout 10 "$cli" decode "$f" >/dev/null 2>&1 || code=$?
  case $code in
    0) ok=$((ok + 1)) ;;
    1) refused=$((refused + 1)) ;;
    *) echo "FAIL: decode $f exited $code" >&2; exit 1 ;;
  esac
  for cmd in "decode --json" dump roundtrip; do
    code=0
    timeout 10 "$cli" $cmd "$f" >/dev/null 2>&1 || code=$?
    case $code in 0|1) ;; *) echo "FAIL: $cmd $f exited $code" >&2; exit 1 ;; esac
  done
  # What decodes comes back from its JSON byte for byte.
  if timeout 10 "$cli" decode --json "$f" > /tmp/mms-cli.json 2>/dev/null; then
    timeout 10 "$cli" encode /tmp/mms-cli.json -o /tmp/mms-cli.bin
    cmp -s "$f" /tmp/mms-cli.bin || { echo "FAIL: encode(decode --json $f) differs" >&2; exit 1; }
  fi
done < <(find "$MMS_PDU_CORPUS" -type f ! -name MANIFEST.md | sort)
echo "CLI over the corpus: $ok decoded, $refused refused cleanly, no panics"
