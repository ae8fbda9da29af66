Feature: Scheduling a session
  As a secretariat officer
  I want to schedule each numbered session of a body with its dates, venue and format
  So that delegations, the calendar and the record start from the same dates

  Background:
    Given the body cybercrime-egm is established on 2010-12-21

  Rule: A session is scheduled with its dates and venue, in person unless said otherwise

    Example: The 6th session is scheduled for April 2020 in Vienna
      When the 6th session of cybercrime-egm is scheduled for 2020-04-06 to 2020-04-08 in "Vienna, Austria" on 2019-12-02
      Then the history of the 6th session of cybercrime-egm ends with Scheduled on 2019-12-02, with:
        | dates       | 2020-04-06 to 2020-04-08 |
        | venue       | Vienna, Austria          |
        | format      | in-person                |
        | stocktaking | no                       |

    Example: The 7th session is scheduled as a hybrid stocktaking meeting
      When the 7th session of cybercrime-egm is scheduled on 2020-12-15 as follows:
        | title       | Seventh meeting of the Expert Group on Cybercrime |
        | dates       | 2021-04-06 to 2021-04-08                          |
        | venue       | Vienna, Austria                                   |
        | format      | hybrid                                            |
        | stocktaking | yes                                               |
      Then the history of the 7th session of cybercrime-egm ends with Scheduled on 2020-12-15, with:
        | title       | Seventh meeting of the Expert Group on Cybercrime |
        | dates       | 2021-04-06 to 2021-04-08                          |
        | format      | hybrid                                            |
        | stocktaking | yes                                               |

    Example: A one-day session is scheduled
      When the 6th session of cybercrime-egm is scheduled for 2020-04-06 to 2020-04-06 in "Vienna, Austria" on 2019-12-02
      Then the history of the 6th session of cybercrime-egm ends with Scheduled on 2019-12-02, with:
        | dates | 2020-04-06 to 2020-04-06 |

  Rule: A body's session number is scheduled only once

    Example: Scheduling the 6th session a second time is refused
      Given the 6th session of cybercrime-egm is scheduled for 2020-04-06 to 2020-04-08 in "Vienna, Austria" on 2019-12-02
      When the 6th session of cybercrime-egm is scheduled for 2020-07-27 to 2020-07-29 in "Vienna, Austria" on 2020-03-13
      Then the officer is told "the 6th session of cybercrime-egm is already scheduled; reschedule or postpone it instead"
      And nothing is recorded

    Example: Another number of the same body is another session
      Given the 6th session of cybercrime-egm is scheduled for 2020-04-06 to 2020-04-08 in "Vienna, Austria" on 2019-12-02
      When the 7th session of cybercrime-egm is scheduled for 2021-04-06 to 2021-04-08 in "Vienna, Austria" on 2020-12-15
      Then the history of the 7th session of cybercrime-egm ends with Scheduled on 2020-12-15
      And the history of the 6th session of cybercrime-egm reads:
        | event     | on         |
        | Scheduled | 2019-12-02 |

  Rule: A session does not end before it starts

    Example: A session that would end the day before it starts is refused
      When the 6th session of cybercrime-egm is scheduled for 2020-04-08 to 2020-04-07 in "Vienna, Austria" on 2019-12-02
      Then the officer is told "the end date 2020-04-07 is before the start date 2020-04-08"
      And nothing is recorded

  Rule: Only the sessions of an established body are scheduled

    Example: A session of a body that was never established is refused
      When the 1st session of cybercrime-study-group is scheduled for 2011-01-17 to 2011-01-21 in "Vienna, Austria" on 2010-12-21
      Then the officer is told "there is no body 'cybercrime-study-group'; establish it first"
      And nothing is recorded
