#!/usr/bin/env bash
# The real record of the Expert Group on Cybercrime, 2010-2020: imported into a
# fresh store (make demo removes it first), imported a second time to show that
# nothing is recorded twice; then the calendar as it stood on 1 March 2020 and as
# it stands now, the sixth session's postponement, and the 2020 comment deadline
# with its extension; last, the public pages built from the record (open
# site/index.html in a browser). Then telling Member States, on a demonstration
# body named as such (the real record stays as the sources give it): two
# subscribers, a postponement previewed then recorded, and the message each
# would receive.
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

export SECRETARIAT_MAIL_FROM=${SECRETARIAT_MAIL_FROM:-"Secretariat <secretariat@example.org>"}
say secretariat establish-body demo-egm --name "Demonstration expert group (not a real body)" --on 2019-01-01
say secretariat subscribe demo-egm --email focal.point@mission-austria.example --name "Maria Huber" --delegation Austria --bureau --on 2019-01-02
say secretariat subscribe demo-egm --email pointfocal@mission-france.example --name "Jean Dupont" --delegation France --language fr --on 2019-01-02
say secretariat schedule-session demo-egm 6 --title "Sixth meeting (demonstration)" --start 2020-04-06 --end 2020-04-08 --venue "Vienna, Austria" --on 2019-12-02
say secretariat postpone-session demo-egm 6 --reason "Impact of the COVID-19 pandemic" --start 2020-07-27 --end 2020-07-29 --on 2020-03-13 --dry-run
say secretariat postpone-session demo-egm 6 --reason "Impact of the COVID-19 pandemic" --start 2020-07-27 --end 2020-07-29 --on 2020-03-13
say secretariat notifications --body demo-egm
say secretariat notifications show --body demo-egm
