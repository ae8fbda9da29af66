Feature: Changing the venue or the format of a session
  As a secretariat officer
  I want to record a new venue for a session, or that it is held in person, hybrid or online
  So that delegations know where and how to attend

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
    And the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"

  Rule: The venue or the format of a session changes until it opens

    Example: The postponed 6th session is held in hybrid format, with remote participation
      When the format of the 6th session of cybercrime-egm is changed to hybrid on 1 July 2020
      Then the venue of the 6th session of cybercrime-egm is changed to "Vienna, Austria" and its format to hybrid on 1 July 2020

    Example: A session moves to another venue in the same format
      When the venue of the 6th session of cybercrime-egm is changed to "Vienna International Centre, Vienna, Austria" on 1 July 2020
      Then the venue of the 6th session of cybercrime-egm is changed to "Vienna International Centre, Vienna, Austria" and its format to in-person on 1 July 2020

    Example: A session whose dates are to be determined moves online
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 20 May 2020 because "Travel restrictions remain in force"
      When the venue of the 6th session of cybercrime-egm is changed to "Online" and its format to online on 1 June 2020
      Then the venue of the 6th session of cybercrime-egm is changed to "Online" and its format to online on 1 June 2020

  Rule: A change of venue changes the venue, the format, or both

    Example: Changing a session to the venue and format it already has is refused
      When the venue of the 6th session of cybercrime-egm is changed to "Vienna, Austria" on 1 July 2020
      Then the officer is told "the 6th session of cybercrime-egm is already held in-person at Vienna, Austria; nothing to change"
      And nothing is recorded

  Rule: A session that has opened, closed or been cancelled is not relocated

    Example: A session in session cannot be relocated
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      When the venue of the 6th session of cybercrime-egm is changed to "Online" and its format to online on 28 July 2020
      Then the officer is told "the 6th session of cybercrime-egm is in session and cannot be relocated"
      And nothing is recorded

    Example: A closed session cannot be relocated
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      And the 6th session of cybercrime-egm is closed on 29 July 2020
      When the format of the 6th session of cybercrime-egm is changed to online on 30 July 2020
      Then the officer is told "the 6th session of cybercrime-egm is closed and cannot be relocated"
      And nothing is recorded

    Example: A cancelled session cannot be relocated
      Given the 6th session of cybercrime-egm is cancelled on 20 May 2020 because "Impact of the COVID-19 pandemic"
      When the venue of the 6th session of cybercrime-egm is changed to "Online" and its format to online on 1 June 2020
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot be relocated"
      And nothing is recorded
