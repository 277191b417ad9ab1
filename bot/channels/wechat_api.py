"""wechatpy clients whose API base URL is configurable (tests point it at 127.0.0.1)."""

from __future__ import annotations

from typing import Any

from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException

OFFICIAL_BASE = "https://api.weixin.qq.com"


class ConfigurableClient(WeChatClient):
    """A WeChatClient for `base` (scheme://host[:port]) instead of api.weixin.qq.com."""

    def __init__(self, appid: str, secret: str, base: str | None = None, **kwargs: Any) -> None:
        super().__init__(appid, secret, **kwargs)
        self.base = (base or OFFICIAL_BASE).rstrip("/")
        self.API_BASE_URL = f"{self.base}/cgi-bin/"
        self.wxa.API_BASE_URL = f"{self.base}/"

    def fetch_access_token(self) -> Any:
        return self._fetch_access_token(
            url=f"{self.base}/cgi-bin/token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )


def code_to_session(client: ConfigurableClient, code: str) -> dict[str, Any]:
    """Mini-program login: jscode2session -> {openid, session_key, unionid?}."""
    result: dict[str, Any] = client.wxa.code_to_session(code)
    return result


def send_text(client: ConfigurableClient, openid: str, content: str) -> None:
    """Customer-service message (official account and mini-program alike)."""
    client.message.send_text(openid, content)


# 系统繁忙: worth another try. Expired tokens (40001, 42001) wechatpy refreshes and retries
# itself; anything else (45015 the user has not written for 48 h, 40003 a bad openid, …) will
# not get better by retrying.
RETRYABLE_ERRCODES = frozenset({-1})


def is_retryable(exc: WeChatClientException) -> bool:
    """A network error or an HTTP error status (no errcode), or a transient errcode."""
    return exc.errcode is None or int(exc.errcode) in RETRYABLE_ERRCODES


def send_form_ready(
    client: ConfigurableClient, openid: str, template_id: str, data: dict[str, Any], page: str
) -> None:
    """Mini-program subscribe message telling the citizen the form is ready."""
    client.wxa.send_subscribe_message(openid, template_id, data, page=page)
