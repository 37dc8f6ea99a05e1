# Shared by the scripts: install Debian packages if missing, configure and build.
# Sourced, not run. Works as root or with sudo; idempotent.

OGIX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Everything ogix needs to build, test and demo, from Debian 12's archive.
OGIX_PACKAGES=(
  build-essential cmake ninja-build pkg-config python3
  libxml2-dev libxml2-utils libicu-dev libcxxopts-dev doctest-dev
  libpoppler-cpp-dev libpoppler-private-dev poppler-data poppler-utils qpdf libzip-dev
  libsqlite3-dev sqlite3 python3-pandas
  libtesseract-dev libleptonica-dev tesseract-ocr-chi-sim tesseract-ocr-eng python3-pil img2pdf
)

ogix_sudo() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "ogix: need root (or sudo) to install: $*" >&2; return 1; fi
}

# ogix_ensure_packages [extra packages…]: installs whatever is missing, quietly.
ogix_ensure_packages() {
  local missing=() p
  for p in "${OGIX_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "ogix: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  ogix_sudo apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
  ogix_sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ogix_build DIR BUILD_TYPE [cmake args…]: configures once and builds with every core; every
# target, or those OGIX_BUILD_TARGETS names (space-separated).
ogix_build() {
  local dir=$1 type=$2
  shift 2
  cmake -S "$OGIX_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
  # shellcheck disable=SC2086
  cmake --build "$dir" -j"$(nproc)" ${OGIX_BUILD_TARGETS:+--target $OGIX_BUILD_TARGETS}
}
