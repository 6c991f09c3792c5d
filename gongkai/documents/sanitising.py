"""Document bodies: sanitised rich text, plain text turned into paragraphs, and text for search.

Sanitising is nh3 (the Ammonia HTML sanitiser), never our own parser: an allow-list of the tags a
government document uses, URLs limited to http, https, mailto and relative ones, and every link
given rel="noopener noreferrer". Everything else (scripts, event handlers, style, iframes, forms,
SVG) is removed. The only presentation kept is alignment, because 标题 are centred and 落款 / dates
are right-aligned in every official document.
"""

import html
import re
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "sub", "sup",
    "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "caption", "tr", "th", "td",
    "blockquote", "a", "img", "span", "div", "hr", "pre",
}

# Removed together with their content: what is inside them is code or controls, never body text.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
    "template", "svg", "math", "textarea", "select", "button", "input", "option", "title", "head",
}

ALIGNMENTS = {"left", "center", "right", "justify"}
_ALIGNED = {"p", "div", "span", "h2", "h3", "h4", "h5", "h6", "td", "th"}

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    **{tag: set() for tag in _ALIGNED - {"td", "th"}},
}
for _tag in _ALIGNED:
    ALLOWED_ATTRIBUTES[_tag] |= {"style", "align"}  # pages copied from older sites use align="center"

URL_SCHEMES = {"http", "https", "mailto"}

_NUMERIC_ATTRIBUTES = {"colspan", "rowspan", "start", "width", "height"}
_TEXT_ALIGN = re.compile(r"^\s*text-align\s*:\s*([a-z]+)\s*;?\s*$", re.IGNORECASE)


def _filter_attribute(tag, attribute, value):
    """Keep alignment only as text-align with a known value; numbers only as numbers; no mailto images."""
    if attribute == "style":
        match = _TEXT_ALIGN.match(value)
        if match and match.group(1).lower() in ALIGNMENTS:
            return f"text-align: {match.group(1).lower()}"
        return None
    if attribute == "align":
        return value.strip().lower() if value.strip().lower() in ALIGNMENTS else None
    if attribute in _NUMERIC_ATTRIBUTES:
        value = value.strip()
        return value if value.isdigit() and 0 < int(value) <= 10000 else None
    if tag == "img" and attribute == "src" and value.strip().lower().startswith("mailto:"):
        return None
    return value


# The names of the tags that make a text HTML; plain text with a stray "<" or "a<b>c" is not enough.
_HTML_TAG = re.compile(
    r"<\s*/?\s*(p|br|div|span|h[1-6]|table|thead|tbody|tr|td|th|ul|ol|li|strong|b|em|i|u|sub|sup|a|img|"
    r"blockquote|hr|pre|font|center|script|style|iframe|html|body|section|article)"
    r"(\s+[a-z_:][-\w:.]*(\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'<>=`]+))?)*\s*/?>",
    re.IGNORECASE,
)
_HTML_ENTITY = re.compile(r"&(nbsp|amp|lt|gt|quot|#\d{2,5}|#x[0-9a-f]{2,4});", re.IGNORECASE)


def is_html(text):
    """Whether `text` looks like HTML (has a known tag or an entity), as opposed to plain text."""
    if not text:
        return False
    return bool(_HTML_TAG.search(text) or _HTML_ENTITY.search(text))


def paragraphs_html(text):
    """Plain text as HTML: a <p> per blank-line-separated paragraph, <br> for single newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [block.strip("\n") for block in re.split(r"\n[ \t\u3000]*\n", text)]
    return "".join(
        "<p>" + "<br>".join(html.escape(line, quote=False) for line in block.split("\n")) + "</p>"
        for block in blocks if block.strip()
    )


_PARAGRAPHS_ONLY = re.compile(r"(?:<p>(?:[^<]|<br>)*</p>)+")


def editable_text(body):
    """The body as its form shows it: a body that is only paragraphs and line breaks (what plain text
    typed into the form became) goes back to that plain text, so staff do not edit <p> and <br>;
    any other HTML is shown as the HTML it is."""
    body = (body or "").strip()
    if not _PARAGRAPHS_ONLY.fullmatch(body):
        return body
    blocks = body[len("<p>"):-len("</p>")].split("</p><p>")
    return html.unescape("\n\n".join(block.replace("<br>", "\n") for block in blocks))


def clean_html(text):
    """A body safe to show: HTML is sanitised, plain text becomes escaped paragraphs."""
    if not text:
        return ""
    if not is_html(text):
        text = paragraphs_html(text)
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


_BLOCKS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot",
    "caption", "blockquote", "pre", "hr", "ul", "ol", "section", "article", "header", "footer", "dd", "dt",
}
_CELLS = {"td", "th"}
_INVISIBLE = {"script", "style", "template", "noscript", "head", "title"}


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in _INVISIBLE:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in _CELLS:
            # Cells apart, so numbers in neighbouring cells never run together for the scan.
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def plain_text(body):
    """The text of an HTML body for search and the personal-data scan: blocks on their own lines,
    table cells separated by tabs, entities decoded. Plain text comes back as it is."""
    if not body:
        return ""
    if not is_html(body):
        return body.replace("\r\n", "\n").strip()
    collector = _TextCollector()
    collector.feed(body)
    collector.close()
    text = "".join(collector.parts).replace("\xa0", " ")
    lines = [line.strip(" \t") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
