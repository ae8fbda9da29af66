Feature: Recording statements and panelists
  As a secretariat officer
  I want to record which delegation spoke, in general or on which agenda item, and who presented on a panel
  So that the session's page can list the statements and presentations as they were made

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
    And the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"

  Rule: A delegation's statement is general or on an item of the agenda

    Background:
      Given the agenda of the 6th session of cybercrime-egm is issued on 15 June 2020 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
        | 4    | Other matters             |
        | 5    | Adoption of the report    |
      And the 6th session of cybercrime-egm is opened on 27 July 2020

    Example: Australia makes a general statement
      When a general statement by "Australia" is recorded for the 6th session of cybercrime-egm on 27 July 2020
      Then a general statement by "Australia" is recorded for the 6th session of cybercrime-egm on 27 July 2020

    Example: The Russian Federation speaks on prevention
      When a statement by "Russian Federation" on item 3 is recorded for the 6th session of cybercrime-egm on 28 July 2020
      Then a statement by "Russian Federation" on item 3 is recorded for the 6th session of cybercrime-egm on 28 July 2020

    Example: A delegation that makes two general statements has both on record
      When a general statement by "Russian Federation" is recorded for the 6th session of cybercrime-egm on 27 July 2020
      And a general statement by "Russian Federation" is recorded for the 6th session of cybercrime-egm on 27 July 2020
      Then the history of the 6th session of cybercrime-egm reads:
        | entry              | on              |
        | scheduled          | 2 December 2019 |
        | postponed          | 13 March 2020   |
        | agenda issued      | 15 June 2020    |
        | opened             | 27 July 2020    |
        | statement recorded | 27 July 2020    |
        | statement recorded | 27 July 2020    |

    Example: A statement on an item the agenda does not have is refused
      When a statement by "Greece" on item 6 is recorded for the 6th session of cybercrime-egm on 28 July 2020
      Then the officer is told "the agenda of the 6th session of cybercrime-egm has no item 6"
      And nothing is recorded

  Rule: A panelist presents on an item of the agenda

    Background:
      Given the agenda of the 6th session of cybercrime-egm is issued on 15 June 2020 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
        | 4    | Other matters             |
        | 5    | Adoption of the report    |

    Example: Mr. Pedro Destino of Angola presents on prevention
      When the panelist "Mr. Pedro Destino" of "Angola" is confirmed on item 3 of the 6th session of cybercrime-egm to present "Challenges for Cybercrime Prevention" on 20 July 2020
      Then the panelist "Mr. Pedro Destino" of "Angola" is confirmed on item 3 of the 6th session of cybercrime-egm to present "Challenges for Cybercrime Prevention" on 20 July 2020

    Example: A panelist on an item the agenda does not have is refused
      When the panelist "Mr. Stephen McGlynn" of "Australia" is confirmed on item 7 of the 6th session of cybercrime-egm to present "International Cooperation: Delivering Operational and Legislative Results" on 20 July 2020
      Then the officer is told "the agenda of the 6th session of cybercrime-egm has no item 7"
      And nothing is recorded

  Rule: Before the agenda is issued, statements and panelists are recorded on the item they name

    Example: A panelist is confirmed before the agenda is issued
      When the panelist "Mr. Vadim Sushchik" of "Russian Federation" is confirmed on item 2 of the 6th session of cybercrime-egm to present "International Police Co-operation on Cybercrime: The Experience of the Russian Ministry of Interior" on 1 June 2020
      Then the panelist "Mr. Vadim Sushchik" of "Russian Federation" is confirmed on item 2 of the 6th session of cybercrime-egm to present "International Police Co-operation on Cybercrime: The Experience of the Russian Ministry of Interior" on 1 June 2020
      And the history of the 6th session of cybercrime-egm reads:
        | entry              | on              |
        | scheduled          | 2 December 2019 |
        | postponed          | 13 March 2020   |
        | panelist confirmed | 1 June 2020     |

    Example: A statement is recorded on the item it names before the agenda is issued
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      When a statement by "Australia" on item 9 is recorded for the 6th session of cybercrime-egm on 27 July 2020
      Then a statement by "Australia" on item 9 is recorded for the 6th session of cybercrime-egm on 27 July 2020

  Rule: A cancelled session takes no statements and no panelists

    Background:
      Given the 6th session of cybercrime-egm is cancelled on 20 May 2020 because "Impact of the COVID-19 pandemic"

    Example: A statement for a cancelled session is refused
      When a general statement by "China" is recorded for the 6th session of cybercrime-egm on 27 July 2020
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot have statements recorded"
      And nothing is recorded

    Example: A panelist for a cancelled session is refused
      When the panelist "Dr. Horacio Azzolin" of "Argentina" is confirmed on item 3 of the 6th session of cybercrime-egm to present "Prevention" on 20 July 2020
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot have panelists confirmed"
      And nothing is recorded
