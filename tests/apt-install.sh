#!/usr/bin/env bash
# apt-install.sh PACKAGE...: installs Debian packages with apt-get (sudo when not root); the test scripts
# (tests/browser/run.sh, tests/slurm/run.sh) call it with the packages they found missing.
set -euo pipefail
(( $# )) || exit 0
sudo=""
if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
echo "== installing $* (apt-get)"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
