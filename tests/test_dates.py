"""Buddhist Era dates: parsing, validity in the real calendar, formatting and ordering."""

from __future__ import annotations

import datetime as dt

import pytest
from pythainlp.util import thai_strftime

from changwat.model.dates import MONTHS_EN, MONTHS_TH, BEDate, parse_be


# The two dates of the seed texts (002: cabinet resolutions on provincial office staff).
@pytest.mark.parametrize(
    ("be", "ce", "th", "en"),
    [
        ("2516-08-28", "1973-08-28", "28 สิงหาคม 2516", "28 August 1973 (B.E. 2516)"),
        ("2518-05-27", "1975-05-27", "27 พฤษภาคม 2518", "27 May 1975 (B.E. 2518)"),
    ],
)
def test_seed_dates(be: str, ce: str, th: str, en: str) -> None:
    d = parse_be(be)
    assert d.iso_ce() == ce
    assert d.date_ce() == dt.date.fromisoformat(ce)
    assert d.format("th") == th
    assert d.format("en") == en
    assert d.iso_be() == str(d) == be


@pytest.mark.parametrize(
    ("be", "fields", "ce", "th", "en"),
    [
        ("2516-08-28", (2516, 8, 28), "1973-08-28", "28 สิงหาคม 2516", "28 August 1973 (B.E. 2516)"),
        ("2516-08", (2516, 8, None), "1973-08", "สิงหาคม 2516", "August 1973 (B.E. 2516)"),
        ("2516", (2516, None, None), "1973", "พ.ศ. 2516", "1973 (B.E. 2516)"),
        ("2567-01-01", (2567, 1, 1), "2024-01-01", "1 มกราคม 2567", "1 January 2024 (B.E. 2567)"),
        ("2566-12-31", (2566, 12, 31), "2023-12-31", "31 ธันวาคม 2566", "31 December 2023 (B.E. 2566)"),
    ],
)
def test_precisions(be: str, fields: tuple, ce: str, th: str, en: str) -> None:
    d = parse_be(be)
    assert (d.year_be, d.month, d.day) == fields
    assert d.year_ce == fields[0] - 543
    assert d.iso_ce() == ce
    assert d.format("th") == th
    assert d.format("en") == en


def test_thai_format_matches_pythainlp() -> None:
    """Cross-check every month (and a leap day) against pythainlp's thai_strftime."""
    days = [dt.date(1973, m, d) for m in range(1, 13) for d in (1, 9, 28)] + [dt.date(2024, 2, 29)]
    for day in days:
        be = f"{day.year + 543}-{day.month:02d}-{day.day:02d}"
        expected = thai_strftime(dt.datetime(day.year, day.month, day.day), "%-d %B %Y")
        assert parse_be(be).format("th") == expected, be


def test_month_names() -> None:
    assert len(MONTHS_TH) == len(MONTHS_EN) == 12
    assert MONTHS_TH[7] == "สิงหาคม" and MONTHS_EN[7] == "August"
    assert MONTHS_TH[4] == "พฤษภาคม" and MONTHS_TH[1] == "กุมภาพันธ์"


def test_thai_digits_accepted() -> None:
    assert parse_be("๒๕๑๖-๐๘-๒๘") == parse_be("2516-08-28")


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ("2516-13", "month must be 01 to 12"),
        ("2516-00", "month must be 01 to 12"),
        ("2516-13-01", "month must be 01 to 12"),
        ("2516-04-31", "April 1973 has 30 days"),  # 30-day month
        ("2516-09-31", "September 1973 has 30 days"),
        ("2516-02-29", "February 1973 has 28 days"),  # 1973 is not a leap year
        ("2520-02-29", "February 1977 has 28 days"),
        ("2516-08-00", "no day 0"),
        ("2516-8-28", "YYYY-MM-DD"),  # month and day are two digits
        ("25160828", "YYYY-MM-DD"),
        ("2516/08/28", "YYYY-MM-DD"),
        ("28 สิงหาคม 2516", "YYYY-MM-DD"),
        (" 2516-08-28", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
        ("1973-08-28", "looks like a CE year"),  # CE instead of BE, with the fix
        ("0516-08-28", "outside"),
        ("2483-02-01", "B.E. 2483 began on 1 April 1940"),  # the shortened year had no Jan–Mar
    ],
)
def test_invalid(bad: str, says: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_be(bad)
    assert says in str(err.value)
    # every message is bilingual: Thai first, then English
    assert any("\u0e01" <= ch <= "\u0e5b" for ch in str(err.value))


def test_ce_year_hint_gives_the_be_year() -> None:
    with pytest.raises(ValueError, match="2516"):
        parse_be("1973")


def test_yaml_date_object_is_rejected_with_a_quoting_hint() -> None:
    """Unquoted 2516-08-28 in YAML becomes datetime.date(2516, 8, 28); tell the editor to quote it."""
    with pytest.raises(ValueError, match="quotes"):
        parse_be(dt.date(2516, 8, 28))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="text"):
        parse_be(None)  # type: ignore[arg-type]


def test_constructor_validates_too() -> None:
    with pytest.raises(ValueError):
        BEDate(2516, 2, 30)
    with pytest.raises(ValueError):
        BEDate(2516, None, 3)
    assert BEDate(2516, 8, 28) == parse_be("2516-08-28")


def test_before_1941_the_year_began_in_april() -> None:
    """Until B.E. 2483 the Thai year began on 1 April: Jan–Mar belong to the next CE year."""
    # King Prajadhipok abdicated on 2 March 1935, "2 มีนาคม 2477" in Thai sources.
    d = parse_be("2477-03-02")
    assert d.iso_ce() == "1935-03-02"
    assert d.format("en") == "2 March 1935 (B.E. 2477)"
    assert d.format("th") == "2 มีนาคม 2477"
    # The revolution of 24 June 1932 = 24 มิถุนายน 2475 (April–December: the usual offset).
    assert parse_be("2475-06-24").iso_ce() == "1932-06-24"
    # February 2478 is February 1936, a leap month.
    assert parse_be("2478-02-29").iso_ce() == "1936-02-29"
    # B.E. 2483 ran from 1 April to 31 December 1940; 2484 began on 1 January 1941.
    assert parse_be("2483-04-01").iso_ce() == "1940-04-01"
    assert parse_be("2484-01-01").iso_ce() == "1941-01-01"
    # A bare year: the CE year in which it began.
    assert parse_be("2477").year_ce == 1934


def test_sort_key_is_chronological() -> None:
    written = [
        "2518-05-27",
        "2516",
        "2516-08-28",
        "2516-08",
        "2517",
        "2477-03-02",
        "2477-12-31",
        "2477",
        "2476-03-31",
        "2516-01",
    ]
    ordered = sorted(written, key=lambda s: parse_be(s).sort_key())
    assert ordered == [
        "2476-03-31",
        "2477",
        "2477-12-31",
        "2477-03-02",
        "2516",
        "2516-01",
        "2516-08",
        "2516-08-28",
        "2517",
        "2518-05-27",
    ]


def test_format_rejects_unknown_language() -> None:
    with pytest.raises(ValueError):
        parse_be("2516").format("fr")
