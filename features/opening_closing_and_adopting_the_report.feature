Feature: Opening and closing a session, and adopting its report
  As a secretariat officer
  I want to record when a session opens and closes, and when it adopts its report
  So that the calendar shows what is in session and the record shows that the report was adopted by the meeting

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
    And the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"

  Rule: A session opens on one of its days

    Example: The 6th session opens on 27 July 2020
      When the 6th session of cybercrime-egm is opened on 27 July 2020
      Then the 6th session of cybercrime-egm is opened on 27 July 2020

    Example: A session opens on its last day
      When the 6th session of cybercrime-egm is opened on 29 July 2020
      Then the 6th session of cybercrime-egm is opened on 29 July 2020

    Example: Opening a postponed session on its original first day is refused
      When the 6th session of cybercrime-egm is opened on 6 April 2020
      Then the officer is told "the 6th session of cybercrime-egm can be opened only on one of its days (27–29 July 2020), not on 2020-04-06"
      And nothing is recorded

    Example: Opening a session the day after its last day is refused
      When the 6th session of cybercrime-egm is opened on 30 July 2020
      Then the officer is told "the 6th session of cybercrime-egm can be opened only on one of its days (27–29 July 2020), not on 2020-07-30"
      And nothing is recorded

  Rule: A session whose dates are to be determined does not open

    Example: Opening a session postponed until further notice is refused
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 20 May 2020 because "Travel restrictions remain in force"
      When the 6th session of cybercrime-egm is opened on 27 July 2020
      Then the officer is told "the 6th session of cybercrime-egm is postponed with its dates to be determined and cannot be opened"
      And nothing is recorded

    Example: Once rescheduled, a session postponed until further notice opens on one of its new days
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 20 May 2020 because "Travel restrictions remain in force"
      And the 6th session of cybercrime-egm is rescheduled to 27–29 July 2020 on 1 June 2020
      When the 6th session of cybercrime-egm is opened on 27 July 2020
      Then the 6th session of cybercrime-egm is opened on 27 July 2020

  Rule: A session opens once

    Example: Opening a session that is in session is refused
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      When the 6th session of cybercrime-egm is opened on 28 July 2020
      Then the officer is told "the 6th session of cybercrime-egm is in session and cannot be opened"
      And nothing is recorded

  Rule: A session closes only once it has opened

    Example: The 6th session closes on 29 July 2020
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      When the 6th session of cybercrime-egm is closed on 29 July 2020
      Then the 6th session of cybercrime-egm is closed on 29 July 2020

    Example: Closing a session that never opened is refused
      When the 6th session of cybercrime-egm is closed on 29 July 2020
      Then the officer is told "the 6th session of cybercrime-egm is scheduled and cannot be closed: it has not opened"
      And nothing is recorded

    Example: Closing a session a second time is refused
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      And the 6th session of cybercrime-egm is closed on 29 July 2020
      When the 6th session of cybercrime-egm is closed on 30 July 2020
      Then the officer is told "the 6th session of cybercrime-egm is already closed"
      And nothing is recorded

  Rule: A session adopts its report once it has opened, in session or after closing

    Example: The 6th session adopts its report on its last day, then closes
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      When the report of the 6th session of cybercrime-egm is adopted as "UNODC/CCPCJ/EG.4/2020/2" on 29 July 2020
      And the 6th session of cybercrime-egm is closed on 29 July 2020
      Then the history of the 6th session of cybercrime-egm reads:
        | entry          | on              |
        | scheduled      | 2 December 2019 |
        | postponed      | 13 March 2020   |
        | opened         | 27 July 2020    |
        | report adopted | 29 July 2020    |
        | closed         | 29 July 2020    |

    Example: A report is adopted after the session has closed
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      And the 6th session of cybercrime-egm is closed on 29 July 2020
      When the report of the 6th session of cybercrime-egm is adopted on 7 August 2020
      Then the report of the 6th session of cybercrime-egm is adopted on 7 August 2020

    Example: Adopting the report of a session that has not opened is refused
      When the report of the 6th session of cybercrime-egm is adopted on 1 July 2020
      Then the officer is told "the 6th session of cybercrime-egm is scheduled and cannot adopt its report before it opens"
      And nothing is recorded

  Rule: A session adopts its report once

    Example: Adopting the report a second time is refused
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      And the report of the 6th session of cybercrime-egm is adopted as "UNODC/CCPCJ/EG.4/2020/2" on 29 July 2020
      When the report of the 6th session of cybercrime-egm is adopted on 29 July 2020
      Then the officer is told "the report of the 6th session of cybercrime-egm was already adopted on 2020-07-29"
      And nothing is recorded

  Rule: Opening, closing and the report follow the decisions already recorded

    Example: Closing a session on a day before it opened is refused
      Given the 6th session of cybercrime-egm is opened on 28 July 2020
      When the 6th session of cybercrime-egm is closed on 27 July 2020
      Then the officer is told "this decision takes effect on 2020-07-27, before the last one recorded for the 6th session of cybercrime-egm (2020-07-28); decisions on a session are recorded in the order they take effect"
      And nothing is recorded
