"""Actor knowledge base: countries, named actors and agent nouns, and mention coding.

The tables ship in ``data/`` (see its README for columns and sources) and are read lazily,
once, by :meth:`KnowledgeBase.load`.

Example:
    >>> kb = KnowledgeBase.load()
    >>> kb.country("North Koreans").iso3
    'PRK'
    >>> code_mention("the Russian president", kb, 2023).actor.name
    'Vladimir Putin'
"""

from __future__ import annotations

from .base import KnowledgeBase
from .coder import code_mention
from .loader import KnowledgeBaseError
from .model import KINDS, OFFICES, SECTORS, Actor, Agent, Coding, Country, Words

__all__ = [
    "KINDS",
    "OFFICES",
    "SECTORS",
    "Actor",
    "Agent",
    "Coding",
    "Country",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Words",
    "code_mention",
]
