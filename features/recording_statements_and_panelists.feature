Feature: Recording statements and panelists
  As a secretariat officer
  I want to record which delegation spoke, in general or on which agenda item, and who presented on a panel
  So that the session's page can list the statements and presentations as they were made

  Background:
    Given the body cybercrime-egm is established on 2010-12-21
    And the 6th session of cybercrime-egm is scheduled for 2020-04-06 to 2020-04-08 in "Vienna, Austria" on 2019-12-02
    And the 6th session of cybercrime-egm is postponed to new dates 2020-07-27 to 2020-07-29 on 2020-03-13 because "Impact of the COVID-19 pandemic"

  Rule: A delegation's statement is general or on an item of the agenda

    Background:
      Given the agenda of the 6th session of cybercrime-egm is issued on 2020-06-15 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
        | 4    | Other matters             |
        | 5    | Adoption of the report    |

    Example: Australia makes a general statement
      When a general statement by "Australia" is recorded for the 6th session of cybercrime-egm on 2020-07-27
      Then the history of the 6th session of cybercrime-egm ends with StatementRecorded on 2020-07-27, with:
        | delegation | Australia |
        | item       | none      |

    Example: The Russian Federation speaks on prevention
      When a statement by "Russian Federation" on item 3 is recorded for the 6th session of cybercrime-egm on 2020-07-28
      Then the history of the 6th session of cybercrime-egm ends with StatementRecorded on 2020-07-28, with:
        | delegation | Russian Federation |
        | item       | 3                  |

    Example: A delegation that makes two general statements has both on record
      When a general statement by "Russian Federation" is recorded for the 6th session of cybercrime-egm on 2020-07-27
      And a general statement by "Russian Federation" is recorded for the 6th session of cybercrime-egm on 2020-07-27
      Then the history of the 6th session of cybercrime-egm reads:
        | event             | on         |
        | Scheduled         | 2019-12-02 |
        | Postponed         | 2020-03-13 |
        | AgendaIssued      | 2020-06-15 |
        | StatementRecorded | 2020-07-27 |
        | StatementRecorded | 2020-07-27 |

    Example: A statement on an item the agenda does not have is refused
      When a statement by "Greece" on item 6 is recorded for the 6th session of cybercrime-egm on 2020-07-28
      Then the officer is told "the agenda of the 6th session of cybercrime-egm has no item 6"
      And nothing is recorded

  Rule: A panelist presents on an item of the agenda

    Background:
      Given the agenda of the 6th session of cybercrime-egm is issued on 2020-06-15 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
        | 4    | Other matters             |
        | 5    | Adoption of the report    |

    Example: Mr. Pedro Destino of Angola presents on prevention
      When the panelist "Mr. Pedro Destino" of "Angola" is confirmed on item 3 of the 6th session of cybercrime-egm to present "Challenges for Cybercrime Prevention" on 2020-07-20
      Then the history of the 6th session of cybercrime-egm ends with PanelistConfirmed on 2020-07-20, with:
        | name       | Mr. Pedro Destino                    |
        | delegation | Angola                               |
        | item       | 3                                    |
        | title      | Challenges for Cybercrime Prevention |

    Example: A panelist on an item the agenda does not have is refused
      When the panelist "Mr. Stephen McGlynn" of "Australia" is confirmed on item 7 of the 6th session of cybercrime-egm to present "International Cooperation: Delivering Operational and Legislative Results" on 2020-07-20
      Then the officer is told "the agenda of the 6th session of cybercrime-egm has no item 7"
      And nothing is recorded

  Rule: Before the agenda is issued, statements and panelists are recorded on the item they name

    Example: A panelist is confirmed before the agenda is issued
      When the panelist "Mr. Vadim Sushchik" of "Russian Federation" is confirmed on item 2 of the 6th session of cybercrime-egm to present "International Police Co-operation on Cybercrime: The Experience of the Russian Ministry of Interior" on 2020-06-01
      Then the history of the 6th session of cybercrime-egm ends with PanelistConfirmed on 2020-06-01, with:
        | name | Mr. Vadim Sushchik |
        | item | 2                  |
      And the history of the 6th session of cybercrime-egm reads:
        | event             | on         |
        | Scheduled         | 2019-12-02 |
        | Postponed         | 2020-03-13 |
        | PanelistConfirmed | 2020-06-01 |

  Rule: A cancelled session takes no statements and no panelists

    Background:
      Given the 6th session of cybercrime-egm is cancelled on 2020-05-20 because "Impact of the COVID-19 pandemic"

    Example: A statement for a cancelled session is refused
      When a general statement by "China" is recorded for the 6th session of cybercrime-egm on 2020-07-27
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot have statements recorded"
      And nothing is recorded

    Example: A panelist for a cancelled session is refused
      When the panelist "Dr. Horacio Azzolin" of "Argentina" is confirmed on item 3 of the 6th session of cybercrime-egm to present "Prevention" on 2020-07-20
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot have panelists confirmed"
      And nothing is recorded
