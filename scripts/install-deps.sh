#!/usr/bin/env bash
# Installs every Debian 12 package the project builds, tests and benchmarks with.
# Idempotent: packages already present are left alone; apt lists are refreshed
# only when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config python3
  libre2-dev libicu-dev libcurl4-openssl-dev libsqlite3-dev sqlite3
  libgtest-dev libgmock-dev libbenchmark-dev
  libtomlplusplus-dev libxml2-dev zlib1g-dev libbrotli-dev
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev
  clang-14 libclang-rt-14-dev
  python3-distributed sqlite-utils
  help2man man-db systemd
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
