Feature: Receiving submissions
  As a secretariat officer
  I want to record each written comment received from a Member State or an Observer, on the day it arrived
  So that the compilation of comments can say which were on time, within the extension or late

  Background:
    Given the body cybercrime-egm is established on 2010-12-21
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 2018-04-05, with a stocktaking meeting no later than 2021 and the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |
    And comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2019-12-02 with the deadline 2020-03-12
    And the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 2020-06-01 on 2020-03-13 because "The 6th session is postponed to July 2020"

  Rule: A submission is recorded with the day it was received, whatever the deadline

    Example: Comments from a Member State received before the original deadline
      When a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 2020-03-10
      Then the history of the 2018-2021 workplan of cybercrime-egm ends with SubmissionReceived on 2020-03-10, with:
        | cycle          | 2020         |
        | submitter      | Australia    |
        | submitter_kind | member-state |
        | reference      | none         |

    Example: Comments from an Observer received after the extended deadline are still recorded
      When a submission from the Observer "Council of Europe" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 2020-06-15
      Then the history of the 2018-2021 workplan of cybercrime-egm ends with SubmissionReceived on 2020-06-15, with:
        | submitter      | Council of Europe |
        | submitter_kind | observer          |

  Rule: Submissions are recorded in any order of the days they were received

    Example: A submission received in March is recorded after one received in May
      Given a submission from the Member State "Russian Federation" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 2020-05-28
      When a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 2020-03-10
      Then the history of the 2018-2021 workplan of cybercrime-egm reads:
        | event              | on         |
        | Adopted            | 2018-04-05 |
        | CommentsRequested  | 2019-12-02 |
        | DeadlineExtended   | 2020-03-13 |
        | SubmissionReceived | 2020-05-28 |
        | SubmissionReceived | 2020-03-10 |

  Rule: A submission answers the call for comments of its year

    Example: A submission for a year with no call for comments is refused
      When a submission from the Member State "Australia" for 2021 under the 2018-2021 workplan of cybercrime-egm is received on 2021-01-15
      Then the officer is told "no comments were requested for 2021 under the 2018-2021 workplan of cybercrime-egm"
      And nothing is recorded

  Rule: A submission's reference is received once for a call

    Example: A submission received a second time under the same reference is refused
      Given a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 2020-03-10 with the reference "AUS/2020/1"
      When a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 2020-03-11 with the reference "AUS/2020/1"
      Then the officer is told "a submission with reference 'AUS/2020/1' was already received for 2020 under the 2018-2021 workplan of cybercrime-egm"
      And nothing is recorded

    Example: Further comments from the same Member State under a new reference are recorded
      Given a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 2020-03-10 with the reference "AUS/2020/1"
      When a submission from the Member State "Australia" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 2020-05-29 with the reference "AUS/2020/2"
      Then the history of the 2018-2021 workplan of cybercrime-egm ends with SubmissionReceived on 2020-05-29, with:
        | submitter | Australia  |
        | reference | AUS/2020/2 |
