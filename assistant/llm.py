"""LLM mode: an OpenAI-compatible chat model writes the answer from numbered passages.

Works with OpenAI, vLLM, llama.cpp's server and Ollama's ``/v1`` through
``langchain-openai``. The model only sees the numbered passages and must cite
them as ``[n]``; :mod:`assistant.verify` checks what it wrote.
"""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from index.config import LlmSettings
from index.search import Passage

SYSTEM_PROMPT = """あなたは日本の行政文書（計画・目標・評価）について質問に答えるアシスタントです。
次のルールを必ず守ってください。
- 回答には、与えられた番号付きの資料だけを使う。一般知識や推測で補わない。
- 事実を述べる文ごとに、根拠とした資料の番号を [1] のように文末に付ける。
- 数値・日付・名称は資料の表記どおりに書く。
- 新旧対照表の資料で「変更案」と「現行」が異なる場合は、どちらの記述かを明記し、両方を示す。
- 資料に答えがない場合は「資料に記載なし」とだけ答える。
- 回答は簡潔に、日本語で1〜3文で書く。"""


def build_messages(question: str, passages: list[Passage], system_prompt: str = "") -> list:
    """System + user messages with numbered passages."""
    blocks = []
    for n, p in enumerate(passages, 1):
        c = p.chunk
        label = f"（{c.version}）" if c.version else ""
        head = f"[{n}] {c.title}{label}"
        if c.section:
            head += f"\n見出し: {c.section_path}"
        blocks.append(f"{head}\n{c.text}")
    user = "資料:\n\n" + "\n\n".join(blocks) + f"\n\n質問: {question}"
    return [SystemMessage(system_prompt or SYSTEM_PROMPT), HumanMessage(user)]


def make_chat_model(settings: LlmSettings, api_key: str | None) -> BaseChatModel:
    """The configured OpenAI-compatible chat model (no request is made here)."""
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.model, base_url=settings.base_url, api_key=api_key or "not-needed",
        timeout=settings.timeout_s, max_retries=0, temperature=settings.temperature,
        max_tokens=settings.max_tokens,
    )
