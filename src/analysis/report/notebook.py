"""The one helper notebooks need to show the package's HTML sections as cell output."""

from __future__ import annotations

from IPython.display import HTML, display


def show(*parts) -> None:
    """Display HTML sections (``Markup`` or ``str``) as one rich output."""
    display(HTML("\n".join(str(p) for p in parts)))
