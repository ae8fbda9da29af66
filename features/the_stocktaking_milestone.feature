Feature: The stocktaking milestone
  As a secretariat officer
  I want to see whether the stocktaking meeting the workplan requires is on the calendar in time
  So that the body holds it no later than the year its workplan sets

  Background:
    Given the body "cybercrime-egm" is established
    And its 2018-2021 workplan is adopted with a stocktaking meeting no later than 2021

  Rule: The milestone is due by the last day of its year

    Example: A stocktaking meeting no later than 2021
      Then the stocktaking milestone is due by 2021-12-31
      And the stocktaking milestone is not met

  Rule: The first stocktaking session, not cancelled, that starts by then meets the milestone

    Example: The seventh session is the stocktaking meeting
      When its 7th session is scheduled as the stocktaking meeting for 2021-04-06 to 2021-04-08
      Then the stocktaking milestone is met by the 7th session, starting 2021-04-06

    Example: A cancelled stocktaking session does not meet it
      Given its 7th session is scheduled as the stocktaking meeting for 2021-04-06 to 2021-04-08
      When the 7th session is cancelled on 2021-03-01 because of "the lack of a quorum"
      Then the stocktaking milestone is not met

    Example: A stocktaking session after its year does not meet it
      When its 8th session is scheduled as the stocktaking meeting for 2022-04-04 to 2022-04-06
      Then the stocktaking milestone is not met

  Rule: A milestone not met by the end of its year is overdue

    Example: No stocktaking meeting by the end of 2021
      Then on 2021-12-31 the stocktaking milestone is not overdue
      And on 2022-01-01 the stocktaking milestone is overdue
