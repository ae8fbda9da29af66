#!/usr/bin/env bash
# The real record of the Expert Group on Cybercrime, 2010-2020: imported into a
# fresh store (make demo removes it first), imported a second time to show that
# nothing is recorded twice; then the calendar as it stood on 1 March 2020 and as
# it stands now, the sixth session's postponement, and the 2020 comment deadline
# with its extension; last, the public pages built from the record (open
# site/index.html in a browser).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n$ %s\n' "$*"; "$@"; }
RECORD=examples/expert-group-cybercrime.yaml
SITE=${SECRETARIAT_DEMO_SITE:-site}

say secretariat import "$RECORD"
say secretariat import "$RECORD"
say secretariat calendar --body cybercrime-egm --as-of 2020-03-01
say secretariat calendar --body cybercrime-egm
say secretariat postponements --body cybercrime-egm
say secretariat deadlines --body cybercrime-egm --today 2020-07-27
say secretariat site build --body cybercrime-egm --out "$SITE"
