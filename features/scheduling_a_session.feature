Feature: Scheduling a session
  As a secretariat officer
  I want to schedule each numbered session of a body with its dates, venue and format
  So that delegations, the calendar and the record start from the same dates

  Background:
    Given the body cybercrime-egm is established on 21 December 2010

  Rule: A session is scheduled with its dates and venue, in person unless said otherwise

    Example: The 6th session is scheduled for April 2020 in Vienna
      When the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
      Then the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019, with:
        | format      | in-person |
        | stocktaking | no        |

    Example: The 7th session is scheduled as a hybrid stocktaking meeting
      When the 7th session of cybercrime-egm is scheduled for 6–8 April 2021 in "Vienna, Austria" on 15 December 2020, with:
        | title       | Seventh meeting of the Expert Group on Cybercrime |
        | format      | hybrid                                            |
        | stocktaking | yes                                               |
      Then the 7th session of cybercrime-egm is scheduled for 6–8 April 2021 in "Vienna, Austria" on 15 December 2020, with:
        | title       | Seventh meeting of the Expert Group on Cybercrime |
        | format      | hybrid                                            |
        | stocktaking | yes                                               |

    Example: A one-day session is scheduled
      When the 6th session of cybercrime-egm is scheduled for 6 April 2020 in "Vienna, Austria" on 2 December 2019
      Then the 6th session of cybercrime-egm is scheduled for 6 April 2020 in "Vienna, Austria" on 2 December 2019

  Rule: A body's session number is scheduled only once

    Example: Scheduling the 6th session a second time is refused
      Given the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
      When the 6th session of cybercrime-egm is scheduled for 27–29 July 2020 in "Vienna, Austria" on 13 March 2020
      Then the officer is told "the 6th session of cybercrime-egm is already scheduled; reschedule or postpone it instead"
      And nothing is recorded

    Example: Another number of the same body is another session
      Given the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
      When the 7th session of cybercrime-egm is scheduled for 6–8 April 2021 in "Vienna, Austria" on 15 December 2020
      Then the 7th session of cybercrime-egm is scheduled for 6–8 April 2021 in "Vienna, Austria" on 15 December 2020
      And the history of the 6th session of cybercrime-egm reads:
        | entry     | on              |
        | scheduled | 2 December 2019 |

  Rule: A session does not end before it starts

    Example: A session that would end the day before it starts is refused
      When the 6th session of cybercrime-egm is scheduled for 8–7 April 2020 in "Vienna, Austria" on 2 December 2019
      Then the officer is told "the end date 2020-04-07 is before the start date 2020-04-08"
      And nothing is recorded

  Rule: Only the sessions of an established body are scheduled

    Example: A session of a body that was never established is refused
      When the 1st session of cybercrime-study-group is scheduled for 17–21 January 2011 in "Vienna, Austria" on 21 December 2010
      Then the officer is told "there is no body 'cybercrime-study-group'; establish it first"
      And nothing is recorded
