Feature: What the calendar said on a past date
  As an auditor of the secretariat
  I want the calendar as it stood on any past date, and as it had been recorded at any past moment
  So that I can check what delegations were told at the time, and when the record learned of each decision

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
    And the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"

  Rule: The calendar as of a date counts the decisions that took effect by the end of that date

    Example: Before the postponement, the sixth session was in April
      When the officer reads the calendar as of 1 March 2020
      Then the calendar shows the 6th session of cybercrime-egm on 6–8 April 2020, scheduled
      And the calendar shows it postponed 0 times

    Example: On the day of the postponement, the sixth session was already in July
      When the officer reads the calendar as of 13 March 2020
      Then the calendar shows the 6th session of cybercrime-egm on 27–29 July 2020, scheduled

    Example: After the postponement, the sixth session was in July
      When the officer reads the calendar as of 1 August 2020
      Then the calendar shows the 6th session of cybercrime-egm on 27–29 July 2020, scheduled
      And the calendar shows it postponed once

    Example: Before it was scheduled, the sixth session was not on the calendar
      When the officer reads the calendar as of 30 November 2019
      Then the calendar shows no session

  Rule: The calendar as recorded at a moment shows only what the record held at that moment

    Example: When only the scheduling had been recorded, the sixth session was in April
      When the officer reads the calendar as recorded when the 6th session of cybercrime-egm was scheduled
      Then the calendar shows the 6th session of cybercrime-egm on 6–8 April 2020, scheduled
