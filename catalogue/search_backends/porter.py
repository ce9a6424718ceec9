"""The Porter stemmer, as SQLite's FTS5 `porter` tokenizer applies it.

PostgreSQL is given words already stemmed by this module (its own 'english'
stemmer is Porter2 and drops stop words, so the two databases would disagree
on which records match). The rules are Porter's 1980 algorithm with the two
changes of his reference implementation that FTS5 also makes ("-bli" becomes
"-ble", "-logi" becomes "-log") and FTS5's length limits; tests check the
result word by word against the FTS5 tokenizer itself.
"""

from functools import lru_cache

VOWELS = frozenset("aeiou")


def _is_consonant(word, i):
    ch = word[i]
    if ch in VOWELS:
        return False
    if ch == "y":
        return i == 0 or not _is_consonant(word, i - 1)
    return True


def _measure(stem):
    """m in [C](VC)^m[V]: how many vowel-consonant sequences `stem` has."""
    m, previous_vowel = 0, False
    for i in range(len(stem)):
        consonant = _is_consonant(stem, i)
        if consonant and previous_vowel:
            m += 1
        previous_vowel = not consonant
    return m


def _has_vowel(stem):
    return any(not _is_consonant(stem, i) for i in range(len(stem)))


def _double_consonant(word):
    return len(word) >= 2 and word[-1] == word[-2] and _is_consonant(word, len(word) - 1)


def _cvc(word):
    """Consonant-vowel-consonant at the end, the last not w, x or y (*o)."""
    n = len(word)
    return (
        n >= 3
        and _is_consonant(word, n - 1)
        and not _is_consonant(word, n - 2)
        and _is_consonant(word, n - 3)
        and word[-1] not in "wxy"
    )


def _replace(word, rules, min_measure):
    """Apply the first rule whose suffix ends `word`; later rules are not tried."""
    for suffix, replacement in rules:
        if word.endswith(suffix):
            stem = word[: len(word) - len(suffix)]
            if _measure(stem) > min_measure:
                return stem + replacement
            return word
    return word


STEP2 = (
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
)
STEP3 = (
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
)
STEP4 = (
    "al",
    "ance",
    "ence",
    "er",
    "ic",
    "able",
    "ible",
    "ant",
    "ement",
    "ment",
    "ent",
    "ion",
    "ou",
    "ism",
    "ate",
    "iti",
    "ous",
    "ive",
    "ize",
)


def _longest_first(rules, key=lambda rule: rule[0]):
    # Several suffixes can end a word ("ement", "ment", "ent"); the longest wins.
    return tuple(sorted(rules, key=lambda rule: -len(key(rule))))


STEP2 = _longest_first(STEP2)
STEP3 = _longest_first(STEP3)
STEP4 = _longest_first(STEP4, key=lambda suffix: suffix)


def _step1(word):
    # FTS5 applies "sses", "ies" and "eed" only after at least one letter.
    if (word.endswith("sses") and len(word) > 4) or (word.endswith("ies") and len(word) > 3):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]

    if word.endswith("eed") and len(word) > 3:
        if _measure(word[:-3]) > 0:
            word = word[:-1]
    else:
        for suffix in ("ed", "ing"):
            if word.endswith(suffix) and _has_vowel(word[: -len(suffix)]):
                word = word[: -len(suffix)]
                if word.endswith(("at", "bl", "iz")):
                    word += "e"
                elif _double_consonant(word) and word[-1] not in "lsz":
                    word = word[:-1]
                elif _measure(word) == 1 and _cvc(word):
                    word += "e"
                break

    if word.endswith("y") and _has_vowel(word[:-1]):
        word = word[:-1] + "i"
    return word


def _step4(word):
    for suffix in STEP4:
        if word.endswith(suffix):
            stem = word[: len(word) - len(suffix)]
            if suffix == "ion" and not stem.endswith(("s", "t")):
                return word
            return stem if _measure(stem) > 1 else word
    return word


def _step5(word):
    if word.endswith("e"):
        stem = word[:-1]
        m = _measure(stem)
        if m > 1 or (m == 1 and not _cvc(stem)):
            word = stem
    if word.endswith("ll") and _measure(word) > 1:
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem(word):
    """The Porter stem of a lower-case, accent-folded word."""
    # FTS5 leaves words shorter than 3 or longer than 64 bytes as they are.
    if not 3 <= len(word.encode("utf-8")) <= 64:
        return word
    word = _step1(word)
    word = _replace(word, STEP2, 0)
    word = _replace(word, STEP3, 0)
    word = _step4(word)
    return _step5(word)
