"""Joining ReportLab PDFs into one file, fast: objects are copied, only their numbers change.

Parallel printing (``reports.parallel``) lays out chunks of households in several processes; each chunk is a
complete PDF. Reading and rewriting every page with a general PDF library costs about as much as drawing
it, so ``PdfJoiner`` relies on what ReportLab writes: one classic cross-reference table, no object streams,
dictionaries in plain text before any binary stream data. It copies each object, renumbering the ``n 0 R``
references of its dictionary (never touching stream data), drops each part's catalogue, page tree and
information dictionary, and writes one page tree holding every page in order. Each part keeps its own
embedded font subsets (with subset tags made unique across the file). The parts are this program's own
ReportLab output; anything else raises ``ValueError``.
"""

import hashlib
import re
from typing import BinaryIO

_REF = re.compile(rb"(\d+) 0 R")
_SUBSET_TAG = re.compile(rb"/([A-Z]{6})\+")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_HEADER = b"%PDF-1.4\n%\x93\x8c\x8b\x9e ReportLab Generated PDF document (joined)\n"
CATALOG, PAGES, INFO = 1, 2, 3  # object numbers of the joined file's own structure


def _ref(name: bytes, text: bytes) -> int | None:
    match = re.search(rb"/" + name + rb" (\d+) 0 R", text)
    return int(match.group(1)) if match else None


def _objects(data: bytes) -> tuple[dict[int, bytes], bytes]:
    """Each object's text after its ``n 0 obj`` line (up to and including ``endobj``), and the trailer."""
    at = data.rfind(b"startxref")
    if at < 0:
        raise ValueError("not a PDF with a cross-reference table")
    xref = int(data[at + 9:].split()[0])
    if data[xref:xref + 4] != b"xref":
        raise ValueError("cross-reference stream or damaged table")
    head = data[xref:xref + 64].split(b"\n")
    first, count = (int(x) for x in head[1].split())
    entries = _XREF_ENTRY.findall(data, xref, data.index(b"trailer", xref))
    if first != 0 or len(entries) != count:
        raise ValueError("more than one cross-reference section")
    offsets = sorted((int(off), number) for number, (off, _, kind) in enumerate(entries) if kind == b"n")
    objects: dict[int, bytes] = {}
    for k, (start, number) in enumerate(offsets):
        end = offsets[k + 1][0] if k + 1 < len(offsets) else xref
        body = data[start:end]
        line_end = body.index(b"\n")
        if body[:line_end].split()[:3] != [str(number).encode(), b"0", b"obj"]:
            raise ValueError(f"object {number} is not where the table says")
        objects[number] = body[line_end + 1:body.rindex(b"endobj") + 6]
    return objects, data[xref:]


def _tag(number: int) -> bytes:
    """Six capital letters for ``number`` (AAAAAA, AAAAAB, …), as ReportLab names font subsets."""
    letters = []
    for _ in range(6):
        number, k = divmod(number, 26)
        letters.append(65 + k)
    return bytes(reversed(letters))


class PdfJoiner:
    """Appends ReportLab PDFs (``add``) to ``out``, then writes the page tree and trailer (``close``)."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.offsets: dict[int, int] = {}
        self.pages: list[int] = []
        self.next = INFO + 1
        self.catalog: bytes | None = None
        self.info: bytes | None = None
        self.ids = hashlib.md5(usedforsecurity=False)
        self.position = 0
        self.tags = 0
        self._write(_HEADER)

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)

    def _object(self, number: int, body: bytes) -> None:
        self.offsets[number] = self.position
        self._write(b"%d 0 obj\n" % number + body + b"\n")

    def add(self, data: bytes) -> int:
        """Append every page of ``data``; returns how many."""
        objects, trailer = _objects(data)
        root, info = _ref(b"Root", trailer), _ref(b"Info", trailer)
        if root not in objects:
            raise ValueError("no document catalogue")
        tree = _ref(b"Pages", objects[root])
        kids = re.search(rb"/Kids \[([^\]]*)\]", objects.get(tree, b""))
        if kids is None or b"/Type /Pages" not in objects[tree] or b"/Kids [ " not in objects[tree]:
            raise ValueError("not a one-level page tree")
        dropped = {root, tree, info}
        numbers = {old: self.next + i for i, old in enumerate(n for n in sorted(objects) if n not in dropped)}
        numbers[tree] = PAGES

        tags: dict[bytes, bytes] = {}

        def tag(match) -> bytes:  # subsets of one font in one file need tags of their own
            new = tags.get(match.group(1))
            if new is None:
                new = tags[match.group(1)] = _tag(self.tags)
                self.tags += 1
            return b"/" + new + b"+"

        def reference(match) -> bytes:
            try:
                return b"%d 0 R" % numbers[int(match.group(1))]
            except KeyError:
                raise ValueError(f"a reference to object {match.group(1).decode()}, which is not copied") from None

        def renumber(text: bytes) -> bytes:
            return _SUBSET_TAG.sub(tag, _REF.sub(reference, text))

        for old, new in numbers.items():
            if old == tree:
                continue
            body = objects[old]
            split = body.find(b"\nstream\n") if body.endswith(b"endstream\nendobj") else -1
            if split < 0:
                self._object(new, renumber(body))
            else:
                self._object(new, renumber(body[:split]) + body[split:])
        self.next += len(numbers) - 1
        pages = [numbers[int(n)] for n in _REF.findall(kids.group(1))]
        self.pages += pages
        if self.catalog is None:
            self.catalog = renumber(objects[root])
            self.info = objects.get(info)
        self.ids.update(trailer)
        return len(pages)

    def close(self) -> int:
        """Write the catalogue, page tree, information and cross-reference table; returns the page count."""
        if self.catalog is None:
            raise ValueError("nothing to join")
        kids = b" ".join(b"%d 0 R" % n for n in self.pages)
        self._object(PAGES, b"<<\n/Count %d /Kids [ %s ] /Type /Pages\n>>\nendobj" % (len(self.pages), kids))
        self._object(CATALOG, self.catalog)
        self._object(INFO, self.info or b"<<\n>>\nendobj")
        xref = self.position
        rows = [b"xref\n0 %d\n0000000000 65535 f \n" % self.next]
        rows += [b"%010d 00000 n \n" % self.offsets[n] for n in range(1, self.next)]
        digest = self.ids.hexdigest().encode()
        rows.append(b"trailer\n<<\n/ID [<%s><%s>]\n/Info %d 0 R\n/Root %d 0 R\n/Size %d\n>>\nstartxref\n%d\n%%%%EOF\n"
                    % (digest, digest, INFO, CATALOG, self.next, xref))
        self._write(b"".join(rows))
        return len(self.pages)


def join_pdfs(parts, out: BinaryIO) -> int:
    """Join ReportLab PDFs (bytes, in order) into ``out``; returns the number of pages."""
    joiner = PdfJoiner(out)
    for data in parts:
        joiner.add(data)
    return joiner.close()
