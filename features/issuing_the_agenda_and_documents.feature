Feature: Issuing the agenda and the documents of a session
  As a secretariat officer
  I want to issue a session's agenda and documents, and record to whom a document was circulated
  So that statements and panels refer to the agenda in force and the session's page lists what was published

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
    And the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"

  Rule: The agenda is issued as numbered items, and a revised agenda replaces it

    Example: The provisional agenda of the 6th session is issued
      When the agenda of the 6th session of cybercrime-egm is issued on 15 June 2020 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
        | 4    | Other matters             |
        | 5    | Adoption of the report    |
      Then the agenda of the 6th session of cybercrime-egm is issued on 15 June 2020 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
        | 4    | Other matters             |
        | 5    | Adoption of the report    |

    Example: A revised agenda replaces the one issued before, in the order of its numbers
      Given the agenda of the 6th session of cybercrime-egm is issued on 15 June 2020 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
      When the agenda of the 6th session of cybercrime-egm is issued on 13 July 2020 with the items:
        | item | title                     |
        | 5    | Adoption of the report    |
        | 4    | Other matters             |
        | 3    | Prevention                |
        | 2    | International cooperation |
        | 1    | Organizational matters    |
      Then the agenda of the 6th session of cybercrime-egm is issued on 13 July 2020 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 3    | Prevention                |
        | 4    | Other matters             |
        | 5    | Adoption of the report    |

  Rule: An agenda has at least one item, and numbers each item once

    Example: An agenda that numbers two items the same is refused
      When the agenda of the 6th session of cybercrime-egm is issued on 15 June 2020 with the items:
        | item | title                     |
        | 1    | Organizational matters    |
        | 2    | International cooperation |
        | 2    | Prevention                |
      Then the officer is told "the agenda numbers more than one item 2"
      And nothing is recorded

    Example: An agenda without items is refused
      When the agenda of the 6th session of cybercrime-egm is issued on 15 June 2020 with the items:
        | item | title |
      Then the officer is told "the agenda of the 6th session of cybercrime-egm needs at least one item"
      And nothing is recorded

  Rule: A closed or cancelled session gets no agenda

    Example: A closed session gets no agenda
      Given the 6th session of cybercrime-egm is opened on 27 July 2020
      And the 6th session of cybercrime-egm is closed on 29 July 2020
      When the agenda of the 6th session of cybercrime-egm is issued on 30 July 2020 with the items:
        | item | title                  |
        | 1    | Organizational matters |
      Then the officer is told "the 6th session of cybercrime-egm is closed and cannot have an agenda issued"
      And nothing is recorded

    Example: A cancelled session gets no agenda
      Given the 6th session of cybercrime-egm is cancelled on 20 May 2020 because "Impact of the COVID-19 pandemic"
      When the agenda of the 6th session of cybercrime-egm is issued on 15 June 2020 with the items:
        | item | title                  |
        | 1    | Organizational matters |
      Then the officer is told "the 6th session of cybercrime-egm is cancelled and cannot have an agenda issued"
      And nothing is recorded

  Rule: A session issues a document of a given title once

    Example: The list of participants is issued
      When the document "List of Participants" of the 6th session of cybercrime-egm is issued as a participants-list on 27 July 2020
      Then the document "List of Participants" of the 6th session of cybercrime-egm is issued as a participants-list on 27 July 2020

    Example: The report of the meeting is issued with its symbol
      When the document "Report on the meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime held in Vienna from 27 to 29 July 2020" of the 6th session of cybercrime-egm is issued as a report with the symbol "UNODC/CCPCJ/EG.4/2020/2" on 7 August 2020
      Then the document "Report on the meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime held in Vienna from 27 to 29 July 2020" of the 6th session of cybercrime-egm is issued as a report with the symbol "UNODC/CCPCJ/EG.4/2020/2" on 7 August 2020

    Example: A document issued a second time under the same title is refused
      Given the document "List of Participants" of the 6th session of cybercrime-egm is issued as a participants-list on 27 July 2020
      When the document "List of Participants" of the 6th session of cybercrime-egm is issued as a participants-list on 29 July 2020
      Then the officer is told "the 6th session of cybercrime-egm already has a document titled 'List of Participants'"
      And nothing is recorded

  Rule: Only a document the session has issued is circulated

    Example: The proposed organization of work is shared with the extended Bureau, then circulated to Member States
      Given the document "Proposed organization of work for the 6th session" of the 6th session of cybercrime-egm is issued as an organization-of-work on 13 July 2020
      When the document "Proposed organization of work for the 6th session" of the 6th session of cybercrime-egm is circulated to "the extended Bureau" on 13 July 2020
      And the document "Proposed organization of work for the 6th session" of the 6th session of cybercrime-egm is circulated to "Member States" via "Special Message" on 14 July 2020
      Then the document "Proposed organization of work for the 6th session" of the 6th session of cybercrime-egm is circulated to "Member States" via "Special Message" on 14 July 2020
      And the history of the 6th session of cybercrime-egm reads:
        | entry               | on              |
        | scheduled           | 2 December 2019 |
        | postponed           | 13 March 2020   |
        | document issued     | 13 July 2020    |
        | document circulated | 13 July 2020    |
        | document circulated | 14 July 2020    |

    Example: Circulating a document that was never issued is refused
      When the document "UN Code of Conduct to prevent harassment, including sexual harassment, at UN system events" of the 6th session of cybercrime-egm is circulated to "Participants" on 20 July 2020
      Then the officer is told "the 6th session of cybercrime-egm has no document titled 'UN Code of Conduct to prevent harassment, including sexual harassment, at UN system events'; issue it first"
      And nothing is recorded
