Feature: The sixth session was postponed because of the COVID-19 pandemic
  As the secretariat of the Expert Group on Cybercrime
  I want a postponement recorded with its reason, beside the dates it replaces
  So that anyone can see what was planned, what changed, when and why

  Background:
    Given the record of the Expert Group on Cybercrime is imported

  Rule: A postponement keeps the original dates on record and says why

    Example: The sixth session moves from April to July 2020
      Then the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
      And the 6th session of cybercrime-egm is postponed from 6–8 April 2020 to 27–29 July 2020 on 13 March 2020 because "Due to the impact of the COVID-19 pandemic"
      And the 6th session of cybercrime-egm has been postponed once
      And the 6th session of cybercrime-egm met on 27–29 July 2020

  Rule: A session that has met cannot be postponed

    Example: The sixth session, closed on 29 July 2020, is not postponed again
      When these entries are imported:
        """
        - command: postpone-session
          body: cybercrime-egm
          number: 6
          reason: A second wave of the pandemic
          start: 2020-10-05
          end: 2020-10-07
          on: 2020-08-03
        """
      Then the import stops at entry 1
      And the officer is told "the 6th session of cybercrime-egm is closed and cannot be postponed"
      And nothing is recorded
      And the 6th session of cybercrime-egm has been postponed once

  Rule: Decisions on a session are recorded in the order they take effect

    Example: A postponement dated before the last decision recorded is refused
      When these entries are imported:
        """
        - command: postpone-session
          body: cybercrime-egm
          number: 6
          reason: Due to the impact of the COVID-19 pandemic
          on: 2020-03-01
        """
      Then the import stops at entry 1
      And the officer is told "this decision takes effect on 2020-03-01, before the last one recorded for the 6th session of cybercrime-egm (2020-07-29); decisions on a session are recorded in the order they take effect"
      And nothing is recorded

  Rule: The record imported again is not postponed twice

    Example: The secretariat imports the whole record a second time
      When the record of the Expert Group on Cybercrime is imported again
      Then the import applies nothing, and finds all 87 entries already in the record
      And nothing is recorded
      And the 6th session of cybercrime-egm has been postponed once
