import html


def text(response) -> str:
    """The page as a reader sees its characters (entities decoded)."""
    return html.unescape(response.content.decode())
