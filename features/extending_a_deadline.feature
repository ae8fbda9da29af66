Feature: Extending a deadline for comments
  As a secretariat officer
  I want to extend the deadline of a call for comments, with the reason
  So that comments received within the extension are told apart from on-time and late ones

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2021 and the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |
    And comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2 December 2019 with the deadline 12 March 2020

  Rule: An extension moves the deadline in force to a later date

    Example: The 2020 deadline is extended from 12 March to 1 June 2020 after the session is postponed
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 1 June 2020 on 13 March 2020 because "The 6th session is postponed to July 2020"
      Then the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended from 12 March 2020 to 1 June 2020 on 13 March 2020 because "The 6th session is postponed to July 2020"

    Example: An extension to the day of the deadline is refused
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 12 March 2020 on 13 March 2020 because "The 6th session is postponed to July 2020"
      Then the officer is told "the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is 2020-03-12; an extension must be later, and 2020-03-12 is not"
      And nothing is recorded

    Example: An extension to a day before the deadline is refused
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 1 March 2020 on 20 February 2020 because "Entered in error"
      Then the officer is told "the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is 2020-03-12; an extension must be later, and 2020-03-01 is not"
      And nothing is recorded

  Rule: A further extension is judged against the extended deadline

    Example: A further extension to a day before the extended deadline is refused
      Given the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 1 June 2020 on 13 March 2020 because "The 6th session is postponed to July 2020"
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 15 May 2020 on 1 April 2020 because "Comments are needed earlier"
      Then the officer is told "the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is 2020-06-01; an extension must be later, and 2020-05-15 is not"
      And nothing is recorded

    Example: A further extension beyond the extended deadline is recorded
      Given the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 1 June 2020 on 13 March 2020 because "The 6th session is postponed to July 2020"
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 30 June 2020 on 25 May 2020 because "Requests from Member States"
      Then the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended from 1 June 2020 to 30 June 2020 on 25 May 2020 because "Requests from Member States"

  Rule: Only the deadline of a call for comments is extended

    Example: Extending the deadline of a year with no call for comments is refused
      When the deadline for 2021 comments under the 2018-2021 workplan of cybercrime-egm is extended to 1 June 2021 on 1 March 2021 because "Impact of the COVID-19 pandemic"
      Then the officer is told "no comments were requested for 2021 under the 2018-2021 workplan of cybercrime-egm"
      And nothing is recorded
