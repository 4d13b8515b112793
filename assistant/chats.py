"""Chats kept in the browser: a list of conversations, each a list of answer records.

Pure functions over one JSON-safe dict (what Gradio's BrowserState stores in the
browser's localStorage, encrypted with the server's secret)::

    {"chats": [{"id", "title", "created", "records": [record, ...]}], "active": id}

Every function returns a new store and never mutates its input, so an event that
fails leaves the kept chats as they were.
"""

from __future__ import annotations

import copy
import time
import uuid

EMPTY = {"chats": [], "active": None}
MAX_CHATS = 100  # the oldest chats are dropped beyond this (localStorage holds about 5 MB)
TITLE_CHARS = 30


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def normalized(store) -> dict:
    """A well-formed store from whatever the browser sent (a damaged value becomes empty)."""
    if not isinstance(store, dict) or not isinstance(store.get("chats"), list):
        return copy.deepcopy(EMPTY)
    chats = [c for c in store["chats"] if isinstance(c, dict) and isinstance(c.get("id"), str)
             and isinstance(c.get("records", []), list)]
    out = {"chats": [{"id": c["id"], "title": str(c.get("title") or "新しい会話"), "created": c.get("created", 0),
                      "records": [copy.deepcopy(r) for r in c.get("records", []) if isinstance(r, dict)]}
                     for c in chats],
           "active": store.get("active")}
    if out["active"] not in {c["id"] for c in out["chats"]}:
        out["active"] = out["chats"][0]["id"] if out["chats"] else None
    return out


def active(store: dict) -> dict | None:
    return next((c for c in store["chats"] if c["id"] == store.get("active")), None)


def records(store: dict) -> list[dict]:
    chat = active(store)
    return chat["records"] if chat else []


def new_chat(store: dict) -> dict:
    """A new empty chat, made active and listed first (an empty active chat is reused)."""
    store = normalized(store)
    current = active(store)
    if current is not None and not current["records"]:
        return store
    chat = {"id": new_id(), "title": "新しい会話", "created": time.time(), "records": []}
    store["chats"] = [chat, *store["chats"]][:MAX_CHATS]
    store["active"] = chat["id"]
    return store


def select(store: dict, chat_id: str) -> dict:
    store = normalized(store)
    if any(c["id"] == chat_id for c in store["chats"]):
        store["active"] = chat_id
    return store


def rename(store: dict, title: str) -> dict:
    store = normalized(store)
    chat = active(store)
    title = " ".join((title or "").split())[:TITLE_CHARS * 2]
    if chat is not None and title:
        chat["title"] = title
    return store


def delete(store: dict) -> dict:
    """Delete the active chat; the next one becomes active."""
    store = normalized(store)
    ids = [c["id"] for c in store["chats"]]
    if store["active"] in ids:
        i = ids.index(store["active"])
        store["chats"].pop(i)
        store["active"] = store["chats"][min(i, len(store["chats"]) - 1)]["id"] if store["chats"] else None
    return store


def add_record(store: dict, record: dict) -> dict:
    """Append an answer record to the active chat (made first if none); the first question names the chat."""
    store = normalized(store)
    if active(store) is None:
        store = new_chat(store)
    chat = active(store)
    if not chat["records"] and chat["title"] == "新しい会話":
        q = " ".join(str(record.get("question", "")).split())
        chat["title"] = (q[:TITLE_CHARS] + "…") if len(q) > TITLE_CHARS else (q or chat["title"])
    chat["records"].append(record)
    return store


def find(store: dict, turn_id: str) -> dict | None:
    """The record with this id, in any chat."""
    for chat in normalized(store)["chats"]:
        for rec in chat["records"]:
            if rec.get("id") == turn_id:
                return rec
    return None


def set_vote(store: dict, turn_id: str, vote: str | None) -> dict:
    """Record (or with None take back) the vote on one answer, found by its id."""
    store = normalized(store)
    for chat in store["chats"]:
        for rec in chat["records"]:
            if rec.get("id") == turn_id:
                rec["vote"] = vote
    return store


def choices(store: dict) -> list[tuple[str, str]]:
    """(label, id) for the chat list, newest first."""
    return [(f"{c['title']}（{len(c['records'])}）", c["id"]) for c in normalized(store)["chats"]]
