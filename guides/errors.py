"""Domain exceptions of the whole project, in one tree. Only api/ maps them to HTTP.

ShejiuError
├── GuideDataError        a guide, parameter or question file is malformed (names file + path)
├── UnknownRegionError    a region id that is not in the glossary or not enabled
├── UnknownItemError      an item id that is not in the glossary or not offered in a region
├── ParameterNotFound     no value of a parameter for that region, variant and date
├── PlaceNeeded           a parameter differs by city/county and the household's place is unknown
├── HouseholdInputError   a household fact is invalid (names the field, message in Chinese)
├── SessionError          a conversation session problem
│   ├── SessionNotFound
│   ├── SessionConflict   two writers raced; retried by the caller
│   ├── RateLimited       over a request limit (counted with the session's take)
│   └── SessionForbidden  the caller does not own the session
└── KnowledgeBaseError    a KB entry or workflow problem (invalid transition, missing entry)
    ├── EntryNotFound       no such entry (or no such version of it)
    ├── EntryExists         an entry with that id already exists
    ├── InvalidTransition   the workflow does not allow that action in the entry's status
    └── ReviewerConflict    the reviewer of a version must not be its author
└── NluBackendError       the NLU backend (e.g. a Rasa server) failed or answered unexpectedly
"""

from __future__ import annotations


class ShejiuError(Exception):
    """Base of every domain error. `message_zh` is safe to show to a citizen."""

    message_zh: str = "出了点问题，请稍后再试。"

    def __init__(self, message: str, *, message_zh: str | None = None) -> None:
        super().__init__(message)
        if message_zh is not None:
            self.message_zh = message_zh


class GuideDataError(ShejiuError):
    def __init__(self, file: str, path: str, problem: str) -> None:
        self.file, self.path, self.problem = file, path, problem
        super().__init__(f"{file}: {path}: {problem}")


class UnknownRegionError(ShejiuError):
    def __init__(self, region: str) -> None:
        self.region = region
        super().__init__(
            f"unknown region: {region!r}",
            message_zh=f"暂不支持这个地区（{region}）。目前支持：甘肃、宁夏、山西、济南历城。",
        )


class UnknownItemError(ShejiuError):
    def __init__(self, item: str, region: str | None = None) -> None:
        self.item, self.region = item, region
        where = f" in {region}" if region else ""
        super().__init__(f"unknown item: {item!r}{where}", message_zh=f"没有这个救助事项：{item}")


class ParameterNotFound(ShejiuError):
    def __init__(self, name: str, region: str, variant: str | None, on: str) -> None:
        super().__init__(f"no value of {name} for {region}/{variant} on {on}")


class PlaceNeeded(ShejiuError):
    """Screening needs the household's city/county: `name` has different values within the
    region on that date (the questionnaire then asks for the place)."""

    def __init__(self, name: str, region: str) -> None:
        self.name = name
        super().__init__(f"{name} differs by place in {region}; the household's place is unknown")


class HouseholdInputError(ShejiuError):
    def __init__(self, field: str, message_zh: str) -> None:
        self.field = field
        super().__init__(f"invalid household field {field}: {message_zh}", message_zh=message_zh)


class SessionError(ShejiuError):
    pass


class SessionNotFound(SessionError):
    message_zh = "没有找到这次对话，可能已经过期了。我们重新开始吧。"


class SessionConflict(SessionError):
    message_zh = "消息太快啦，请稍等一下再发。"


class RateLimited(SessionError):
    """Over a request limit of the API (counted with the session's take, dialogue.store.Quota)."""

    message_zh = "操作太频繁了，请稍等一分钟再试。"


class SessionForbidden(SessionError):
    message_zh = "您没有权限查看这次对话。"


class HandoffTaken(SessionError):
    message_zh = "这位群众已经由其他坐席接起了。"


class HandoffNotWaiting(SessionError):
    message_zh = "这位群众已经不在等人工了。"


class KnowledgeBaseError(ShejiuError):
    pass


class EntryNotFound(KnowledgeBaseError):
    message_zh = "没有找到这条知识。"

    def __init__(self, entry_id: str, version: int | None = None) -> None:
        self.entry_id, self.version = entry_id, version
        which = f" version {version}" if version is not None else ""
        super().__init__(f"no knowledge-base entry {entry_id!r}{which}")


class EntryExists(KnowledgeBaseError):
    message_zh = "这条知识已经存在了，请换一个编号，或直接修改原来那条。"

    def __init__(self, entry_id: str) -> None:
        self.entry_id = entry_id
        super().__init__(f"knowledge-base entry {entry_id!r} already exists")


class InvalidTransition(KnowledgeBaseError):
    message_zh = "这条知识现在的状态不能做这个操作。"

    def __init__(self, entry_id: str, status: str, action: str) -> None:
        self.entry_id, self.status, self.action = entry_id, status, action
        super().__init__(
            f"cannot {action} entry {entry_id!r} in status {status!r}",
            message_zh=_transition_zh(status, action),
        )


_TRANSITION_ZH = {
    "in_review": "这条知识正在审核，审核完或被退回后才能再修改、导入或提交。",
    "published": "这条知识已经发布了，不需要再做这个操作。",
    "retired": "这条知识已经下线了，请先修改再提交审核。",
    "draft": "这条知识还是草稿，请先提交审核。",
}


def _transition_zh(status: str, action: str) -> str | None:
    if action == "rollback":
        return "只能回滚到发布过的版本。"
    if action == "retire":
        return "这条知识现在没有在线上，不用下线。"
    return _TRANSITION_ZH.get(status)


class ReviewerConflict(KnowledgeBaseError):
    message_zh = "审核人不能是这条知识的作者，请换一位同事审核。"

    def __init__(self, entry_id: str, person: str) -> None:
        self.entry_id = entry_id
        super().__init__(f"{person!r} wrote entry {entry_id!r} and cannot review it")


class NluBackendError(ShejiuError):
    """The NLU backend (e.g. a Rasa server) failed or returned an unexpected response."""

    message_zh = "暂时没听明白，请稍后再说一遍。"
