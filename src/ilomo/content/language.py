"""Begrijpelijke taal: a clear-language report over the learner-facing pages of the built book.

Per page: the number of sentences and words, the average sentence length, the share of sentences over 25 words and
the Flesch-Douma reading ease (the Dutch adaptation of Flesch's formula, Douma 1960)::

    206.84 - 0.77 * (syllables per 100 words) - 0.93 * (average words per sentence)

Higher is easier: roughly 60-70 is plain language, below 30 is hard. The score is a signal, not a verdict on a text.

What counts as text: the main content of a built page (``article.bd-article``), one block per paragraph, list item,
definition, quote or caption, including the text version of every exercise (the scenario texts a learner sees).
Headings, code cells, tables and the exercises' JSON data are left out. Sentences are split with
``ilomo.content.modules.sentences`` (the helper the module checks use), and a word is a token with a letter or digit
in it.

Syllables are counted approximately, by vowel groups: every run of vowels (a e i o u y, also accented) is one
syllable, so ``ij``, ``ui``, ``oe``, ``eeuw`` and ``aai`` each count once. A vowel with a diaeresis (``ë``, ``ï``)
starts a new syllable, as in ``beïnvloeden`` and ``knieën``. A word has at least one syllable (numbers, abbreviations).
The count is off for loan words (``team``, ``theater``) and some vowel clashes (``beamen``), usually by one syllable;
over a page these errors are small and they do not touch the sentence-length gate.

English words: ``ENGLISH_WORDS`` lists English words that learner pages should not use without explanation, each with
what to say instead. A page that uses such a word (also its plural with -s) without also containing the Dutch
alternative gets the word in the report. Words that Dutch has taken over (online, website, browser, download,
back-up, app, e-mail, link, team, privacy) are not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ilomo.content.modules import sentences

# English word -> what to say instead, or the Dutch words that explain it on the same page.
ENGLISH_WORDS: dict[str, str] = {
    "dashboard": "overzicht",
    "pilot": "proef",
    "influencer": "veel volgers",
    "screenshot": "schermafbeelding",
    "privacy officer": "privacyfunctionaris",
    "open space technology": "interactieve sessie",
    "take-away": "les die",
    "overkill": "te veel",
    "key": "sleutel",
    "timing": "moment",
    "tool": "hulpmiddel",
    "issue": "melding",
    "stakeholder": "belanghebbende",
    "framing": "manier van brengen",
    "community": "gemeenschap",
}
LONG_SENTENCE_WORDS = 25  # a sentence over this many words counts as long
MAX_AVERAGE_WORDS = 18.0  # a page whose average sentence is longer fails the gate

_VOWEL_GROUP = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+")
_DIAERESIS = "äëïöü"
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
BLOCKS = ("p", "li", "dd", "dt", "blockquote", "figcaption")
SKIP = ("script", "style", "pre", "table", "h1", "h2", "h3", "h4", "h5", "h6", "nav", "button")


def words(sentence: str) -> list[str]:
    return [w for w in sentence.split() if re.search(r"\w", w)]


def syllables(word: str) -> int:
    """Dutch syllables by vowel groups; a vowel with a diaeresis starts a new group. At least 1."""
    count = 0
    for group in _VOWEL_GROUP.findall(word.lower()):
        count += 1 + sum(1 for i, char in enumerate(group) if i > 0 and char in _DIAERESIS)
    return max(1, count)


def split_sentences(text: str) -> list[str]:
    """The sentences of one block of plain text, split by ilomo.content.modules.sentences."""
    # Escape Markdown syntax: the text is plain, and `*`, `#` or `1.` must stay text.
    return sentences(_MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(text.split())), tables=False)


def unexplained_english(text: str) -> list[tuple[str, str]]:
    """(English word, what to say instead) for each word of ENGLISH_WORDS in `text` whose Dutch alternative is not
    in `text` too. Case-insensitive; the plural with -s counts."""
    lowered = " ".join(text.lower().split())
    return [
        (word, alternative)
        for word, alternative in ENGLISH_WORDS.items()
        if re.search(rf"(?<![\w-]){re.escape(word)}s?(?![\w-])", lowered) and alternative not in lowered
    ]


@dataclass(frozen=True)
class PageScore:
    page: str
    sentences: int
    words: int
    syllables: int
    long_sentences: int
    longest: str
    english: tuple[tuple[str, str], ...] = ()  # unexplained English words: (word, what to say instead)

    @property
    def average_words(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        return self.long_sentences / self.sentences if self.sentences else 0.0

    @property
    def flesch_douma(self) -> float:
        if not self.words:
            return 0.0
        return 206.84 - 0.77 * (100 * self.syllables / self.words) - 0.93 * self.average_words

    @property
    def too_long(self) -> bool:
        return self.average_words > MAX_AVERAGE_WORDS


def score_text(page: str, blocks: list[str]) -> PageScore:
    found = [s for block in blocks for s in split_sentences(block)]
    counts = [words(s) for s in found]
    longest = max(found, key=lambda s: len(words(s)), default="")
    return PageScore(
        page=page,
        sentences=len(found),
        words=sum(len(w) for w in counts),
        syllables=sum(syllables(word) for ws in counts for word in ws),
        long_sentences=sum(1 for w in counts if len(w) > LONG_SENTENCE_WORDS),
        longest=longest,
        english=tuple(unexplained_english(" ".join(blocks))),
    )


def page_blocks(html: str) -> list[str]:
    """The text blocks of a built page's main content (see the module docstring)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("article.bd-article") or soup.select_one("main") or soup
    for tag in main.find_all([*SKIP, "div"]):
        if not tag.decomposed and (tag.name in SKIP or _is_code(tag)):
            tag.decompose()
    for tag in main.select(".headerlink, script.ilomo-data, .ilomo-speler"):
        tag.decompose()
    blocks = []
    for block in main.find_all(BLOCKS):
        own = [s for s in block.find_all(string=True) if s.find_parent(BLOCKS) is block]
        text = " ".join("".join(own).split())
        if text:
            blocks.append(text)
    return blocks


def _is_code(tag) -> bool:
    classes = tag.get("class") or []
    return any(c in classes for c in ("cell_input", "highlight"))


def score_page(page: str, html: str) -> PageScore:
    return score_text(page, page_blocks(html))


def report(scores: list[PageScore]) -> str:
    """The report as Markdown: one row per page, the pages over the limit named below the table."""
    lines = [
        "# Taalrapport: begrijpelijke taal",
        "",
        f"Gemiddelde zinslengte per pagina; een pagina boven {MAX_AVERAGE_WORDS:g} woorden per zin "
        "haalt de toets niet.",
        f"'Lang' is een zin van meer dan {LONG_SENTENCE_WORDS} woorden. Flesch-Douma: hoger is makkelijker "
        "(60-70 is eenvoudig); lettergrepen zijn geteld met klinkergroepen (een benadering, zie ilomo/language.py).",
        "",
        "| pagina | zinnen | woorden | gem. woorden per zin | lange zinnen | Flesch-Douma | oordeel |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for s in scores:
        verdict = "te lang" if s.too_long else "goed"
        lines.append(
            f"| {s.page} | {s.sentences} | {s.words} | {s.average_words:.1f} | {s.long_share:.0%} "
            f"| {s.flesch_douma:.0f} | {verdict} |"
        )
    total = score_total(scores)
    lines.append(
        f"| **alle pagina's** | {total.sentences} | {total.words} | {total.average_words:.1f} "
        f"| {total.long_share:.0%} | {total.flesch_douma:.0f} | |"
    )
    failing = [s for s in scores if s.too_long]
    if failing:
        lines += ["", "Pagina's met te lange zinnen (de langste zin):", ""]
        lines += [f"- {s.page}: {len(words(s.longest))} woorden: '{s.longest}'" for s in failing]
    english = [s for s in scores if s.english]
    if english:
        lines += ["", "Engelse woorden zonder uitleg (zeg liever):", ""]
        lines += [f"- {s.page}: " + "; ".join(f"'{w}' (zeg: '{alt}')" for w, alt in s.english) for s in english]
    return "\n".join(lines) + "\n"


def score_total(scores: list[PageScore]) -> PageScore:
    return PageScore(
        page="totaal",
        sentences=sum(s.sentences for s in scores),
        words=sum(s.words for s in scores),
        syllables=sum(s.syllables for s in scores),
        long_sentences=sum(s.long_sentences for s in scores),
        longest=max((s.longest for s in scores), key=lambda t: len(words(t)), default=""),
    )


def learner_pages(html_dir: Path, toc_files: list[str]) -> list[Path]:
    """Built pages learners read: book/*.md (not the authors' page, not subfolders such as trainers/) and notebooks."""
    pages = []
    for name in toc_files:
        parts = Path(name).with_suffix("").parts
        learner = (len(parts) == 2 and parts[0] == "book" and parts[1] != "auteurs") or parts[0] == "notebooks"
        if learner and (html_dir / Path(*parts).with_suffix(".html")).is_file():
            pages.append(html_dir / Path(*parts).with_suffix(".html"))
    return pages
