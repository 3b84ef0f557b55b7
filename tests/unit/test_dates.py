"""Event dates: which time expression dates a trigger, and what date it names."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Span, Token

from dyadwatch.coding.dates import (
    EventDate,
    date_of_event,
    is_recap,
    resolve_expression,
    tense_of,
    time_expressions,
)

FRI = date(2017, 1, 13)  # a Friday
WED = date(2017, 1, 11)
EARLY_JAN = date(2017, 1, 3)
LATE_DEC = date(2016, 12, 28)


def _parse(nlp: Language, text: str, trigger: str) -> tuple[Span, Token]:
    doc = nlp(text)
    (sent,) = list(doc.sents)
    token = next(t for t in doc if t.text == trigger)
    return sent, token


# (sentence, trigger word, publication date, date, precision, end)
DATED = [
    # relative to publication
    ("Russia and Azerbaijan signed a gas agreement last year.", "signed", FRI,
     "2016-01-01", "year", ""),
    ("Ankara hopes to double trade with Tbilisi this year.", "double", FRI,
     "2017-01-01", "year", ""),
    ("Tehran condemned the air strike yesterday.", "condemned", FRI, "2017-01-12", "day", ""),
    ("Kiev expelled two Russian diplomats last week.", "expelled", FRI,
     "2017-01-02", "week", ""),
    ("Earlier this week, Iran accused Saudi Arabia of bombing its embassy.", "accused", FRI,
     "2017-01-09", "week", ""),
    ("Lavrov and Kerry talked by phone two days ago.", "talked", FRI, "2017-01-11", "day", ""),
    ("Washington imposed new sanctions on Moscow this morning.", "imposed", FRI,
     "2017-01-13", "day", ""),
    ("The two navies will hold joint drills tomorrow.", "hold", FRI, "2017-01-14", "day", ""),
    ("The negotiations will resume next month.", "resume", LATE_DEC, "2017-01-01", "month", ""),
    ("Beijing will raise tariffs on Japanese cars next year.", "raise", LATE_DEC,
     "2017-01-01", "year", ""),
    # weekdays: the one before publication for past events, the coming one for future ones
    ("Putin met Erdogan in Sochi on Friday.", "met", WED, "2017-01-06", "day", ""),
    ("Putin will meet Erdogan in Sochi on Friday.", "meet", WED, "2017-01-13", "day", ""),
    ("China summoned the Japanese ambassador on Tuesday.", "summoned", FRI,
     "2017-01-10", "day", ""),
    ("The envoy returned from Kabul last Monday.", "returned", date(2017, 1, 16),
     "2017-01-09", "day", ""),
    ("The Saudi delegation arrived in Tehran on Monday.", "arrived", date(2017, 1, 15),
     "2017-01-09", "day", ""),
    # month names: the tense picks the year
    ("The defence ministers met in March.", "met", FRI, "2016-03-01", "month", ""),
    ("Lavrov will visit Baku starting March.", "visit", FRI, "2017-03-01", "month", ""),
    ("Russian jets bombed the town last August.", "bombed", FRI, "2016-08-01", "month", ""),
    ("Belarus plans to hold joint exercises with Russia in September.", "hold", FRI,
     "2017-09-01", "month", ""),
    ("Erdogan is scheduled to visit Moscow in February.", "visit", FRI,
     "2017-02-01", "month", ""),
    ("The president is going to visit Paris in December.", "visit", FRI,
     "2017-12-01", "month", ""),
    ("The planned visit to Tehran in February was cancelled.", "visit", FRI,
     "2017-02-01", "month", ""),
    ("Kazakhstan hosted talks on Syria in mid-January.", "hosted", date(2017, 2, 2),
     "2017-01-01", "month", ""),
    # across the year boundary
    ("The Serbian and Kosovar leaders met in Brussels in December.", "met", EARLY_JAN,
     "2016-12-01", "month", ""),
    ("The president visited China in late December.", "visited", EARLY_JAN,
     "2016-12-01", "month", ""),
    ("The two leaders will meet again in December.", "meet", EARLY_JAN,
     "2017-12-01", "month", ""),
    ("India and Pakistan will resume talks in January.", "resume", LATE_DEC,
     "2017-01-01", "month", ""),
    ("India and Pakistan resumed talks in January.", "resumed", LATE_DEC,
     "2016-01-01", "month", ""),
    ("Japan and South Korea signed the pact on 28 December.", "signed", date(2017, 1, 4),
     "2016-12-28", "day", ""),
    ("The summit of the Gulf states will take place on 5 January.", "take", date(2016, 12, 20),
     "2017-01-05", "day", ""),
    # absolute dates
    ("The foreign ministers met in Minsk in April 2016.", "met", FRI,
     "2016-04-01", "month", ""),
    ("The envoys held talks on 12 January.", "held", FRI, "2017-01-12", "day", ""),
    ("The talks ended on January 12, 2017.", "ended", FRI, "2017-01-12", "day", ""),
    ("Russia invaded Georgia in August 2008.", "invaded", FRI, "2008-08-01", "month", ""),
    ("Greece and Turkey signed the accord in 2010.", "signed", FRI, "2010-01-01", "year", ""),
    ("Riyadh and Tehran cut ties in early 2016.", "cut", FRI, "2016-01-01", "year", ""),
    ("The Soviet Union invaded Afghanistan in 1979.", "invaded", FRI, "1979-01-01", "year", ""),
    # a month word and a year attached to the same event noun combine
    ("The August meeting of the two presidents in 2016 was a success.", "meeting", FRI,
     "2016-08-01", "month", ""),
    ("The August meeting of the two presidents in 2016 was a success.", "was", FRI,
     "2016-08-01", "month", ""),
    # coarse historical dates
    ("Persia lost the Caucasus to Russia in the 19th century.", "lost", FRI,
     "1800-01-01", "century", ""),
    ("In the 1990s, Russia fought two wars in Chechnya.", "fought", FRI,
     "1990-01-01", "decade", ""),
    # periods
    ("Moscow and Minsk adopted a programme for 2017–2019.", "adopted", FRI,
     "2017-01-01", "year", "2019-12-31"),
    ("NATO approved a plan for 2015-2025.", "approved", FRI,
     "2015-01-01", "year", "2025-12-31"),
    ("Both sides will cooperate on energy from 2017 to 2019.", "cooperate", FRI,
     "2017-01-01", "year", "2019-12-31"),
    ("Ukraine and Russia exchanged prisoners between 2014 and 2016.", "exchanged", FRI,
     "2014-01-01", "year", "2016-12-31"),
    # which expression belongs to the trigger
    ("Georgia has been a member since 2009, and it signed the deal in 2014.", "signed", FRI,
     "2014-01-01", "year", ""),
    ("Putin said on Thursday that Russia would send more troops to Syria.", "send", FRI,
     "2017-01-12", "day", ""),
    ("Putin said on Thursday that Russia would send troops to Syria in March.", "send", FRI,
     "2017-03-01", "month", ""),
    ("Egypt criticized the 2016 agreement.", "agreement", FRI, "2016-01-01", "year", ""),
    ("Russia recognised Abkhazia in 2008 after a five-day war.", "recognised", FRI,
     "2008-01-01", "year", ""),
    ("The two sides may sign the treaty in May.", "sign", FRI, "2017-05-01", "month", ""),
    ("The border talks ran from Monday to Wednesday.", "ran", FRI, "2017-01-09", "day",
     "2017-01-11"),
    ("Tokyo protested on 3 March 2015 against the Chinese patrols.", "protested", FRI,
     "2015-03-03", "day", ""),
]


@pytest.mark.parametrize(("text", "trigger", "published", "iso", "precision", "end"), DATED)
def test_date_of_event(nlp: Language, text: str, trigger: str, published: date, iso: str,
                       precision: str, end: str) -> None:
    sent, token = _parse(nlp, text, trigger)
    found = date_of_event(sent, token, published)
    assert (found.date, found.precision, found.end) == (iso, precision, end)
    assert found.resolved
    # The offsets point at the words it came from (one stretch unless two expressions combined).
    if " … " not in found.expression:
        assert sent.doc.text[found.start_char:found.end_char] == found.expression


def test_expression_keeps_its_preposition_and_combined_parts(nlp: Language) -> None:
    sent, token = _parse(nlp, "The foreign ministers met in Minsk in April 2016.", "met")
    assert date_of_event(sent, token, FRI).expression == "in April 2016"
    sent, token = _parse(nlp, "The August meeting of the two presidents in 2016 was a success.",
                         "meeting")
    found = date_of_event(sent, token, FRI)
    assert found.expression == "August … in 2016"
    assert sent.doc.text[found.start_char:found.end_char].startswith("August meeting")
    assert sent.doc.text[found.start_char:found.end_char].endswith("in 2016")


# Sentences whose numbers or time words do not date the event: publication date instead.
UNDATED = [
    ("Russia has supported Armenia since 2010.", "supported"),
    ("Turkey signed 12 documents with Azerbaijan.", "signed"),
    ("The university in Ankara hosts 90,000 students from Iran.", "hosts"),
    ("China lent Pakistan $5 billion.", "lent"),
    ("The treaty between Moscow and Kiev has lasted for three years.", "lasted"),
    ("For many years, Moscow has armed Yerevan.", "armed"),
    ("Earlier, the Iraqi minister criticized Ankara.", "criticized"),
    ("The 60-year-old president visited Ankara.", "visited"),
    ("Turkey sent 2000 soldiers to northern Syria.", "sent"),
    ("Israel released 1500 Palestinian prisoners.", "released"),
    ("Iran criticized the deal, which the two sides had signed in 2015.", "criticized"),
    ("Putin, who took office in 2000, met Aliyev in Sochi.", "met"),
    ("Egypt criticized the 2016 agreement.", "criticized"),
    ("Russia may impose new sanctions on Ankara.", "impose"),
    ("Armenia sent a force of 1500 to the border.", "sent"),
    ("Over the past decade, Beijing has bought Iranian oil.", "bought"),
]


@pytest.mark.parametrize(("text", "trigger"), UNDATED)
def test_falls_back_to_publication(nlp: Language, text: str, trigger: str) -> None:
    sent, token = _parse(nlp, text, trigger)
    assert date_of_event(sent, token, FRI) == EventDate("2017-01-13", "publication", "")
    assert not date_of_event(sent, token, FRI).resolved


@pytest.mark.parametrize("text", [t for t, _ in UNDATED[:10]])
def test_non_dates_are_not_time_expressions(nlp: Language, text: str) -> None:
    sent = next(nlp(text).sents)
    assert time_expressions(sent) == []


def test_time_expressions_merge_ranges_and_keep_order(nlp: Language) -> None:
    sent = next(nlp("Both sides will cooperate from 2017 to 2019 and meet on Friday.").sents)
    assert [s.text for s in time_expressions(sent)] == ["from 2017 to 2019", "on Friday"]


def test_without_publication_date(nlp: Language) -> None:
    sent, token = _parse(nlp, "Russia and Azerbaijan signed a gas agreement last year.", "signed")
    assert date_of_event(sent, token, None) == EventDate("", "none", "")
    sent, token = _parse(nlp, "Greece and Turkey signed the accord in 2010.", "signed")
    assert date_of_event(sent, token, None).date == "2010-01-01"


# (text, published, tense, date, precision, end) — None when it names no date
RESOLVED = [
    ("last year", FRI, "", "2016-01-01", "year", ""),
    ("in April 2016", None, "", "2016-04-01", "month", ""),
    ("in March", FRI, "future", "2017-03-01", "month", ""),
    ("in March", FRI, "past", "2016-03-01", "month", ""),
    ("in January", FRI, "", "2017-01-01", "month", ""),
    ("in January", FRI, "future", "2017-01-01", "month", ""),
    ("this month", LATE_DEC, "", "2016-12-01", "month", ""),
    ("next month", LATE_DEC, "", "2017-01-01", "month", ""),
    ("the twentieth century", FRI, "", "1900-01-01", "century", ""),
    ("the 1980s", None, "", "1980-01-01", "decade", ""),
    ("2015-25", FRI, "", "2015-01-01", "year", "2025-12-31"),
    ("last Friday", FRI, "", "2017-01-06", "day", ""),
    ("on Friday", FRI, "", "2017-01-13", "day", ""),
    ("on Friday", FRI, "future", "2017-01-20", "day", ""),
    ("2017-01-12", None, "", "2017-01-12", "day", ""),
    ("the end of March 2015", FRI, "", "2015-03-01", "month", ""),
]
NOT_RESOLVED = [
    ("last year", None, ""),
    ("in March", None, ""),
    ("three years", FRI, ""),
    ("the past two years", FRI, ""),
    ("for many years", FRI, ""),
    ("since 2010", FRI, ""),
    ("until 2019", FRI, ""),
    ("since March", FRI, ""),
    ("until next week", FRI, ""),
    ("12 documents", FRI, ""),
    ("$5 billion", FRI, ""),
    ("90,000", FRI, ""),
    ("12", FRI, ""),
    ("60-year-old", FRI, ""),
    ("recent years", FRI, ""),
    ("31 February", FRI, ""),
    ("the past decade", FRI, ""),
    ("the last century", FRI, ""),
]


@pytest.mark.parametrize(("text", "published", "tense", "iso", "precision", "end"), RESOLVED)
def test_resolve_expression(text: str, published: date | None, tense: str, iso: str,
                            precision: str, end: str) -> None:
    found = resolve_expression(text, published, tense=tense)
    assert found is not None
    assert (found.date, found.precision, found.end, found.expression) == (
        iso, precision, end, text)


@pytest.mark.parametrize(("text", "published", "tense"), NOT_RESOLVED)
def test_resolve_expression_rejects(text: str, published: date | None, tense: str) -> None:
    assert resolve_expression(text, published, tense=tense) is None


TENSES = [
    ("Russia will sign the deal.", "sign", "future"),
    ("Russia signed the deal.", "signed", "past"),
    ("Russia has signed the deal.", "signed", "past"),
    ("The deal was signed by Russia.", "signed", "past"),
    ("Russia agreed to sign the deal.", "sign", "future"),
    ("Russia is going to sign the deal.", "sign", "future"),
    ("Russia plans to sign the deal.", "sign", "future"),
    ("Russia will try to sign the deal.", "sign", "future"),
    ("Russia tried to sign the deal.", "sign", "past"),
    ("Russia would have signed the deal.", "signed", "past"),
    ("Russia and Turkey will meet and sign a deal.", "sign", "future"),
    ("Russia signs the deal.", "signs", ""),
    ("The planned visit was cancelled.", "visit", "future"),
    ("The meeting was a success.", "meeting", "past"),
]


@pytest.mark.parametrize(("text", "trigger", "tense"), TENSES)
def test_tense_of(nlp: Language, text: str, trigger: str, tense: str) -> None:
    assert tense_of(_parse(nlp, text, trigger)[1]) == tense


RECAPS = [
    (EventDate("2014-01-01", "year", "in 2014"), FRI, 2.0, True),
    (EventDate("2015-01-01", "year", "in 2015"), FRI, 2.0, False),  # runs to 2015-12-31
    (EventDate("2014-06-01", "month", "in June 2014"), FRI, 2.0, True),
    (EventDate("2014-06-01", "month", "in June 2014"), FRI, 3.0, False),
    (EventDate("2016-08-01", "month", "last August"), FRI, 2.0, False),
    (EventDate("1900-01-01", "century", "in the 20th century"), FRI, 2.0, True),
    (EventDate("1990-01-01", "decade", "in the 1990s"), FRI, 2.0, True),
    (EventDate("2010-01-01", "year", "for 2010-2020", end="2020-12-31"), FRI, 2.0, False),
    (EventDate("2017-03-01", "month", "in March"), FRI, 2.0, False),
    (EventDate("2017-01-13", "publication", ""), FRI, 2.0, False),
    (EventDate("2008-01-01", "year", "in 2008"), None, 2.0, False),
]


@pytest.mark.parametrize(("event_date", "published", "years", "expected"), RECAPS)
def test_is_recap(event_date: EventDate, published: date | None, years: float,
                  expected: bool) -> None:
    assert is_recap(event_date, published, years=years) is expected


def test_recap_from_a_parsed_sentence(nlp: Language) -> None:
    sent, token = _parse(nlp, "Russia recognised Abkhazia in 2008 after a five-day war.",
                         "recognised")
    assert is_recap(date_of_event(sent, token, FRI), FRI)
    sent, token = _parse(nlp, "Russian jets bombed the town last August.", "bombed")
    assert not is_recap(date_of_event(sent, token, FRI), FRI)


@pytest.mark.parametrize(("text", "trigger", "iso"), [
    # What is scheduled or planned for a day lies ahead of the report ...
    ("The ministers will open talks scheduled for Tuesday in Astana.", "talks", "2017-02-14"),
    ("The summit planned for March was postponed.", "summit", "2017-03-01"),
    # ... unless the sentence says it took place.
    ("Talks scheduled for Monday took place in Geneva.", "Talks", "2017-02-06"),
])
def test_scheduled_events_are_dated_ahead(nlp: Language, text: str, trigger: str,
                                          iso: str) -> None:
    sent, token = _parse(nlp, text, trigger)
    assert date_of_event(sent, token, date(2017, 2, 10)).date == iso
