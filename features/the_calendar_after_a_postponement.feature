Feature: The calendar after a postponement
  As a secretariat officer
  I want the calendar to show a postponed session on its new dates, with its original dates kept
  So that delegations plan for the right days and nobody loses sight of what was first announced

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019

  Rule: A session postponed to new dates is on the calendar on those dates, with its original dates

    Example: The sixth session is postponed to July because of the COVID-19 pandemic
      When the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then the calendar shows the 6th session of cybercrime-egm on 27–29 July 2020, scheduled
      And the calendar shows its original dates 6–8 April 2020
      And the calendar shows it postponed once
      And the postponements list the 6th session of cybercrime-egm postponed from 6–8 April 2020 to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"

  Rule: A session postponed without new dates stays on the calendar with its dates to be determined

    Example: The sixth session is postponed until further notice
      When the 6th session of cybercrime-egm is postponed to dates to be determined on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then the calendar shows the 6th session of cybercrime-egm on dates to be determined, postponed
      And the calendar file marks the 6th session of cybercrime-egm tentative on its last known dates 6–8 April 2020

  Rule: A calendar file updates the session's entry in place, and says what changed

    Example: A delegation's calendar sees the same entry move to July
      Given the calendar file is imported by a delegation
      When the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then the delegation's entry for the 6th session of cybercrime-egm is the same one, revised once, on 27–29 July 2020
      And the entry mentions the original dates 6–8 April 2020
