Feature: Receiving submissions
  As a secretariat officer
  I want to record each written comment received from a Member State or an Observer, on the day it arrived
  So that the compilation of comments can say which were on time, within the extension or late

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2021 and the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |
    And comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2 December 2019 with the deadline 12 March 2020
    And the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 1 June 2020 on 13 March 2020 because "The 6th session is postponed to July 2020"

  Rule: A submission is recorded with the day it was received, whatever the deadline

    Example: Comments from a Member State received before the original deadline
      When a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020
      Then a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020

    Example: Comments from an Observer received after the extended deadline are still recorded
      Given the intergovernmental organization "Council of Europe" is admitted as an observer to cybercrime-egm on 17 January 2011
      When a submission from the Observer "Council of Europe" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 15 June 2020
      Then a submission from the Observer "Council of Europe" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 15 June 2020

  Rule: Submissions are recorded in any order of the days they were received

    Example: A submission received in March is recorded after one received in May
      Given a submission from the Member State "Russian Federation" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 28 May 2020
      When a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020
      Then the history of the 2018-2021 workplan of cybercrime-egm reads:
        | entry               | on              |
        | workplan adopted    | 5 April 2018    |
        | comments requested  | 2 December 2019 |
        | deadline extended   | 13 March 2020   |
        | submission received | 28 May 2020     |
        | submission received | 10 March 2020   |

  Rule: A submission answers the call for comments of its year

    Example: A submission for a year with no call for comments is refused
      When a submission from the Member State "Australia" for 2021 under the 2018-2021 workplan of cybercrime-egm is received on 15 January 2021
      Then the officer is told "no comments were requested for 2021 under the 2018-2021 workplan of cybercrime-egm"
      And nothing is recorded

  Rule: A submission's reference is received once for a call

    Example: A submission received a second time under the same reference is refused
      Given a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020 with the reference "AUS/2020/1"
      When a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 11 March 2020 with the reference "AUS/2020/1"
      Then the officer is told "a submission with reference 'AUS/2020/1' was already received for 2020 under the 2018-2021 workplan of cybercrime-egm"
      And nothing is recorded

    Example: Further comments from the same Member State under a new reference are recorded
      Given a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020 with the reference "AUS/2020/1"
      When a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 29 May 2020 with the reference "AUS/2020/2"
      Then a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 29 May 2020 with the reference "AUS/2020/2"
