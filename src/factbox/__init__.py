"""factbox: fact boxes for English articles.

>>> import factbox
>>> box = factbox.profile("The cat sat on the mat. It was happy.")
>>> (box.tokens, box.types, box.counts.sentences)
(9, 8, 2)
"""

from factbox.clean import Article, NoArticleError, Removal, clean
from factbox.config import ProfileConfig
from factbox.counts import Counts
from factbox.diversity import Diversity
from factbox.errors import ConfigError, EmptyTextError, FactboxError, InputError
from factbox.profile import FactBox, profile
from factbox.readability import Readability
from factbox.sentences import sentences
from factbox.syllables import syllables
from factbox.tokens import words

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigError",
    "Counts",
    "Diversity",
    "EmptyTextError",
    "FactBox",
    "FactboxError",
    "InputError",
    "NoArticleError",
    "ProfileConfig",
    "Readability",
    "Removal",
    "clean",
    "profile",
    "sentences",
    "syllables",
    "words",
]
