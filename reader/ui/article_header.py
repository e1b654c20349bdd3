"""The article's title, byline and tags above its text (plain text, never rich text)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reader.ingest.model import Article
from reader.ui.theme import Theme


def credit_texts(credits: tuple[tuple[str, str], ...]) -> list[str]:
    """"作者 房宫一柳", "编辑 黄俊杰", "来自 不二研究": one text per credit."""
    return [f"{'来自' if role == '来源' else role} {name}" for role, name in credits]


def copies_html(copies: list[tuple[str, str]], link: str) -> str:
    """"Also published by 虎嗅 · 腾讯科技", each name a link to that copy (key in the href);
    article-supplied names are escaped, never read as markup."""
    links = "&nbsp;&nbsp;·&nbsp;&nbsp;".join(
        f'<a href="{html.escape(key, quote=True)}" style="color:{link}; text-decoration:none">{html.escape(name)}</a>'
        for key, name in copies
    )
    return f"Also published by {links}"


class ArticleHeader(QFrame):
    """Title, byline and tags above the text; a child of the view's viewport, so it scrolls
    with the text without being part of the document. Under the byline, the other copies of
    the story when it was reprinted (转载), each a link."""

    copy_requested = Signal(str)  # a copy's link was clicked: its article key

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self.title = QLabel(self)
        self.title.setObjectName("articleTitle")
        self.meta = QLabel(self)
        self.meta.setObjectName("articleMeta")
        self.tags = QLabel(self)
        self.tags.setObjectName("articleTags")
        self.rule = QFrame(self)
        self.rule.setObjectName("articleRule")
        self.rule.setFixedHeight(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for label in (self.title, self.meta, self.tags):
            label.setTextFormat(Qt.TextFormat.PlainText)  # article-supplied: never rich text
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setCursor(Qt.CursorShape.IBeamCursor)
            layout.addWidget(label)
        self.copies = QLabel(self)
        self.copies.setObjectName("articleCopies")
        self.copies.setTextFormat(Qt.TextFormat.RichText)  # links; names escaped by copies_html
        self.copies.setWordWrap(True)
        self.copies.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.copies.linkActivated.connect(self.copy_requested)
        self.copies.hide()
        layout.insertWidget(2, self.copies)
        self._copies: list[tuple[str, str]] = []
        self._copies_of = ""  # the article they are copies of
        layout.addSpacing(10)
        layout.addWidget(self.rule)

    def set_copies(self, key: str, copies: list[tuple[str, str]], theme: Theme) -> None:
        """The other copies of article ``key``'s story as (key, name), or none."""
        self._copies, self._copies_of = list(copies), key
        self._show_copies(key, theme)

    def copy_names(self) -> list[str]:
        return [name for _, name in self._copies]

    def _show_copies(self, key: str | None, theme: Theme) -> None:
        shown = bool(self._copies) and key == self._copies_of
        if shown:
            self.copies.setText(copies_html(self._copies, theme.accent.name()))
            palette = self.copies.palette()
            palette.setColor(QPalette.ColorRole.WindowText, theme.muted)
            self.copies.setPalette(palette)
        self.copies.setVisible(shown)

    def set_article(self, article: Article | None, font: QFont, theme: Theme) -> None:
        if article is None:
            for label in (self.title, self.meta, self.tags):
                label.clear()
                label.hide()
            self.copies.hide()
            self.rule.hide()
            return
        title_font = QFont(font)
        title_font.setPointSizeF(font.pointSizeF() * 1.75)
        title_font.setWeight(QFont.Weight.Bold)
        self.title.setFont(title_font)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        self.meta.setFont(small)
        self.tags.setFont(small)
        self.copies.setFont(small)
        self._show_copies(article.key, theme)
        self.title.setText(article.title)
        parts = [p for p in (article.source, article.author if article.author != article.source else None, article.date) if p]
        parts += credit_texts(article.credits)  # the bylines' writer, editor and account
        self.meta.setText("  ·  ".join(parts))
        self.tags.setText("   ".join(f"#{t}" for t in article.tags))
        for label, color in ((self.title, theme.text), (self.meta, theme.muted), (self.tags, theme.accent)):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, color)
            label.setPalette(palette)
        self.rule.setStyleSheet(f"background: {theme.rule.name()};")
        self.title.show()
        self.meta.setVisible(bool(parts))
        self.tags.setVisible(bool(article.tags))
        self.rule.show()
