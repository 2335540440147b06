"""Numbers written in Chinese characters, in Chinese and Japanese texts (`numbers.numbers`):
五千 is 5000, 三百五十 350, 一万二千 12000, 两亿 200,000,000, 一百零五 105, 三点五亿 350,000,000,
and the digits of 二〇二五 2025; in banking numerals, 壹拾贰万叁仟 120,000 (`BANKING`).

A number is left unread, never misread. A numeral is also a word, and the words are read
as English ones are (not at all, `numbers.spelled_numbers` aside): a character alone is no
number (一些 "some", 统一 "unify", 十分 "very", 两岸 "both shores", 三家 "three firms"); nor
is one that does not begin with a digit or a ten (千万 "by all means", 万一 "in case",
百万 of 数百万 "several million"); nor one after "several" (数十万) or before "more" or
"about" and a bigger unit (三十多万 is over 300,000, no 30), nor a range (三四十 "thirty or
forty", 一两 "one or two"), nor digits one by one without a zero (九一八, 三三两两), nor a
fraction's denominator (二十分之一), nor, in Chinese, a number skipping the place under a
myriad without its 零 (一万二百, 三亿五千: `_skipped`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

DIGITS = MappingProxyType({"\u3007": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3,
                           "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_ZEROS = "〇零"
_UNITS = MappingProxyType({"十": 1, "百": 2, "千": 3})
# The banking numerals (Chinese 大写, Japanese 大字), each with the ordinary numeral it
# stands for, in either form. A run is in one kind or the other, or left unread: some are
# also words (大陆 "mainland", 队伍 "team", 收拾 "tidy up", 参加 "take part"), and 大陆十万
# is no 600,000, nor 收拾一下 an 11.
BANKING = MappingProxyType({
    "壹": "一", "壱": "一", "贰": "二", "貳": "二", "弐": "二", "叁": "三", "參": "三",
    "参": "三", "肆": "四", "伍": "五", "陆": "六", "陸": "六", "柒": "七", "捌": "八",
    "玖": "九", "拾": "十", "佰": "百", "仟": "千"})
# The banking numerals that are also words, which begin a number only before a banking
# unit (陆拾万 is 600,000; 陆万, of 大陆万..., is not read); 拾 begins none (壹拾).
_BANKING_WORDS = "伍陆陸参拾"
_TO_ORDINARY = MappingProxyType(str.maketrans(dict(BANKING)))
# Before a number: "several" (数十万, 几百). After it, "more", "some" or "about" and then a
# bigger unit: 三十多万, 十余万, 十几万.
_SEVERAL = "数數几幾"
_ABOUT = "几幾余餘多来來"
# Words a numeral begins that are no number: a greengrocer, match fixing, one's speciality,
# "most urgent".
_WORDS = ("八百屋", "八百長", "十八番", "十万火急")


def pattern(myriads: Mapping[str, int]) -> re.Pattern[str]:
    """A run of numeral characters, its decimals ("三点五亿": only before a myriad, as 三点五
    may be a time) and the myriad after them; `myriads`: the language's (万, 亿, 兆...)."""
    chars = "".join(DIGITS) + "".join(_UNITS) + "".join(BANKING) + "".join(myriads)
    scale = "|".join(sorted(map(re.escape, myriads), key=len, reverse=True))
    # (A banking numeral that is also a word begins no run but before a banking unit, and
    # a number may follow it: 大陆十万 is 100,000.)
    before = "".join(char for char in chars if char not in _BANKING_WORDS)
    return re.compile(
        rf"(?<![{before}{_SEVERAL}\d.,点點])"
        rf"(?P<run>(?![{_BANKING_WORDS}])[{chars}]+|[{_BANKING_WORDS}](?=[拾佰仟])[{chars}]+)"
        rf"(?:[点點](?P<frac>[〇零一二三四五六七八九]+)(?P<scale>{scale}))?"
        rf"(?![{chars}\d]|[{_ABOUT}][{chars}]|分之|[点點][{chars}])")


def value(match: re.Match[str], myriads: Mapping[str, int], chinese: bool) -> Decimal | None:
    """The number a match of `pattern` writes, or None where it is left unread."""
    run, fraction = match.group("run"), match.group("frac")
    text = match.string
    if any(text.startswith(word, match.start()) for word in _WORDS):
        return None
    if any(char in BANKING for char in run):
        if not _banking(run):
            return None
        run = run.translate(_TO_ORDINARY)
    if fraction is not None:
        whole = 0 if run in _ZEROS else _positional(run, myriads, chinese)
        if whole is None or any(char in myriads for char in run):
            return None
        digits = "".join(str(DIGITS[char]) for char in fraction)
        return Decimal(f"{whole}.{digits}").scaleb(myriads[match.group("scale")]).normalize()
    if len(run) == 1:  # a word; a percentage's (百分之五) alone is read
        percent = text[max(0, match.start() - 3):match.start()] in ("百分之", "百分點")
        return Decimal(DIGITS[run]) if percent and run in DIGITS and run not in _ZEROS \
            else None
    if len(run) >= 3 and any(c in _ZEROS for c in run) \
            and all(c in DIGITS and c not in "两兩" for c in run):
        return Decimal(int("".join(str(DIGITS[c]) for c in run)))  # 二〇二五: 2025
    if (run[0] not in DIGITS and run[0] != "十") or run[0] in _ZEROS \
            or (chinese and _skips_place(run, myriads, chinese)):
        return None
    read = _positional(run, myriads, chinese)
    return None if read is None else Decimal(read)


def _skips_place(run: str, myriads: Mapping[str, int], chinese: bool) -> bool:
    """Whether a section after a myriad leaves the number unread (`_skipped`): 一万二百,
    三亿五千, 三亿五百万 in Chinese; 삼억오천, 삼만오 in Korean."""
    chars = "".join(myriads)
    for found in re.finditer(rf"([{chars}]+)([^{chars}]+)(?=([{chars}]?))", run):
        above = sum(myriads[char] for char in found.group(1))  # (三万亿: 10^12)
        below = myriads[found.group(3)] if found.group(3) else 0
        if _skipped(above, found.group(2), below, chinese):
            return True
    return False


def _skipped(above: int, section: str, below: int, chinese: bool) -> bool:
    """Whether a section after a myriad of power `above`, with a myriad of power `below`
    after it (0: none), could be read two ways. Chinese writes 零 where a place is skipped
    (一万零二百, 10,200; 三亿零五千, 300,005,000): without it (一万二百, 三亿五千, 三亿五百万)
    the number may be 10,200 or a slip for 12,000 (as 一万二 is), 300,005,000 or 350,000,000
    (as 三亿五 is, and 三亿五千 in speech); but a digit alone is the short form (一万二,
    三亿五). Korean writes no zero (만이백 is 10,200), but leaves out a myriad in speech:
    after 억 or 조 a section with none (삼억오천, as "3억 5천"), or a digit alone after
    any (삼만오, as "3만 5"), may be either. Japanese writes no zero and has no short forms
    (三億五千 is 300,005,000, 一万二百 10,200): it is read as written, nothing skipped."""
    if section[0] in _ZEROS:
        return False
    lone = len(section) == 1 and not below
    if not chinese:
        return lone or (above >= 8 and not below)
    units = [_UNITS[char] for char in section if char in _UNITS]
    return not lone and (units[0] if units else 0) + below != above - 1


def _banking(run: str) -> bool:
    """Whether a run with banking numerals is a number in them: all its digits and units
    banking ones (零 and the myriads are shared), not begun by one that is also a word
    unless a banking unit follows it."""
    if any((char in DIGITS and char not in _ZEROS) or char in _UNITS for char in run):
        return False
    return run[0] not in _BANKING_WORDS or (run[0] != "拾" and run[1:2] in ("拾", "佰", "仟"))


def _positional(run: str, myriads: Mapping[str, int], chinese: bool,
                bare: bool = False) -> int | None:
    """The number a run of digits, units and myriads writes, or None where it writes none:
    units each smaller than the one before within a myriad (三百五十), a myriad smaller than
    the one before, or a bigger one multiplying them (三万亿, 3 times 10^12). A digit
    after a unit without a zero before it is, in Chinese, the next unit's (三百五 350,
    一万二 12000); in Japanese, the ones' (三百五 305). `bare`: a hundred or a thousand
    may go without its one, and myriads multiply none, as in Korean (천오백 1500)."""
    total = section = 0
    digit: int | None = None
    unit, last, zero, before = 4, 99, False, 0
    for at, char in enumerate(run):
        if char in _ZEROS:
            if at == 0 or digit is not None or zero:
                return None
            zero = True
            continue
        if char in DIGITS:
            if digit is not None:
                return None  # a range (三四十) or digits one by one
            digit = DIGITS[char]
            continue
        power = _UNITS.get(char)
        if power is not None:
            if power >= unit or (digit is None and power != 1 and not bare):
                return None  # 十 alone is ten (十二); 百 and 千 have their digit
            section, unit, digit, zero, before = section + (digit or 1) * 10**power, power, \
                None, False, power
            continue
        power = myriads[char]
        section += digit or 0
        if section == 0:
            if at == 0 or run[at - 1] not in myriads or power <= last or zero or bare:
                return None
            total, last = total * 10**power, last + power  # 三万亿
            continue
        if power >= last:
            return None
        total, last, section, unit, digit, zero, before = total + section * 10**power, \
            power, 0, 4, None, False, power
    if zero and digit is None:
        return None
    if digit is not None:
        section += digit * 10**(before - 1) if chinese and not zero and before > 1 else digit
    return total + section


# Sino-Korean numerals in Hangul, each with the character it reads (오천만 is 五千万), read
# in Korean (`hangul`) and after a number's myriad (`rest`).
HANGUL = MappingProxyType({
    "일": "一", "이": "二", "삼": "三", "사": "四", "오": "五", "육": "六", "륙": "六",
    "칠": "七", "팔": "八", "구": "九", "십": "十", "백": "百", "천": "千", "만": "万",
    "억": "亿", "조": "兆"})
HANGUL_RUN = re.compile(rf"(?<![\uac00-\ud7a3\d])[{''.join(HANGUL)}]+")
_TO_HAN = MappingProxyType(str.maketrans(
    dict(HANGUL) | {str(n): "零一二三四五六七八九"[n] for n in range(10)}))
_HANGUL_MYRIADS = MappingProxyType({"万": 4, "亿": 8, "兆": 12})
HANGUL_MYRIADS = MappingProxyType({"만": 4, "억": 8, "조": 12})
_HANGUL_SCALES = "십백천만억조"
# Two numeral syllables that are more often a word or a name: "this much", arrogance or
# Oman, Sichuan or the city of Sacheon, the city of Icheon, the poet Li Bai, the
# underworld; structure or rescue, sunshine, a trend of thought, the Joseon dynasty.
_HANGUL_WORDS = frozenset({"이만", "오만", "사천", "이천", "이백", "구천", "구조", "일조",
                           "사조", "이조", "육조"})
# What a number of two syllables may be glued to, where another word would make it a name
# or a word (삼천리, 오천석): counters, "won", "dollars", "more than".
_COUNTERS = ("원", "명", "개", "건", "배", "여", "달러", "톤", "가구", "곳", "세")
_SYLLABLE = re.compile("[\uac00-\ud7a3]")


def hangul(match: re.Match[str]) -> Decimal | None:
    """The number a run of Hangul numerals writes (a match of `HANGUL_RUN`), or None where
    it is left unread: it must have a scale (삼백 300, 오천만 50,000,000, 이천이십오
    2025, not 이 or 오, which are also words), begin with a digit or a ten (not 만, "only",
    or 천만, of 천만에요), and be no word (`_HANGUL_WORDS`), year or month (이천이십오년);
    nor end in 이 or 일 after a scale (삼백이 is 300 and a particle, or 302; 삼십일, 31 or
    30 days), nor in what speech may mean otherwise (삼억오천, 삼만오: `_skipped`); a
    number of two syllables is glued to no word but a counter (오백명)."""
    run, after = match.group(0), match.string[match.end():]
    if len(run) < 2 or run[0] in "백천만억조" or not any(c in _HANGUL_SCALES for c in run):
        return None
    if run in _HANGUL_WORDS or (run[-1] in "이일" and run[-2] in _HANGUL_SCALES) \
            or re.match(r"\s?[년월]", after):
        return None
    if len(run) == 2 and _SYLLABLE.match(after) and not after.startswith(_COUNTERS):
        return None
    han = run.translate(_TO_HAN)
    if _skips_place(han, _HANGUL_MYRIADS, chinese=False):
        return None
    read = _positional(han, _HANGUL_MYRIADS, chinese=False, bare=True)
    return None if read is None else Decimal(read)


@dataclass(frozen=True)
class Rests:
    """How a language writes the rest of a number after its myriad (`rest`): the pattern of
    a section and the myriad after it, the myriads, and how a digit after a unit reads
    (`_positional`: in Chinese, the next unit's); in Korean, after a space as well."""

    pattern: re.Pattern[str]
    myriads: Mapping[str, int]
    chinese: bool
    korean: bool
    # Whether numerals in characters are read: elsewhere they leave the number unread.
    characters: bool


def rests(myriads: Mapping[str, int], characters: str, korean: bool) -> Rests:
    """The `Rests` of a language reading `myriads`, numbers in Chinese characters as
    `characters` says ("zh", "ja" or ""), and, where `korean`, Korean ones in Hangul."""
    digits = "0-9" + "".join(DIGITS) + ("일이삼사오육륙칠팔구" if korean else "")
    units = "十百千" + ("십백천" if korean else "")
    scale = "|".join(sorted(map(re.escape, myriads), key=len, reverse=True))
    space = "(?P<space> )?" if korean else "(?P<space>(?!))?"
    return Rests(re.compile(rf"{space}(?P<section>[{digits}{units}]+)(?P<myriad>{scale})?"),
                 MappingProxyType(dict(myriads)), characters == "zh", korean, bool(characters))


def rest(text: str, at: int, last: int, style: Rests, dates: Sequence[tuple[int, int]]
         ) -> tuple[int, int | None]:
    """The rest of a number whose myriad, of power `last`, ends at `at`: where it ends and
    what it adds (0 where nothing follows), or None where it leaves the number unread.
    Read: sections each with a smaller myriad ("3亿5000万", "3亿五千万", Korean "3억 5천만"
    after a space), and after 万 a rest below it ("1万2000", "1万2千", "5万一千" 51,000).
    Unread: a digit alone ("2万5", 25,000 in speech, or 20,005), a rest after 亿 without
    its 万 ("3억 5천", 350,000,000 in speech), a myriad not smaller, digits glued to a
    letter or a decimal ("2万5G"), a myriad after the myriad ("5万万"). In Korean, what
    follows a space is apart where it is a date, no number ("5만 이상", over 50,000) or one
    of its own ("5만 20%"); a numeral alone is a section, not a word ("3만 오 명")."""
    if text[at:at + 1] in style.myriads and at < len(text):
        return at + 1, None  # ("5万万", an old 500,000,000)
    total, end = 0, at
    while (found := style.pattern.match(text, end)) is not None:
        section, myriad = found.group("section"), found.group("myriad")
        if found.group("space") is not None and (
                any(start <= found.start("section") < stop for start, stop in dates)
                or not (myriad or section[0].isascii() or any(c in "십백천" for c in section)
                        or not _SYLLABLE.match(text, found.end()))):
            break  # ("5만 이상": 이, a word's; "3만 오 명" is no 30,000)
        value = _section(section, style)
        if style.chinese and not section.isascii() and _skipped(
                last, section.translate(_TO_HAN), style.myriads.get(myriad or "", 0), True):
            return found.end(), None  # ("5万二百", "3亿五百万": as 五万二百, 三亿五百万)
        if myriad is not None:
            power = style.myriads[myriad]
            if not value or power >= last:
                return found.end(), None
            total, last, end = total + value * 10**power, power, found.end()
            continue
        verdict = _last_section(found, value, last, style)
        if verdict != "apart":
            return found.end(), (total + (value or 0)) if verdict == "read" else None
        break
    return end, total


def _section(section: str, style: Rests) -> int | None:
    """The number below a myriad a section writes: digits ("2000"), digits and units ("2千",
    "5천"; not a digit after a unit, "7千3百1": 7301, or 7310 as 七千三百一 is in Chinese)
    or characters ("一千", "오천")."""
    if section.isascii():
        return int(section) if section[0] != "0" and int(section) < 10**4 else None
    if re.search("[0-9]{2}|[0-9]$", section) or section[0] in "0" + _ZEROS \
            or not (style.characters or all(char not in DIGITS for char in section)):
        return None
    return _positional(section.translate(_TO_HAN), {}, style.chinese, bare=style.korean)


def _last_section(found: re.Match[str], value: int | None, last: int, style: Rests) -> str:
    """Whether the last section of a rest, without a myriad, is "read" with the number,
    leaves it "unread", or is "apart" (`rest`)."""
    section, after = found.group("section"), found.string[found.end():found.end() + 2]
    if re.match(r"[A-Za-z0-9%]|[.,]\d", after) or (section[-1] == "千" and after[:1] in "克米瓦"):
        # (千克, a kilogram: "1万5千克" may be 15 or 10,005 kilograms, or 15,000 grams)
        return "apart" if found.group("space") else "unread"
    if value is None or last != 4 or (len(section) == 1 and section not in "十百千십백천") \
            or (section[-1] in "이일" and section[-2:-1] in tuple(_HANGUL_SCALES)):
        return "unread"  # (육천일: as in `hangul`)
    if style.korean and _SYLLABLE.search(section) and _SYLLABLE.match(after) \
            and not after.startswith(_COUNTERS):
        return "unread"  # a word: "5만 천안", 50,000 and the city of Cheonan
    return "read"
