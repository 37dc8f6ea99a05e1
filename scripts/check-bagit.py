#!/usr/bin/env python3
"""An independent check of a BagIt bag against RFC 8493 (BagIt 1.0), written from the RFC's text
and not from ogix's writer: it shares no code with ogix and hashes with Python's hashlib.

    scripts/check-bagit.py BAGDIR [--require sha256,sha512] [--quiet]

Exit 0 when every rule below holds, 1 otherwise (each broken rule printed). Rules, by section:

  §2      the base directory holds bagit.txt, a data/ payload directory and at least one payload
          manifest
  §2.1.1  bagit.txt is exactly two lines, "BagIt-Version: M.N" then
          "Tag-File-Character-Encoding: ENCODING"; here version 1.0 and UTF-8
  §2.1.3  manifest-ALG.txt: every line is "checksum  filepath" (checksum hex, then one or more
          linear whitespace characters); filepath relative to the base directory, "/" as separator,
          no "." or ".." segments; CR, LF and % in names percent-encoded as %0D, %0A, %25 and no
          other percent-encoding; every path lies under data/; a path is listed once
  §2.1.3, §3  every payload file is listed in every payload manifest (complete bag) and every
          listed file exists
  §2.2.1  tagmanifest-ALG.txt: same line syntax; lists tag files only (never a payload file)
  §2.2.2  bag-info.txt: "Label: value" lines (a line starting with whitespace continues the value);
          Payload-Oxum is "OctetCount.StreamCount" and equals the payload's bytes and file count;
          Bagging-Date is YYYY-MM-DD; Bag-Count, when present, is "N of T" or "N of ?"
  §2.4    algorithm names are lowercase; sha512 and sha256 are the ones implementations SHOULD
          support (--require makes them mandatory)
  §2.1.1, §2.2.2  tag files are UTF-8 (here: valid UTF-8 without a byte order mark); lines end
          with LF, CRLF or CR (ogix writes LF, so CR is reported as a deviation from our promise)
  §3      valid bag: every checksum of every manifest and tag manifest matches the file's bytes
  ogix's promise beyond the RFC's MUSTs: every tag file other than the tag manifests is listed in
  every tag manifest; no symbolic links
"""
import hashlib
import os
import re
import sys

HEX_LEN = {"md5": 32, "sha1": 40, "sha256": 64, "sha512": 128}


class Checker:
    def __init__(self, bag):
        self.bag = bag
        self.problems = []

    def fail(self, rule, msg):
        self.problems.append(f"{rule}: {msg}")

    def read_tag_text(self, name):
        """A tag file as text: UTF-8 without BOM, LF line ends (what ogix promises)."""
        with open(os.path.join(self.bag, name), "rb") as f:
            raw = f.read()
        if raw.startswith(b"\xef\xbb\xbf"):
            self.fail("§2.1.1", f"{name} starts with a byte order mark")
        if b"\r" in raw:
            self.fail("§2.1.1", f"{name} has CR line ends (ogix writes LF)")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.fail("§2.1.1", f"{name} is not UTF-8: {e}")
            text = raw.decode("utf-8", "replace")
        if text and not text.endswith("\n"):
            self.fail("§2.1.1", f"{name} does not end its last line")
        return text

    def decode_path(self, enc, where):
        # §2.1.3: only %0D, %0A and %25 are encoded; any other % is an error.
        out, i = [], 0
        while i < len(enc):
            if enc[i] == "%":
                code = enc[i + 1:i + 3].upper()
                if code not in ("0A", "0D", "25"):
                    self.fail("§2.1.3", f"{where}: percent-encoding other than %0A %0D %25: {enc!r}")
                    return None
                out.append({"0A": "\n", "0D": "\r", "25": "%"}[code])
                i += 3
            else:
                out.append(enc[i])
                i += 1
        return "".join(out)

    def read_manifest(self, name, payload):
        alg = name[len("tagmanifest-" if not payload else "manifest-"):-len(".txt")]
        if alg != alg.lower():
            self.fail("§2.4", f"{name}: algorithm name not lowercase")
        entries = {}
        for n, line in enumerate(self.read_tag_text(name).split("\n")[:-1], 1):
            where = f"{name} line {n}"
            m = re.fullmatch(r"([0-9A-Fa-f]+)[ \t]+(.+)", line)
            if not m:
                self.fail("§2.1.3", f"{where}: not 'checksum filepath': {line!r}")
                continue
            digest, enc = m.group(1).lower(), m.group(2)
            if alg in HEX_LEN and len(digest) != HEX_LEN[alg]:
                self.fail("§2.1.3", f"{where}: a {alg} checksum has {HEX_LEN[alg]} hex digits")
            path = self.decode_path(enc, where)
            if path is None:
                continue
            if path.startswith("/") or "\\" in path or any(s in ("", ".", "..") for s in path.split("/")):
                self.fail("§2.1.3", f"{where}: not a relative path with '/' separators: {path!r}")
                continue
            if payload and not path.startswith("data/"):
                self.fail("§2.1.3", f"{where}: a payload manifest lists a file outside data/: {path!r}")
            if not payload and path.startswith("data/"):
                self.fail("§2.2.1", f"{where}: a tag manifest lists a payload file: {path!r}")
            if path in entries:
                self.fail("§2.1.3", f"{where}: {path!r} listed twice")
            entries[path] = digest
        return alg, entries

    def digest(self, rel, alg):
        h = hashlib.new(alg)
        with open(os.path.join(self.bag, rel), "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()

    def run(self, require):
        b = self.bag
        if not os.path.isfile(os.path.join(b, "bagit.txt")):
            self.fail("§2", "no bagit.txt")
            return
        decl = self.read_tag_text("bagit.txt")
        if decl != "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n":
            self.fail("§2.1.1", f"bagit.txt is not the 1.0 / UTF-8 declaration: {decl!r}")
        if not os.path.isdir(os.path.join(b, "data")):
            self.fail("§2", "no data/ payload directory")
        payload, tags = set(), set()
        for root, dirs, files in os.walk(b):
            for name in dirs + files:
                full = os.path.join(root, name)
                rel = os.path.relpath(full, b).replace(os.sep, "/")
                if os.path.islink(full):
                    self.fail("ogix", f"symbolic link in the bag: {rel!r}")
                elif os.path.isfile(full):
                    (payload if rel.startswith("data/") else tags).add(rel)
        manifests = sorted(t for t in tags if re.fullmatch(r"manifest-[^/]+\.txt", t))
        tagmanifests = sorted(t for t in tags if re.fullmatch(r"tagmanifest-[^/]+\.txt", t))
        if not manifests:
            self.fail("§2", "no payload manifest")
        algs = {m[len("manifest-"):-4] for m in manifests}
        for alg in require:
            if alg not in algs:
                self.fail("§2.4", f"no manifest-{alg}.txt")
            if f"tagmanifest-{alg}.txt" not in tagmanifests:
                self.fail("§2.4", f"no tagmanifest-{alg}.txt")
        for name in manifests + tagmanifests:
            is_payload = name.startswith("manifest-")
            alg, entries = self.read_manifest(name, is_payload)
            if alg not in hashlib.algorithms_available:
                self.fail("§2.4", f"{name}: unknown algorithm {alg}")
                continue
            for path, want in sorted(entries.items()):
                if not os.path.isfile(os.path.join(b, path)):
                    self.fail("§3", f"{name}: {path!r} is listed but missing")
                elif self.digest(path, alg) != want:
                    self.fail("§3", f"{name}: {path!r} does not match its {alg} checksum")
            if is_payload:
                for path in sorted(payload - entries.keys()):
                    self.fail("§2.1.3", f"payload file {path!r} is not listed in {name}")
            else:
                for path in sorted(tags - entries.keys() - set(tagmanifests)):
                    self.fail("ogix", f"tag file {path!r} is not listed in {name}")
        self.check_bag_info(payload)
        return len(payload)

    def check_bag_info(self, payload):
        if not os.path.isfile(os.path.join(self.bag, "bag-info.txt")):
            return  # optional (§2.2.2)
        fields = []
        for n, line in enumerate(self.read_tag_text("bag-info.txt").split("\n")[:-1], 1):
            if line[:1] in (" ", "\t") and fields:
                fields[-1][1] += " " + line.strip()
                continue
            m = re.fullmatch(r"([^:\s][^:]*?): (.*)", line)
            if not m:
                self.fail("§2.2.2", f"bag-info.txt line {n}: not 'Label: value': {line!r}")
                continue
            fields.append([m.group(1), m.group(2)])
        info = {}
        for label, value in fields:
            info.setdefault(label, []).append(value)
        for label in ("Payload-Oxum", "Bagging-Date", "Bag-Count"):
            if len(info.get(label, [])) > 1:
                self.fail("§2.2.2", f"bag-info.txt: {label} appears more than once")
        if "Payload-Oxum" in info:
            oxum = info["Payload-Oxum"][0]
            octets = sum(os.path.getsize(os.path.join(self.bag, p)) for p in payload)
            if not re.fullmatch(r"[0-9]+\.[0-9]+", oxum):
                self.fail("§2.2.2", f"Payload-Oxum {oxum!r} is not OctetCount.StreamCount")
            elif oxum != f"{octets}.{len(payload)}":
                self.fail("§2.2.2", f"Payload-Oxum {oxum} but the payload is {octets}.{len(payload)}")
        for date in info.get("Bagging-Date", []):
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", date):
                self.fail("§2.2.2", f"Bagging-Date {date!r} is not YYYY-MM-DD")
        for count in info.get("Bag-Count", []):
            if not re.fullmatch(r"[0-9]+ of ([0-9]+|\?)", count):
                self.fail("§2.2.2", f"Bag-Count {count!r} is not 'N of T'")


def main():
    args = sys.argv[1:]
    quiet = "--quiet" in args
    args = [a for a in args if a != "--quiet"]
    require = []
    if "--require" in args:
        i = args.index("--require")
        require = args[i + 1].split(",")
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    c = Checker(args[0])
    n = c.run(require)
    for p in c.problems:
        print(f"check-bagit: {args[0]}: {p}")
    if not c.problems and not quiet:
        print(f"check-bagit: {args[0]}: valid BagIt 1.0 bag ({n} payload files)")
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
