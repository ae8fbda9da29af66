Feature: Postponing a session
  As a secretariat officer
  I want to postpone a session to later dates, or until its dates can be determined
  So that delegations plan on the dates in force while the record keeps every earlier date

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019

  Rule: A session is postponed to later dates, and its earlier dates stay on record

    Example: The 6th session is postponed from April to July 2020 because of the pandemic
      When the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then the 6th session of cybercrime-egm is postponed from 6–8 April 2020 to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      And the history of the 6th session of cybercrime-egm reads:
        | entry     | on              |
        | scheduled | 2 December 2019 |
        | postponed | 13 March 2020   |

    Example: A session already postponed is postponed again, from the dates in force
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is postponed to 5–7 October 2020 on 15 June 2020 because "Travel restrictions remain in force"
      Then the 6th session of cybercrime-egm is postponed from 27–29 July 2020 to 5–7 October 2020 on 15 June 2020 because "Travel restrictions remain in force"

  Rule: A session is postponed with its dates to be determined

    Example: The 6th session is postponed until its new dates are known
      When the 6th session of cybercrime-egm is postponed to dates to be determined on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then the 6th session of cybercrime-egm is postponed from 6–8 April 2020 to dates to be determined on 13 March 2020 because "Impact of the COVID-19 pandemic"

  Rule: A postponement moves the start later; moving it earlier is a reschedule

    Example: A postponement that keeps the same first day is refused
      When the 6th session of cybercrime-egm is postponed to 6–9 April 2020 on 13 March 2020 because "One more day is needed"
      Then the officer is told "a postponement must move the start of the 6th session of cybercrime-egm after 2020-04-06 (its dates are 6–8 April 2020), but 2020-04-06 is not later; reschedule it instead"
      And nothing is recorded

    Example: A second postponement is judged against the dates in force, not the original ones
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is postponed to 15–17 June 2020 on 1 April 2020 because "Impact of the COVID-19 pandemic"
      Then the officer is told "a postponement must move the start of the 6th session of cybercrime-egm after 2020-07-27 (its dates are 27–29 July 2020), but 2020-06-15 is not later; reschedule it instead"
      And nothing is recorded

  Rule: A session whose dates are to be determined gets dates by rescheduling, not by another postponement

    Example: Postponing again a session whose dates are to be determined is refused
      Given the 6th session of cybercrime-egm is postponed to dates to be determined on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 20 May 2020 because "Impact of the COVID-19 pandemic"
      Then the officer is told "the 6th session of cybercrime-egm is already postponed with its dates to be determined; reschedule it to give it new dates"
      And nothing is recorded

  Rule: A session that has opened, closed or been cancelled is not postponed

    Example: A closed session cannot be postponed
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      And the 6th session of cybercrime-egm is opened on 27 July 2020
      And the 6th session of cybercrime-egm is closed on 29 July 2020
      When the 6th session of cybercrime-egm is postponed to 5–7 October 2020 on 3 August 2020 because "Further discussion is needed"
      Then the officer is told "the 6th session of cybercrime-egm is closed and cannot be postponed"
      And nothing is recorded

    Example: A session in session cannot be postponed
      Given the 6th session of cybercrime-egm is opened on 6 April 2020
      When the 6th session of cybercrime-egm is postponed to dates to be determined on 7 April 2020 because "Impact of the COVID-19 pandemic"
      Then the officer is told "the 6th session of cybercrime-egm is in session and cannot be postponed"
      And nothing is recorded

    Example: A cancelled session cannot be postponed
      Given the 6th session of cybercrime-egm is cancelled on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is postponed to dates to be determined on 20 March 2020 because "Impact of the COVID-19 pandemic"
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot be postponed"
      And nothing is recorded

  Rule: A decision does not take effect before one already recorded for the session

    Example: A postponement dated before the last decision on the session is refused
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the 6th session of cybercrime-egm is postponed to dates to be determined on 10 March 2020 because "Impact of the COVID-19 pandemic"
      Then the officer is told "this decision takes effect on 2020-03-10, before the last one recorded for the 6th session of cybercrime-egm (2020-03-13); decisions on a session are recorded in the order they take effect"
      And nothing is recorded
