Feature: Cancelling a session
  As a secretariat officer
  I want to cancel a session that will not be held, with the reason
  So that nobody prepares for it any more and the record says why it was not held

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019

  Rule: A scheduled or postponed session is cancelled, with its reason on record

    Example: A scheduled session is cancelled
      When the 6th session of cybercrime-egm is cancelled on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then the 6th session of cybercrime-egm is cancelled on 13 March 2020 because "Impact of the COVID-19 pandemic"

    Example: A session postponed until further notice is cancelled
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is cancelled on 1 September 2020 because "The work continues at the 7th session"
      Then the history of the 6th session of cybercrime-egm reads:
        | entry     | on               |
        | scheduled | 2 December 2019  |
        | postponed | 13 March 2020    |
        | cancelled | 1 September 2020 |

  Rule: A cancellation is final

    Example: A cancelled session cannot be cancelled again
      Given the 6th session of cybercrime-egm is cancelled on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is cancelled on 20 March 2020 because "Impact of the COVID-19 pandemic"
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot be cancelled"
      And nothing is recorded

    Example: A cancelled session cannot be opened
      Given the 6th session of cybercrime-egm is cancelled on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is opened on 6 April 2020
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot be opened"
      And nothing is recorded

  Rule: A session that has opened is not cancelled

    Example: A session in session cannot be cancelled
      Given the 6th session of cybercrime-egm is opened on 6 April 2020
      When the 6th session of cybercrime-egm is cancelled on 7 April 2020 because "Impact of the COVID-19 pandemic"
      Then the officer is told "the 6th session of cybercrime-egm is in session and cannot be cancelled"
      And nothing is recorded

    Example: A closed session cannot be cancelled
      Given the 6th session of cybercrime-egm is opened on 6 April 2020
      And the 6th session of cybercrime-egm is closed on 8 April 2020
      When the 6th session of cybercrime-egm is cancelled on 9 April 2020 because "Entered in error"
      Then the officer is told "the 6th session of cybercrime-egm is closed and cannot be cancelled"
      And nothing is recorded

  Rule: Only a session on record is cancelled

    Example: Cancelling a session that was never scheduled is refused
      When the 8th session of cybercrime-egm is cancelled on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then the officer is told "there is no 8th session of cybercrime-egm"
      And nothing is recorded
