"""Builds reports of German prose with an open vocabulary from Debian's German documentation.

The benchmark's corpus (make_corpus.py) is remixed from a few reports: after its first reports,
nearly every word of it has been looked up before, and the answers are cached. This corpus shows
what words not seen before cost: the paragraphs of the HTML pages of the Debian packages
debian-reference-de, debian-faq-de and developers-reference-de (each paragraph once, code and
preformatted text left out), in a fixed random order, grouped into reports of about 2.7 kB with
a headline. It is prose about software, with few people or places: a measure of recognizing
ordinary words, not of what is found. The same installed packages give the same corpus.

    apt-get install debian-reference-de debian-faq-de developers-reference-de
    /usr/bin/python3 bench/make_open_corpus.py OUT_DIR

Writes OUT_DIR/open-NNNNN.de.txt and prints one line: "N reports, B bytes, W words in OUT_DIR".
"""

import glob
import html.parser
import os
import random
import re
import sys

PAGES = [
    "/usr/share/debian-reference/*.de.html",
    "/usr/share/doc/debian/FAQ/de/*.de.html",
    "/usr/share/developers-reference/de/*.html",
]
REPORT_BYTES = 2600  # a report ends with the paragraph that reaches this size


class Paragraphs(html.parser.HTMLParser):
    """The text of the <p> elements of a page, without code."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._text = None
        self._code = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("pre", "code", "script", "style"):
            self._code += 1
        if tag == "p":
            self._text = []

    def handle_endtag(self, tag):
        if tag in ("pre", "code", "script", "style"):
            self._code = max(0, self._code - 1)
        if tag == "p" and self._text is not None:
            text = re.sub(r"\s+", " ", "".join(self._text)).strip()
            if len(text) > 80:
                self.found.append(text)
            self._text = None

    def handle_data(self, data):
        if self._text is not None and not self._code:
            self._text.append(data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    files = sorted(f for pattern in PAGES for f in glob.glob(pattern))
    if not files:
        sys.exit("make_open_corpus: no pages; install debian-reference-de, debian-faq-de and "
                 "developers-reference-de")
    paragraphs = []
    for path in files:
        parser = Paragraphs()
        with open(path, encoding="utf-8", errors="replace") as f:
            parser.feed(f.read())
        paragraphs += parser.found
    paragraphs = list(dict.fromkeys(paragraphs))  # the one-page editions repeat the others
    random.Random(1).shuffle(paragraphs)

    os.makedirs(out_dir, exist_ok=True)
    n = total_bytes = total_words = i = 0
    while i < len(paragraphs):
        body, size = [], 0
        while i < len(paragraphs) and size < REPORT_BYTES:
            body.append(paragraphs[i])
            size += len(paragraphs[i].encode())
            i += 1
        headline = body[0][:70].rsplit(" ", 1)[0]
        text = headline + "\n\n" + "\n\n".join(body) + "\n"
        with open(os.path.join(out_dir, f"open-{n:05d}.de.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        n += 1
        total_bytes += len(text.encode())
        total_words += len(text.split())
    print(f"{n} reports, {total_bytes} bytes, {total_words} words in {out_dir}")


if __name__ == "__main__":
    main()
