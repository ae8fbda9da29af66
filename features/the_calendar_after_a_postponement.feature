Feature: The calendar after a postponement
  As a secretariat officer
  I want the calendar to show a postponed session on its new dates, with its original dates kept
  So that delegations plan for the right days and nobody loses sight of what was first announced

  Background:
    Given the body "cybercrime-egm" is established
    And its 6th session is scheduled on 2019-12-02 for 2020-04-06 to 2020-04-08 in "Vienna, Austria"

  Rule: A session postponed to new dates is on the calendar on those dates, with its original dates

    Example: The sixth session is postponed to July because of the COVID-19 pandemic
      When the 6th session is postponed on 2020-03-13 to 2020-07-27 to 2020-07-29 because of "the impact of the COVID-19 pandemic"
      Then the calendar shows the 6th session on 2020-07-27 to 2020-07-29, scheduled
      And the calendar shows its original dates 2020-04-06 to 2020-04-08
      And the calendar shows it postponed 1 time
      And the postponements list it as decided on 2020-03-13 from 2020-04-06 to 2020-07-27

  Rule: A session postponed without new dates stays on the calendar with its dates to be determined

    Example: The sixth session is postponed until further notice
      When the 6th session is postponed on 2020-03-13 without new dates because of "the impact of the COVID-19 pandemic"
      Then the calendar shows the 6th session with its dates to be determined, postponed
      And the calendar file marks the 6th session tentative on its last known dates 2020-04-06 to 2020-04-08

  Rule: A calendar file updates the session's entry in place, and says what changed

    Example: A delegation's calendar sees the same entry move to July
      Given a delegation has imported the calendar file
      When the 6th session is postponed on 2020-03-13 to 2020-07-27 to 2020-07-29 because of "the impact of the COVID-19 pandemic"
      Then the delegation's entry for the 6th session is the same one, revised 1 time, on 2020-07-27 to 2020-07-29
      And the entry mentions the original dates "6–8 April 2020"
