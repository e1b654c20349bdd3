"""Following a name through the library: selecting it (its mentions marked in the text, its
card, its mentions across the library listed), F3 and Shift+F3 through those mentions in
library order, and the jumps the card, the mentions list and the search results ask for.

``w`` is the window it serves: its session, view, panels, status bar, and the controllers it
opens articles through (navigation), steps find hits with (find) and takes the name tools from
(loading)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.analysis.pipeline import Analyzer
from reader.errors import StoreUnavailable
from reader.library.cards import Card, article_entities, build_card, card_details_in_steps
from reader.library.library import Library, SearchHit
from reader.library.mention_index import EntitySummary, MentionRef
from reader.library.preview import being_read
from reader.ui.after_paint import AfterPaint
from reader.ui.background import QueryRunner
from reader.ui.stepping import locate, next_in_another_article, step

if TYPE_CHECKING:
    from reader.ui.window import MainWindow

CARD_ARTICLES = 200  # the newest on the card; the mentions panel lists every one


def _card_details_job(library: Library, name: str, stopped: Callable[[], bool]) -> Iterator[list]:
    return ([details] for details in card_details_in_steps(library, name, stopped))


class EntityNavigator(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._summaries: dict[str, EntitySummary] = {}  # the library's, once counted
        self._card_runner = QueryRunner(self)
        self._card_runner.finished.connect(self._on_card_details)
        # A card's details are gathered once its quick part is painted: after a correction of
        # a name in every article they read every article's figures again (a minute at 10k),
        # and begun at once, that held the interpreter from the panels being handed the library.
        # They come in steps (what is known, then refined) and stop when no longer wanted.
        self._card_job: Callable[[Callable[[], bool]], Iterator[list]] | None = None
        self._card_after_paint = AfterPaint(self._start_card_details, self)
        window.session.library_changed.connect(self._on_library_changed)
        window.session.article_changed.connect(self._on_article_changed)
        window.navigation.article_opened.connect(self._mark_mention_row)

    @property
    def counted(self) -> bool:
        """Whether the library's names are counted (their articles library-wide known)."""
        return bool(self._summaries)

    def wait(self) -> None:
        """Stop the card's details query and wait for it to end (at window close): the card of
        a name just corrected reads its articles again for most of a minute at 10k, and the
        close would wait five seconds for it, then leave it running."""
        self.stop_card_details()
        self._card_runner.wait()

    def _start_card_details(self) -> None:
        if self._card_job is not None and self.w.correcting.applying():
            # the library they would be gathered from is going: the corrected one asks again
            # (gathered meanwhile, 10k articles' texts shared the interpreter with the correction)
            self._card_job = None
        if self._card_job is not None:
            self._card_runner.submit_steps(self._card_job)
            self._card_job = None

    def stop_card_details(self) -> None:
        """Stop gathering the card's details (a correction is being applied: the library they
        are gathered from is about to go, and they would share the interpreter with it)."""
        self._card_job = None
        self._card_runner.cancel()

    # -- selecting a name
    def select(self, name: str) -> None:
        """Make ``name`` the selected entity: its mentions marked in the text, its card and its
        mentions across the library shown, F3 stepping through them."""
        w = self.w
        library = w.library
        if library is None or not name:
            return
        w.session.select_entity(name)
        count = w.view.highlight_entity(name)
        if being_read(library):  # its names are not counted yet: marked here, the rest to come
            w.entities_panel.select(name)
            w.card_panel.show_reading(name)
            w.mentions_panel.show_reading(name)
            w.status.say(f"{name}: {count} here — the library is still being read; its card comes once it is in")
            return
        mentions = library.mentions_of(name)
        card = self.card(name)
        w.mentions_panel.set_mentions(name, mentions, card.article_count if card is not None else 0)
        w.entities_panel.select(name)
        w.card_panel.show_card(card)
        self._card_job = partial(_card_details_job, library, name)
        self._card_after_paint.request()
        w.card_panel.raise_()  # in front of the figures tab it shares, if it is shown
        w.mentions_panel.activate()
        self._mark_mention_row()
        w.act_next_mention.setEnabled(len(mentions) > 0)
        w.act_previous_mention.setEnabled(len(mentions) > 0)
        w.status.say(f"{name}: {count} here, {len(mentions)} in the library — F3 for the next")

    def show_all_mentions(self, name: str) -> None:
        self.select(name)
        self.w.mentions_panel.activate()

    def show_card(self, name: str) -> None:
        self.select(name)
        self.w.card_panel.activate()

    def card(self, name: str) -> Card | None:
        library = self.w.library
        assert library is not None
        summary = self._summaries.get(name) or library.entity(name)
        if summary is None:
            return None
        describe = self.w.loading.tools.describe
        analyzer = self.w.loading.analyzer
        known = analyzer.recognizer.entity(name) if describe is not None and isinstance(analyzer, Analyzer) else None
        description = describe(name) if describe is not None else ""
        return build_card(library, summary, known, description, library.newest_rank(), self.entity_notes(name), CARD_ARTICLES)

    def entity_notes(self, name: str) -> tuple[str, ...]:
        """The user's notes on the entity, for its card."""
        repo, library = self.w.notes_repo, self.w.library
        if repo is None or library is None:
            return ()
        try:
            notes = repo.for_entity(library.root, name)
        except StoreUnavailable as error:
            self.w.status.say(f"Could not read the notes on {name}: {error}")
            return ()
        return tuple(n.note for n in notes if n.note)

    # -- the names of the article and of the library
    def article_entities_here(self) -> list[EntitySummary]:
        """The open article's names, with their mentions here and their articles library-wide."""
        return article_entities(self.w.view.analysis.mentions, self._summaries, self.w.current_key)

    def show_article_entities(self) -> None:
        """The open article's names in the entities panel, the selected one marked in the text."""
        self.w.entities_panel.set_article_entities(self.article_entities_here())
        if self.w.selected_entity:
            self.w.view.highlight_entity(self.w.selected_entity)

    def show_library_entities(self, library: Library) -> None:
        if library is not self.w.library:
            return
        summaries = library.entities()
        self._summaries = {s.name: s for s in summaries}
        self.w.entities_panel.set_library_entities(summaries)
        self.w.entities_panel.set_article_entities(self.article_entities_here())

    # -- stepping through mentions
    def next_mention(self) -> None:
        self._step_mention(forward=True)

    def previous_mention(self) -> None:
        self._step_mention(forward=False)

    def go_to_next_article_mentioning(self, name: str) -> None:
        """The first mention of ``name`` in the next article (library order) that has one."""
        library = self.w.library
        if library is None:
            return
        refs = library.mentions_of(name)
        index = next_in_another_article(refs, library.position, self.w.current_key)
        if index is None:
            self.w.status.say(f"No other article names {name}.")
            return
        self.w.session.select_entity(name)
        self.open_mention(refs[index])
        self.select(name)

    def _here(self) -> tuple[int, int]:
        """Where the reader is, for stepping: (article position, offset)."""
        assert self.w.library is not None
        span = self.w.view.selected_span()
        offset = span[0] if span else self.w.view.cursor_offset()
        return self.w.library.position(self.w.current_key), offset

    def _step_mention(self, forward: bool) -> None:
        library, name = self.w.library, self.w.selected_entity
        if library is None:
            return
        if not name:
            if self.w.find.active:  # F3 without a selected name: find next, as usual
                self.w.find.step(not forward)
            else:
                self.w.status.say("Select a name first (click it in the text), then F3 steps through its mentions.")
            return
        refs = library.mentions_of(name)
        index = step(refs, library.position, self._here(), forward)
        if index is None:
            return
        ref = refs[index]
        where = (library.position(ref.article), ref.start)
        wrapped = where <= self._here() if forward else where >= self._here()
        self.open_mention(ref)
        self.w.mentions_panel.select_row(index)
        self.w.status.say(f"{name}: mention {index + 1} of {len(refs)}" + (" (wrapped around)" if wrapped else ""))

    def _mark_mention_row(self) -> None:
        """The mentions list follows the reader: the mention selected in the text is its row."""
        library, name = self.w.library, self.w.selected_entity
        if library is None or not name:
            return
        span = self.w.view.selected_span()
        row = locate(library.mentions_of(name), library.position, self.w.current_key, span[0]) if span is not None else -1
        self.w.mentions_panel.select_row(row)  # no row when the reader is on no mention of it

    # -- jumps the panels ask for
    def open_mention(self, ref: MentionRef) -> None:
        self.w.navigation.open_article(ref.article, span=(ref.start, ref.end))

    def open_search_hit(self, hit: SearchHit) -> None:
        self.w.navigation.open_article(hit.article, span=(hit.start, hit.end))

    def open_card_article(self, key: str) -> None:
        """Open an article from the card at the entity's first mention in it."""
        library = self.w.library
        if library is None:
            return
        refs = library.mentions_of(self.w.selected_entity)
        index = step(refs, library.position, (library.position(key), -1), forward=True, wrap=False)
        if index is not None and refs[index].article == key:
            self.open_mention(refs[index])
        else:
            self.w.navigation.open_article(key)

    def open_card_figure(self, key: str, start: int, end: int) -> None:
        self.w.navigation.open_article(key, span=(start, end))

    def open_card_quote(self, key: str, start: int, end: int) -> None:
        """A quote on the card: its article, at the quoted words (a step in the history)."""
        self.w.navigation.open_article(key, span=(start, end))

    def _on_card_details(self, result: list) -> None:
        self.w.card_panel.show_details(result[0])

    # -- the session
    def _on_library_changed(self, library: Library) -> None:
        """A new library: nothing selected, nothing counted yet."""
        self.stop_card_details()
        self._summaries = {}
        self.w.session.select_entity("")
        self.w.view.highlight_entity(None)
        self.w.entities_panel.set_library_entities(None)
        self.w.card_panel.show_card(None)
        self.w.mentions_panel.set_mentions("", [], 0)

    def _on_article_changed(self, _key: str, _previous: str) -> None:
        self.show_article_entities()
