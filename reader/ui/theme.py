"""Colours and type for the reading view, in a light and a dark variant.

The theme follows the system palette unless the user picks one; the reading colours are chosen
for long reading (warm paper, soft black) rather than taken raw from the widget palette."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from reader.analysis.model import EntityType
from reader.paths import resource


class ThemeChoice(Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


# Families in order of preference: the first installed one that covers Chinese wins, and Qt falls
# back through the rest per character (Latin, emoji, Extension B).
SERIF_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Songti SC",
    "STSong",
    "SimSun",
    "Noto Serif",
    "serif",
)
SANS_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "Noto Sans",
    "sans-serif",
)
EMOJI_FAMILIES = ("Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji")

ENTITY_LABELS = {
    EntityType.PERSON: "Person",
    EntityType.ORG: "Organisation",
    EntityType.PRODUCT: "Product",
    EntityType.PLACE: "Place",
}


@dataclass(frozen=True, slots=True)
class Theme:
    dark: bool
    page: QColor  # reading background
    text: QColor
    muted: QColor  # bylines, captions, quotes
    rule: QColor  # hairlines
    quote_bg: QColor
    accent: QColor  # links, the current find hit
    figure: QColor  # underline of figures
    find: QColor
    flash: QColor
    entity: dict[EntityType, QColor]

    def entity_text(self, kind: EntityType) -> QColor:
        return self.entity[kind]

    def entity_background(self, kind: EntityType, strength: float = 0.13) -> QColor:
        color = QColor(self.entity[kind])
        color.setAlphaF(strength)
        return color


LIGHT = Theme(
    dark=False,
    page=QColor("#fbfaf7"),
    text=QColor("#1f1f1f"),
    muted=QColor("#6b6760"),
    rule=QColor("#e3dfd6"),
    quote_bg=QColor("#f2efe8"),
    accent=QColor("#1b5fb4"),
    figure=QColor("#8d5a00"),
    find=QColor("#ffe58a"),
    flash=QColor("#ffc94d"),
    entity={
        EntityType.PERSON: QColor("#b0305a"),
        EntityType.ORG: QColor("#1b5fb4"),
        EntityType.PRODUCT: QColor("#137a63"),
        EntityType.PLACE: QColor("#8a5a12"),
    },
)

DARK = Theme(
    dark=True,
    page=QColor("#1d1e21"),
    text=QColor("#dcdad5"),
    muted=QColor("#9a968e"),
    rule=QColor("#34363b"),
    quote_bg=QColor("#26282c"),
    accent=QColor("#7fb2f0"),
    figure=QColor("#e2b262"),
    find=QColor("#6b5a17"),
    flash=QColor("#a7791c"),
    entity={
        EntityType.PERSON: QColor("#f08aa8"),
        EntityType.ORG: QColor("#84b6f4"),
        EntityType.PRODUCT: QColor("#6fd0b4"),
        EntityType.PLACE: QColor("#e6b56b"),
    },
)


def system_is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def resolve(choice: ThemeChoice) -> Theme:
    if choice is ThemeChoice.SYSTEM:
        return DARK if system_is_dark() else LIGHT
    return DARK if choice is ThemeChoice.DARK else LIGHT


def dark_palette() -> QPalette:
    """A dark widget palette for when the user picks Dark on a light system."""
    p = QPalette()
    base, window, text = QColor("#232427"), QColor("#2b2d31"), QColor("#e3e1dc")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, window)
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, window)
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#3a3c41"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#3d6fb4"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#8d8a84"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#7fb2f0"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#3a3c41"))
        p.setColor(group, QPalette.ColorRole.Midlight, QColor("#34363b"))
        p.setColor(group, QPalette.ColorRole.Dark, QColor("#18191b"))
    disabled = QColor("#7a776f")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def reading_font(serif: bool, point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(list((SERIF_FAMILIES if serif else SANS_FAMILIES) + EMOJI_FAMILIES))
    font.setPointSizeF(point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def ui_font_families() -> list[str]:
    return list(SANS_FAMILIES)


def stylesheet(theme: Theme) -> str:
    """The application stylesheet with the theme's colours filled in."""
    template = resource("ui", "reader.qss").read_text(encoding="utf-8")
    values = {
        "page": theme.page.name(),
        "text": theme.text.name(),
        "muted": theme.muted.name(),
        "rule": theme.rule.name(),
        "accent": theme.accent.name(),
        "quote_bg": theme.quote_bg.name(),
    }
    for key, value in values.items():
        template = template.replace("@" + key, value)
    return template
