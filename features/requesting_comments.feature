Feature: Requesting comments
  As a secretariat officer
  I want to call on Member States and Observers for written comments on a year of the workplan, by a deadline
  So that the comments can be compiled for that year's session and judged against the deadline

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2021 and the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |

  Rule: Comments are requested for one year of the workplan, with a deadline

    Example: Comments for 2020 are requested by 12 March 2020
      When comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2 December 2019 with the deadline 12 March 2020
      Then comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2 December 2019 with the deadline 12 March 2020

  Rule: A year of the workplan has one call for comments

    Example: A second call for the 2020 comments is refused
      Given comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2 December 2019 with the deadline 12 March 2020
      When comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 13 March 2020 with the deadline 1 June 2020
      Then the officer is told "comments for 2020 under the 2018-2021 workplan of cybercrime-egm are already requested"
      And nothing is recorded

    Example: Each year of the workplan has its own call
      Given comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2 December 2019 with the deadline 12 March 2020
      When comments for 2021 under the 2018-2021 workplan of cybercrime-egm are requested on 1 December 2020 with the deadline 26 February 2021
      Then the history of the 2018-2021 workplan of cybercrime-egm reads:
        | entry              | on              |
        | workplan adopted   | 5 April 2018    |
        | comments requested | 2 December 2019 |
        | comments requested | 1 December 2020 |

  Rule: Comments are requested for a year inside the workplan's period

    Example: Comments for a year after the period are refused
      When comments for 2022 under the 2018-2021 workplan of cybercrime-egm are requested on 1 December 2021 with the deadline 1 March 2022
      Then the officer is told "the cycle 2022 falls outside the period 2018-2021"
      And nothing is recorded

  Rule: Comments are requested under a workplan the body has adopted

    Example: Comments under a workplan that was never adopted are refused
      When comments for 2022 under the 2022-2025 workplan of cybercrime-egm are requested on 1 December 2021 with the deadline 1 March 2022
      Then the officer is told "cybercrime-egm has no workplan for 2022-2025"
      And nothing is recorded
