#!/usr/bin/env bash
# Installs everything reportkg needs to build and test on Debian 12: compilers, Serd/Sord, CLI11,
# doctest, ICU, hunspell, Python's rdflib and Node.js with the npm packages of tests/rdf; for the
# benchmarks, time and Debian's German documentation (bench/make_open_corpus.py).
# Idempotent: when everything is installed it changes nothing and needs no network.
# Run as root (or as a user with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git
  libserd-dev libsord-dev serdi sordi libcli11-dev doctest-dev
  libicu-dev libhunspell-dev hunspell-de-de iso-codes libmimalloc-dev
  python3 python3-rdflib clang-format
  libcurl4-openssl-dev curl virtuoso-opensource-7-bin
  clang libclang-rt-14-dev llvm time
  debian-reference-de debian-faq-de developers-reference-de
)
# A node already on PATH (e.g. from NodeSource) is used as it is: Debian's nodejs/npm would
# conflict with it.
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)"
  [[ "$status" == installed ]] || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "setup: missing packages: ${missing[*]}; run this script as root" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "setup: all Debian packages are installed"
fi

# The JavaScript RDF tests (SHACL, SPARQL on oxigraph).
if [[ -f tests/rdf/package.json ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: node is installed but npm is not; install npm to run the tests in tests/rdf" >&2
    exit 1
  fi
  if [[ -d tests/rdf/node_modules ]] && npm ls --prefix tests/rdf --all >/dev/null 2>&1; then
    echo "setup: npm packages of tests/rdf are installed"
  elif [[ -f tests/rdf/package-lock.json ]]; then
    npm ci --prefix tests/rdf --no-audit --no-fund
  else
    npm install --prefix tests/rdf --no-audit --no-fund
  fi
fi
