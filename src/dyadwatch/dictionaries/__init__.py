"""The project's own versioned tables (data/) and their validating loaders."""

from dyadwatch.dictionaries.codebook import Codebook, CodeEntry, load_codebook
from dyadwatch.dictionaries.patterns import Pattern, PatternIndex, load_patterns

__all__ = ["CodeEntry", "Codebook", "Pattern", "PatternIndex", "load_codebook", "load_patterns"]
