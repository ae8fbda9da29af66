#!/usr/bin/env bash
# The real record of the Expert Group on Cybercrime, 2010-2020: imported into a
# fresh store (make demo removes it first), imported a second time to show that
# nothing is recorded twice, then the sixth session's history: scheduled for
# 6-8 April 2020, postponed because of the COVID-19 pandemic to 27-29 July 2020,
# held in hybrid format, its statements, panelists, documents and report.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n$ %s\n' "$*"; "$@"; }
export SECRETARIAT_LOG_LEVEL=${SECRETARIAT_LOG_LEVEL:-warning}
RECORD=examples/expert-group-cybercrime.yaml

say secretariat import "$RECORD"
say secretariat import "$RECORD"
say secretariat history cybercrime-egm 6

# Hook for the read side (calendar and deadline views), which is on its own
# branch: once `secretariat calendar` and `secretariat deadlines` exist, the
# demo shows the calendar and the 2020 deadline view too. Until then it says so.
if secretariat calendar --help >/dev/null 2>&1; then
    say secretariat calendar --body cybercrime-egm
    say secretariat deadlines --body cybercrime-egm
else
    printf '\n(The calendar and the deadline view come with the read side.)\n'
fi
