Feature: The sixth session was postponed because of the COVID-19 pandemic
  As the secretariat of the Expert Group on Cybercrime
  I want a postponement recorded with its reason, beside the dates it replaces
  So that anyone can see what was planned, what changed, when and why

  Background:
    Given the record of the Expert Group on Cybercrime has been imported

  Rule: A postponement keeps the original dates on record and says why

    Scenario: The sixth session moves from April to July 2020
      Then the 6th session was first scheduled from 2020-04-06 to 2020-04-08 in Vienna, Austria
      And on 2020-03-13 the 6th session was postponed to 2020-07-27 to 2020-07-29, "Due to the impact of the COVID-19 pandemic"
      And the 6th session was postponed once
      And the 6th session met from 2020-07-27 to 2020-07-29

  Rule: A session that has met cannot be postponed

    Scenario: The sixth session, closed on 29 July 2020, is not postponed again
      When the secretariat imports:
        """
        - command: postpone-session
          body: cybercrime-egm
          number: 6
          reason: A second wave of the pandemic
          start: 2020-10-05
          end: 2020-10-07
          on: 2020-08-03
        """
      Then the import stops at entry 1 because "the 6th session of cybercrime-egm is closed and cannot be postponed"
      And the 6th session was postponed once

  Rule: Decisions on a session are recorded in the order they take effect

    Scenario: A postponement dated before the last decision recorded is refused
      When the secretariat imports:
        """
        - command: postpone-session
          body: cybercrime-egm
          number: 6
          reason: Due to the impact of the COVID-19 pandemic
          on: 2020-03-01
        """
      Then the import stops at entry 1 because "this decision takes effect on 2020-03-01, before the last one recorded for the 6th session of cybercrime-egm (2020-07-29)"

  Rule: The record imported again is not postponed twice

    Scenario: The secretariat imports the whole record a second time
      When the secretariat imports the record of the Expert Group on Cybercrime again
      Then nothing is applied, and all 87 entries are already in the record
      And the 6th session was postponed once
