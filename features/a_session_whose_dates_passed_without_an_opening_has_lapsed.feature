Feature: A session whose dates passed without an opening has lapsed
  As a secretariat officer
  I want the calendar to say that a session whose last day has passed, with no opening recorded, has lapsed
  So that nobody reads "will take place" about a meeting the record does not show was held

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019

  Rule: A session is lapsed once its last day has passed without an opening or a cancellation

    Example: Before its last day, the session has not lapsed
      When the officer reads the calendar as of 8 April 2020
      Then the calendar shows the 6th session of cybercrime-egm not lapsed

    Example: The day after its last day, with no opening recorded, the session has lapsed
      When the officer reads the calendar as of 9 April 2020
      Then the calendar shows the 6th session of cybercrime-egm lapsed

    Example: A session opened on its dates has not lapsed
      Given the 6th session of cybercrime-egm is opened on 6 April 2020
      When the officer reads the calendar as of 9 April 2020
      Then the calendar shows the 6th session of cybercrime-egm not lapsed

    Example: A session postponed before its dates has not lapsed
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the officer reads the calendar as of 9 April 2020
      Then the calendar shows the 6th session of cybercrime-egm not lapsed

    Example: A cancelled session has not lapsed: it was cancelled
      Given the 6th session of cybercrime-egm is cancelled on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the officer reads the calendar as of 9 April 2020
      Then the calendar shows the 6th session of cybercrime-egm not lapsed
