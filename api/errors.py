"""The one error shape: {"error": {"code": ..., "message": ...}}; Chinese on citizen routes.

Only this module maps domain exceptions (guides.errors) to HTTP statuses.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from guides import errors

STATUS: list[tuple[type[errors.ShejiuError], int, str]] = [
    (errors.UnknownRegionError, 404, "unknown_region"),
    (errors.UnknownItemError, 404, "unknown_item"),
    (errors.HouseholdInputError, 422, "invalid_household"),
    (errors.SessionNotFound, 404, "session_not_found"),
    (errors.SessionForbidden, 403, "forbidden"),
    (errors.SessionConflict, 409, "busy"),
    (errors.RateLimited, 429, "rate_limited"),
    (errors.HandoffTaken, 409, "taken"),
    (errors.HandoffNotWaiting, 409, "not_waiting"),
    (errors.KnowledgeBaseError, 400, "kb_error"),
    (errors.GuideDataError, 500, "guide_data_error"),
]

FIELD_LABELS = {
    "text": "消息内容",
    "choice": "选项",
    "region": "地区",
    "household": "家庭情况",
    "code": "登录凭证",
    "q": "问题",
}

HTTP_MESSAGES = {
    401: "请先登录。",
    403: "您没有权限这样做。",
    404: "没有找到您要的内容。",
    405: "不支持这个操作。",
    413: "内容太长了，请简短一些。",
    429: "操作太频繁了，请稍等一分钟再试。",
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def _validation_message(exc: RequestValidationError) -> str:
    first = exc.errors()[0] if exc.errors() else {}
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path")]
    field = loc[0] if loc else ""
    label = FIELD_LABELS.get(field, field)
    path = "·".join(loc[1:])
    where = f"“{label}{('（' + path + '）') if path else ''}”" if label else "提交的内容"
    limit = (first.get("ctx") or {}).get("max_length")
    if first.get("type") == "string_too_long" and limit:
        return f"{where}太长了，最多{limit}个字。请简短一些，分几次说也可以。"
    return f"{where}填写得不对，请检查后再试。"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.status)

    @app.exception_handler(errors.ShejiuError)
    async def _domain(_: Request, exc: errors.ShejiuError) -> JSONResponse:
        for kind, status, code in STATUS:
            if isinstance(exc, kind):
                return JSONResponse(error_body(code, exc.message_zh), status_code=status)
        return JSONResponse(error_body("error", exc.message_zh), status_code=400)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(error_body("invalid_request", _validation_message(exc)), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = HTTP_MESSAGES.get(exc.status_code, "请求有误。")
        return JSONResponse(
            error_body(f"http_{exc.status_code}", message), exc.status_code, headers=exc.headers
        )

    # Everything else (Redis unreachable, unexpected errors) is answered by api.guard.Guard,
    # the outermost middleware, without closing the connection.
