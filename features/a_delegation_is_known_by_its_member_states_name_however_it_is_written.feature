Feature: A delegation is known by its Member State's name, however it is written
  As a secretariat officer
  I want every delegation I type matched to the Member State of the United Nations it names
  So that "russian federation", "Russian Federation " and "Russia" are one delegation, and a misspelt name is caught when I type it

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
    And the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
    And the agenda of the 6th session of cybercrime-egm is issued on 15 June 2020 with the items:
      | item | title                     |
      | 1    | Organizational matters    |
      | 2    | International cooperation |
      | 3    | Prevention                |

  Rule: A delegation is stored by its Member State's short name, and kept as it was written

    Example: The panelist of the People's Republic of China counts as China
      When the panelist "Ms. Gangqiang Zhang" of "People's Republic of China" is confirmed on item 2 of the 6th session of cybercrime-egm to present "Building Cyberspace Community with a Shared Future" on 13 July 2020
      Then the panelist is recorded as of "China", written "People's Republic of China"

    Example: Case, spacing and diacritics do not make another delegation
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      And a general statement by "Russian Federation" is recorded for the 6th session of cybercrime-egm on 27 July 2020
      When a general statement by "russian  federation " is recorded for the 6th session of cybercrime-egm on 27 July 2020
      Then the statement is recorded as by "Russian Federation", written "russian  federation "
      And the 6th session of cybercrime-egm has 2 general statements by "Russian Federation"

    Example: Another name of a Member State is that Member State
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      When a statement by "USA" on item 2 is recorded for the 6th session of cybercrime-egm on 27 July 2020
      Then the statement is recorded as by "United States of America", written "USA"

  Rule: A name that is no Member State's is refused, with the closest names

    Example: A misspelt Member State
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      When a general statement by "Russain Federation" is recorded for the 6th session of cybercrime-egm on 27 July 2020
      Then the officer is told "'Russain Federation' is neither a Member State of the United Nations nor an observer admitted to cybercrime-egm; did you mean 'Russian Federation'? (an expert in a personal capacity is recorded as unlisted)"
      And nothing is recorded

  Rule: An expert in a personal capacity is recorded as written, unlisted

    Example: A panelist who speaks for no delegation
      When the panelist "Dr. A. Expert", an expert from "University of Vienna" in a personal capacity, is confirmed on item 3 of the 6th session of cybercrime-egm to present "Prevention in practice" on 13 July 2020
      Then the panelist is recorded as written, "University of Vienna", and marked unlisted
