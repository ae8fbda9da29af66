Feature: Rescheduling a session
  As a secretariat officer
  I want to set new dates for a session, earlier or later, with the reason when there is one
  So that a session postponed until further notice gets dates again, and any change of dates is on record

  Background:
    Given the body cybercrime-egm is established on 2010-12-21
    And the 6th session of cybercrime-egm is scheduled for 2020-04-06 to 2020-04-08 in "Vienna, Austria" on 2019-12-02

  Rule: Rescheduling gives a session whose dates are to be determined its dates again

    Example: The 6th session, postponed until further notice, is rescheduled for July 2020
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 2020-03-13 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled for 2020-07-27 to 2020-07-29 on 2020-05-20 because "New dates agreed with the extended Bureau"
      Then the history of the 6th session of cybercrime-egm ends with Rescheduled on 2020-05-20, with:
        | previous | none                                     |
        | new      | 2020-07-27 to 2020-07-29                 |
        | reason   | New dates agreed with the extended Bureau |
      And the history of the 6th session of cybercrime-egm reads:
        | event       | on         |
        | Scheduled   | 2019-12-02 |
        | Postponed   | 2020-03-13 |
        | Rescheduled | 2020-05-20 |

  Rule: Rescheduling moves the dates earlier or later, with or without a reason

    Example: A session is rescheduled to earlier dates
      Given the 6th session of cybercrime-egm is postponed to new dates 2020-07-27 to 2020-07-29 on 2020-03-13 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled for 2020-07-20 to 2020-07-22 on 2020-05-20
      Then the history of the 6th session of cybercrime-egm ends with Rescheduled on 2020-05-20, with:
        | previous | 2020-07-27 to 2020-07-29 |
        | new      | 2020-07-20 to 2020-07-22 |
        | reason   | none                     |

    Example: A session is rescheduled to later dates
      When the 6th session of cybercrime-egm is rescheduled for 2020-04-07 to 2020-04-09 on 2020-02-10
      Then the history of the 6th session of cybercrime-egm ends with Rescheduled on 2020-02-10, with:
        | previous | 2020-04-06 to 2020-04-08 |
        | new      | 2020-04-07 to 2020-04-09 |

  Rule: The new dates differ from the dates in force

    Example: Rescheduling a session to the dates it already has is refused
      Given the 6th session of cybercrime-egm is postponed to new dates 2020-07-27 to 2020-07-29 on 2020-03-13 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled for 2020-07-27 to 2020-07-29 on 2020-05-20
      Then the officer is told "the 6th session of cybercrime-egm is already on 27–29 July 2020"
      And nothing is recorded

  Rule: A session that has opened, closed or been cancelled is not rescheduled

    Example: A session in session cannot be rescheduled
      Given the 6th session of cybercrime-egm is opened on 2020-04-06
      When the 6th session of cybercrime-egm is rescheduled for 2020-04-07 to 2020-04-09 on 2020-04-06
      Then the officer is told "the 6th session of cybercrime-egm is in session and cannot be rescheduled"
      And nothing is recorded

    Example: A cancelled session cannot be rescheduled
      Given the 6th session of cybercrime-egm is cancelled on 2020-03-13 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled for 2020-07-27 to 2020-07-29 on 2020-05-20
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot be rescheduled"
      And nothing is recorded

  Rule: Decisions on a session are recorded in the order they take effect

    Example: Two decisions taking effect on the same day are both recorded
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 2020-03-13 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled for 2020-07-27 to 2020-07-29 on 2020-03-13
      Then the history of the 6th session of cybercrime-egm reads:
        | event       | on         |
        | Scheduled   | 2019-12-02 |
        | Postponed   | 2020-03-13 |
        | Rescheduled | 2020-03-13 |

    Example: A reschedule dated before the postponement it follows is refused
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 2020-03-13 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is rescheduled for 2020-07-27 to 2020-07-29 on 2020-03-12
      Then the officer is told "this decision takes effect on 2020-03-12, before the last one recorded for the 6th session of cybercrime-egm (2020-03-13); decisions on a session are recorded in the order they take effect"
      And nothing is recorded
