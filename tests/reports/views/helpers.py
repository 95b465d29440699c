def page_text(response) -> str:
    """The page's HTML with runs of whitespace collapsed, so that assertions ignore template layout."""
    return " ".join(response.content.decode().split())
