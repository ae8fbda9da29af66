Feature: Cancelling a session
  As a secretariat officer
  I want to cancel a session that will not be held, with the reason
  So that nobody prepares for it any more and the record says why it was not held

  Background:
    Given the body cybercrime-egm is established on 2010-12-21
    And the 6th session of cybercrime-egm is scheduled for 2020-04-06 to 2020-04-08 in "Vienna, Austria" on 2019-12-02

  Rule: A scheduled or postponed session is cancelled, with its reason on record

    Example: A scheduled session is cancelled
      When the 6th session of cybercrime-egm is cancelled on 2020-03-13 because "Impact of the COVID-19 pandemic"
      Then the history of the 6th session of cybercrime-egm ends with Cancelled on 2020-03-13, with:
        | reason | Impact of the COVID-19 pandemic |

    Example: A session postponed until further notice is cancelled
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 2020-03-13 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is cancelled on 2020-09-01 because "The work continues at the 7th session"
      Then the history of the 6th session of cybercrime-egm reads:
        | event     | on         |
        | Scheduled | 2019-12-02 |
        | Postponed | 2020-03-13 |
        | Cancelled | 2020-09-01 |

  Rule: A cancellation is final

    Example: A cancelled session cannot be cancelled again
      Given the 6th session of cybercrime-egm is cancelled on 2020-03-13 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is cancelled on 2020-03-20 because "Impact of the COVID-19 pandemic"
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot be cancelled"
      And nothing is recorded

    Example: A cancelled session cannot be opened
      Given the 6th session of cybercrime-egm is cancelled on 2020-03-13 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is opened on 2020-04-06
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot be opened"
      And nothing is recorded

  Rule: A session that has opened is not cancelled

    Example: A session in session cannot be cancelled
      Given the 6th session of cybercrime-egm is opened on 2020-04-06
      When the 6th session of cybercrime-egm is cancelled on 2020-04-07 because "Impact of the COVID-19 pandemic"
      Then the officer is told "the 6th session of cybercrime-egm is in session and cannot be cancelled"
      And nothing is recorded

    Example: A closed session cannot be cancelled
      Given the 6th session of cybercrime-egm is opened on 2020-04-06
      And the 6th session of cybercrime-egm is closed on 2020-04-08
      When the 6th session of cybercrime-egm is cancelled on 2020-04-09 because "Entered in error"
      Then the officer is told "the 6th session of cybercrime-egm is closed and cannot be cancelled"
      And nothing is recorded

  Rule: Only a session on record is cancelled

    Example: Cancelling a session that was never scheduled is refused
      When the 8th session of cybercrime-egm is cancelled on 2020-03-13 because "Impact of the COVID-19 pandemic"
      Then the officer is told "there is no 8th session of cybercrime-egm"
      And nothing is recorded
