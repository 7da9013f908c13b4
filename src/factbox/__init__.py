"""factbox: fact boxes for English articles.

>>> import factbox
>>> box = factbox.profile("The cat sat on the mat. It was happy.")
>>> (box.tokens, box.types, box.counts.sentences)
(9, 8, 2)
"""

from factbox._engine import engine
from factbox.clean import Article, NoArticleError, Removal, clean
from factbox.config import ProfileConfig
from factbox.counts import Counts
from factbox.diversity import Diversity
from factbox.errors import ConfigError, EmptyTextError, FactboxError, InputError
from factbox.level import (
    SentenceLevel,
    format_estimate,
    format_sentence_levels,
    sentence_levels,
)
from factbox.profile import FactBox, profile
from factbox.readability import Readability
from factbox.sentences import sentences
from factbox.syllables import syllables
from factbox.tokens import words
from factbox.vocabulary import (
    HardWord,
    VocabularyProfile,
    format_vocabulary,
    vocabulary_profile,
)

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # factbox.Corpus is imported on first use: `import factbox` stays light (no sqlite/numpy)
    if name == "Corpus":
        from factbox.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'factbox' has no attribute {name!r}")

__all__ = [
    "Article",
    "ConfigError",
    "Corpus",
    "Counts",
    "Diversity",
    "EmptyTextError",
    "FactBox",
    "FactboxError",
    "HardWord",
    "InputError",
    "NoArticleError",
    "ProfileConfig",
    "Readability",
    "Removal",
    "SentenceLevel",
    "VocabularyProfile",
    "clean",
    "engine",
    "format_estimate",
    "format_sentence_levels",
    "format_vocabulary",
    "profile",
    "sentence_levels",
    "sentences",
    "syllables",
    "vocabulary_profile",
    "words",
]
