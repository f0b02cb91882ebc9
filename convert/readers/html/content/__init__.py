"""Choosing the part of a page that is the document, and naming the chrome around and inside it.

    chooser    the root (article, main, a container named "content", else <body>) and the chrome
    density    text and link-text lengths of every element, counted once
    guide      readability-lxml's text pointing at an element, for pages whose markup names nothing
    linklists  lists of links to the site's other pages
    cards      rows of teaser cards beside the article's text
"""

from convert.readers.html.content.chooser import Selection, body_of, find_chrome, select_content

__all__ = ["Selection", "body_of", "find_chrome", "select_content"]
