Feature: Statements and panelists are grouped by agenda item
  As the secretariat of the Expert Group on Cybercrime
  I want each statement and each panelist recorded under the agenda item it was given on
  So that the session's page lists them item by item, as delivered

  Background:
    Given the record of the Expert Group on Cybercrime has been imported

  Rule: Every statement is a general statement or a statement on one agenda item

    Scenario Outline: The statements of the sixth session, item by item
      Then the 6th session has <statements> statements by <delegations> delegations <grouped>

      Examples:
        | grouped                  | statements | delegations |
        | as general statements    | 11         | 10          |
        | on agenda item 2         | 11         | 11          |
        | on agenda item 3         | 10         | 9           |

    Scenario: A delegation that spoke twice has two statements
      Then the Russian Federation made 2 statements as general statements
      And the Russian Federation made 1 statement on agenda item 2
      And the Russian Federation made 2 statements on agenda item 3

  Rule: Every panelist presents on one agenda item

    Scenario Outline: The panels of the sixth session
      Then <panelists> panelists presented on agenda item <item>, <first> first

      Examples:
        | item | panelists | first                                 |
        | 2    | 7         | Mr. Terlumun George-Maria Tyendezwa  |
        | 3    | 6         | Mr. Pedro Destino                     |

    Scenario: A panelist of the Russian Federation on international cooperation
      Then Mr. Vadim Sushchik of the Russian Federation presented "International Police Co-operation on Cybercrime: The Experience of the Russian Ministry of Interior" on agenda item 2

  Rule: A statement is on an item of the agenda

    Scenario: A statement on an item the agenda does not have is refused
      When the secretariat imports:
        """
        - {command: record-statement, body: cybercrime-egm, number: 6, delegation: Norway, item: 9, on: 2020-07-29}
        """
      Then the import stops at entry 1 because "the agenda of the 6th session of cybercrime-egm has no item 9"
      And the 6th session has 11 statements by 11 delegations on agenda item 2
