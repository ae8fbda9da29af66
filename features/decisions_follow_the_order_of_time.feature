Feature: Decisions follow the order of time
  As a secretariat officer
  I want the record to refuse a decision dated after today, a statement for a session that has not opened, a deadline not after its call, and a comment or an extension dated before its call
  So that the record never holds a date it could not have known

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2021 and the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |

  Rule: No decision takes effect after the day it is recorded

    Example: A postponement dated in 2100 is refused
      When the 6th session of cybercrime-egm is postponed to 27–29 July 2100 on 1 January 2100 because "Impact of the COVID-19 pandemic"
      Then the officer is told a message that starts "this decision takes effect on 2100-01-01, after today ("
      And nothing is recorded

  Rule: A statement is recorded only once its session has opened, and not dated before its opening

    Example: A statement for a session that has not opened is refused
      When a general statement by "Australia" is recorded for the 6th session of cybercrime-egm on 6 April 2020
      Then the officer is told "the 6th session of cybercrime-egm has not opened: a statement is recorded once it opens"
      And nothing is recorded

    Example: A statement dated before the session opened is refused
      Given the 6th session of cybercrime-egm is opened on 7 April 2020
      When a general statement by "Australia" is recorded for the 6th session of cybercrime-egm on 6 April 2020
      Then the officer is told "the 6th session of cybercrime-egm opened on 2020-04-07: a statement cannot be dated 2020-04-06, before it opened"
      And nothing is recorded

    Example: A statement on the day the session opened is recorded
      Given the 6th session of cybercrime-egm is opened on 7 April 2020
      When a general statement by "Australia" is recorded for the 6th session of cybercrime-egm on 7 April 2020
      Then a general statement by "Australia" is recorded for the 6th session of cybercrime-egm on 7 April 2020

  Rule: Panelists may be confirmed before the session opens, never for a cancelled session

    Example: A panelist confirmed before the session opens is recorded
      When the panelist "Mr. Pedro Destino" of "Angola" is confirmed on item 3 of the 6th session of cybercrime-egm to present "Challenges for Cybercrime Prevention" on 20 March 2020
      Then the panelist "Mr. Pedro Destino" of "Angola" is confirmed on item 3 of the 6th session of cybercrime-egm to present "Challenges for Cybercrime Prevention" on 20 March 2020

    Example: A panelist for a cancelled session is refused
      Given the 6th session of cybercrime-egm is cancelled on 13 March 2020 because "Impact of the COVID-19 pandemic"
      When the panelist "Mr. Pedro Destino" of "Angola" is confirmed on item 3 of the 6th session of cybercrime-egm to present "Challenges for Cybercrime Prevention" on 20 March 2020
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot have panelists confirmed"
      And nothing is recorded

  Rule: A call's deadline is after the call

    Example: Comments due on the day they are requested are refused
      When comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 12 March 2020 with the deadline 12 March 2020
      Then the officer is told "comments for 2020 under the 2018-2021 workplan of cybercrime-egm requested on 2020-03-12 cannot be due on 2020-03-12: the deadline must be later than the call"
      And nothing is recorded

  Rule: An extension or a submission is not dated before its call

    Example: A submission dated before the call for comments is refused
      Given comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 10 January 2020 with the deadline 12 March 2020
      When a submission from the Member State "Norway" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 9 January 2020
      Then the officer is told "a submission dated 2020-01-09 comes before comments for 2020 under the 2018-2021 workplan of cybercrime-egm were requested (2020-01-10)"
      And nothing is recorded

    Example: An extension dated before the call for comments is refused
      Given comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 10 January 2020 with the deadline 12 March 2020
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 1 June 2020 on 9 January 2020 because "The 6th session is postponed"
      Then the officer is told "an extension dated 2020-01-09 comes before comments for 2020 under the 2018-2021 workplan of cybercrime-egm were requested (2020-01-10)"
      And nothing is recorded

    Example: A submission on the day of the call is received
      Given comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 10 January 2020 with the deadline 12 March 2020
      When a submission from the Member State "Norway" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 January 2020
      Then a submission from the Member State "Norway" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 January 2020
