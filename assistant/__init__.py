"""The assistant: retrieval chain, answering, citation checks, CLI and chat UI."""
