Feature: Extending a deadline for comments
  As a secretariat officer
  I want to extend the deadline of a call for comments, with the reason
  So that comments received within the extension are told apart from on-time and late ones

  Background:
    Given the body cybercrime-egm is established on 2010-12-21
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 2018-04-05, with a stocktaking meeting no later than 2021 and the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |
    And comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2019-12-02 with the deadline 2020-03-12

  Rule: An extension moves the deadline in force to a later date

    Example: The 2020 deadline is extended from 12 March to 1 June 2020 after the session is postponed
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 2020-06-01 on 2020-03-13 because "The 6th session is postponed to July 2020"
      Then the history of the 2018-2021 workplan of cybercrime-egm ends with DeadlineExtended on 2020-03-13, with:
        | cycle    | 2020                                     |
        | previous | 2020-03-12                               |
        | to       | 2020-06-01                               |
        | reason   | The 6th session is postponed to July 2020 |

    Example: An extension to the day of the deadline is refused
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 2020-03-12 on 2020-03-13 because "The 6th session is postponed to July 2020"
      Then the officer is told "the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is 2020-03-12; an extension must be later, and 2020-03-12 is not"
      And nothing is recorded

    Example: An extension to a day before the deadline is refused
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 2020-03-01 on 2020-02-20 because "Entered in error"
      Then the officer is told "the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is 2020-03-12; an extension must be later, and 2020-03-01 is not"
      And nothing is recorded

  Rule: A further extension is judged against the extended deadline

    Example: A further extension to a day before the extended deadline is refused
      Given the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 2020-06-01 on 2020-03-13 because "The 6th session is postponed to July 2020"
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 2020-05-15 on 2020-04-01 because "Comments are needed earlier"
      Then the officer is told "the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is 2020-06-01; an extension must be later, and 2020-05-15 is not"
      And nothing is recorded

    Example: A further extension beyond the extended deadline is recorded
      Given the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 2020-06-01 on 2020-03-13 because "The 6th session is postponed to July 2020"
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 2020-06-30 on 2020-05-25 because "Requests from Member States"
      Then the history of the 2018-2021 workplan of cybercrime-egm ends with DeadlineExtended on 2020-05-25, with:
        | previous | 2020-06-01 |
        | to       | 2020-06-30 |

  Rule: Only the deadline of a call for comments is extended

    Example: Extending the deadline of a year with no call for comments is refused
      When the deadline for 2021 comments under the 2018-2021 workplan of cybercrime-egm is extended to 2021-06-01 on 2021-03-01 because "Impact of the COVID-19 pandemic"
      Then the officer is told "no comments were requested for 2021 under the 2018-2021 workplan of cybercrime-egm"
      And nothing is recorded
