"""WeChat push protocol: signatures, replay protection, 安全模式 (AES), XML and JSON bodies.

Official accounts push XML; mini-program customer-service messages may be XML or JSON. In 安全模式
the body carries `Encrypt` and the query `msg_signature`; in plaintext mode only `signature`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from dataclasses import dataclass

import xmltodict
from wechatpy.crypto import PrpCrypto
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature, to_text


class PushRejected(Exception):
    """A push that must not be processed (forged, replayed or unreadable) -> HTTP 403/400."""

    def __init__(self, reason: str, status: int = 403) -> None:
        super().__init__(reason)
        self.reason, self.status = reason, status


@dataclass(frozen=True)
class Incoming:
    openid: str
    to_user: str
    msg_type: str
    create_time: int
    text: str | None  # text content, or voice Recognition
    msg_id: str | None
    event: str | None
    body_format: str  # xml | json
    encrypted: bool

    @property
    def dedupe_key(self) -> str:
        # WeChat: dedupe messages by MsgId, events by FromUserName + CreateTime.
        if self.msg_id:
            return f"wxmsg:{self.msg_id}"
        return f"wxevt:{self.openid}:{self.create_time}"


@dataclass(frozen=True)
class Credentials:
    token: str
    app_id: str
    aes_key: str | None  # EncodingAESKey, 43 chars; None in plaintext mode


def sha1_signature(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def verify_url_signature(token: str, signature: str, timestamp: str, nonce: str) -> bool:
    try:
        check_signature(token, signature, timestamp, nonce)
    except InvalidSignatureException:
        return False
    return True


def check_fresh(timestamp: str, max_skew_seconds: int, now: float | None = None) -> None:
    try:
        sent = int(timestamp)
    except ValueError as exc:
        raise PushRejected("bad timestamp") from exc
    if abs((now or time.time()) - sent) > max_skew_seconds:
        raise PushRejected("stale timestamp")


def _aes_key(aes_key: str) -> bytes:
    return base64.b64decode(aes_key + "=")


def _parse_body(body: bytes) -> tuple[dict[str, object], str]:
    try:
        text = body.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise PushRejected("body is not UTF-8", 400) from exc
    if not text:
        raise PushRejected("empty body", 400)
    if text.startswith("{"):
        try:
            return dict(json.loads(text)), "json"
        except ValueError as exc:
            raise PushRejected("bad json", 400) from exc
    try:
        parsed = xmltodict.parse(text)
    except Exception as exc:  # expat errors have no common base worth naming
        raise PushRejected("bad xml", 400) from exc
    root = parsed.get("xml") if isinstance(parsed, dict) else None
    if not isinstance(root, dict):
        raise PushRejected("bad xml", 400)
    return dict(root), "xml"


def read_push(
    body: bytes,
    credentials: Credentials,
    *,
    signature: str | None,
    timestamp: str,
    nonce: str,
    msg_signature: str | None,
) -> Incoming:
    """Verify and decode one push; raises PushRejected for anything not from WeChat."""
    # The URL signature needs no body: a forged plaintext push is refused before any parsing.
    if signature and not verify_url_signature(credentials.token, signature, timestamp, nonce):
        raise PushRejected("bad signature")
    fields, body_format = _parse_body(body)
    encrypted = "Encrypt" in fields
    if encrypted:
        if not credentials.aes_key or not msg_signature:
            raise PushRejected("encrypted push without key or msg_signature")
        encrypt = str(fields["Encrypt"])
        expected = sha1_signature(credentials.token, timestamp, nonce, encrypt)
        if expected != msg_signature:
            raise PushRejected("bad msg_signature")
        try:
            plain = PrpCrypto(_aes_key(credentials.aes_key)).decrypt(encrypt, credentials.app_id)
        except Exception as exc:  # wrong key or app id: wechatpy raises several kinds
            raise PushRejected("cannot decrypt") from exc
        fields, body_format = _parse_body(to_text(plain).encode("utf-8"))
    else:
        if not signature or not verify_url_signature(
            credentials.token, signature, timestamp, nonce
        ):
            raise PushRejected("bad signature")
    return _incoming(fields, body_format, encrypted)


def _incoming(fields: dict[str, object], body_format: str, encrypted: bool) -> Incoming:
    def get(name: str) -> str | None:
        value = fields.get(name)
        return None if value is None else str(value)

    msg_type = (get("MsgType") or "").lower()
    text = get("Content") if msg_type == "text" else get("Recognition")
    openid = get("FromUserName")
    if not openid:
        raise PushRejected("push without FromUserName", 400)
    try:
        create_time = int(get("CreateTime") or 0)
    except ValueError as exc:
        raise PushRejected("CreateTime is not a number", 400) from exc
    return Incoming(
        openid=openid,
        to_user=get("ToUserName") or "",
        msg_type=msg_type,
        create_time=create_time,
        text=text,
        msg_id=get("MsgId"),
        event=(get("Event") or "").lower() or None,
        body_format=body_format,
        encrypted=encrypted,
    )


def passive_text_reply(
    incoming: Incoming, content: str, credentials: Credentials, *, timestamp: str, nonce: str
) -> str:
    """The XML body WeChat shows to the user; encrypted when the push was."""
    reply = TextReply(source=incoming.to_user, target=incoming.openid, content=content)
    xml = str(reply.render())
    if not incoming.encrypted or not credentials.aes_key:
        return xml
    encrypt = to_text(PrpCrypto(_aes_key(credentials.aes_key)).encrypt(xml, credentials.app_id))
    signature = sha1_signature(credentials.token, timestamp, nonce, encrypt)
    return (
        f"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt>"
        f"<MsgSignature><![CDATA[{signature}]]></MsgSignature>"
        f"<TimeStamp>{timestamp}</TimeStamp><Nonce><![CDATA[{nonce}]]></Nonce></xml>"
    )


def decrypt_echostr(credentials: Credentials, echostr: str) -> str:
    """安全模式 URL verification (企业微信 style) sends an encrypted echostr."""
    if not credentials.aes_key:
        return echostr
    try:
        plain = PrpCrypto(_aes_key(credentials.aes_key)).decrypt(echostr, credentials.app_id)
    except Exception as exc:  # wrong key, app id or padding: wechatpy raises several kinds
        raise PushRejected("cannot decrypt echostr", 400) from exc
    return to_text(plain)
