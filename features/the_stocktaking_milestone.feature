Feature: The stocktaking milestone
  As a secretariat officer
  I want to see whether the stocktaking meeting the workplan requires is on the calendar in time
  So that the body holds it no later than the year its workplan sets

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2021 and the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |

  Rule: The milestone is due by the last day of its year

    Example: A stocktaking meeting no later than 2021
      Then the stocktaking milestone of the 2018-2021 workplan of cybercrime-egm is due by 31 December 2021
      And the stocktaking milestone of the 2018-2021 workplan of cybercrime-egm is not met

  Rule: The first stocktaking session, not cancelled, that starts by then meets the milestone

    Example: The seventh session is the stocktaking meeting
      When the 7th session of cybercrime-egm is scheduled for 6–8 April 2021 in "Vienna, Austria" on 1 December 2020, with:
        | stocktaking | yes |
      Then the stocktaking milestone of the 2018-2021 workplan of cybercrime-egm is met by the 7th session of cybercrime-egm, starting 6 April 2021

    Example: A cancelled stocktaking session does not meet it
      Given the 7th session of cybercrime-egm is scheduled for 6–8 April 2021 in "Vienna, Austria" on 1 December 2020, with:
        | stocktaking | yes |
      When the 7th session of cybercrime-egm is cancelled on 1 March 2021 because "The lack of a quorum"
      Then the stocktaking milestone of the 2018-2021 workplan of cybercrime-egm is not met

    Example: A stocktaking session after its year does not meet it
      When the 8th session of cybercrime-egm is scheduled for 4–6 April 2022 in "Vienna, Austria" on 1 December 2020, with:
        | stocktaking | yes |
      Then the stocktaking milestone of the 2018-2021 workplan of cybercrime-egm is not met

  Rule: A milestone not met by the end of its year is overdue

    Example: No stocktaking meeting by the end of 2021
      Then on 31 December 2021 the stocktaking milestone of the 2018-2021 workplan of cybercrime-egm is not overdue
      And on 1 January 2022 the stocktaking milestone of the 2018-2021 workplan of cybercrime-egm is overdue
