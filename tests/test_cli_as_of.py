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
