"""Builds a corpus of many reports for the benchmark and the batch tests.

The reports are remixes of the bundled reports (examples/*.txt) and the golden inputs
(tests/golden/inputs/*.txt): each gets a headline and a random selection of their paragraphs
(lines), so that reports differ in size and content. The same arguments give the same corpus.

    /usr/bin/python3 bench/make_corpus.py OUT_DIR [--mb 50] [--reports 20000] [--seed 1]

Writes OUT_DIR/NNNNN/report-NNNNNNN.de.txt (1000 reports per folder) and prints one line:
"N reports, B bytes, W words in OUT_DIR". Only the standard library: runs with Debian's python3.
"""

import argparse
import glob
import os
import random
import sys


def sources(root):
    files = sorted(glob.glob(os.path.join(root, "examples", "*.txt")))
    files += sorted(glob.glob(os.path.join(root, "tests", "golden", "inputs", "*.txt")))
    if not files:
        sys.exit(f"make_corpus: no reports in {root}/examples or {root}/tests/golden/inputs")
    titles, paragraphs = [], []
    for path in files:
        with open(path, encoding="utf-8") as f:
            lines = [line.strip() for line in f.read().splitlines()]
        lines = [line for line in lines if line]
        for i, line in enumerate(lines):
            if i == 0 or (len(line) < 90 and line[-1] not in ".!?:“\")"):
                titles.append(line)
            else:
                paragraphs.append(line)
    return titles, paragraphs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--mb", type=float, default=50, help="total size in MB (10^6 bytes)")
    parser.add_argument("--reports", type=int, default=20000, help="number of reports")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."),
                        help="the reportkg source tree")
    args = parser.parse_args()

    titles, paragraphs = sources(args.root)
    rng = random.Random(args.seed)
    target = args.mb * 1e6 / max(args.reports, 1)  # mean bytes per report
    total_bytes = total_words = 0
    for n in range(args.reports):
        folder = os.path.join(args.out_dir, f"{n // 1000:05d}")
        if n % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        # Sizes from 0.25 to 1.75 times the mean, so that some reports are much larger.
        size = target * (0.25 + 1.5 * rng.random())
        lines = [rng.choice(titles)]
        length = len(lines[0].encode("utf-8"))
        while length < size:
            line = rng.choice(paragraphs)
            lines.append(line)
            length += len(line.encode("utf-8")) + 1
        text = "\n".join(lines) + "\n"
        data = text.encode("utf-8")
        with open(os.path.join(folder, f"report-{n:07d}.de.txt"), "wb") as f:
            f.write(data)
        total_bytes += len(data)
        total_words += len(text.split())
    print(f"{args.reports} reports, {total_bytes} bytes, {total_words} words in {args.out_dir}")


if __name__ == "__main__":
    main()
