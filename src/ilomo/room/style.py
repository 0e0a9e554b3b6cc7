"""Large type for the projector: one scoped ``<style>`` (like ``widgets.base.PLAYER_STYLE``), no files, no JS.

ipywidgets sets small fixed sizes (13px text, 28px controls); these rules only apply inside ``.ilomo-room``.
"""

from __future__ import annotations

ROOM_STYLE = (
    "<style>"
    ".ilomo-room{font-size:22px;--jp-widgets-font-size:22px;--jp-widgets-inline-height:40px;}"
    ".ilomo-room .widget-html-content,.ilomo-room .jupyter-widget-html-content,"
    ".ilomo-room .widget-label,.ilomo-room .widget-label-basic,.ilomo-room .widget-inline-hbox .widget-label"
    "{font-size:22px;line-height:1.45;height:auto;}"
    ".ilomo-room h2{font-size:40px;line-height:1.2;margin:.4em 0;}"
    ".ilomo-room h3{font-size:32px;line-height:1.25;margin:.6em 0 .3em;}"
    ".ilomo-room h4{font-size:26px;margin:.6em 0 .2em;}"
    ".ilomo-room .widget-button,.ilomo-room .jupyter-button{font-size:22px;height:auto;min-height:44px;"
    "padding:6px 16px;white-space:normal;line-height:1.3;}"
    ".ilomo-room .widget-text input,.ilomo-room input[type=number]{font-size:28px;height:48px;}"
    ".ilomo-room .widget-text{height:auto;}"
    ".ilomo-room .widget-text .widget-label{font-size:28px;font-weight:700;}"
    ".ilomo-room .ilomo-options{font-size:26px;}"
    ".ilomo-room .ilomo-options li{margin:.3em 0;}"
    ".ilomo-room .ilomo-letter{display:inline-block;min-width:1.4em;font-weight:700;}"
    ".ilomo-room .ilomo-bars{border-collapse:collapse;width:100%;font-size:24px;}"
    ".ilomo-room .ilomo-bars caption{text-align:left;font-weight:700;padding:.2em 0;}"
    ".ilomo-room .ilomo-bars th{width:1.6em;text-align:left;padding:.15em .3em;}"
    ".ilomo-room .ilomo-bars td{padding:.15em .3em;white-space:nowrap;}"
    ".ilomo-room .ilomo-bars td.ilomo-track{width:70%;}"
    ".ilomo-room .ilomo-bar{height:1.1em;min-width:2px;background:#1f5f99;border-radius:3px;}"
    ".ilomo-room .ilomo-bars tr.ilomo-top .ilomo-bar{background:#b35900;}"
    ".ilomo-room .ilomo-prompt{font-size:34px;line-height:1.35;}"
    "</style>"
)

__all__ = ["ROOM_STYLE"]
