"""--as-of: the name of that day, with no rival that did not exist yet, and only real dates."""

from __future__ import annotations

import pytest


def normalise(run, *options):
    return run("normalise", "-", "--lang", "en", "--convention", "azerbaijani", "-q", *options,
               input="Residents fled Madagiz.\n")


def test_before_the_renaming_no_rival_from_the_future(run):
    # Sugovushan was named on 3 October 2020: on 1 September nobody could have called it so.
    result = normalise(run, "--as-of", "2020-09-01")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Residents fled Madagiz.\n"


def test_after_the_renaming_the_old_name_stays_beside_the_new(run):
    result = normalise(run, "--as-of", "2021-09-01")
    assert result.stdout == "Residents fled Sugovushan (Madagiz).\n"


@pytest.mark.parametrize("day", ["2020-13-01", "2021-02-30", "2020-00"])
def test_a_day_that_does_not_exist_is_refused(run, day):
    result = normalise(run, "--as-of", day)
    assert result.exit_code == 2
    assert result.stderr == f"Error: --as-of {day!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n"


def test_a_json_line_whose_date_cannot_be_read_is_a_bad_line(run):
    """A date field in another notation would silently name a 2019 article by today's names."""
    lines = ('{"date": "2019-05-01T10:00:00Z", "text": "Residents fled Madagiz."}\n'
             '{"date": "01.05.2019", "text": "Residents fled Madagiz."}\n'
             '{"text": "Residents fled Madagiz."}\n')
    result = run("normalise", "-", "--lang", "en", "--jsonl", "--date-field", "date", "--convention",
                 "azerbaijani", "-q", input=lines)
    assert result.exit_code == 1
    assert result.stderr == ("Error: -:2: date field 'date' holds '01.05.2019', not a date "
                             "(YYYY, YYYY-MM or YYYY-MM-DD)\n")
    # An ISO time stamp gives its day; a line without the field is named as of today.
    assert result.stdout == ('{"date": "2019-05-01T10:00:00Z", "text": "Residents fled Madagiz."}\n'
                             '{"text": "Residents fled Sugovushan (Madagiz)."}\n')


@pytest.mark.parametrize("day, expected", [
    # Kolkhozashen (Martuni region) was renamed Arpadüzü by Azerbaijan's resolution of 29 December 1992
    ("1992-06-01", "Шахтёры Колхозашена вернулись.\n"),
    # the rival beside the name in its dictionary form, as everywhere (Шуши (Шуша))
    ("2021-06-01", "Шахтёры Арпадюзю (Колхозашен) вернулись.\n"),
])
def test_a_village_renamed_by_azerbaijan_in_1992(run, day, expected):
    result = run("normalise", "-", "--lang", "ru", "--convention", "azerbaijani", "-q", "--as-of", day,
                 input="Шахтёры Колхозашена вернулись.\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
