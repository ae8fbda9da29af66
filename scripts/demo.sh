#!/usr/bin/env bash
# A short session at the secretariat: the sixth session of the Expert Group on
# Cybercrime is scheduled for 6-8 April 2020, then postponed because of the
# COVID-19 pandemic to 27-29 July 2020; then its history is shown, and the
# calendar as it stood on 1 March 2020 and as it stands now.
set -euo pipefail
say() { printf '\n$ %s\n' "$*"; "$@"; }
export SECRETARIAT_LOG_LEVEL=${SECRETARIAT_LOG_LEVEL:-warning}

say secretariat establish-body cybercrime-egm --on 2010-12-21 \
    --name "Open-ended intergovernmental expert group to conduct a comprehensive study of the problem of cybercrime" \
    --parent "Commission on Crime Prevention and Criminal Justice" --mandate "General Assembly resolution 65/230"
say secretariat schedule-session cybercrime-egm 6 --on 2019-12-02 \
    --title "Sixth meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime" \
    --start 2020-04-06 --end 2020-04-08 --venue "Vienna, Austria"
say secretariat postpone-session cybercrime-egm 6 --on 2020-03-13 \
    --reason "Impact of the COVID-19 pandemic" --start 2020-07-27 --end 2020-07-29
say secretariat change-venue cybercrime-egm 6 --on 2020-07-13 --format hybrid
say secretariat history cybercrime-egm 6
say secretariat calendar --as-of 2020-03-01
say secretariat calendar
say secretariat postponements
