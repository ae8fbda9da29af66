Feature: Issuing the agenda and the documents of a session
  As a secretariat officer
  I want to issue a session's agenda and documents, and record to whom a document was circulated
  So that statements and panels refer to the agenda in force and the session's page lists what was published

  Background:
    Given the body cybercrime-egm is established on 2010-12-21
    And the 6th session of cybercrime-egm is scheduled for 2020-04-06 to 2020-04-08 in "Vienna, Austria" on 2019-12-02
    And the 6th session of cybercrime-egm is postponed to new dates 2020-07-27 to 2020-07-29 on 2020-03-13 because "Impact of the COVID-19 pandemic"

  Rule: The agenda is issued as numbered items, and a revised agenda replaces it

    Example: The provisional agenda of the 6th session is issued
      When the agenda of the 6th session of cybercrime-egm is issued on 2020-06-15 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
        | 4    | Other matters             |
        | 5    | Adoption of the report    |
      Then the agenda of the 6th session of cybercrime-egm reads:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
        | 4    | Other matters             |
        | 5    | Adoption of the report    |

    Example: A revised agenda replaces the one issued before, in the order of its numbers
      Given the agenda of the 6th session of cybercrime-egm is issued on 2020-06-15 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
      When the agenda of the 6th session of cybercrime-egm is issued on 2020-07-13 with the items:
        | item | title                     |
        | 5    | Adoption of the report    |
        | 4    | Other matters             |
        | 3    | Prevention                |
        | 2    | International cooperation |
        | 1    | Organizational matters    |
      Then the agenda of the 6th session of cybercrime-egm reads:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
        | 4    | Other matters             |
        | 5    | Adoption of the report    |

  Rule: An agenda has at least one item, and numbers each item once

    Example: An agenda that numbers two items the same is refused
      When the agenda of the 6th session of cybercrime-egm is issued on 2020-06-15 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 2    | Prevention                |
      Then the officer is told "the agenda numbers more than one item 2"
      And nothing is recorded

    Example: An agenda without items is refused
      When the agenda of the 6th session of cybercrime-egm is issued on 2020-06-15 with the items:
        | item | title |
      Then the officer is told "the agenda of the 6th session of cybercrime-egm needs at least one item"
      And nothing is recorded

  Rule: A closed or cancelled session gets no agenda

    Example: A closed session gets no agenda
      Given the 6th session of cybercrime-egm is opened on 2020-07-27
      And the 6th session of cybercrime-egm is closed on 2020-07-29
      When the agenda of the 6th session of cybercrime-egm is issued on 2020-07-30 with the items:
        | item | title                  |
        | 1    | Organizational matters |
      Then the officer is told "the 6th session of cybercrime-egm is closed and cannot have an agenda issued"
      And nothing is recorded

    Example: A cancelled session gets no agenda
      Given the 6th session of cybercrime-egm is cancelled on 2020-05-20 because "Impact of the COVID-19 pandemic"
      When the agenda of the 6th session of cybercrime-egm is issued on 2020-06-15 with the items:
        | item | title                  |
        | 1    | Organizational matters |
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot have an agenda issued"
      And nothing is recorded

  Rule: A session issues a document of a given title once

    Example: The list of participants is issued
      When the document "List of Participants" of the 6th session of cybercrime-egm is issued as a participants-list on 2020-07-27
      Then the history of the 6th session of cybercrime-egm ends with DocumentIssued on 2020-07-27, with:
        | kind   | participants-list    |
        | title  | List of Participants |
        | symbol | none                 |

    Example: The report of the meeting is issued with its symbol
      When the document "Report on the meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime held in Vienna from 27 to 29 July 2020" of the 6th session of cybercrime-egm is issued as a report with the symbol "UNODC/CCPCJ/EG.4/2020/2" on 2020-08-07
      Then the history of the 6th session of cybercrime-egm ends with DocumentIssued on 2020-08-07, with:
        | kind   | report                  |
        | symbol | UNODC/CCPCJ/EG.4/2020/2 |

    Example: A document issued a second time under the same title is refused
      Given the document "List of Participants" of the 6th session of cybercrime-egm is issued as a participants-list on 2020-07-27
      When the document "List of Participants" of the 6th session of cybercrime-egm is issued as a participants-list on 2020-07-29
      Then the officer is told "the 6th session of cybercrime-egm already has a document titled 'List of Participants'"
      And nothing is recorded

  Rule: Only a document the session has issued is circulated

    Example: The proposed organization of work is shared with the extended Bureau, then circulated to Member States
      Given the document "Proposed organization of work for the 6th session" of the 6th session of cybercrime-egm is issued as an organization-of-work on 2020-07-13
      When the document "Proposed organization of work for the 6th session" of the 6th session of cybercrime-egm is circulated to "the extended Bureau" on 2020-07-13
      And the document "Proposed organization of work for the 6th session" of the 6th session of cybercrime-egm is circulated to "Member States" via "Special Message" on 2020-07-14
      Then the history of the 6th session of cybercrime-egm ends with DocumentCirculated on 2020-07-14, with:
        | document | Proposed organization of work for the 6th session |
        | to       | Member States                                     |
        | via      | Special Message                                   |
      And the history of the 6th session of cybercrime-egm reads:
        | event              | on         |
        | Scheduled          | 2019-12-02 |
        | Postponed          | 2020-03-13 |
        | DocumentIssued     | 2020-07-13 |
        | DocumentCirculated | 2020-07-13 |
        | DocumentCirculated | 2020-07-14 |

    Example: Circulating a document that was never issued is refused
      When the document "UN Code of Conduct to prevent harassment, including sexual harassment, at UN system events" of the 6th session of cybercrime-egm is circulated to "Participants" on 2020-07-20
      Then the officer is told "the 6th session of cybercrime-egm has no document titled 'UN Code of Conduct to prevent harassment, including sexual harassment, at UN system events'; issue it first"
      And nothing is recorded
