#!/bin/bash
# Shared shell helpers for tools/*.sh (tools): installing the build dependencies on a
# fresh Debian 12 machine. Source it; it defines functions only.

# The Debian packages piccolo needs to build, test and regenerate expectations.
PIC_PACKAGES=(bazel-bootstrap libzstd-dev libxxhash-dev libcriterion-dev lua5.4 zstd)

# Installs whichever of PIC_PACKAGES is missing (apt-get update once, then one
# apt-get install); does nothing, and needs no root, when all are present.
pic_ensure_deps() {
  local missing=() p
  for p in "${PIC_PACKAGES[@]}"; do
    # (dpkg-query -W, not dpkg -s: the latter refuses a name installed for two
    # architectures, as tools/check-32bit.sh's i386 packages make it)
    dpkg-query -W -f='${Status}\n' "$p" 2> /dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing missing packages: ${missing[*]}" >&2
  local sudo=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo > /dev/null || { echo "error: need root to install ${missing[*]}" >&2; return 1; }
    sudo=sudo
  fi
  $sudo apt-get update || return 1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
}

# Changes to the repository root (the folder holding WORKSPACE).
pic_cd_root() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
  [ -f WORKSPACE ] || { echo "error: $(pwd) is not the piccolo root" >&2; exit 1; }
}
