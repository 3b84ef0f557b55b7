"""Events found by a rule rather than by a trigger pattern's own frame."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadwatch.dictionaries.patterns import Pattern
from dyadwatch.model import Mention


@dataclass(frozen=True, slots=True)
class DerivedAct:
    """What a statement demands or judges ("X said Y must …"), a mediation named by a participle
    ("Russian-brokered talks between X and Y"), an investigation's finding: the word that
    carries it, the pattern it is coded with, and its two sides."""

    trigger: Token
    pattern: Pattern
    source: Mention
    target: Mention
