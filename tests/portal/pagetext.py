"""What a person reads on a page, and the raw codes and English words in it.

Read: text outside <script>, <style> and code samples (<pre>, <kbd>, <samp>); the attributes people read
(title tooltips, placeholder, aria-label, alt, the value of a submit button). Not read: other attribute
values, URLs, e-mail addresses, anything with a digit in it (dates, numbers, tracking codes, 文号, unit
codes), single letters, and text an element marks as another language (lang="en", e.g. the language switch).
"""

import re
from html.parser import HTMLParser

SKIPPED_ELEMENTS = {"script", "style", "template", "pre", "kbd", "samp"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")

# Names that are the same in Chinese text: file formats, protocols, products and our own API's name.
ALLOWED = {
    "API", "OpenAPI", "PDF", "DOCX", "XLSX", "CSV", "JSON", "ID", "RSS", "URL", "HTTP", "HTTPS", "IP", "SVG",
    "Excel", "Word", "WPS", "OFD", "Outlook", "APP", "App", "app", "iCalendar", "ICS", "chinesecalendar",
    "Bearer", "KB", "MB", "GB", "HTML", "PNG", "JPEG", "JPG", "GIF", "WebP", "ZIP", "H5", "Ctrl",
}
# Environment variables, shown on the conventions page as a detail under the words.
SETTING = re.compile(r"^GONGKAI_[A-Z0-9_]+$")
ROMAN = re.compile(r"^[IVXLC]+$")
NOT_WORDS = re.compile(
    r"https?://\S+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w/])/[\w\-./?=&%#]*"  # paths
    r"|\.[A-Za-z][A-Za-z0-9]{0,4}\b"  # file name extensions: 落实情况.pdf, （.txt）
)
TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")


class VisibleText(HTMLParser):
    """Collects the readable text of a page as a list of chunks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks = []
        self.stack = []  # (tag, hides its content)

    def hidden(self):
        return any(hides for _tag, hides in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        foreign = (attrs.get("lang") or "").lower().startswith("en")
        hides = tag in SKIPPED_ELEMENTS or foreign
        if not self.hidden() and not hides:
            self.chunks += [attrs[name] for name in READ_ATTRIBUTES if attrs.get(name)]
            if tag == "input" and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
                self.chunks.append(attrs["value"])
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, hides))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        # Close up to the matching open tag; browsers forgive unclosed <p> and <li>, so must we.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if data.strip() and not self.hidden():
            self.chunks.append(data)


def visible_chunks(html):
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return parser.chunks


def foreign_words(text):
    """The raw codes and English words in one piece of readable text."""
    text = NOT_WORDS.sub(" ", text)
    found = []
    for match in TOKEN.finditer(text):
        token = match.group().strip(".-_")
        if len(token) < 2 or any(c.isdigit() for c in token) or not any(c.isalpha() for c in token):
            continue
        if token in ALLOWED or SETTING.match(token) or ROMAN.match(token):
            continue
        found.append(token)
    return found


def offences(html, context=30):
    """[(word, the text around it)] of a page, each word once."""
    seen, result = set(), []
    for chunk in visible_chunks(html):
        for word in foreign_words(chunk):
            if word not in seen:
                seen.add(word)
                at = chunk.find(word)
                around = " ".join(chunk[max(0, at - context):at + len(word) + context].split())
                result.append((word, around))
    return result
