"""Invented sample articles for the corpus tests (no text from ../shared: we write our own)."""

from __future__ import annotations

import random

SUBJECTS = [
    "The council", "A local farmer", "The new bridge", "Our reporter", "The school board",
    "A small bakery", "The river authority", "Two engineers", "The city museum", "A night train",
    "The harbour office", "A young violinist", "The weather service", "The cycling club",
]
VERBS = [
    "opened", "delayed", "announced", "repaired", "questioned", "celebrated", "measured",
    "painted", "rebuilt", "visited", "welcomed", "described", "postponed", "examined",
]
OBJECTS = [
    "the market square", "a plan for cheaper buses", "the old lighthouse", "a record harvest",
    "the winter festival", "a shortage of teachers", "the flooded tunnel", "a rare orchid",
    "the budget for next year", "a stolen bicycle", "the quiet library", "an unusual comet",
    "the traffic lights on Mill Road", "a petition about parking",
]
TAILS = [
    "on Monday", "after a long debate", "despite the rain", "for the first time since 1998",
    "with help from volunteers", "before the holidays", "at considerable expense",
    "according to a spokesperson", "in front of a large crowd", "without any warning",
]
BOILERPLATE = [
    "Subscribe to our newsletter", "Share this article", "Cookie settings", "Read more",
    "Advertisement", "Follow us on social media", "All rights reserved",
]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."


def article(seed: int, sentences: int = 12) -> str:
    """A deterministic invented news text of a few paragraphs."""
    rng = random.Random(seed)
    paras = []
    left = sentences
    while left > 0:
        n = min(left, rng.randint(2, 4))
        paras.append(" ".join(sentence(rng) for _ in range(n)))
        left -= n
    return "\n\n".join(paras)


def with_boilerplate(text: str, seed: int) -> str:
    rng = random.Random(seed)
    top = "\n".join(rng.sample(BOILERPLATE, 2))
    bottom = "\n".join(rng.sample(BOILERPLATE, 2))
    return f"{top}\n\n{text}\n\n{bottom}"
