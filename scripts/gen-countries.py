#!/usr/bin/python3
"""Generate data/de/countries.tsv from Debian's iso-codes, ICU/CLDR and data/de/countries-curated.tsv.

Sources (Debian 12 packages iso-codes, libicu-dev, g++):
  * /usr/share/iso-codes/json/iso_3166-1.json       ISO 3166-1 codes, English names
  * /usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo  German translations of those names
  * ICU 72 (CLDR) display names in German, through scripts/icu-country-names.cpp, which this
    script compiles with g++ and pkg-config into a temporary directory
  * data/de/countries-curated.tsv                   adjectives, demonyms, extra variants (by hand)

Output columns: iso2, name, variants, adjective, demonyms (see data/README.md).

Usage: scripts/gen-countries.py [--check]   (--check: do not write, fail if the file would change)
Python 3 standard library only.
"""

import gettext
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_MO = "/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo"
HELPER = os.path.join(ROOT, "scripts", "icu-country-names.cpp")
CURATED = os.path.join(ROOT, "data", "de", "countries-curated.tsv")
OUTPUT = os.path.join(ROOT, "data", "de", "countries.tsv")

# Codes outside ISO 3166-1 proper that news text needs: XK (Kosovo) is user-assigned but used by
# the EU, CLDR and ICU. English name given here; the German one comes from ICU.
EXTRA_CODES = {"XK": "Kosovo"}

# Where the CLDR long display name is not what a German newspaper writes. CLDR has several of
# these as alt="short" forms, which getDisplayCountry() does not expose. The ICU name stays a variant.
NAME_OVERRIDES = {
    "BN": "Brunei",
    "CD": "Demokratische Republik Kongo",
    "CG": "Republik Kongo",
    "CV": "Kap Verde",
    "HK": "Hongkong",
    "MO": "Macau",
    "TL": "Osttimor",
    "VA": "Vatikan",
}

# Generated variants that are wrong or misleading for one code: ambiguous with something more
# frequent in news text (US state Georgia, river Jordan), wrong translations, or names the
# curated file gives to another code (Kongo usually means the Democratic Republic).
DROP_VARIANTS = {
    "CG": {"Kongo", "Congo"},
    "GE": {"Georgia"},
    "JO": {"Jordan"},
    "SX": {"Saint-Martin"},
    "UM": set(),
}


def fail(msg):
    sys.stderr.write("gen-countries: " + msg + "\n")
    sys.exit(1)


def key(s):
    """Comparison key: NFKC, case-folded, hyphens/apostrophes/spaces folded."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.replace("’", "'").replace("-", " ")
    return " ".join(s.split())


def clean(name):
    """Drop parenthesised parts: 'Falkland Islands (Malvinas)' -> 'Falkland Islands'."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = re.sub(r"^the ", "", name)
    return " ".join(name.split()).strip(" ,")


def icu_names(codes):
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "icu-country-names")
        try:
            flags = subprocess.run(["pkg-config", "--cflags", "--libs", "icu-uc", "icu-i18n"],
                                   check=True, capture_output=True, text=True).stdout.split()
            subprocess.run(["g++", "-O1", "-o", exe, HELPER] + flags, check=True)
        except (OSError, subprocess.CalledProcessError) as e:
            fail("cannot build the ICU helper (needs g++, pkg-config, libicu-dev): %s" % e)
        out = subprocess.run([exe, "de"], input="\n".join(codes) + "\n", check=True,
                             capture_output=True, text=True).stdout
    names = {}
    for line in out.splitlines():
        code, name = line.split("\t")
        names[code] = name
    return names


def read_curated():
    rows = {}
    with open(CURATED, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                fail("%s:%d: expected 4 columns, got %d" % (CURATED, n, len(cols)))
            code, adjective, demonyms, variants = cols
            if code in rows:
                fail("%s:%d: duplicate code %s" % (CURATED, n, code))
            if demonyms and len(demonyms.split("|")) != 3:
                fail("%s:%d: demonyms must be masculine|feminine|plural" % (CURATED, n))
            rows[code] = (adjective, demonyms, [v for v in variants.split("|") if v])
    return rows


def inverted(entry):
    """ISO list forms like 'Korea, Republic of' or 'Congo, The Democratic Republic of the'."""
    name = entry["name"]
    if ", " not in name:
        return False
    official = entry.get("official_name")
    return (name.endswith(" of") or name.endswith(" of the") or ", The " in name
            or "common_name" in entry or (official is not None and official != name))


def main():
    check = "--check" in sys.argv[1:]
    with open(ISO_JSON, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    with open(ISO_MO, "rb") as f:
        de = gettext.GNUTranslations(f)
    entries = {e["alpha_2"]: e for e in iso}
    for code, en in EXTRA_CODES.items():
        entries.setdefault(code, {"alpha_2": code, "name": en})
    codes = sorted(entries)
    icu = icu_names(codes)
    curated = read_curated()

    unknown = sorted(set(curated) - set(codes))
    if unknown:
        fail("curated codes not in ISO 3166-1: " + " ".join(unknown))
    missing = sorted(set(codes) - set(curated))
    if missing:
        sys.stderr.write("gen-countries: note: no curated row for " + " ".join(missing) + "\n")

    rows = {}
    generated = {}  # code -> list of generated variants (before collision check)
    for code in codes:
        e = entries[code]
        name = NAME_OVERRIDES.get(code, icu[code])
        cand = []
        bad = set()
        if inverted(e):
            bad.add(e["name"])
        for field in ("official_name", "common_name", "name"):
            if field in e and e[field] not in bad:
                german = de.gettext(e[field])
                # the German catalog inverts some names the English list does not ("Syrien,
                # Arabische Republik" for "Syrian Arab Republic"): keep such a form only if the
                # English one has the comma too (a real name: "Bonaire, Sint Eustatius and Saba")
                if ", " in german and ", " not in e[field]:
                    continue
                cand.append(german)
        if code in NAME_OVERRIDES:
            cand.append(icu[code])
        for field in ("common_name", "name", "official_name"):
            if field in e and e[field] not in bad:
                cand.append(e[field])
        drop = {key(v) for v in DROP_VARIANTS.get(code, ())}
        generated[code] = [c for c in map(clean, cand) if c and key(c) not in drop]
        rows[code] = name

    # A generated variant that two codes share, or that a curated row gives to another code,
    # identifies neither: drop it there (curated variants and names win).
    owner = {}
    for code in codes:
        owner.setdefault(key(rows[code]), set()).add(code)
        for v in curated.get(code, ("", "", []))[2]:
            k = key(v)
            if k in owner and code not in owner[k]:
                fail("curated variant %r of %s is also a name or curated variant of %s"
                     % (v, code, " ".join(sorted(owner[k]))))
            owner.setdefault(k, set()).add(code)
    gen_owner = {}
    for code in codes:
        for v in generated[code]:
            gen_owner.setdefault(key(v), set()).add(code)

    lines = ["# Generated by scripts/gen-countries.py from iso-codes, ICU/CLDR and countries-curated.tsv;"
             " do not edit by hand.",
             "# iso2\tname\tvariants\tadjective\tdemonyms"]
    for code in codes:
        name = rows[code]
        seen = {key(name)}
        variants = []
        adjective, demonyms, extra = curated.get(code, ("", "", []))
        for v in generated[code]:
            k = key(v)
            if k in seen:
                continue
            if len(gen_owner[k]) > 1 or (k in owner and owner[k] != {code}):
                sys.stderr.write("gen-countries: note: dropped ambiguous variant %r of %s\n" % (v, code))
                seen.add(k)
                continue
            seen.add(k)
            variants.append(v)
        for v in extra:
            if key(v) not in seen:
                seen.add(key(v))
                variants.append(v)
        for field in [name, adjective, demonyms] + variants:
            if "\t" in field or field != field.strip():
                fail("bad field %r for %s" % (field, code))
        lines.append("\t".join([code, name, "|".join(variants), adjective, demonyms]))
    text = "\n".join(lines) + "\n"

    if check:
        with open(OUTPUT, encoding="utf-8") as f:
            if f.read() != text:
                fail(OUTPUT + " is out of date: run scripts/gen-countries.py")
        return
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stderr.write("gen-countries: wrote %d countries to %s\n" % (len(codes), OUTPUT))


if __name__ == "__main__":
    main()
