"""The OpenAPI 3.1 document of the service: every endpoint, and the schema of
each answer, written from the JSON the command line gives (a test holds each
schema to the documented keys and types). Keys may be added to an answer,
never renamed or dropped: every object allows more properties.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from application.commands import declarations
from domain.languages import TRANSLATED
from domain.limits import BODY_CODE

Schema = dict[str, Any]

TEXT: Schema = {"type": "string"}
INTEGER: Schema = {"type": "integer"}
BOOLEAN: Schema = {"type": "boolean"}
DATE: Schema = {"type": "string", "format": "date"}
MOMENT: Schema = {"type": "string", "format": "date-time"}


def nullable(schema: Schema) -> Schema:
    if "enum" in schema:
        return {
            **schema,
            "type": [schema["type"], "null"],
            "enum": [*schema["enum"], None],
        }
    return {**schema, "type": [schema["type"], "null"]}


def choice(*values: str) -> Schema:
    return {"type": "string", "enum": list(values)}


def obj(
    required: dict[str, Schema], optional: dict[str, Schema] | None = None
) -> Schema:
    """An object with `required` keys (and `optional` ones); more may come."""
    return {
        "type": "object",
        "properties": {**required, **(optional or {})},
        "required": list(required),
    }


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


DATES = obj({"start": DATE, "end": DATE})
ACTOR = {"actor": TEXT}
"""Who recorded a decision: shown only to officers and auditors."""

FORMAT = choice("in-person", "hybrid", "online")

CALENDAR = obj(
    {
        "as_of": nullable(DATE),
        "known_at": nullable(MOMENT),
        "sessions": array(
            obj(
                {
                    "body": TEXT,
                    "number": INTEGER,
                    "title": TEXT,
                    "start": nullable(DATE),
                    "end": nullable(DATE),
                    "venue": TEXT,
                    "format": FORMAT,
                    "status": choice(
                        "scheduled", "postponed", "cancelled", "in-session", "closed"
                    ),
                    "original_start": DATE,
                    "original_end": DATE,
                    "postponements": INTEGER,
                    "report_adopted_on": nullable(DATE),
                    "stocktaking": BOOLEAN,
                    "last_changed_on": DATE,
                    "recorded_at": MOMENT,
                    "lapsed": BOOLEAN,
                    "titles": obj({}, dict.fromkeys(TRANSLATED, TEXT)),
                    "timezone": TEXT,
                    "hours": nullable(TEXT),
                }
            )
        ),
    }
)

SUBMISSION_STATUS = ("on-time", "within-extension", "late")

DEADLINES = obj(
    {
        "today": DATE,
        "calls": array(
            obj(
                {
                    "body": TEXT,
                    "period": TEXT,
                    "cycle": INTEGER,
                    "requested_on": DATE,
                    "original_deadline": DATE,
                    "deadline": DATE,
                    "extensions": array(
                        obj(
                            {
                                "to": DATE,
                                "reason": TEXT,
                                "on": DATE,
                                "recorded_at": MOMENT,
                            },
                            ACTOR,
                        )
                    ),
                    "days_left": INTEGER,
                    "submissions": array(
                        obj(
                            {
                                "from": TEXT,
                                "as": choice("member-state", "observer"),
                                "received_on": DATE,
                                "status": choice(*SUBMISSION_STATUS),
                                "reference": nullable(TEXT),
                                "recorded_at": MOMENT,
                                "received_at": nullable(MOMENT),
                            }
                        )
                    ),
                    "counts": obj(dict.fromkeys(SUBMISSION_STATUS, INTEGER)),
                }
            )
        ),
        "milestones": array(
            obj(
                {
                    "body": TEXT,
                    "period": TEXT,
                    "milestone": TEXT,
                    "due_by": DATE,
                    "met_by": nullable(obj({"number": INTEGER, "start": DATE})),
                    "overdue": BOOLEAN,
                }
            )
        ),
        "workplans": array(
            obj(
                {
                    "body": TEXT,
                    "period": TEXT,
                    "adopted_on": DATE,
                    "stocktaking_by": nullable(INTEGER),
                }
            )
        ),
    }
)

POSTPONEMENTS = obj(
    {
        "postponements": array(
            obj(
                {
                    "body": TEXT,
                    "number": INTEGER,
                    "on": DATE,
                    "reason": TEXT,
                    "recorded_at": MOMENT,
                    "from": DATES,
                    "to": nullable(DATES),
                    "announced_in": nullable(TEXT),
                },
                ACTOR,
            )
        )
    }
)

EVENT_KEYS: dict[str, dict[str, Schema]] = {
    "Scheduled": {
        "body": TEXT,
        "number": INTEGER,
        "title": TEXT,
        "dates": DATES,
        "venue": TEXT,
        "format": FORMAT,
        "stocktaking": BOOLEAN,
        "timezone": TEXT,
        "hours": nullable(TEXT),
    },
    "Postponed": {
        "reason": TEXT,
        "previous": DATES,
        "new": nullable(DATES),
        "announced_in": nullable(TEXT),
    },
    "Rescheduled": {
        "previous": nullable(DATES),
        "new": DATES,
        "reason": nullable(TEXT),
    },
    "VenueChanged": {
        "venue": TEXT,
        "format": FORMAT,
        "timezone": TEXT,
        "hours": nullable(TEXT),
    },
    "Cancelled": {"reason": TEXT},
    "AgendaIssued": {"items": array(obj({"number": INTEGER, "title": TEXT}))},
    "DocumentIssued": {
        "kind": TEXT,
        "title": TEXT,
        "symbol": nullable(TEXT),
        "language": TEXT,
    },
    "DocumentCirculated": {"document": TEXT, "to": TEXT, "via": nullable(TEXT)},
    "StatementRecorded": {
        "delegation": TEXT,
        "item": nullable(INTEGER),
        "delegation_as_written": TEXT,
        "unlisted": BOOLEAN,
    },
    "PanelistConfirmed": {
        "name": TEXT,
        "delegation": TEXT,
        "item": INTEGER,
        "title": TEXT,
        "delegation_as_written": TEXT,
        "unlisted": BOOLEAN,
    },
    "Opened": {},
    "Closed": {},
    "ReportAdopted": {"symbol": nullable(TEXT)},
    "Corrected": {
        "title": nullable(TEXT),
        "venue": nullable(TEXT),
        "reason": TEXT,
    },
    "Translated": {"language": TEXT, "title": TEXT},
    "TranslationPublished": {
        "symbol": TEXT,
        "language": TEXT,
        "title": nullable(TEXT),
    },
    "Struck": {
        "entry_version": INTEGER,
        "entry": TEXT,
        "reason": TEXT,
        "status": TEXT,
        "dates": nullable(DATES),
        "venue": TEXT,
        "format": FORMAT,
        "postponements": INTEGER,
        "timezone": TEXT,
        "hours": nullable(TEXT),
    },
}
"""The keys of each kind of event of a session's history, beside the common ones."""

EVENT_COMMON: dict[str, Schema] = {
    "version": INTEGER,
    "event": TEXT,
    "on": DATE,
    "recorded_at": MOMENT,
    "source": nullable(TEXT),
    "assumed": BOOLEAN,
    "decided_by": nullable(TEXT),
    "recorded_via": nullable(choice("cli", "import", "api")),
}

STRUCK = obj(
    {"on": DATE, "reason": TEXT, "recorded_at": MOMENT, "version": INTEGER}, ACTOR
)
"""An entry struck since it was recorded: when, why, by whom."""

HISTORY = obj(
    {
        "body": TEXT,
        "number": INTEGER,
        "events": array(
            {
                "oneOf": [
                    obj(
                        {**EVENT_COMMON, "event": {"const": kind}, **keys},
                        {**ACTOR, "struck": STRUCK},
                    )
                    for kind, keys in EVENT_KEYS.items()
                ]
            }
        ),
    }
)

BODY_EVENT_KEYS: dict[str, dict[str, Schema]] = {
    "Established": {
        "code": TEXT,
        "name": TEXT,
        "parent": nullable(TEXT),
        "mandate": nullable(TEXT),
        "timezone": TEXT,
    },
    "ObserverAdmitted": {
        "name": TEXT,
        "kind": choice("state", "intergovernmental", "other"),
    },
    "Translated": {"language": TEXT, "name": TEXT},
}
"""The keys of each kind of event of a body's own history, beside the common ones."""

BODY_HISTORY = obj(
    {
        "body": TEXT,
        "events": array(
            {
                "oneOf": [
                    obj({**EVENT_COMMON, "event": {"const": kind}, **keys}, ACTOR)
                    for kind, keys in BODY_EVENT_KEYS.items()
                ]
            }
        ),
    }
)

COMMAND_ANSWER = obj(
    {
        "command": TEXT,
        "version": INTEGER,
        "events": array(obj(EVENT_COMMON, ACTOR)),
    }
)
"""What a command recorded: its record's new version, and its events as the
history shows them (each kind with its own keys beside the common ones)."""

PROBLEM = obj(
    {
        "type": {"type": "string", "format": "uri"},
        "title": TEXT,
        "status": INTEGER,
        "detail": TEXT,
    }
)


def parameter(name: str, where: str, schema: Schema, description: str) -> Schema:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "schema": schema,
        "description": description,
    }


BODY_PARAMETER = parameter(
    "body",
    "query",
    {"type": "string", "pattern": f"^{BODY_CODE.pattern}$"},
    "Only this body (its code).",
)


def problems(*statuses: int) -> dict[str, Schema]:
    return {
        str(status): {
            "description": DESCRIPTIONS[status],
            "content": {
                "application/problem+json": {
                    "schema": {"$ref": "#/components/schemas/Problem"}
                }
            },
        }
        for status in statuses
    }


DESCRIPTIONS = {
    304: "The answer is the one the client holds (`If-None-Match`).",
    400: "A parameter is not valid; the detail says which and why.",
    401: "Credentials were given that open nothing: unknown, expired or revoked.",
    403: "The principal's grants do not let it record this command here.",
    404: "The address names no body, session or page of the record.",
    409: "Someone else changed the same record at the same moment; nothing "
    "was written.",
    412: "`If-Match` names another version than the record's; nothing was written.",
    413: "The request's body is larger than 1 MiB.",
    422: "A rule of the secretariat refuses the command; nothing was written.",
    503: "The store cannot be used, or the answer took too long.",
}

ETAG = {
    "ETag": {
        "description": "The answer's tag, for `If-None-Match`.",
        "schema": {"type": "string"},
    }
}


def read(
    summary: str,
    schema_name: str,
    parameters: list[Schema],
    media_type: str = "application/json",
) -> Schema:
    content: Schema = (
        {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        if media_type == "application/json"
        else {"schema": {"type": "string"}}
    )
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "security": [{}, {"bearer": []}],
            "responses": {
                "200": {
                    "description": summary,
                    "headers": ETAG,
                    "content": {media_type: content},
                },
                "304": {"description": DESCRIPTIONS[304], "headers": ETAG},
                **problems(400, 401, 404, 503),
            },
        }
    }


IF_MATCH = parameter(
    "If-Match",
    "header",
    {"type": "string", "pattern": r'^("[0-9]{1,18}"|[0-9]{1,18})$'},
    'Record the command only if its record is at this version (`"12"`: '
    "the `ETag` of an earlier command's answer, or a history's last version).",
)


def commands() -> dict[str, Schema]:
    """One path per declared command, its request's schema derived from the
    command's declaration."""
    return {
        f"/api/commands/{declaration.verb}": {
            "post": {
                "summary": declaration.help.split("\n\n")[0].replace("\n", " "),
                "description": declaration.help,
                "operationId": declaration.verb,
                "parameters": [IF_MATCH],
                "security": [{"bearer": []}],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": declaration.schema()}},
                },
                "responses": {
                    "201": {
                        "description": "Recorded: the record's new version, and "
                        "the events recorded.",
                        "headers": {
                            "ETag": {
                                "description": 'The record\'s new version (`"12"`).',
                                "schema": {"type": "string"},
                            }
                        },
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Recorded"}
                            }
                        },
                    },
                    **problems(400, 401, 403, 404, 409, 412, 413, 422, 503),
                },
            }
        }
        for declaration in declarations()
    }


@cache
def openapi_document() -> Schema:
    """The document, as `GET /api/openapi.json` gives it."""
    try:
        release = version("secretariat")
    except PackageNotFoundError:  # run from a source tree
        release = "0"
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "secretariat",
            "version": release,
            "description": (
                "The record of an intergovernmental body's secretariat: the "
                "calendar of sessions, the deadlines for comments, the "
                "postponements and each session's history, as the command "
                "line's JSON. Answers to requests without credentials (and to "
                "delegations) leave out who recorded each decision (`actor`)."
            ),
        },
        "paths": {
            "/api/calendar": read(
                "The calendar of sessions (`calendar --json`)",
                "Calendar",
                [
                    BODY_PARAMETER,
                    parameter(
                        "as-of",
                        "query",
                        DATE,
                        "The calendar as it stood at the end of this date "
                        "(YYYY-MM-DD).",
                    ),
                    parameter(
                        "known-at",
                        "query",
                        MOMENT,
                        "The calendar as recorded by this moment "
                        "(YYYY-MM-DDTHH:MM[:SS][+HH:MM]; UTC without an offset).",
                    ),
                ],
            ),
            "/api/deadlines": read(
                "The calls for comments and milestones (`deadlines --json`)",
                "Deadlines",
                [
                    BODY_PARAMETER,
                    parameter(
                        "today",
                        "query",
                        DATE,
                        "The day days left and overdue milestones are counted from.",
                    ),
                ],
            ),
            "/api/postponements": read(
                "Every postponement (`postponements --json`)",
                "Postponements",
                [BODY_PARAMETER],
            ),
            "/api/bodies/{body}/sessions/{number}/history": read(
                "Every event of a session, oldest first (`history --json`)",
                "History",
                [
                    {
                        **BODY_PARAMETER,
                        "in": "path",
                        "required": True,
                        "description": "The body's code.",
                    },
                    parameter(
                        "number",
                        "path",
                        {"type": "integer", "minimum": 1, "maximum": 999_999_999},
                        "The session's number.",
                    ),
                ],
            ),
            "/api/bodies/{body}/history": read(
                "Every event of a body itself: its establishment, the observers "
                "it admitted, the translations of its name, oldest first "
                "(`history BODY --json`)",
                "BodyHistory",
                [
                    {
                        **BODY_PARAMETER,
                        "in": "path",
                        "required": True,
                        "description": "The body's code.",
                    },
                ],
            ),
            "/calendar.ics": read(
                "The calendar as an iCalendar file (`calendar --ics`)",
                "",
                [],
                media_type="text/calendar",
            ),
            "/": read(
                "The site's calendar page; every page of the site is linked from it",
                "",
                [],
                media_type="text/html",
            ),
            **commands(),
        },
        "components": {
            "schemas": {
                "Calendar": CALENDAR,
                "Deadlines": DEADLINES,
                "Postponements": POSTPONEMENTS,
                "History": HISTORY,
                "BodyHistory": BODY_HISTORY,
                "Recorded": COMMAND_ANSWER,
                "Problem": PROBLEM,
            },
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": (
                        "A token from `secretariat grant`, or one issued by the "
                        "OpenID Connect provider the service trusts."
                    ),
                }
            },
        },
    }
