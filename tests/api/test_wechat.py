"""The WeChat push endpoints against the real payloads and crypto vectors in shared/."""

from __future__ import annotations

import json
import time
from pathlib import Path

from bot.channels.wechat import Credentials, read_push
from tests.api.api_helpers import wechat_query
from tests.api.conftest import MP_APP_ID, WECHAT_AES_KEY, WECHAT_TOKEN, Service
from tests.conftest import SHARED

WECHAT = SHARED / "reference" / "wechat"
VECTORS = json.loads((WECHAT / "wechat_signature_crypto_test_vectors.json").read_text())
SAMPLES = json.loads((WECHAT / "wechat_doc_payload_samples.json").read_text())


def sample_xml(name: str) -> str:
    return (WECHAT / "wechatpy_xml_samples" / name).read_text(encoding="utf-8")


def test_plain_signature_vectors() -> None:
    from bot.channels.wechat import verify_url_signature

    valid = VECTORS["plain_mode_signature"]["valid"]
    invalid = VECTORS["plain_mode_signature"]["invalid"]
    assert verify_url_signature(
        valid["token"], valid["signature"], valid["timestamp"], valid["nonce"]
    )
    assert not verify_url_signature(
        invalid["token"], invalid["signature"], invalid["timestamp"], invalid["nonce"]
    )


def test_encrypted_vector_decrypts() -> None:
    vectors = VECTORS["encrypted_mode_WeCom_style"]
    case = vectors["decrypt_message"]
    credentials = Credentials(vectors["token"], vectors["receive_id"], vectors["encoding_aes_key"])
    incoming = read_push(
        case["post_body"].encode(),
        credentials,
        signature=None,
        timestamp=case["timestamp"],
        nonce=case["nonce"],
        msg_signature=case["msg_signature"],
    )
    assert incoming.encrypted
    assert incoming.text == case["expected_plaintext_fields"]["Content"]
    assert incoming.openid == case["expected_plaintext_fields"]["FromUserName"]


def test_url_verification_echoes_only_when_signed(service: Service) -> None:
    with service.client() as client:
        query = wechat_query(WECHAT_TOKEN) | {"echostr": "hello-echo"}
        ok = client.get("/wechat/mp", params=query)
        assert ok.status_code == 200 and ok.text == "hello-echo"
        forged = client.get("/wechat/mp", params=query | {"signature": "0" * 40})
        assert forged.status_code == 403


def test_forged_and_stale_pushes_are_rejected(service: Service) -> None:
    body = SAMPLES["miniprogram_customer_message_text"]["xml"]
    with service.client() as client:
        forged = wechat_query(WECHAT_TOKEN) | {"signature": "f" * 40}
        assert client.post("/wechat/mp", params=forged, content=body).status_code == 403
        stale = wechat_query(WECHAT_TOKEN, timestamp=int(time.time()) - 3600)
        assert client.post("/wechat/mp", params=stale, content=body).status_code == 403


def test_subscribe_event_gets_a_passive_welcome(service: Service) -> None:
    body = sample_xml("test_events__test_subscribe_event.xml")
    with service.client() as client:
        response = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN), content=body)
    assert response.status_code == 200
    assert "社会救助小助手" in response.text and "<xml>" in response.text


def test_replayed_nonce_with_another_body_is_forbidden(service: Service) -> None:
    query = wechat_query(WECHAT_TOKEN)
    first = sample_xml("test_events__test_subscribe_event.xml")
    other = sample_xml("test_parser__test_parse_text_message.xml")  # another message entirely
    with service.client() as client:
        assert client.post("/wechat/mp", params=query, content=first).status_code == 200
        assert client.post("/wechat/mp", params=query, content=other).status_code == 403


def test_encrypted_push_gets_an_encrypted_reply(service: Service) -> None:
    from wechatpy.crypto import WeChatCrypto

    crypto = WeChatCrypto(WECHAT_TOKEN, WECHAT_AES_KEY, MP_APP_ID)
    plain = sample_xml("test_events__test_subscribe_event.xml").replace(
        "<CreateTime>", "<CreateTime>9"
    )  # a distinct CreateTime, so dedupe does not swallow it
    query = wechat_query(WECHAT_TOKEN)
    encrypted = crypto.encrypt_message(plain, query["nonce"], query["timestamp"])
    from xml.etree import ElementTree

    root = ElementTree.fromstring(encrypted)
    msg_signature = root.findtext("MsgSignature")
    with service.client() as client:
        response = client.post(
            "/wechat/mp",
            params=query | {"msg_signature": msg_signature, "encrypt_type": "aes"},
            content=encrypted,
        )
    assert response.status_code == 200
    assert "<Encrypt>" in response.text
    reply_root = ElementTree.fromstring(response.text)
    decrypted = crypto.decrypt_message(
        response.text,
        reply_root.findtext("MsgSignature"),
        reply_root.findtext("TimeStamp"),
        reply_root.findtext("Nonce"),
    )
    assert "社会救助小助手" in decrypted


def test_unreadable_body_is_a_400_not_a_500(service: Service) -> None:
    with service.client() as client:
        response = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN), content=b"<xml")
    assert response.status_code == 400


def test_undecodable_pushes_are_400_not_500(service: Service) -> None:
    # Issue 17 D9: a non-UTF-8 body and a non-numeric CreateTime are bad requests.
    text = sample_xml("test_parser__test_parse_text_message.xml")
    bad_time = text.replace("<CreateTime>", "<CreateTime>abc")
    with service.client() as client:
        for body in ("<xml>编码</xml>".encode("gbk"), bad_time.encode("utf-8")):
            response = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN), content=body)
            assert response.status_code == 400, body


def test_undecryptable_echostr_is_400_not_500(service: Service) -> None:
    from bot.channels.wechat import sha1_signature

    query = wechat_query(WECHAT_TOKEN)
    echostr = "bm90IGVuY3J5cHRlZCBieSB1cw=="  # base64, but not encrypted with our key
    msg_signature = sha1_signature(WECHAT_TOKEN, query["timestamp"], query["nonce"], echostr)
    del query["signature"]
    with service.client() as client:
        response = client.get(
            "/wechat/mp", params=query | {"echostr": echostr, "msg_signature": msg_signature}
        )
    assert response.status_code == 400


def test_shared_samples_exist() -> None:
    assert Path(WECHAT / "wechatpy_xml_samples" / "index.json").exists()
