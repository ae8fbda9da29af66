Feature: Striking a decision recorded in error
  As a secretariat officer
  I want to strike a session's latest decision on its dates, venue or status when it was recorded in error
  So that the session reads as if it had never been recorded, in the calendar and in delegations' calendar files

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019

  Rule: The latest decision struck, the session reads as before it

    Example: A postponement recorded for the wrong session is struck
      Given the calendar file is imported by a delegation
      And the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the entry at version 2 of the 6th session of cybercrime-egm is struck on 14 March 2020 because "Recorded for the wrong session"
      Then the calendar shows the 6th session of cybercrime-egm on 6–8 April 2020, scheduled
      And the calendar shows it postponed 0 times
      And the postponements list no postponement of the 6th session of cybercrime-egm
      And the delegation's entry for the 6th session of cybercrime-egm is the same one, revised 0 times, on 6–8 April 2020

    Example: As of a date after the struck postponement, the session reads as if it had never been postponed
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the entry at version 2 of the 6th session of cybercrime-egm is struck on 1 April 2020 because "Recorded for the wrong session"
      Then the calendar as of 20 March 2020 shows the 6th session of cybercrime-egm on 6–8 April 2020
      And the calendar as of 20 March 2020 as recorded just before the strike shows the 6th session of cybercrime-egm on 27–29 July 2020

    Example: A cancellation struck leaves the session scheduled
      Given the 6th session of cybercrime-egm is cancelled on 13 March 2020 because "Typed under the wrong session"
      When the entry at version 2 of the 6th session of cybercrime-egm is struck on 13 March 2020 because "Recorded for the wrong session"
      Then the calendar shows the 6th session of cybercrime-egm on 6–8 April 2020, scheduled

  Rule: Only the latest decision can be struck, and never the scheduling

    Example: A postponement followed by a change of venue
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      And the format of the 6th session of cybercrime-egm is changed to hybrid on 1 July 2020
      When the entry at version 2 of the 6th session of cybercrime-egm is struck on 2 July 2020 because "Recorded in error"
      Then the officer is told "the decision at version 2 of the 6th session of cybercrime-egm is not its latest: the change of venue at version 3 (2020-07-01) came after it; strike that one first"
      And nothing is recorded

    Example: The scheduling is not struck
      When the entry at version 1 of the 6th session of cybercrime-egm is struck on 2 July 2020 because "Recorded in error"
      Then the officer is told "the entry at version 1 of the 6th session of cybercrime-egm is the scheduling, which cannot be struck; cancel the session instead"
      And nothing is recorded

  Rule: A decision is struck once; once struck, the one before it is the latest

    Example: A postponement struck twice
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      And the entry at version 2 of the 6th session of cybercrime-egm is struck on 14 March 2020 because "Recorded for the wrong session"
      When the entry at version 2 of the 6th session of cybercrime-egm is struck on 14 March 2020 because "Recorded for the wrong session"
      Then the officer is told "the entry at version 2 of the 6th session of cybercrime-egm is struck already"
      And nothing is recorded

    Example: The change of venue struck first, the postponement before it is struck next
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      And the format of the 6th session of cybercrime-egm is changed to hybrid on 1 July 2020
      And the entry at version 3 of the 6th session of cybercrime-egm is struck on 2 July 2020 because "Recorded in error"
      When the entry at version 2 of the 6th session of cybercrime-egm is struck on 2 July 2020 because "Recorded in error"
      Then the calendar shows the 6th session of cybercrime-egm on 6–8 April 2020, scheduled
      And the calendar shows it postponed 0 times

  Rule: An opening is struck only once the statements recorded after it are struck

    Background:
      Given the 6th session of cybercrime-egm is opened on 6 April 2020
      And a general statement by "Australia" is recorded for the 6th session of cybercrime-egm on 6 April 2020

    Example: An opening with a statement recorded after it
      When the entry at version 2 of the 6th session of cybercrime-egm is struck on 7 April 2020 because "Opened in error"
      Then the officer is told "the opening at version 2 of the 6th session of cybercrime-egm has statements recorded after it (the first at version 3); strike them first"
      And nothing is recorded

    Example: The statement struck first, the opening is struck and the session reads as scheduled
      Given the entry at version 3 of the 6th session of cybercrime-egm is struck on 7 April 2020 because "Recorded in error"
      When the entry at version 2 of the 6th session of cybercrime-egm is struck on 7 April 2020 because "Opened in error"
      Then the calendar shows the 6th session of cybercrime-egm on 6–8 April 2020, scheduled
