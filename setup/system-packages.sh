#!/usr/bin/env bash
# Make sure the system packages manim needs are installed; install them with apt when we
# can, otherwise print exactly what to install and stop. Quiet and quick when all is there.
set -euo pipefail

python="${PYTHON:-python3}"
packages=(
  libcairo2-dev libpango1.0-dev pkg-config             # to build pycairo and ManimPango
  texlive-latex-base texlive-latex-extra               # MathTex (standalone.cls)
  texlive-fonts-recommended dvisvgm                    # MathTex fonts and LaTeX -> SVG
  chromium                                             # the tests open the lecture's pages in it (Playwright)
  fonts-noto-core fonts-noto-cjk                       # Arabic, Hebrew, Devanagari, CJK... (scenes/fonts.py)
)

if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup: $python not found: install Python 3.11 or newer (or run make PYTHON=/path/to/python3)" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: $python is $("$python" --version 2>&1): Python 3.11 or newer is needed (make PYTHON=...)" >&2
  exit 1
fi
if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: this is not a Debian/Ubuntu system (no apt-get); install the equivalents of: ${missing[*]}" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "setup: missing system packages; as root run: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "setup: installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
