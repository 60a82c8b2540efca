#!/usr/bin/env python3
"""Writes the checked-in seeds under fuzz/seeds/<target>/ from the crate's own samples and
hand-made vectors (an m-send-req multipart, the push styles of real carriers, SMS UDH layouts
and the named crashers of other codecs).
Never seed from the GPL corpus here: a local run may add it under fuzz/corpus/ (git-ignored).

Run from the crate root: python3 fuzz/make_seeds.py"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
S = lambda name: open(os.path.join(ROOT, "samples", name), "rb").read()
notif, send, push = S("m-notification-ind.mms"), S("m-send-req.mms"), S("push-notification.wsp")

# The sample m-send-req's multipart body: everything after the 24-octet related Content-Type.
body = send[send.index(b"\x84\x18\xb3") + 3 + 24 - 1:]
assert body[0] == 0x02, body[:4]

# SMS-DELIVER in the modem form (3GPP TS 23.040 §9.2.2.1, TS 27.005 PDU mode): SMSC field
# (+491710760000), first octet 0x44, OA +4916123456, PID 0, DCS 0x04, SCTS 2024-02-29
# 13:45:30 +01:00, UDL, then the user data with its header.
def deliver(ud, first=0x44, dcs=0x04, udl=None):
    smsc = b"\x07\x91\x94\x71\x01\x67\x00\x00"
    oa = b"\x0a\x91\x94\x61\x21\x43\x65"
    scts = b"\x42\x20\x92\x31\x54\x03\x40"
    return smsc + bytes([first]) + oa + b"\x00" + bytes([dcs]) + scts + bytes([len(ud) if udl is None else udl]) + ud

ports = b"\x06\x05\x04\x0b\x84\x23\xf0"
# The 7-bit "hellohello" layout example of PDU-mode tutorials (alphabet and packing of TS 23.038).
hello = bytes.fromhex("07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37")
cmgr = deliver(ports + push)
modem = b"AT+CMGR=1\r\n+CMGR: 0,,%d\r\n%s\r\nOK\r\n" % (len(cmgr) - 8, cmgr.hex().upper().encode())

seeds = {
    "pdu": {
        "m-notification-ind": notif,
        "m-send-req": send,
        "aosp-8c-82-89-40": b"\x8c\x82\x89\x40",
        "notifyresp": b"\x8c\x83\x98T1\x00\x8d\x90\x95\x81",
        "retrieve-conf-text-body": b"\x8c\x84\x98T\x00\x8d\x92\x85\x04\x5e\x00\x00\x00\x84\x83hello",
        "delete-conf-indexed": b"\x8c\x95\x98T\x00\x8d\x93\x83\x05\x80http:\x00\x92\x03\x80\x81",
        "application-header": b"\x8c\x83\x98T\x00\x8d\x90\x95\x81X-A\x00b\x00",
        "trailing": b"\x8c\x83\x98T\x00\x8d\x90\x95\x81\x00\x00",
        "value-length-past-end": b"\x8c\x82\x98T\x00\x89\x1f\x7f",
    },
    "message": {
        "push-notification": push,
        "m-notification-ind": notif,
        "m-send-req": send,
        "sonera-style": b"\x00\x06\x07\xbe\xaf\x84\x8d\xf2\xb4\x81" + notif,
        "mmsd-push1-style": b"\x01\x06\x24application/vnd.wap.mms-message\x00\xaf\x84\xb4\x86" + notif,
        "att-style": b"\x01\x06\x27application/vnd.wap.mms-message\x00\xaf\x84\x8d\x01\x82\xb4\x84" + notif,
        "headerslen-past-pdu": b"\x01\x06\x7f\xbe\xaf\x84",
        "headerslen-zero": b"\x01\x06\x00\xbe\xaf\x84" + notif,
        "si-push": b"\x01\x06\x01\xae\x02\x05\x6a\x00",
    },
    "multipart": {
        "reference-8-4": body,
        "empty": b"",
        "count-2-28-no-data": b"\x81\x80\x80\x80\x00",
        "overflow-32": b"\x01\x8f\xff\xff\xff\x7f\x8f\xff\xff\xff\x7f\x83",
        "nested": b"\x01\x03\x06\xa3\x01\x01\x02\x83hi" ,
        "nentries-zero": b"\x00\x01\x02\x83hi",
    },
    "content_type": {
        "short": b"\xa3",
        "text": b"application/smil\x00",
        "related-8-4": send[send.index(b"\x84\x18\xb3") + 1:][:25],
        "text-plain-utf8": b"\x03\x83\x81\xea",
        "untyped-param": b"\x0b\x83name\x00value\x00",
        "quoted-start": b"\x08\xb3\x99\x22<smil>\x00",
        "long-length": b"\x1f\x05\x83\x81\xea\x85x\x00",
    },
    "wsp_headers": {
        "part-smil": b"\xc0\x22<s>\x00\x8es.smil\x00",
        "push": b"\xaf\x84\x8d\xf2\xb4\x81",
        "disposition": b"\xc5\x0a\x81\x98file.jpg\x00",
        "application": b"X-Custom\x00value\x00",
        "shift": b"\x7f\x02\x01\x80\xaf\x84",
        "date": b"\x92\x04\x65\x53\xf1\x00",
        "encoding-version": b"\xc3\x03\x80\x31\x2e\x32\x00",
    },
    "sms": {
        "wap-push-ports": b"\x06\x05\x04\x0b\x84\x23\xf0" + push,
        "python-messaging-concat": b"\x0c\x08\x04\x9f\x8e\x02\x01\x05\x04\x0b\x84\x23\xf0" + push[:40],
        "concat8": b"\x05\x00\x03\x2a\x02\x02" + push[40:],
        "udhl-past-end": b"\x10\x05\x04",
        "ie-past-udhl": b"\x03\x05\x04\x0b",
        "deliver-wap-push": cmgr,
        "deliver-segment": deliver(b"\x0b\x00\x03\x2a\x02\x01\x05\x04\x0b\x84\x23\xf0" + push[:40]),
        "deliver-7bit-hello": hello,
        "deliver-udl-past-end": deliver(ports + push[:20], udl=40),
        "modem-cmgr": modem,
    },
    "reassembly": {
        # limits (messages, bytes/4, segments), then key, length, user data ...
        "two-in-order": b"\x02\x40\x04"
        + b"\x01" + bytes([13 + 20]) + b"\x0c\x08\x04\x9f\x8e\x02\x01\x05\x04\x0b\x84\x23\xf0" + push[:20]
        + b"\x01" + bytes([13 + 20]) + b"\x0c\x08\x04\x9f\x8e\x02\x02\x05\x04\x0b\x84\x23\xf0" + push[20:40],
        "evictions": b"\x01\x04\x08"
        + b"".join(bytes([k, 6 + 10]) + b"\x05\x00\x03" + bytes([k, 3, 1]) + bytes(range(10)) for k in range(4)),
        "duplicate-conflict": b"\x03\xff\x03"
        + b"\x07\x08\x05\x00\x03\x01\x02\x01AB"
        + b"\x07\x08\x05\x00\x03\x01\x02\x01AC"
        + b"\x07\x08\x05\x00\x03\x01\x02\x02DE",
        "single": b"\x03\x10\x03\x00\x05\x00hello",
    },
    "built_pdu": {
        "zeros": b"\x00" * 8,
        "counting": bytes(range(256)),
        "send-req": b"\x00\x03" + b"\x07\x01\x05\x02\x01\x03" * 20,
        "ff": b"\xff" * 64,
        "mixed": bytes((i * 37 + 11) % 256 for i in range(200)),
    },
}

for target, files in seeds.items():
    d = os.path.join(ROOT, "fuzz", "seeds", target)
    os.makedirs(d, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
print("wrote", sum(len(v) for v in seeds.values()), "seeds")
