"""A LangChain retriever over the hybrid index."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.search import Filters, Passage, Searcher


class PassageRetriever(BaseRetriever):
    """``BaseRetriever`` returning LangChain documents; the ranked
    :class:`~index.search.Passage` rides along in ``metadata['passage']``."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: Searcher
    k: int = 5
    mode: str = "hybrid"
    filters: Filters | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                **kwargs: Any) -> list[Document]:
        k = kwargs.get("k", self.k)
        mode = kwargs.get("mode", self.mode)
        filters = kwargs.get("filters", self.filters)
        passages = self.searcher.search(query, k=k, mode=mode, filters=filters)
        return [to_document(p) for p in passages]


def to_document(p: Passage) -> Document:
    meta = p.to_json()
    meta.pop("text")
    meta["passage"] = p
    return Document(page_content=p.chunk.text, metadata=meta)


def passages_of(docs: list[Document]) -> list[Passage]:
    return [d.metadata["passage"] for d in docs]
