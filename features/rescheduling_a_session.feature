Feature: Rescheduling a session
  As a secretariat officer
  I want to set new dates for a session, earlier or later, with the reason when there is one
  So that a session postponed until further notice gets dates again, and any change of dates is on record

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019

  Rule: Rescheduling gives a session whose dates are to be determined its dates again

    Example: The 6th session, postponed until further notice, is rescheduled to July 2020
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled to 27–29 July 2020 on 20 May 2020 because "New dates agreed with the extended Bureau"
      Then the 6th session of cybercrime-egm is rescheduled from dates to be determined to 27–29 July 2020 on 20 May 2020 because "New dates agreed with the extended Bureau"
      And the history of the 6th session of cybercrime-egm reads:
        | entry       | on              |
        | scheduled   | 2 December 2019 |
        | postponed   | 13 March 2020   |
        | rescheduled | 20 May 2020     |

  Rule: Rescheduling moves the dates earlier or later, with or without a reason

    Example: A session is rescheduled to earlier dates
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled to 20–22 July 2020 on 20 May 2020
      Then the 6th session of cybercrime-egm is rescheduled from 27–29 July 2020 to 20–22 July 2020 on 20 May 2020

    Example: A session is rescheduled to later dates
      When the 6th session of cybercrime-egm is rescheduled to 7–9 April 2020 on 10 February 2020
      Then the 6th session of cybercrime-egm is rescheduled from 6–8 April 2020 to 7–9 April 2020 on 10 February 2020

  Rule: The new dates differ from the dates in force

    Example: Rescheduling a session to the dates it already has is refused
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled to 27–29 July 2020 on 20 May 2020
      Then the officer is told "the 6th session of cybercrime-egm is already on 27–29 July 2020"
      And nothing is recorded

  Rule: A session that has opened, closed or been cancelled is not rescheduled

    Example: A session in session cannot be rescheduled
      Given the 6th session of cybercrime-egm is opened on 6 April 2020
      When the 6th session of cybercrime-egm is rescheduled to 7–9 April 2020 on 6 April 2020
      Then the officer is told "the 6th session of cybercrime-egm is in session and cannot be rescheduled"
      And nothing is recorded

    Example: A closed session cannot be rescheduled
      Given the 6th session of cybercrime-egm is opened on 6 April 2020
      And the 6th session of cybercrime-egm is closed on 8 April 2020
      When the 6th session of cybercrime-egm is rescheduled to 7–9 April 2020 on 9 April 2020
      Then the officer is told "the 6th session of cybercrime-egm is closed and cannot be rescheduled"
      And nothing is recorded

    Example: A cancelled session cannot be rescheduled
      Given the 6th session of cybercrime-egm is cancelled on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled to 27–29 July 2020 on 20 May 2020
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot be rescheduled"
      And nothing is recorded

  Rule: Decisions on a session are recorded in the order they take effect

    Example: Two decisions taking effect on the same day are both recorded
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled to 27–29 July 2020 on 13 March 2020
      Then the history of the 6th session of cybercrime-egm reads:
        | entry       | on              |
        | scheduled   | 2 December 2019 |
        | postponed   | 13 March 2020   |
        | rescheduled | 13 March 2020   |

    Example: A reschedule dated before the postponement it follows is refused
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled to 27–29 July 2020 on 12 March 2020
      Then the officer is told "this decision takes effect on 2020-03-12, before the last one recorded for the 6th session of cybercrime-egm (2020-03-13); decisions on a session are recorded in the order they take effect"
      And nothing is recorded
