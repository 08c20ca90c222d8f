"""A Query/Retrieve SCU for Quarry's interop tests: one association per batch.

Usage: python qr_client.py < batch.json > results.json

The batch (JSON on stdin):
  {"host": "127.0.0.1", "port": 11200, "callingAE": "VIEWER1", "calledAE": "STORE",
   "timeout": 30,                       # seconds, for every network wait
   "getStorageClasses": ["1.2...."],    # optional: SOP classes offered (SCP role) for C-GET
   "getTransferSyntaxes": ["1.2...."],  # optional: the transfer syntaxes offered for them
   "operations": [
     {"op": "find", "model": "P"|"S"|"O", "keys": {"QueryRetrieveLevel": "STUDY", "PatientID": "P*"},
      "charset": "ISO_IR 192", "cancelAfter": 3},
     {"op": "move", "model": "S", "destination": "VIEWER1", "keys": {...}, "cancelAfter": 2},
     {"op": "get", "model": "S", "keys": {...}, "cancelAfter": 2}]}

Keys are keywords or "(gggg,eeee)" tags; values are strings ("" = universal /
return key); a key given as null is left out (so a query can omit
QueryRetrieveLevel). "charset" becomes (0008,0005) of the identifier and is
used to encode the values. "cancelAfter" N sends a C-CANCEL after the Nth
response.

The result (JSON on stdout):
  {"association": "established" | "rejected" | "aborted" | "failed",
   "reject": {"result": 1, "source": 1, "reason": 7},      # when rejected
   "acceptedContexts": [...abstract syntax UIDs...],
   "results": [{"responses": [{"status": 65280, "identifier": {keyword: value} | null,
                                "errorComment": "...", "remaining": n, "completed": n,
                                "failed": n, "warning": n}],
                "finalStatus": 0 | null, "error": null | "text",
                "received": [SOP Instance UIDs received by C-GET, in order],
                "receivedTransferSyntaxes": [transfer syntax of each, same order]}]}

A pending response is one whose status is 0xFF00 or 0xFF01; the final status
is the status of the first other response. Identifier values are decoded
with the response's Specific Character Set; multi-valued elements are joined
with a backslash; a zero-length element is ""; an absent or empty identifier
is null. Uses pynetdicom's library
only, never its command-line apps. Own code, written for Quarry's tests.
"""
import json
import socket
import sys
import time

from pydicom.datadict import dictionary_VR, keyword_for_tag, tag_for_keyword
from pydicom.dataset import Dataset
from pynetdicom import AE, build_role, evt

FIND = {"P": "1.2.840.10008.5.1.4.1.2.1.1", "S": "1.2.840.10008.5.1.4.1.2.2.1", "O": "1.2.840.10008.5.1.4.1.2.3.1"}
MOVE = {"P": "1.2.840.10008.5.1.4.1.2.1.2", "S": "1.2.840.10008.5.1.4.1.2.2.2", "O": "1.2.840.10008.5.1.4.1.2.3.2"}
GET = {"P": "1.2.840.10008.5.1.4.1.2.1.3", "S": "1.2.840.10008.5.1.4.1.2.2.3", "O": "1.2.840.10008.5.1.4.1.2.3.3"}
SERVICES = {"find": FIND, "move": MOVE, "get": GET}
VERIFICATION = "1.2.840.10008.1.1"
TRANSFER_SYNTAXES = ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2", "1.2.840.10008.1.2.2"]
# CT, MR, Secondary Capture, Enhanced CT, Enhanced MR, Basic Text SR, Multi-frame grayscale word SC
DEFAULT_GET_CLASSES = ["1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.7",
                       "1.2.840.10008.5.1.4.1.1.2.1", "1.2.840.10008.5.1.4.1.1.4.1",
                       "1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.7.3"]


def tag_of(key):
    if key.startswith("("):
        group, element = key.strip("()").split(",")
        return (int(group, 16) << 16) | int(element, 16)
    tag = tag_for_keyword(key)
    if tag is None:
        raise ValueError("unknown keyword %r" % key)
    return tag


def identifier(keys, charset):
    ds = Dataset()
    if charset:
        ds.SpecificCharacterSet = charset
    for key, value in keys.items():
        if value is None:
            continue
        tag = tag_of(key)
        try:
            vr = dictionary_VR(tag)
        except KeyError:
            vr = "LO"
        if vr == "SQ":
            ds.add_new(tag, vr, [])
        else:
            ds.add_new(tag, vr, value)
    return ds


def text(value):
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, (list, tuple)) or type(value).__name__ == "MultiValue":
        return "\\".join(text(v) for v in value)
    return str(value)


def described(ds):
    # pynetdicom decodes an absent identifier of a final C-MOVE/C-GET response
    # as an empty data set: both are null here.
    if ds is None or len(ds) == 0:
        return None
    result = {}
    for element in ds:
        name = element.keyword or keyword_for_tag(element.tag) or "(%04X,%04X)" % (element.tag.group, element.tag.element)
        if element.VR == "SQ":
            result[name] = "<sequence of %d items>" % len(element.value)
        else:
            result[name] = text(element.value)
    return result


def response(status, ident):
    entry = {"status": int(status.Status), "identifier": described(ident)}
    for attr, name in (("ErrorComment", "errorComment"), ("NumberOfRemainingSuboperations", "remaining"),
                       ("NumberOfCompletedSuboperations", "completed"), ("NumberOfFailedSuboperations", "failed"),
                       ("NumberOfWarningSuboperations", "warning")):
        if attr in status:
            value = status[attr].value
            entry[name] = value if isinstance(value, int) or value is None else text(value)
    return entry


def run(batch):
    timeout = float(batch.get("timeout", 30))
    operations = batch["operations"]
    ae = AE(ae_title=batch.get("callingAE", "VIEWER1"))
    for attr in ("acse_timeout", "dimse_timeout", "network_timeout", "connection_timeout"):
        setattr(ae, attr, timeout)
    ae.add_requested_context(VERIFICATION, TRANSFER_SYNTAXES)
    needed = []
    for op in operations:
        uid = SERVICES[op["op"]][op.get("model", "P")]
        if uid not in needed:
            needed.append(uid)
    for uid in needed:
        ae.add_requested_context(uid, TRANSFER_SYNTAXES)
    roles = []
    if any(op["op"] == "get" for op in operations):
        for uid in batch.get("getStorageClasses") or DEFAULT_GET_CLASSES:
            ae.add_requested_context(uid, batch.get("getTransferSyntaxes") or TRANSFER_SYNTAXES)
            roles.append(build_role(uid, scp_role=True))
    received = []

    def on_store(event):
        received.append((str(event.request.AffectedSOPInstanceUID), str(event.context.transfer_syntax)))
        return 0x0000

    association_responses = []

    def on_acse(event):
        association_responses.append(event.primitive)

    out = {"association": "failed", "results": []}
    try:
        assoc = ae.associate(batch.get("host", "127.0.0.1"), int(batch["port"]), ae_title=batch.get("calledAE", "STORE"),
                             ext_neg=roles or None,
                             evt_handlers=[(evt.EVT_C_STORE, on_store), (evt.EVT_ACSE_RECV, on_acse)])
    except Exception as error:  # noqa: BLE001 - reported to the test
        out["error"] = "associate raised %s" % error
        return out
    if assoc.is_rejected:
        out["association"] = "rejected"
        for primitive in association_responses:
            if getattr(primitive, "result", None) in (1, 2):
                out["reject"] = {"result": primitive.result, "source": primitive.result_source,
                                 "reason": primitive.diagnostic}
        return out
    if not assoc.is_established:
        out["association"] = "aborted" if assoc.is_aborted else "failed"
        return out
    out["association"] = "established"
    # A request is a command PDU and a data set PDU: with Nagle's algorithm
    # the second waits for the delayed ACK of the first (40 ms per query).
    try:
        assoc.dul.socket.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except (AttributeError, OSError):
        pass
    out["acceptedContexts"] = sorted({str(cx.abstract_syntax) for cx in assoc.accepted_contexts})
    # pynetdicom 3.0.4's requestor runs a "reactor" thread that serves incoming
    # requests; the send_c_*() methods pause it, but a stale pause flag lets it
    # run one more loop and take the first response of a fast server (about
    # one query in 200 on loopback lost its first match). So: pause it for
    # sure before each operation, and make anything it still takes an error.
    stolen = []
    assoc._serve_request = lambda msg, context_id: stolen.append(getattr(msg, "msg_type", "?"))
    message_id = 0
    for op in operations:
        # Under load the pause can still lose the race; a C-FIND has no side
        # effects, so it is simply asked again (a move or get is not).
        attempts = 3 if op["op"] == "find" else 1
        for attempt in range(attempts):
            message_id += 1
            pause_reactor(assoc)
            before = len(stolen)
            result = perform(assoc, op, message_id, received)
            if len(stolen) == before or not assoc.is_established:
                break
            if result["error"] is None:
                result["error"] = "pynetdicom's reactor took %s message(s) of this operation" % stolen[before:]
            time.sleep(0.05)  # let a stolen operation's remaining responses drain
        out["results"].append(result)
        if not assoc.is_established:
            break
    if assoc.is_established:
        assoc.release()
    return out


def pause_reactor(assoc):
    """Blocks pynetdicom's reactor thread (private API of pynetdicom 3.0.4):
    after clearing its checkpoint, one full loop (1 ms sleep) guarantees it
    waits on the checkpoint, so its pause flag is then true for real."""
    assoc._reactor_checkpoint.clear()
    time.sleep(0.02)
    deadline = time.time() + 5
    while not assoc._is_paused and time.time() < deadline:
        time.sleep(0.0005)


def perform(assoc, op, message_id, received):
    kind, model = op["op"], op.get("model", "P")
    uid = SERVICES[kind][model]
    result = {"responses": [], "finalStatus": None, "error": None, "received": [], "receivedTransferSyntaxes": []}
    if not any(str(cx.abstract_syntax) == uid for cx in assoc.accepted_contexts):
        result["error"] = "no accepted presentation context for %s" % uid
        return result
    first_received = len(received)
    try:
        query = identifier(op.get("keys", {}), op.get("charset"))
        if kind == "find":
            responses = assoc.send_c_find(query, uid, msg_id=message_id)
        elif kind == "move":
            responses = assoc.send_c_move(query, op["destination"], uid, msg_id=message_id)
        else:
            responses = assoc.send_c_get(query, uid, msg_id=message_id)
        cancel_after = int(op.get("cancelAfter", 0) or 0)
        for status, ident in responses:
            if status is None or "Status" not in status:
                result["error"] = "no response (timeout or abort)"
                break
            entry = response(status, ident)
            result["responses"].append(entry)
            if entry["status"] not in (0xFF00, 0xFF01):
                result["finalStatus"] = entry["status"]
                break
            if cancel_after and len(result["responses"]) == cancel_after:
                assoc.send_c_cancel(message_id, query_model=uid)
    except Exception as error:  # noqa: BLE001 - reported to the test
        result["error"] = "%s: %s" % (type(error).__name__, error)
    result["received"] = [uid for uid, _ in received[first_received:]]
    result["receivedTransferSyntaxes"] = [syntax for _, syntax in received[first_received:]]
    return result


if __name__ == "__main__":
    started = time.time()
    print(json.dumps(run(json.load(sys.stdin)), ensure_ascii=False))
