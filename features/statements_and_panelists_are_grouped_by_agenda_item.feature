Feature: Statements and panelists are grouped by agenda item
  As the secretariat of the Expert Group on Cybercrime
  I want each statement and each panelist recorded under the agenda item it was given on
  So that the session's page lists them item by item, as delivered

  Background:
    Given the record of the Expert Group on Cybercrime is imported

  Rule: Every statement is a general statement or a statement on one agenda item

    Scenario Outline: The statements of the sixth session, item by item
      Then the 6th session of cybercrime-egm has <count> <statements> by <delegations> delegations

      Examples:
        | statements            | count | delegations |
        | general statements    | 11    | 10          |
        | statements on item 2  | 11    | 11          |
        | statements on item 3  | 10    | 9           |

    Example: A delegation that spoke twice has two statements
      Then the 6th session of cybercrime-egm has 2 general statements by "Russian Federation"
      And the 6th session of cybercrime-egm has 1 statement on item 2 by "Russian Federation"
      And the 6th session of cybercrime-egm has 2 statements on item 3 by "Russian Federation"

  Rule: Every panelist presents on one agenda item

    Scenario Outline: The panels of the sixth session
      Then the 6th session of cybercrime-egm has <panelists> panelists confirmed on item <item>, "<first>" first

      Examples:
        | item | panelists | first                               |
        | 2    | 7         | Mr. Terlumun George-Maria Tyendezwa |
        | 3    | 6         | Mr. Pedro Destino                   |

    Example: A panelist of the Russian Federation on international cooperation
      Then the panelist "Mr. Vadim Sushchik" of "Russian Federation" is confirmed on item 2 of the 6th session of cybercrime-egm to present "International Police Co-operation on Cybercrime: The Experience of the Russian Ministry of Interior" on 13 July 2020
      And the 6th session of cybercrime-egm has 1 panelist named "Mr. Vadim Sushchik"

  Rule: A statement is on an item of the agenda

    Example: A statement on an item the agenda does not have is refused
      When these entries are imported:
        """
        - {command: record-statement, body: cybercrime-egm, number: 6, delegation: Norway, item: 9, on: 2020-07-29}
        """
      Then the import stops at entry 1
      And the officer is told "the agenda of the 6th session of cybercrime-egm has no item 9"
      And nothing is recorded
      And the 6th session of cybercrime-egm has 11 statements on item 2 by 11 delegations
