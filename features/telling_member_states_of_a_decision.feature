Feature: Telling Member States of a decision
  As a secretariat officer
  I want every decision I record about a session or a call for comments to be told to the body's distribution list, in each subscriber's language, with the session's calendar entry
  So that Member States learn of a postponement once, with its final dates, and the record proves who was told what

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
    And "focal.point@mission-austria.example" (Maria Huber of Austria) subscribes to cybercrime-egm on 3 December 2019, in English, as a member of the extended Bureau
    And "pointfocal@mission-france.example" (Jean Dupont of France) subscribes to cybercrime-egm on 3 December 2019, in French

  Rule: A decision recorded now is told to every subscriber, in their language

    Example: The postponement of the sixth session is told to both subscribers
      When the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then the messages waiting to be sent are:
        | to                                  | subject                                                           |
        | focal.point@mission-austria.example | [cybercrime-egm] 6th session: 27–29 July 2020, Vienna, Austria    |
        | pointfocal@mission-france.example   | [cybercrime-egm] 6e session : 27–29 juillet 2020, Vienna, Austria |

  Rule: Changes to a session that follow each other closely are told in one message, which states the final dates

    Example: A postponement to dates to be determined, then new dates
      When the 6th session of cybercrime-egm is postponed to dates to be determined on 13 March 2020 because "Impact of the COVID-19 pandemic"
      And the 6th session of cybercrime-egm is rescheduled to 27–29 July 2020 on 20 March 2020
      Then the message waiting for "pointfocal@mission-france.example" tells of the postponement and the rescheduling
      And the message waiting for "pointfocal@mission-france.example" says "La 6e session de cybercrime-egm, « 6th meeting of cybercrime-egm », se tiendra du 27–29 juillet 2020 à Vienna, Austria (en présentiel)."

  Rule: A document circulated to the extended Bureau reaches only its members

    Example: The organization of work is shared with the extended Bureau
      Given the document "Proposed organization of work for the 6th session" of the 6th session of cybercrime-egm is issued as an organization-of-work on 13 July 2020
      When the document "Proposed organization of work for the 6th session" of the 6th session of cybercrime-egm is circulated to "extended-bureau" on 13 July 2020
      Then the messages waiting to be sent are:
        | to                                  | subject                                                                 |
        | focal.point@mission-austria.example | [cybercrime-egm] 6th session: Proposed organization of work for the 6th session |

  Rule: What is already on record is not told again

    Example: A postponement on record before tells nobody now
      Given the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
      Then no message is waiting to be sent
