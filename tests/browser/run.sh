#!/usr/bin/env bash
# Browser tests of the generated reports (tests/CorpusQA.Reports.BrowserTests): installs Debian's chromium (and a
# CJK font, so that screenshots show Chinese) where missing, then runs the xunit project headless. Its
# "Passed!/Failed!" line is counted by .ci/run like the other test assemblies.
#   --screenshots   also write docs/report.png and docs/compare.png (the README's screenshots)
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ "${1:-}" == "--screenshots" ]]; then export REPORT_SCREENSHOTS="$PWD/docs"; fi

packages=()
command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1 || packages+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || packages+=(fonts-wqy-zenhei)
if (( ${#packages[@]} )); then
  sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  echo "== installing ${packages[*]} (apt-get)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
"${CHROMIUM:-chromium}" --version
dotnet test tests/CorpusQA.Reports.BrowserTests -c Release
