"""The one exception family the library raises on bad input; the CLI turns it into a one-line error."""


class ToponymsError(Exception):
    """A problem the user can fix: a bad file, an unknown language, a missing engine."""


class GazetteerError(ToponymsError):
    """The gazetteer file is unreadable or does not follow the schema."""


class Terminated(Exception):
    """SIGTERM reached a run: it stops, its workers and temporary files gone."""
