Feature: What the calendar said on a past date
  As an auditor of the secretariat
  I want the calendar as it stood on any past date, and as it had been recorded at any past moment
  So that I can check what delegations were told at the time, and when the record learned of each decision

  Background:
    Given the body "cybercrime-egm" is established
    And its 6th session is scheduled on 2019-12-02 for 2020-04-06 to 2020-04-08 in "Vienna, Austria"
    And the 6th session is postponed on 2020-03-13 to 2020-07-27 to 2020-07-29 because of "the impact of the COVID-19 pandemic"

  Rule: The calendar as of a date counts the decisions that took effect by the end of that date

    Example: Before the postponement, the sixth session was in April
      When I ask for the calendar as of 2020-03-01
      Then the calendar shows the 6th session on 2020-04-06 to 2020-04-08, scheduled
      And the calendar shows it postponed 0 times

    Example: On the day of the postponement, the sixth session was already in July
      When I ask for the calendar as of 2020-03-13
      Then the calendar shows the 6th session on 2020-07-27 to 2020-07-29, scheduled

    Example: After the postponement, the sixth session was in July
      When I ask for the calendar as of 2020-08-01
      Then the calendar shows the 6th session on 2020-07-27 to 2020-07-29, scheduled
      And the calendar shows it postponed 1 time

    Example: Before it was scheduled, the sixth session was not on the calendar
      When I ask for the calendar as of 2019-11-30
      Then the calendar shows no session

  Rule: The calendar as recorded at a moment shows only what the record held at that moment

    Example: When only the scheduling had been recorded, the sixth session was in April
      When I ask for the calendar as recorded when the scheduling of the 6th session was recorded
      Then the calendar shows the 6th session on 2020-04-06 to 2020-04-08, scheduled
